/*
 * The helpline staff console: the nurses' queue, transcripts and triage; the editors'
 * unrecognised questions, feedback and content reload. Plain script, no framework.
 *
 * - Sign-in sends HTTP Basic credentials with every fetch; they live only in this script's
 *   memory (never in storage), so closing or reloading the tab signs out.
 * - fetch uses credentials: 'omit', so the browser never shows its own sign-in prompt and
 *   never remembers the password; the Authorization header is set here.
 * - Everything from the server is shown with textContent: transcripts hold what people typed.
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

  var auth = null;
  var me = null;

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
   * Calls the staff API. Resolves to {status, data}; data is the parsed JSON body (a problem
   * document on errors) or null. Network failures resolve with status 0.
   */
  function api(method, path, body, credentials) {
    var headers = {Accept: 'application/json', Authorization: credentials || auth};
    var init = {method: method, headers: headers, credentials: 'omit', cache: 'no-store'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (e) {
          data = null;
        }
        if (res.status === 401 && !credentials) {
          signOut('Your sign-in has ended. Please sign in again.');
        }
        return {status: res.status, data: data};
      });
    }, function () {
      return {status: 0, data: null};
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

  function hasRole(role) {
    return me !== null && (me.roles.indexOf(role) >= 0 || me.roles.indexOf('admin') >= 0);
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
    $('console-title').textContent = roles.length === 2 ? 'Nurses and editors'
      : roles[0] === 'editor' ? 'Editors' : 'Nurses';
    say($('status'), '');
    $('console-title').focus();
    if (hasRole('nurse')) {
      loadQueue();
    }
    if (hasRole('editor')) {
      REPORTS.forEach(function (report) {
        loadReport(report);
      });
    }
  }

  function signOut(message) {
    auth = null;
    me = null;
    $('console').hidden = true;
    $('who').hidden = true;
    $('sign-in').hidden = false;
    ['queue-list', 'transcript-turns', 'triage-intents', 'triage-content', 'triage-steps',
      'unrecognised-list', 'feedback-list', 'content-problems'].forEach(function (id) {
      clear($(id));
    });
    $('triage-text').value = '';
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

  function loadQueue() {
    var status = $('queue-status').value;
    say($('queue-message'), 'Loading the queue…');
    return api('GET', 'staff/handoffs' + (status ? '?status=' + status : ''))
      .then(function (result) {
        if (result.status !== 200 || !Array.isArray(result.data)) {
          say($('queue-message'), problem(result, 'loading the queue'), 'error');
          return;
        }
        renderQueue(result.data);
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
    var item = el('li', 'entry urgency-' + h.urgency);
    item.setAttribute('data-handoff-id', h.id);
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
    item.appendChild(actions);

    if (h.status === 'claimed' && (h.claimedBy === me.name || hasRole('admin'))) {
      item.appendChild(closeForm(h));
    }
    return item;
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
      if (result.status === 200) {
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
    $('content-reload').addEventListener('click', reloadContent);
    $('sign-in-name').focus();
  });
}());
