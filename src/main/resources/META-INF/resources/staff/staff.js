/*
 * The helpline staff console: the nurses' queue, transcripts and triage; the editors'
 * unrecognised questions, feedback and content reload. Plain script, no framework. The
 * content drafts, versions and sign-off are in content.js, which uses window.helplineStaff.
 *
 * - Sign-in sends HTTP Basic credentials with every fetch; they live only in this script's
 *   memory (never in storage), so closing or reloading the tab signs out.
 * - fetch uses credentials: 'omit', so the browser never shows its own sign-in prompt and
 *   never remembers the password; the Authorization header is set here.
 * - Everything from the server is shown with textContent: transcripts hold what people typed.
 * - A message left while the line was closed is answered in the same panel as a live chat
 *   (claim, write, close with an outcome); the queue shows when its reply is due, in the
 *   helpline's time zone, and marks it when overdue.
 * - The queue and a live chat follow text/event-streams. EventSource cannot send the
 *   Authorization header, so follow() reads them with fetch and a small parser, and
 *   reconnects with Last-Event-ID after a drop.
 */
(function () {
  'use strict';

  var API = '../api/v1/';
  var CHANNEL = {
    web: 'Web chat',
    sms: 'SMS',
    whatsapp: 'WhatsApp',
    telegram: 'Telegram',
    messenger: 'Messenger'
  };

  var CHAT_STATUS = {
    waiting: 'Live chat: waiting for a nurse',
    with_nurse: 'Live chat: with a nurse',
    back_with_bot: 'Live chat: handed back to the bot',
    left: 'Live chat: the person has left',
    closed: 'Live chat: ended'
  };
  var URGENCY_RANK = {emergency: 0, urgent: 1, routine: 2};
  // The helpline's own time zone: reply-by times are promised in it.
  var HELPLINE_ZONE = 'Europe/London';

  var auth = null;
  var me = null;
  // What content.js adds: calls after sign-in and sign-out, and per report entry.
  var hooks = {signIn: [], signOut: [], entry: {}};
  var queueStream = null;
  // The live chat on show: {handoff, stream, shown: ids already on screen}; null when none.
  var chat = null;
  var contact = null;

  function $(id) {
    return document.getElementById(id);
  }

  /**
   * An element with optional class and content: an array of child nodes, or text (always
   * textContent, never markup).
   */
  function el(tag, className, content) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (Array.isArray(content)) {
      content.forEach(function (child) {
        e.appendChild(child);
      });
    } else if (content !== undefined && content !== null) {
      e.textContent = String(content);
    }
    return e;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  /** Shows a message in a status line; kind 'error' makes it an alert. */
  function say(node, text, kind) {
    node.textContent = '';
    node.className = node.className.replace(/\s*is-(error|ok)/g, '');
    node.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    if (kind) {
      node.className += ' is-' + kind;
    }
    node.textContent = text || '';
  }

  function basic(name, password) {
    var bytes = new TextEncoder().encode(name + ':' + password);
    var binary = '';
    bytes.forEach(function (b) {
      binary += String.fromCharCode(b);
    });
    return 'Basic ' + btoa(binary);
  }

  /**
   * Calls the staff API. Resolves to {status, data, headers}; data is the parsed JSON body (a
   * problem document on errors) or null. Network failures resolve with status 0.
   * options (content.js): type sends body as it is with that Content-Type instead of JSON;
   * accept 'text/plain' resolves data to the text, 'application/zip' to the bytes (an
   * ArrayBuffer), when the call succeeds.
   */
  function api(method, path, body, credentials, options) {
    var o = options || {};
    var accept = o.accept || 'application/json';
    var headers = {Accept: accept + (o.accept ? ', application/problem+json' : ''),
      Authorization: credentials || auth};
    var init = {method: method, headers: headers, credentials: 'omit', cache: 'no-store'};
    if (body !== undefined) {
      headers['Content-Type'] = o.type || 'application/json';
      init.body = o.type ? body : JSON.stringify(body);
    }
    return fetch(API + path, init).then(function (res) {
      if (res.status === 401 && !credentials) {
        signOut('Your sign-in has ended. Please sign in again.');
      }
      var raw = res.ok && accept !== 'application/json';
      return (raw && accept === 'application/zip' ? res.arrayBuffer() : res.text())
        .then(function (content) {
          var data = raw ? content : null;
          if (!raw) {
            try {
              data = content ? JSON.parse(content) : null;
            } catch (e) {
              data = null;
            }
          }
          return {status: res.status, data: data, headers: res.headers};
        });
    }, function () {
      return {status: 0, data: null, headers: null};
    });
  }

  /** A plain sentence for a failed call. */
  function problem(result, doing) {
    if (result.status === 0) {
      return 'Could not reach the server while ' + doing + '. Check the connection and try again.';
    }
    if (result.status === 403) {
      return 'Your account may not do this (' + doing + ').';
    }
    var detail = result.data && result.data.detail ? result.data.detail : 'error ' + result.status;
    return 'Could not finish ' + doing + ': ' + detail + '.';
  }

  // ---------------------------------------------------------------- event streams

  /**
   * Follows a text/event-stream of the staff API: onEvent(type, data, id) for each event
   * (type 'message' when the stream names none; id null for an event that has none of its
   * own, such as a place in the queue or presence, which is never a replay). After a drop it reconnects with the last id
   * in a Last-Event-ID header, waiting 1 s, then longer, up to 15 s. onState('open' |
   * 'retrying' | 'refused', status) says how it goes. A 401 signs out; 403 and 404 stop it.
   * Returns {close()}.
   */
  function follow(path, onEvent, onState) {
    var lastId = null;
    var closed = false;
    var controller = null;
    var timer = null;
    var delay = 1000;
    var retry = 1000;
    var state = onState || function () {};

    function again() {
      if (closed) {
        return;
      }
      state('retrying');
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15000);
    }

    function connect() {
      timer = null;
      controller = new AbortController();
      var headers = {Accept: 'text/event-stream', Authorization: auth};
      if (lastId !== null) {
        headers['Last-Event-ID'] = lastId;
      }
      fetch(API + path, {headers: headers, credentials: 'omit', cache: 'no-store',
        signal: controller.signal}).then(function (res) {
        if (closed) {
          return;
        }
        if (res.status === 401) {
          signOut('Your sign-in has ended. Please sign in again.');
          return;
        }
        if (res.status === 403 || res.status === 404) {
          closed = true;
          state('refused', res.status);
          return;
        }
        if (!res.ok || !res.body) {
          again();
          return;
        }
        delay = retry;
        state('open');
        return read(res.body.getReader()).then(again);
      }).catch(again);
    }

    /** The text/event-stream format: id, event, data (joined by new lines), retry, comments. */
    function read(reader) {
      var decoder = new TextDecoder();
      var buffer = '';
      var type = '';
      var data = [];
      var ownId = null; // this event's id: null for one that is not kept (a place, presence)

      function line(text) {
        if (text === '') {
          if (data.length && !closed) {
            onEvent(type || 'message', data.join('\n'), ownId);
          }
          type = '';
          data = [];
          ownId = null;
          return;
        }
        if (text.charAt(0) === ':') {
          return; // a comment: the server's heartbeat
        }
        var colon = text.indexOf(':');
        var field = colon < 0 ? text : text.slice(0, colon);
        var value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') {
          type = value;
        } else if (field === 'data') {
          data.push(value);
        } else if (field === 'id' && value.indexOf('\0') < 0) {
          lastId = value;
          ownId = value;
        } else if (field === 'retry' && /^[0-9]+$/.test(value)) {
          retry = delay = Number(value);
        }
      }

      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done || closed) {
            return;
          }
          buffer += decoder.decode(chunk.value, {stream: true});
          // A chunk may end between the CR and LF of one line end: keep that CR for later.
          var held = buffer.charAt(buffer.length - 1) === '\r' ? '\r' : '';
          var lines = buffer.slice(0, buffer.length - held.length).split(/\r\n|\r|\n/);
          buffer = lines.pop() + held;
          lines.forEach(line);
          return pump();
        });
      }
      return pump();
    }

    connect();
    return {
      close: function () {
        closed = true;
        if (timer) {
          clearTimeout(timer);
        }
        if (controller) {
          controller.abort();
        }
      }
    };
  }

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  /** Whether the account holds the role, or one of several separated by spaces. */
  function hasRole(role) {
    return me !== null && (me.roles.indexOf('admin') >= 0 || role.split(' ').some(function (r) {
      return me.roles.indexOf(r) >= 0;
    }));
  }

  // ---------------------------------------------------------------- sign-in

  function signIn(event) {
    event.preventDefault();
    var name = $('sign-in-name').value.trim();
    var password = $('sign-in-password').value;
    var error = $('sign-in-error');
    if (!name || !password) {
      say(error, 'Enter your name and password.', 'error');
      return;
    }
    say(error, '');
    var credentials = basic(name, password);
    api('GET', 'staff/me', undefined, credentials).then(function (result) {
      if (result.status === 200 && result.data) {
        auth = credentials;
        me = {name: result.data.name, roles: result.data.roles || []};
        $('sign-in-password').value = '';
        showConsole();
      } else if (result.status === 401) {
        say(error, 'That name and password did not match. Please try again.', 'error');
        $('sign-in-password').value = '';
        $('sign-in-password').focus();
      } else {
        say(error, problem(result, 'signing in'), 'error');
      }
    });
  }

  function showConsole() {
    $('sign-in').hidden = true;
    $('console').hidden = false;
    $('who').hidden = false;
    $('who-name').textContent = 'Signed in as ' + me.name;
    document.querySelectorAll('[data-role]').forEach(function (section) {
      section.hidden = !hasRole(section.getAttribute('data-role'));
    });
    $('transcript').hidden = true;
    var roles = [];
    if (hasRole('nurse')) {
      roles.push('nurse');
    }
    if (hasRole('editor')) {
      roles.push('editor');
    }
    if (hasRole('clinician') && !hasRole('editor')) {
      roles.push('clinician');
    }
    $('console-title').textContent = roles.length === 2 ? 'Nurses and editors'
      : roles[0] === 'editor' ? 'Editors' : roles[0] === 'clinician' ? 'Clinicians'
        : 'Nurses';
    say($('status'), '');
    $('console-title').focus();
    if (hasRole('nurse')) {
      loadQueue();
      followQueue();
      loadContact();
    }
    if (hasRole('editor')) {
      REPORTS.forEach(function (report) {
        loadReport(report);
      });
    }
    hooks.signIn.forEach(function (hook) {
      hook();
    });
  }

  function signOut(message) {
    newest = null;
    hooks.signOut.forEach(function (hook) {
      hook();
    });
    if (queueStream) {
      queueStream.close();
      queueStream = null;
    }
    hideChat();
    auth = null;
    me = null;
    $('console').hidden = true;
    $('who').hidden = true;
    $('sign-in').hidden = false;
    ['queue-list', 'transcript-turns', 'triage-intents', 'triage-content', 'triage-steps',
      'unrecognised-list', 'feedback-list', 'content-problems', 'chat-log', 'chat-alerts',
      'chat-inserts'].forEach(function (id) {
      clear($(id));
    });
    $('triage-text').value = '';
    $('chat-text').value = '';
    $('chat-outcome').value = '';
    say($('queue-live'), '');
    $('triage-result').hidden = true;
    document.querySelectorAll('.message').forEach(function (node) {
      say(node, '');
    });
    say($('status'), message || 'You have signed out.');
    $('sign-in-name').focus();
  }

  // ---------------------------------------------------------------- nurses: queue

  function waiting(seconds, open) {
    var minutes = Math.floor(seconds / 60);
    var text;
    if (minutes < 1) {
      text = 'under a minute';
    } else if (minutes < 60) {
      text = minutes + ' min';
    } else {
      text = Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
    }
    return (open ? 'waiting ' : 'waited ') + text;
  }

  function time(iso) {
    if (!iso) {
      return '';
    }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', {
      day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'
    });
  }

  // The server's clock less this browser's (ms), from the last queue read: the time an open
  // entry was created plus how long it has waited is the server's now. Reply-by times are the
  // server's promises, so overdue is judged by its clock (the same in production; a test may
  // run the server at another time).
  var serverSkew = 0;

  function serverNow() {
    return Date.now() + serverSkew;
  }

  /** A reply-by time in the helpline's zone, "5pm Monday 30 November"; null when unknown. */
  function replyBy(iso) {
    var at = Date.parse(iso || '');
    if (isNaN(at)) {
      return null;
    }
    try {
      var parts = {};
      new Intl.DateTimeFormat('en-GB', {timeZone: HELPLINE_ZONE, weekday: 'long',
        day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', hourCycle: 'h23'})
        .formatToParts(new Date(Math.ceil(at / 60000) * 60000)).forEach(function (part) {
          parts[part.type] = part.value;
        });
      var hour = Number(parts.hour) % 24;
      return (hour % 12 === 0 ? 12 : hour % 12) + (parts.minute === '00' ? ''
        : ':' + parts.minute) + (hour < 12 ? 'am' : 'pm') + ' ' + parts.weekday + ' '
        + parts.day + ' ' + parts.month;
    } catch (e) {
      return time(iso);
    }
  }

  /** Whether a left message is still unanswered after the time promised. */
  function overdue(h) {
    var due = Date.parse(h.replyBy || '');
    return h.mode === 'message' && h.status !== 'closed' && h.chatStatus !== 'writing'
      && !isNaN(due) && serverNow() > due;
  }

  /** What a message entry says about its reply, and its overdue mark. */
  function messageLine(h) {
    var by = replyBy(h.replyBy);
    var text;
    if (h.chatStatus === 'writing') {
      text = 'Message: the person is still writing it';
    } else if (h.status === 'closed') {
      text = 'Message left: closed';
    } else if (overdue(h)) {
      text = 'Message left: overdue, the reply was due by ' + by;
    } else {
      text = 'Message left: reply by ' + (by || 'the time promised');
    }
    var line = el('p', 'chat-status message-status' + (overdue(h) ? ' is-overdue' : ''), text);
    return line;
  }

  /** Marks message entries that have become overdue since they were shown. */
  function refreshOverdue() {
    document.querySelectorAll('#queue-list li[data-reply-by]').forEach(function (item) {
      var h = JSON.parse(item.getAttribute('data-shown'));
      var late = overdue(h);
      if (late !== item.classList.contains('is-overdue')) {
        item.classList.toggle('is-overdue', late);
        var old = item.querySelector('.message-status');
        old.parentNode.replaceChild(messageLine(h), old);
      }
    });
  }

  function loadQueue() {
    var status = $('queue-status').value;
    say($('queue-message'), 'Loading the queue…');
    return api('GET', 'staff/handoffs' + (status ? '?status=' + status : ''))
      .then(function (result) {
        if (result.status !== 200 || !Array.isArray(result.data)) {
          say($('queue-message'), problem(result, 'loading the queue'), 'error');
          return;
        }
        var open = result.data.filter(function (h) {
          return h.status === 'open' && !isNaN(Date.parse(h.createdAt));
        });
        if (open.length) {
          serverSkew = Date.parse(open[0].createdAt) + open[0].waitingSeconds * 1000
            - Date.now();
        }
        renderQueue(result.data);
        newest = newest || 0;
        result.data.forEach(function (h) {
          newest = Math.max(newest, Date.parse(h.createdAt) || 0);
        });
        var n = result.data.length;
        say($('queue-message'), n === 0 ? 'No handoffs to show.'
          : n + (n === 1 ? ' handoff' : ' handoffs') + ', most urgent first.');
      });
  }

  function renderQueue(handoffs) {
    var list = $('queue-list');
    clear(list);
    handoffs.forEach(function (h) {
      list.appendChild(renderEntry(h));
    });
  }

  function renderEntry(h) {
    var item = el('li', 'entry urgency-' + h.urgency + (h.mode === 'message' ? ' is-message'
      : '') + (overdue(h) ? ' is-overdue' : ''));
    if (h.mode === 'message') {
      item.setAttribute('data-reply-by', h.replyBy || '');
    }
    item.setAttribute('data-handoff-id', h.id);
    item.setAttribute('data-rank', URGENCY_RANK[h.urgency] === undefined ? 3
      : URGENCY_RANK[h.urgency]);
    item.setAttribute('data-created', h.createdAt || '');
    item.setAttribute('data-shown', shownAs(h));
    var head = el('p', 'entry-head');
    head.id = 'handoff-' + h.id;
    head.appendChild(el('span', 'badge badge-' + h.urgency, h.urgencyLabel || h.urgency));
    head.appendChild(el('span', 'reason', h.reasonLabel || h.reason));
    head.appendChild(el('span', 'wait', waiting(h.waitingSeconds, h.status === 'open')));
    item.appendChild(head);
    item.appendChild(el('p', 'summary', h.summary || 'No summary.'));

    var state;
    if (h.status === 'open') {
      state = 'Open, not claimed yet';
    } else if (h.status === 'claimed') {
      state = 'Claimed by ' + (h.claimedBy === me.name ? 'you' : h.claimedBy);
    } else {
      state = 'Closed by ' + h.closedBy + ' ' + time(h.closedAt);
    }
    item.appendChild(el('p', 'meta', (CHANNEL[h.channel] || h.channel) + ' · conversation '
      + String(h.conversationId).slice(0, 8) + ' · since ' + time(h.createdAt) + ' · ' + state));
    if (h.mode === 'chat' && CHAT_STATUS[h.chatStatus]) {
      item.appendChild(el('p', 'chat-status chat-' + h.chatStatus, CHAT_STATUS[h.chatStatus]));
    } else if (h.mode === 'message') {
      item.appendChild(messageLine(h));
    }
    if (h.status === 'closed' && h.outcome) {
      item.appendChild(el('p', 'outcome', 'Outcome: ' + h.outcome));
    }

    var actions = el('div', 'actions');
    var read = el('button', 'transcript-button', 'Transcript');
    read.type = 'button';
    read.setAttribute('aria-describedby', head.id);
    read.addEventListener('click', function () {
      openTranscript(h);
    });
    actions.appendChild(read);
    if (h.status === 'open') {
      var claim = el('button', 'claim-button primary', 'Claim');
      claim.type = 'button';
      claim.setAttribute('aria-describedby', head.id);
      claim.addEventListener('click', function () {
        claimHandoff(h, claim);
      });
      actions.appendChild(claim);
    }
    var mine = isMine(h);
    var talks = h.mode === 'chat' || h.mode === 'message';
    if (talks && (mine || h.status === 'open')) {
      // Before claiming, a nurse may read what the person has written while waiting.
      var what = h.mode === 'message' ? 'message' : 'chat';
      var talk = el('button', 'chat-button' + (mine ? ' primary' : ''),
        (mine ? 'Open ' : 'Read ') + what);
      talk.type = 'button';
      talk.setAttribute('aria-describedby', head.id);
      talk.addEventListener('click', function () {
        openChat(h);
      });
      actions.appendChild(talk);
    }
    item.appendChild(actions);

    if (mine && !talks) {
      item.appendChild(closeForm(h)); // a chat or a message is closed from its panel
    }
    return item;
  }

  // The newest handoff the console has shown (ms), null until the queue has loaded once: the
  // stream starts with every entry, and only ones newer than that are announced.
  var newest = null;

  function isNew(h) {
    var created = Date.parse(h.createdAt) || 0;
    var fresh = newest !== null && created > newest;
    if (newest !== null) {
      newest = Math.max(newest, created);
    }
    return fresh;
  }

  /** What an entry shows, but for the waiting time: an update that changes nothing is left. */
  function shownAs(h) {
    var copy = {};
    Object.keys(h).forEach(function (key) {
      if (key !== 'waitingSeconds') {
        copy[key] = h[key];
      }
    });
    return JSON.stringify(copy);
  }

  /** Whether the signed-in nurse may write in and close this handoff. */
  function isMine(h) {
    return h.status === 'claimed' && (h.claimedBy === me.name || hasRole('admin'));
  }

  function wanted(h) {
    var status = $('queue-status').value;
    return status ? h.status === status : h.status === 'open' || h.status === 'claimed';
  }

  /** Shows one changed handoff (from the queue's stream or an answer) where it belongs. */
  function showHandoff(h) {
    if (!h || !h.id || me === null) {
      return;
    }
    var list = $('queue-list');
    var old = list.querySelector('[data-handoff-id="' + CSS.escape(h.id) + '"]');
    if (old && !wanted(h)) {
      var focused = old.contains(document.activeElement);
      list.removeChild(old);
      if (focused) {
        $('queue-title').focus();
      }
    } else if (old && old.getAttribute('data-shown') !== shownAs(h)) {
      replaceEntry(old, renderEntry(h));
    } else if (!old && wanted(h)) {
      var entry = renderEntry(h);
      var rank = Number(entry.getAttribute('data-rank'));
      var created = entry.getAttribute('data-created');
      var next = Array.prototype.find.call(list.children, function (other) {
        var r = Number(other.getAttribute('data-rank'));
        return r > rank || (r === rank && other.getAttribute('data-created') > created);
      });
      list.insertBefore(entry, next || null);
      if (h.status === 'open' && isNew(h)) {
        say($('queue-live'), 'New in the queue: ' + (h.reasonLabel || h.reason) + ', '
          + (h.urgencyLabel || h.urgency) + (h.mode === 'chat' ? ', live chat.'
            : h.mode === 'message' ? ', message left.' : '.'));
      }
    }
    if (chat && chat.handoff.id === h.id) {
      chat.handoff = h;
      if (h.chatStatus) {
        chat.status = h.chatStatus;
      }
      renderChatState();
    }
  }

  /** Swaps an entry for its new version, keeping a half-written outcome and the focus. */
  function replaceEntry(old, fresh) {
    var focused = old.contains(document.activeElement) ? document.activeElement : null;
    var outcome = old.querySelector('.close-form textarea');
    var newOutcome = fresh.querySelector('.close-form textarea');
    if (outcome && newOutcome) {
      newOutcome.value = outcome.value;
    }
    old.parentNode.replaceChild(fresh, old);
    if (focused) {
      var same = focused.id ? fresh.querySelector('#' + CSS.escape(focused.id))
        : fresh.querySelector('.' + String(focused.className).split(' ')[0]);
      (same || $('queue-title')).focus();
    }
  }

  /** Keeps the queue up to date from GET staff/handoffs/events. */
  function followQueue() {
    var dropped = false;
    queueStream = follow('staff/handoffs/events', function (type, data) {
      if (type === 'handoff') {
        showHandoff(parse(data));
      }
    }, function (state) {
      if (state === 'open') {
        say($('queue-live'), dropped ? 'Live updates are back on.' : '');
        if (dropped) {
          loadQueue(); // what changed while the connection was down
        }
        dropped = false;
      } else if (state === 'retrying' && !dropped) {
        dropped = true;
        say($('queue-live'), 'Live updates stopped; reconnecting. Use Refresh meanwhile.');
      } else if (state === 'refused') {
        say($('queue-live'), 'Live updates are not available. Use Refresh to see changes.');
      }
    });
  }

  function closeForm(h) {
    var form = el('form', 'close-form');
    form.noValidate = true;
    var id = 'outcome-' + h.id;
    var label = el('label', null, 'Outcome (what happened, up to 500 characters)');
    label.htmlFor = id;
    var text = el('textarea');
    text.id = id;
    text.rows = 2;
    text.maxLength = 500;
    var button = el('button', 'close-button', 'Close handoff');
    button.type = 'submit';
    form.appendChild(label);
    form.appendChild(text);
    form.appendChild(button);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      closeHandoff(h, text, button);
    });
    return form;
  }

  function claimHandoff(h, button) {
    button.disabled = true;
    api('POST', 'staff/handoffs/' + encodeURIComponent(h.id) + '/claim').then(function (result) {
      if (result.status === 200 && result.data && result.data.mode === 'chat'
        && result.data.chatStatus === 'left') {
        showHandoff(result.data);
        openChat(result.data);
        say($('queue-message'), 'You have claimed this live chat. The person has left it:'
          + ' close it with an outcome.', 'ok');
        $('chat-outcome').focus();
      } else if (result.status === 200 && result.data && result.data.mode === 'chat') {
        showHandoff(result.data);
        openChat(result.data);
        say($('queue-message'), 'You have claimed this live chat. The person can now see'
          + ' your messages.', 'ok');
      } else if (result.status === 200 && result.data && result.data.mode === 'message') {
        showHandoff(result.data);
        openChat(result.data);
        say($('queue-message'), 'You have claimed this message. Write your answer, then close'
          + ' it with an outcome.', 'ok');
      } else if (result.status === 200) {
        loadQueue().then(function () {
          say($('queue-message'), 'You have claimed this handoff. Close it with an outcome'
            + ' when you are done.', 'ok');
          var outcome = $('outcome-' + h.id);
          if (outcome) {
            outcome.focus();
          }
        });
      } else if (result.status === 409) {
        loadQueue().then(function () {
          say($('queue-message'), 'Not claimed: ' + (result.data && result.data.detail
            ? result.data.detail : 'someone else has it') + '. The queue has been refreshed.',
          'error');
          $('queue-title').focus();
        });
      } else {
        button.disabled = false;
        say($('queue-message'), problem(result, 'claiming'), 'error');
      }
    });
  }

  function closeHandoff(h, text, button) {
    var outcome = text.value.trim();
    if (!outcome) {
      say($('queue-message'), 'Write a short outcome before closing.', 'error');
      text.focus();
      return;
    }
    button.disabled = true;
    api('POST', 'staff/handoffs/' + encodeURIComponent(h.id) + '/close', {outcome: outcome})
      .then(function (result) {
        if (result.status === 200) {
          loadQueue().then(function () {
            say($('queue-message'), 'Handoff closed.', 'ok');
            $('queue-title').focus();
          });
        } else {
          button.disabled = false;
          say($('queue-message'), problem(result, 'closing'), 'error');
        }
      });
  }

  // ---------------------------------------------------------------- nurses: transcript

  function openTranscript(h) {
    var section = $('transcript');
    var turns = $('transcript-turns');
    api('GET', 'staff/handoffs/' + encodeURIComponent(h.id) + '/transcript')
      .then(function (result) {
        if (result.status !== 200 || !result.data) {
          say($('queue-message'), problem(result, 'opening the transcript'), 'error');
          return;
        }
        var t = result.data;
        clear(turns);
        $('transcript-meta').textContent = (CHANNEL[t.channel] || t.channel)
          + ' · conversation ' + String(t.conversationId).slice(0, 8) + ' · '
          + (h.reasonLabel || h.reason) + '. Personal details are redacted.';
        (t.turns || []).forEach(function (turn) {
          var item = el('li', 'turn');
          var person = el('p', 'said person');
          person.appendChild(el('span', 'who-said', 'Person · ' + time(turn.at)));
          person.appendChild(el('span', 'text', turn.userText || '(a tapped button)'));
          item.appendChild(person);
          var bot = el('div', 'said bot');
          bot.appendChild(el('span', 'who-said', 'Bot · ' + turn.action
            + (turn.intent ? ' · ' + turn.intent : '')));
          (turn.botTexts || []).forEach(function (line) {
            bot.appendChild(el('p', 'text', line));
          });
          item.appendChild(bot);
          turns.appendChild(item);
        });
        if (!t.turns || t.turns.length === 0) {
          turns.appendChild(el('li', 'hint', 'No turns are stored for this conversation'
            + ' (transcripts are deleted after the retention period).'));
        }
        section.hidden = false;
        $('transcript-title').focus();
      });
  }

  // ---------------------------------------------------------------- nurses: live chat

  var FROM = {person: 'Person', nurse: 'Nurse', bot: 'Bot', system: 'Notice'};
  var ALERT = {
    medical_emergency: 'Medical emergency',
    self_harm: 'Self-harm or suicidal thoughts',
    chat_requested: 'The person asked to chat'
  };
  /** Alerts that are about the chat, not the safety screen. */
  var CHAT_ALERTS = {chat_requested: true};

  /**
   * Opens the live chat of a claimed chat-mode handoff and follows its events. streamed: the
   * status of the last status event, to note in the log where the person left and came back.
   */
  function openChat(h) {
    hideChat();
    chat = {handoff: h, status: h.chatStatus, shown: {}, stream: null, streamed: null,
      here: null};
    var message = h.mode === 'message';
    $('chat-title').textContent = message ? 'Message for the nurses' : 'Live chat';
    $('chat-text-label').textContent = message ? 'Your answer to the person'
      : 'Your message to the person';
    $('chat-meta').textContent = (CHANNEL[h.channel] || h.channel) + ' · conversation '
      + String(h.conversationId).slice(0, 8) + ' · ' + (h.reasonLabel || h.reason)
      + ' · ' + (h.urgencyLabel || h.urgency)
      + (message && replyBy(h.replyBy) ? ' · reply by ' + replyBy(h.replyBy) : '');
    say($('chat-message'), '');
    $('chat-outcome').value = '';
    $('chat').hidden = false;
    renderChatState();
    ($('chat-form').hidden ? $('chat-title') : $('chat-text')).focus();
    var opened = chat;
    chat.stream = follow('staff/handoffs/' + encodeURIComponent(h.id) + '/events',
      function (type, data, id) {
        if (chat === opened) {
          chatEvent(type, parse(data), id);
        }
      }, function (state, status) {
        if (chat !== opened) {
          return;
        }
        if (state === 'retrying') {
          say($('chat-message'), 'The connection dropped; reconnecting…');
        } else if (state === 'open' && /reconnecting/.test($('chat-message').textContent)) {
          say($('chat-message'), 'Connected again.', 'ok');
        } else if (state === 'refused') {
          say($('chat-message'), status === 403 ? 'Your account may not follow this chat.'
            : 'This chat no longer exists.', 'error');
        }
      });
  }

  function hideChat() {
    if (chat && chat.stream) {
      chat.stream.close();
    }
    chat = null;
    $('chat').hidden = true;
    clear($('chat-log'));
    clear($('chat-alerts'));
  }

  /** One event of the chat's stream; one already on screen (a replay) is skipped. */
  function chatEvent(type, data, id) {
    if (!data || (id !== null && chat.shown[id])) {
      return;
    }
    if (id !== null) {
      chat.shown[id] = true;
    }
    if (type === 'message') {
      addChatMessage(data);
    } else if (type === 'status') {
      if (data.status === 'left' && chat.streamed !== 'left') {
        addChatMessage({from: 'system', text: 'The person has left the chat.'});
      } else if (chat.streamed === 'left'
        && (data.status === 'waiting' || data.status === 'with_nurse')) {
        addChatMessage({from: 'system', text: 'The person has come back to the chat.'});
      }
      chat.streamed = data.status;
      chat.status = data.status;
      chat.position = data.position;
      renderChatState();
    } else if (type === 'alert') {
      addChatAlert(data);
    } else if (type === 'presence') {
      chat.here = data.here === true;
      renderChatState();
    }
  }

  function addChatMessage(m) {
    var log = $('chat-log');
    var from = FROM[m.from] ? m.from : 'system';
    var item = el('li', 'said ' + from);
    if (from === 'system') {
      item.appendChild(el('span', 'text', m.text));
    } else {
      item.appendChild(el('span', 'who-said', (from === 'nurse' ? 'You (nurse)' : FROM[from])
        + ' · ' + clock(m.at)));
      item.appendChild(el('span', 'text', m.text));
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  /** A safety alert: pinned above the chat (role=alert) and noted in the conversation. */
  function addChatAlert(a) {
    var type = String(a.type || 'safety alert').replace(/_/g, ' ');
    var what = ALERT[a.type] || type.charAt(0).toUpperCase() + type.slice(1);
    var box = el('div', 'chat-alert');
    box.setAttribute('role', 'alert');
    box.appendChild(el('p', 'chat-alert-head', what + (clock(a.at) ? ' · ' + clock(a.at)
      : '')));
    box.appendChild(el('p', null, a.text
      || 'The safety screen fired; the person was shown the urgent guidance.'));
    $('chat-alerts').appendChild(box);
    var item = el('li', 'said alert', [el('span', 'text', (CHAT_ALERTS[a.type] ? ''
      : 'Safety alert: ') + what + (a.text ? ': ' + a.text : ''))]);
    $('chat-log').appendChild(item);
    $('chat-log').scrollTop = $('chat-log').scrollHeight;
  }

  function clock(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? '' : d.toLocaleTimeString('en-GB', {hour: '2-digit',
      minute: '2-digit'});
  }

  /** Says how the chat stands and allows only what fits it. */
  function renderChatState() {
    if (!chat) {
      return;
    }
    var status = chat.status;
    var message = chat.handoff.mode === 'message';
    var text;
    if (message) {
      text = messageState(status);
    } else if (status === 'waiting') {
      text = 'The person is waiting for a nurse'
        + (typeof chat.position === 'number' ? ' (number ' + chat.position + ' in the queue).'
          : '.');
    } else if (status === 'with_nurse') {
      text = 'You are chatting. The person sees your messages straight away.';
    } else if (status === 'back_with_bot') {
      text = 'The person is back with the bot.' + (chat.handoff.status === 'closed'
        ? ' This handoff is closed.' : ' Close this with an outcome when you are done.');
    } else if (status === 'left') {
      text = 'The person has left the chat.' + (chat.handoff.status === 'closed'
        ? ' This handoff is closed.' : ' They can no longer see what you write here. Close'
          + ' this with an outcome when you are done.');
    } else if (status === 'closed' || chat.handoff.status === 'closed') {
      text = 'This chat is closed.';
    } else {
      text = '';
    }
    var closed = chat.handoff.status === 'closed' || status === 'closed';
    var mine = isMine(chat.handoff);
    if (!closed && !mine) {
      text += chat.handoff.status === 'open' ? ' Claim it in the queue to write to the person.'
        : ' Another nurse (' + chat.handoff.claimedBy + ') has this '
          + (message ? 'message.' : 'chat.');
    }
    say($('chat-state'), text.trim());
    // Whether the person has the web chat open (a messaging app sends no presence).
    var talking = status === 'waiting' || status === 'with_nurse';
    var presence = $('chat-presence');
    presence.hidden = chat.here === null || !talking;
    presence.textContent = chat.here ? 'The person has the chat open.'
      : 'The person does not have the chat open right now: they closed it, or their'
        + ' connection dropped. Unless they come back soon, they will not see what you write.';
    presence.classList.toggle('is-away', chat.here === false);
    var live = !closed && status !== 'back_with_bot' && mine;
    $('chat-form').hidden = !live;
    // The person has gone: the box stays, greyed, until they come back; closing stays open.
    var gone = status === 'left';
    var typing = $('chat-form').contains(document.activeElement);
    $('chat-text').disabled = gone;
    $('chat-send').disabled = gone;
    $('chat-inserts').querySelectorAll('button').forEach(function (button) {
      button.disabled = gone;
    });
    $('chat-return').hidden = !live || message || gone; // a message is answered, then closed
    $('chat-close-form').hidden = closed || !mine;
    if (gone && typing && !$('chat-close-form').hidden) {
      $('chat-outcome').focus(); // not lost to the page with the box it was in
    }
    if (closed && chat.stream) {
      var ended = chat.stream;
      chat.stream = null;
      setTimeout(ended.close, 3000); // nothing more will come but a last notice
    }
  }

  /** How a left message stands, for the panel. */
  function messageState(status) {
    var h = chat.handoff;
    var by = replyBy(h.replyBy);
    if (status === 'closed' || h.status === 'closed') {
      return 'This message is closed.';
    }
    if (status === 'writing') {
      return 'The person is still writing their message.';
    }
    var due = by ? (overdue(h) ? ' The reply was due by ' + by + ': it is overdue.'
      : ' Reply by ' + by + '.') : '';
    if (isMine(h)) {
      return 'The person left this message while the line was closed and may not be here'
        + ' now: they read your answer when they come back to the chat. Close it with an'
        + ' outcome once you have answered.' + due;
    }
    return 'The person left this message while the line was closed.' + due;
  }

  function sendChat(event) {
    event.preventDefault();
    var box = $('chat-text');
    var text = box.value.trim();
    if (!chat || !text) {
      say($('chat-message'), 'Write a message first.', 'error');
      box.focus();
      return;
    }
    if (text.length > 1000) {
      say($('chat-message'), 'That is ' + text.length + ' characters; please keep it to 1000.',
        'error');
      return;
    }
    var h = chat.handoff;
    var sent = chat;
    $('chat-send').disabled = true;
    api('POST', 'staff/handoffs/' + encodeURIComponent(h.id) + '/messages', {text: text})
      .then(function (result) {
        $('chat-send').disabled = $('chat-text').disabled;
        if (chat !== sent) {
          return;
        }
        if (result.status === 201 && result.data) {
          if (box.value.trim() === text) {
            box.value = '';
          }
          say($('chat-message'), h.mode === 'message' ? 'Sent. The person sees it when they'
            + ' come back to the chat.' : '', h.mode === 'message' ? 'ok' : undefined);
          chatEvent('message', result.data, result.data.id === undefined ? null
            : String(result.data.id));
        } else if (result.status === 403) {
          say($('chat-message'), 'Not sent: another nurse has this chat now.', 'error');
        } else if (result.status === 409) {
          say($('chat-message'), 'Not sent: this chat is not open for messages'
            + (result.data && result.data.detail ? ' (' + result.data.detail + ')' : '')
            + '.', 'error');
        } else {
          say($('chat-message'), problem(result, 'sending the message'), 'error');
        }
        box.focus();
      });
  }

  function returnToBot() {
    if (!chat) {
      return;
    }
    var button = $('chat-return');
    var sent = chat;
    button.disabled = true;
    api('POST', 'staff/handoffs/' + encodeURIComponent(chat.handoff.id) + '/return')
      .then(function (result) {
        button.disabled = false;
        if (chat !== sent) {
          return;
        }
        if (result.status === 200 && result.data) {
          chat.status = 'back_with_bot';
          showHandoff(result.data);
          say($('chat-message'), 'Handed back: the bot answers the person again.', 'ok');
          ($('chat-close-form').hidden ? $('chat-title') : $('chat-outcome')).focus();
        } else {
          say($('chat-message'), problem(result, 'handing back to the bot'), 'error');
        }
      });
  }

  function closeChat(event) {
    event.preventDefault();
    if (!chat) {
      return;
    }
    var text = $('chat-outcome');
    var outcome = text.value.trim();
    if (!outcome) {
      say($('chat-message'), 'Write a short outcome before closing.', 'error');
      text.focus();
      return;
    }
    var sent = chat;
    $('chat-close').disabled = true;
    api('POST', 'staff/handoffs/' + encodeURIComponent(chat.handoff.id) + '/close',
      {outcome: outcome}).then(function (result) {
      $('chat-close').disabled = false;
      if (chat !== sent) {
        return;
      }
      if (result.status === 200 && result.data) {
        chat.status = 'closed';
        showHandoff(result.data);
        say($('chat-message'), result.data.mode === 'message' ? 'Message closed.'
          : 'Chat closed.', 'ok');
        $('chat-title').focus();
      } else {
        say($('chat-message'), problem(result, 'closing'), 'error');
      }
    });
  }

  /** Enter sends; Shift and Enter makes a new line. */
  function chatKeys(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('chat-form').requestSubmit();
    }
  }

  /** The helpline's reviewed facts, as one-click inserts (GET chat/contact is public). */
  function loadContact() {
    fetch(API + 'chat/contact', {headers: {Accept: 'application/json'}, credentials: 'omit',
      cache: 'no-store'}).then(function (res) {
      return res.ok ? res.json() : null;
    }).then(function (c) {
      contact = c;
      renderInserts();
    }, function () {
      renderInserts();
    });
  }

  function renderInserts() {
    var inserts = $('chat-inserts');
    clear(inserts);
    var c = contact || {};
    var facts = [];
    if (c.phone) {
      facts.push(['Helpline number', c.phone]);
    }
    var hours = c.hoursText || c.hours;
    if (typeof hours === 'string' && hours) {
      facts.push(['Opening hours', hours]);
    }
    if (c.emergency) {
      facts.push(['Emergency ' + c.emergency, c.emergency]);
    }
    (Array.isArray(c.otherNumbers) ? c.otherNumbers : []).forEach(function (n) {
      facts.push([n, n]);
    });
    facts.forEach(function (fact) {
      var button = el('button', 'insert', fact[0]);
      button.type = 'button';
      button.setAttribute('aria-label', 'Insert ' + fact[0] + (fact[0] === fact[1] ? ''
        : ': ' + fact[1]));
      button.setAttribute('data-insert', fact[1]);
      button.disabled = $('chat-text').disabled;
      button.addEventListener('click', function () {
        insertText(fact[1]);
      });
      inserts.appendChild(button);
    });
    $('chat-inserts-label').hidden = facts.length === 0;
  }

  /** Puts text where the cursor is in the message box, with a space before it if needed. */
  function insertText(text) {
    var box = $('chat-text');
    var start = box.selectionStart;
    var end = box.selectionEnd;
    var before = box.value.slice(0, start);
    var after = box.value.slice(end);
    var gap = before && !/\s$/.test(before) ? ' ' : '';
    box.value = before + gap + text + after;
    var caret = (before + gap + text).length;
    box.focus();
    box.setSelectionRange(caret, caret);
  }

  // ---------------------------------------------------------------- nurses: triage

  function percent(p) {
    return Math.round(p * 100) + ' %';
  }

  function safeUrl(url) {
    return typeof url === 'string' && /^https:\/\//i.test(url) ? url : null;
  }

  function triage(event) {
    event.preventDefault();
    var text = $('triage-text').value.trim();
    if (!text) {
      say($('triage-message'), 'Type what the caller says first.', 'error');
      $('triage-text').focus();
      return;
    }
    say($('triage-message'), 'Assessing…');
    api('POST', 'staff/triage', {text: text}).then(function (result) {
      if (result.status !== 200 || !result.data) {
        $('triage-result').hidden = true;
        say($('triage-message'), problem(result, 'the assessment'), 'error');
        return;
      }
      renderTriage(result.data);
      say($('triage-message'), 'Urgency: ' + (result.data.urgencyLabel
        || result.data.urgency) + '.');
    });
  }

  function renderTriage(r) {
    var urgency = $('triage-urgency');
    urgency.className = 'urgency badge badge-' + r.urgency;
    urgency.textContent = r.urgencyLabel || r.urgency;
    var s = r.safety || {};
    $('triage-rule').textContent = s.fired
      ? 'Safety rule fired: ' + s.rule + ' (' + s.type + ')' + (s.reason ? ': ' + s.reason : '')
      : 'No safety rule fired.';
    $('triage-route').textContent = r.queueReasonLabel
      ? 'By chat this would reach the queue as: ' + r.queueReasonLabel
      : 'By chat the bot would answer this from its content.';

    var intents = $('triage-intents');
    clear(intents);
    (r.intents || []).forEach(function (i) {
      var item = el('li', 'intent');
      item.appendChild(el('span', 'intent-name', i.intent));
      var meter = el('meter');
      meter.min = 0;
      meter.max = 1;
      meter.value = i.probability;
      meter.setAttribute('aria-hidden', 'true');
      item.appendChild(meter);
      item.appendChild(el('span', 'probability', percent(i.probability)));
      intents.appendChild(item);
    });

    var content = $('triage-content');
    clear(content);
    (r.content || []).forEach(function (c) {
      var item = el('li', 'content-item');
      item.appendChild(el('h4', null, c.title || c.intent));
      item.appendChild(el('p', null, c.summary));
      var source = el('p', 'meta');
      var url = c.source && safeUrl(c.source.url);
      source.appendChild(document.createTextNode('Source: '));
      if (url) {
        var link = el('a', null, c.source.title || url);
        link.href = url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        source.appendChild(link);
      } else {
        source.appendChild(document.createTextNode(c.source && c.source.title
          ? c.source.title : 'none given'));
      }
      source.appendChild(document.createTextNode(c.reviewed ? ' · reviewed ' + c.reviewed
        : ' · awaiting clinical review'));
      item.appendChild(source);
      content.appendChild(item);
    });
    if (!r.content || r.content.length === 0) {
      content.appendChild(el('li', 'hint', 'No curated content fits.'));
    }

    var steps = $('triage-steps');
    clear(steps);
    (r.nextSteps || []).forEach(function (step) {
      steps.appendChild(el('li', null, step));
    });
    if (!r.nextSteps || r.nextSteps.length === 0) {
      steps.appendChild(el('li', 'hint', 'No next steps from content.'));
    }
    $('triage-result').hidden = false;
  }

  // ---------------------------------------------------------------- editors

  /**
   * The editors' reports, in page order, each a card made from #report-template and filled from
   * GET staff/<name>?days=30: items names the array in the answer, fill(entry, item) fills one
   * list entry and summary(data, items) gives the status line.
   */
  var REPORTS = [{
    name: 'unrecognised',
    title: 'Questions the bot did not recognise',
    hint: 'The last 30 days, grouped; texts are redacted.',
    doing: 'loading the questions',
    items: 'groups',
    fill: function (entry, g) {
      entry.appendChild(el('p', 'entry-head', g.count + (g.count === 1 ? ' time' : ' times')
        + ' · last ' + time(g.lastSeen)));
      entry.appendChild(texts(g.examples));
      var closest = (g.closestIntents || []).map(function (c) {
        return c.intent + ' (' + c.count + ')';
      }).join(', ');
      entry.appendChild(el('p', 'meta', 'Closest topics: ' + (closest || 'none')));
    },
    summary: function (data, groups) {
      return groups.length === 0 ? 'Nothing unrecognised.'
        : data.total + ' questions in ' + groups.length + ' groups.';
    }
  }, {
    name: 'feedback',
    title: 'How people rated the answers',
    hint: 'The last 30 days, least helpful first.',
    doing: 'loading the feedback',
    items: 'intents',
    fill: function (entry, f) {
      entry.appendChild(el('p', 'entry-head', [el('span', 'intent-name', f.intent),
        el('span', 'good', f.helpful + ' helpful'),
        el('span', 'bad', f.notHelpful + ' not helpful')]));
      if (f.comments && f.comments.length) {
        entry.appendChild(texts(f.comments));
      }
    },
    summary: function (data, intents) {
      return intents.length === 0 ? 'No ratings yet.'
        : 'Ratings for ' + intents.length + (intents.length === 1 ? ' topic.' : ' topics.');
    }
  }];

  /** Makes each report's card, with the ids the rest of the console uses, before #content. */
  function addReports() {
    var content = $('content');
    REPORTS.forEach(function (report) {
      var card = $('report-template').content.firstElementChild.cloneNode(true);
      var title = card.querySelector('h2');
      var refresh = card.querySelector('button');
      card.id = report.name;
      card.setAttribute('aria-labelledby', report.name + '-title');
      title.id = report.name + '-title';
      title.textContent = report.title;
      card.querySelector('.hint').textContent = report.hint;
      refresh.id = report.name + '-refresh';
      refresh.addEventListener('click', function () {
        loadReport(report);
      });
      card.querySelector('.message').id = report.name + '-message';
      card.querySelector('.entries').id = report.name + '-list';
      content.parentNode.insertBefore(card, content);
    });
  }

  /** Loads one of the editors' reports into its list. */
  function loadReport(report) {
    var list = $(report.name + '-list');
    var message = $(report.name + '-message');
    say(message, 'Loading…');
    api('GET', 'staff/' + report.name + '?days=30').then(function (result) {
      if (result.status !== 200 || !result.data) {
        say(message, problem(result, report.doing), 'error');
        return;
      }
      clear(list);
      var items = result.data[report.items] || [];
      items.forEach(function (item) {
        var entry = el('li', 'entry');
        report.fill(entry, item);
        (hooks.entry[report.name] || []).forEach(function (hook) {
          hook(entry, item);
        });
        list.appendChild(entry);
      });
      say(message, report.summary(result.data, items));
    });
  }

  /** A bulleted list of texts people wrote (redacted by the server), as plain text. */
  function texts(items) {
    var list = el('ul', 'examples');
    (items || []).forEach(function (text) {
      list.appendChild(el('li', null, text));
    });
    return list;
  }

  function reloadContent() {
    var button = $('content-reload');
    var problems = $('content-problems');
    button.disabled = true;
    clear(problems);
    say($('content-message'), 'Reloading: checking and retraining, this takes a few seconds…');
    api('POST', 'staff/content/reload').then(function (result) {
      button.disabled = false;
      var d = result.data || {};
      if (result.status === 200) {
        say($('content-message'), 'Content reloaded: version ' + d.version + ', ' + d.intents
          + ' topics, ' + d.examples + ' training examples.', 'ok');
        listProblems(d.dueForReview || [], 'due for review');
        listProblems(d.awaitingReview || [], null);
      } else if (result.status === 422) {
        say($('content-message'), 'Not reloaded: the content has ' + (d.problems || []).length
          + ' problem(s). The bot keeps running the content it had.', 'error');
        listProblems(d.problems || [], null);
      } else if (result.status === 409) {
        say($('content-message'), 'Not reloaded: the bot runs on the content packaged into'
          + ' the build. Set helpline.content.dir to edit content live.', 'error');
      } else {
        say($('content-message'), problem(result, 'the reload'), 'error');
      }
    });
  }

  function listProblems(items, note) {
    var list = $('content-problems');
    items.forEach(function (p) {
      var item = el('li');
      item.appendChild(el('code', null, p.file + ':' + p.line));
      item.appendChild(document.createTextNode(' ' + p.message + (note ? ' (' + note + ')' : '')));
      list.appendChild(item);
    });
  }

  // ---------------------------------------------------------------- for content.js

  /** The helpers content.js (the editors' and clinicians' content area) shares. */
  window.helplineStaff = {
    $: $,
    el: el,
    clear: clear,
    say: say,
    api: api,
    problem: problem,
    time: time,
    hasRole: hasRole,
    safeUrl: safeUrl,
    name: function () {
      return me ? me.name : null;
    },
    onSignIn: function (hook) {
      hooks.signIn.push(hook);
    },
    onSignOut: function (hook) {
      hooks.signOut.push(hook);
    },
    /** hook(entry, item) after each entry of a report (REPORTS) is filled. */
    onReportEntry: function (report, hook) {
      (hooks.entry[report] = hooks.entry[report] || []).push(hook);
    }
  };

  // ---------------------------------------------------------------- start

  document.addEventListener('DOMContentLoaded', function () {
    addReports();
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', function () {
      signOut();
    });
    $('queue-filter').addEventListener('submit', function (event) {
      event.preventDefault();
      loadQueue();
    });
    $('queue-status').addEventListener('change', loadQueue);
    $('transcript-hide').addEventListener('click', function () {
      $('transcript').hidden = true;
      clear($('transcript-turns'));
      $('queue-title').focus();
    });
    $('triage-form').addEventListener('submit', triage);
    $('chat-form').addEventListener('submit', sendChat);
    $('chat-text').addEventListener('keydown', chatKeys);
    $('chat-return').addEventListener('click', returnToBot);
    $('chat-close-form').addEventListener('submit', closeChat);
    $('chat-hide').addEventListener('click', function () {
      hideChat();
      $('queue-title').focus();
    });
    $('content-reload').addEventListener('click', reloadContent);
    setInterval(refreshOverdue, 30000);
    $('sign-in-name').focus();
  });
}());
