/*
 * Helpline web chat widget: plain JavaScript, no framework, no build step, no requests to anyone
 * but the chat API and this file's own stylesheet.
 *
 * Embed:
 *   <script src="https://host/widget.js" data-api="https://host"
 *           data-title="Ask our nurses' bot" defer></script>
 *
 * The phone numbers come from the server (GET /api/v1/chat/contact), fetched at start; until
 * they arrive, or if that fails, the page's data-phone attribute gives the helpline number,
 * and without it the widget says "call the nurse helpline" with no number.
 *
 * A live chat with a nurse: when a reply offers it (quick reply "nurse_chat") and the person
 * takes it, the widget listens to GET /api/v1/chat/{id}/events (EventSource) while the chat
 * lasts: nurse messages, notices and the queue status arrive there, and what the person writes
 * is passed to the nurse (the reply to it is "relayed", shown as nothing). Everything the
 * stream brings is kept with the history, and the last event id with it, so a reloaded page
 * shows the chat once, in order, and takes only newer events from the replayed stream. While
 * they wait or talk, "End chat" (asked first) leaves the chat; see "ending the chat" below.
 *
 * A message for the nurses while the line is closed (quick reply "nurse_message", then
 * consent): once it is left (handoff mode "message", status "waiting") the widget follows the
 * same stream, where the nurse's answer arrives, and keeps a way back in localStorage (see
 * "a message left for the nurses" below), so a person who closes the tab and comes back later
 * finds the answer.
 *
 * A choice offered in the nurse chat: the stream may bring a system message with "choices"
 * (title, payload), such as "Leave a message" when no nurse has been free to chat for a while.
 * It is shown with a button per choice, which sends the payload as a quick reply does; see
 * "choices offered in the chat" below for when the buttons go.
 *
 * Safety rules kept throughout this file:
 * - text from the bot (or anyone) is only ever inserted with textContent / createTextNode,
 *   never innerHTML, so markup in a reply stays inert text;
 * - a link is only rendered as a link when its URL is https: or tel:; anything else
 *   (javascript:, data:, http:, relative) is shown as plain text;
 * - links open in a new tab with rel="noopener noreferrer".
 */
(function () {
  'use strict';

  if (window.HelplineWidget) {
    return; // included twice: keep the first one
  }

  // The UK emergency number, shown until the server's contact details arrive (it gives the
  // same number); the helpline number itself is never written here.
  var EMERGENCY_UNTIL_LOADED = '999';
  var STORE_KEY = 'helpline-widget';
  var MAX_HISTORY = 200;
  var TIMEOUT_MS = 20000;

  var script = document.currentScript
      || document.querySelector('script[src$="/widget.js"], script[src="widget.js"]');
  var scriptUrl = new URL(script && script.src ? script.src : 'widget.js', document.baseURI);
  var apiBase = ((script && script.getAttribute('data-api')) || scriptUrl.origin)
      .replace(/\/+$/, '');
  var chatUrl = apiBase + '/api/v1/chat';
  var contactUrl = apiBase + '/api/v1/chat/contact';
  var title = (script && script.getAttribute('data-title')) || "Ask our nurses' bot";
  var pagePhone = (script && script.getAttribute('data-phone')) || '';

  // ---- storage: sessionStorage when allowed, memory otherwise ------------------------------

  var memory = {};

  function load(name) {
    try {
      var raw = window.sessionStorage.getItem(STORE_KEY + '.' + name);
      return raw === null ? null : JSON.parse(raw);
    } catch (e) {
      return Object.prototype.hasOwnProperty.call(memory, name) ? memory[name] : null;
    }
  }

  function save(name, value) {
    memory[name] = value;
    try {
      window.sessionStorage.setItem(STORE_KEY + '.' + name, JSON.stringify(value));
    } catch (e) {
      // storage disabled or full: the conversation still works for this page view
    }
  }

  // ---- a message left for the nurses: the way back, in localStorage ------------------------
  //
  // Everything else the widget keeps is in sessionStorage, which ends with the tab. A person
  // who leaves a message at night must find the nurse's answer when they come back, perhaps
  // days later in a new tab, so this one record lives in localStorage. It holds only what is
  // needed to come back: the conversation id (the key to its stream), when the reply is due
  // and when to forget it. Never the message or any other text: localStorage stays on the
  // device until removed, where anyone else using this browser could read it, and what people
  // write to a cancer nurse is health information; the conversation itself stays on the
  // server, which alone decides what is shown. The record is removed once the person has seen
  // the answer and the nurses have closed the message, when the server no longer knows the
  // conversation, or at the latest KEEP_MS after the reply-by time (by then the server has
  // deleted the conversation: the consent text promises that retention).

  var TICKET_KEY = STORE_KEY + '.waiting-message';
  var KEEP_MS = 30 * 24 * 60 * 60 * 1000;

  /** The way back to a message left for the nurses, or null (none, expired, unreadable). */
  function loadTicket() {
    var ticket = null;
    try {
      ticket = JSON.parse(window.localStorage.getItem(TICKET_KEY));
    } catch (e) {
      return null; // storage disabled (private mode) or not JSON: there is no way back
    }
    if (!ticket || typeof ticket.conversationId !== 'string' || typeof ticket.until !== 'number'
        || Date.now() > ticket.until) {
      forgetTicket();
      return null;
    }
    return ticket;
  }

  function keepTicket(conversationId, replyBy) {
    var due = Date.parse(replyBy);
    try {
      window.localStorage.setItem(TICKET_KEY, JSON.stringify({
        conversationId: conversationId,
        replyBy: isNaN(due) ? null : replyBy,
        until: (isNaN(due) ? Date.now() : due) + KEEP_MS
      }));
    } catch (e) {
      // storage disabled or full: the answer still reaches this tab while it stays open
    }
  }

  function forgetTicket() {
    try {
      window.localStorage.removeItem(TICKET_KEY);
    } catch (e) {
      // nothing was kept
    }
  }

  var state = {
    conversationId: load('conversationId'),
    history: load('history') || [],
    escalation: load('escalation'),
    open: load('open') === true,
    busy: false,
    // The nurse chat, {status, position}, from the last reply or status event; null before.
    live: load('live'),
    // A message left for the nurses, {status, replyBy, answered}, from the last reply or
    // status event of mode "message"; null before (and once its answer has been seen).
    message: load('message'),
    // The id of the last stream event handled: a replayed stream skips up to it.
    lastEventId: Number(load('lastEventId')) || 0
  };

  // ---- small DOM helpers (text only) -------------------------------------------------------

  /** An element with optional class, text (as text, never markup) and attributes by name. */
  function el(tag, className, text, attributes) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function str(value) {
    return typeof value === 'string' ? value : '';
  }

  function safeUrl(url) {
    if (typeof url !== 'string') {
      return null;
    }
    try {
      var parsed = new URL(url.trim());
      return parsed.protocol === 'https:' || parsed.protocol === 'tel:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function telLink(number, className) {
    var a = el('a', className, number);
    a.href = 'tel:' + String(number).replace(/[^0-9+]/g, '');
    return a;
  }

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  /** Appends text to parent, turning the known phone numbers in it into tel: links. */
  function appendText(parent, text, numbers) {
    var list = numbers.filter(function (n) {
      return typeof n === 'string' && /^[0-9+][0-9 ]*[0-9]$/.test(n);
    }).sort(function (a, b) {
      return b.length - a.length;
    });
    if (!list.length) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    var pattern = new RegExp('(^|[^0-9])(' + list.map(escapeRegExp).join('|') + ')(?![0-9])', 'g');
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var start = match.index + match[1].length;
      parent.appendChild(document.createTextNode(text.slice(last, start)));
      parent.appendChild(telLink(match[2]));
      last = start + match[2].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // ---- contact details: the server's, else the page's data-phone, else no number -------------

  var contact = {phone: pagePhone, emergency: EMERGENCY_UNTIL_LOADED, others: []};

  /** Takes the numbers from a GET /api/v1/chat/contact body; ignores anything else. */
  function useContact(body) {
    if (!body || typeof body !== 'object') {
      return false;
    }
    var numberPattern = /^[0-9+][0-9 ]*[0-9]$/;
    if (typeof body.phone === 'string' && numberPattern.test(body.phone)) {
      contact.phone = body.phone;
    }
    if (typeof body.emergency === 'string' && numberPattern.test(body.emergency)) {
      contact.emergency = body.emergency;
    }
    if (Array.isArray(body.otherNumbers)) {
      contact.others = body.otherNumbers.filter(function (n) {
        return typeof n === 'string' && numberPattern.test(n);
      });
    }
    return true;
  }

  useContact(load('contact'));

  function numbersOf(response) {
    var numbers = [contact.phone, contact.emergency].concat(contact.others);
    if (response && response.handoff && typeof response.handoff.phone === 'string') {
      numbers.push(response.handoff.phone);
    }
    if (response && response.escalation && Array.isArray(response.escalation.numbers)) {
      numbers = numbers.concat(response.escalation.numbers);
    }
    return numbers;
  }

  // ---- the widget's DOM --------------------------------------------------------------------

  var root = el('div', 'hlw-root', null, {'data-helpline-widget': ''});

  var launcher = el('button', 'hlw-launcher', title, {type: 'button', 'aria-expanded': 'false',
    'aria-controls': 'hlw-panel', 'aria-label': 'Open chat: ' + title});

  var panel = el('section', 'hlw-panel', null, {id: 'hlw-panel', role: 'dialog',
    'aria-modal': 'false', 'aria-labelledby': 'hlw-title'});
  panel.hidden = true;

  var header = el('div', 'hlw-header');
  var heading = el('h2', 'hlw-title', title, {id: 'hlw-title'});
  var closeButton = el('button', 'hlw-close', 'Close', {type: 'button',
    'aria-label': 'Close chat'});
  header.appendChild(heading);
  header.appendChild(closeButton);

  var nurseBar = el('div', 'hlw-nurse-bar');
  var nurseButton = el('button', 'hlw-nurse', 'Talk to a nurse', {type: 'button'});
  var nurseCall = el('span', 'hlw-nurse-call');
  nurseBar.appendChild(nurseButton);
  nurseBar.appendChild(nurseCall);

  var alerts = el('div', 'hlw-alerts');

  // Where the person stands in the nurse chat (queue place, with a nurse); read out on change.
  // Beside it, while they wait or talk, the way to leave the chat (see "ending the chat").
  var liveRow = el('div', 'hlw-live-row');
  liveRow.hidden = true;
  var liveBar = el('p', 'hlw-live', null, {role: 'status'});
  liveBar.hidden = true;
  var endButton = el('button', 'hlw-end', 'End chat', {type: 'button',
    'aria-label': 'End chat with the nurses'});
  endButton.hidden = true;
  var endConfirm = el('div', 'hlw-end-confirm', null, {role: 'group',
    'aria-labelledby': 'hlw-end-question'});
  endConfirm.hidden = true;
  var endQuestion = el('p', 'hlw-end-question', null, {id: 'hlw-end-question'});
  var endYes = el('button', 'hlw-end-yes', 'Yes, end chat', {type: 'button'});
  var endNo = el('button', 'hlw-end-no', 'No, stay', {type: 'button'});
  endConfirm.appendChild(endQuestion);
  endConfirm.appendChild(endYes);
  endConfirm.appendChild(endNo);
  liveRow.appendChild(liveBar);
  liveRow.appendChild(endButton);
  liveRow.appendChild(endConfirm);

  // Tells screen reader users about a nurse's message while the panel is closed.
  var announcer = el('p', 'hlw-visually-hidden', null, {'aria-live': 'polite'});

  var log = el('div', 'hlw-log', null, {role: 'log', 'aria-live': 'polite',
    'aria-relevant': 'additions', 'aria-label': 'Conversation', tabindex: '0'});

  var typing = el('div', 'hlw-typing', null, {role: 'status'});
  typing.hidden = true;
  for (var i = 0; i < 3; i++) {
    typing.appendChild(el('span', 'hlw-dot', null, {'aria-hidden': 'true'}));
  }
  typing.appendChild(el('span', 'hlw-visually-hidden', 'The bot is typing'));

  var quick = el('div', 'hlw-quick', null, {role: 'group', 'aria-label': 'Suggested replies'});

  var form = el('form', 'hlw-form', null, {novalidate: ''});
  var inputLabel = el('label', 'hlw-visually-hidden', 'Type your question', {'for': 'hlw-input'});
  var input = el('input', 'hlw-input', null, {id: 'hlw-input', type: 'text', name: 'message',
    autocomplete: 'off', maxlength: '1000', placeholder: 'Type your question'});
  var sendButton = el('button', 'hlw-send', 'Send', {type: 'submit',
    'aria-label': 'Send message'});
  form.appendChild(inputLabel);
  form.appendChild(input);
  form.appendChild(sendButton);

  var footer = el('p', 'hlw-footer');

  /** Shows the current numbers in the nurse bar and the footer. */
  function renderContact() {
    nurseCall.textContent = '';
    if (contact.phone) {
      nurseCall.appendChild(el('span', 'hlw-nurse-words', 'or call free '));
      nurseCall.appendChild(telLink(contact.phone));
    } else {
      nurseCall.appendChild(el('span', 'hlw-nurse-words', 'or call the nurse helpline'));
    }
    footer.textContent = '';
    footer.appendChild(document.createTextNode('General information, not medical advice. '
        + 'Emergency: call '));
    footer.appendChild(telLink(contact.emergency));
    footer.appendChild(document.createTextNode('.'));
  }

  renderContact();

  panel.appendChild(header);
  panel.appendChild(alerts);
  panel.appendChild(nurseBar);
  panel.appendChild(liveRow);
  panel.appendChild(log);
  panel.appendChild(typing);
  panel.appendChild(quick);
  panel.appendChild(form);
  panel.appendChild(footer);
  root.appendChild(panel);
  root.appendChild(launcher);
  root.appendChild(announcer);

  // ---- rendering ---------------------------------------------------------------------------

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function renderUser(text) {
    return log.appendChild(el('p', 'hlw-msg hlw-msg-user', text));
  }

  /** Shows the question and the start of its answer (long answers are read from the top). */
  function scrollToQuestion(bubble) {
    log.scrollTop = Math.max(0, bubble.offsetTop - 8);
  }

  function renderLinks(parent, links) {
    if (!Array.isArray(links) || !links.length) {
      return;
    }
    var list = el('ul', 'hlw-links');
    links.forEach(function (link) {
      if (!link) {
        return;
      }
      var item = el('li');
      var href = safeUrl(link.url);
      var label = str(link.title) || str(link.url);
      if (href) {
        var a = el('a', null, label);
        a.href = href;
        if (href.indexOf('https:') === 0) {
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          a.appendChild(el('span', 'hlw-visually-hidden', ' (opens in a new tab)'));
        }
        item.appendChild(a);
      } else {
        item.textContent = label; // not https: or tel: - shown, never followed
      }
      list.appendChild(item);
    });
    parent.appendChild(list);
  }

  function renderHandoff(handoff) {
    var card = el('div', 'hlw-handoff');
    var line = el('p');
    var phone = str(handoff.phone) || contact.phone;
    if (handoff.mode === 'chat') {
      // The person is waiting for a nurse here; the phone stays the other way in.
      if (phone) {
        line.appendChild(document.createTextNode('If you would rather talk, call free on '));
        line.appendChild(telLink(phone, 'hlw-handoff-phone'));
      } else {
        line.appendChild(document.createTextNode('If you would rather talk, call the nurse '
            + 'helpline.'));
      }
      card.appendChild(line);
      log.appendChild(card);
      return;
    }
    if (phone) {
      line.appendChild(document.createTextNode('Call our nurses free on '));
      line.appendChild(telLink(phone, 'hlw-handoff-phone'));
    } else {
      line.appendChild(document.createTextNode('Call the nurse helpline.'));
    }
    card.appendChild(line);
    if (handoff.openNow === true) {
      card.appendChild(el('p', null, 'The nurses are available now.'));
    } else if (handoff.openNow === false) {
      card.appendChild(el('p', null, 'The nurses are not available right now.'
          + (str(handoff.nextOpen) ? ' Next open: ' + handoff.nextOpen + '.' : '')));
    }
    if (str(handoff.hours)) {
      card.appendChild(el('p', null, 'Opening hours: ' + handoff.hours));
    }
    if (Array.isArray(handoff.alternatives) && handoff.alternatives.length) {
      var list = el('ul');
      handoff.alternatives.forEach(function (alt) {
        var item = el('li');
        appendText(item, str(alt), numbersOf({handoff: handoff}));
        list.appendChild(item);
      });
      card.appendChild(list);
    }
    log.appendChild(card);
  }

  function renderQuickReplies(items) {
    quick.textContent = '';
    (Array.isArray(items) ? items : []).forEach(function (qr) {
      // "End chat" is the button beside the chat's status, which asks first (see "ending the
      // chat"); a quick reply would end it at one tap.
      if (!qr || !str(qr.payload) || qr.payload === END_PAYLOAD) {
        return;
      }
      var button = el('button', 'hlw-quick-btn', str(qr.title) || qr.payload, {type: 'button',
        'data-payload': qr.payload});
      button.addEventListener('click', function () {
        send({payload: qr.payload}, str(qr.title) || qr.payload);
      });
      quick.appendChild(button);
    });
  }

  function renderAlert() {
    alerts.textContent = '';
    var esc = state.escalation;
    if (!esc || esc.dismissed) {
      return;
    }
    var box = el('div', 'hlw-alert', null, {role: 'alert'});
    var body = el('div', 'hlw-alert-body');
    body.appendChild(el('p', 'hlw-alert-heading', 'Get help now'));
    // The first reply says what to do now; the full advice is in the conversation below.
    if (esc.texts && esc.texts.length) {
      var first = el('p');
      appendText(first, esc.texts[0], esc.numbers.concat([contact.phone, contact.emergency]));
      body.appendChild(first);
    }
    var call = el('p');
    esc.numbers.forEach(function (n, index) {
      if (index) {
        call.appendChild(document.createTextNode(' or '));
      }
      call.appendChild(document.createTextNode('Call '));
      call.appendChild(telLink(n));
    });
    body.appendChild(call);
    var dismiss = el('button', 'hlw-alert-close', 'Close', {type: 'button',
      'aria-label': 'Close urgent advice'});
    dismiss.addEventListener('click', function () {
      state.escalation.dismissed = true;
      save('escalation', state.escalation);
      renderAlert();
      input.focus();
    });
    box.appendChild(body);
    box.appendChild(dismiss);
    alerts.appendChild(box);
  }

  /** Renders one bot response (chat contract v1) into the conversation, text only. */
  function renderResponse(response) {
    response = response || {};
    var urgent = response.action === 'escalate' || !!response.escalation;
    var numbers = numbersOf(response);
    (Array.isArray(response.replies) ? response.replies : []).forEach(function (reply) {
      if (!reply) {
        return;
      }
      var bubble = el('div', 'hlw-msg hlw-msg-bot' + (urgent ? ' hlw-msg-urgent' : ''));
      appendText(bubble, str(reply.text), numbers);
      renderLinks(bubble, reply.links);
      log.appendChild(bubble);
    });
    var handoff = response.handoff;
    // During a nurse chat only the reply that starts it shows the card; the replies about a
    // message say all there is to say (the number stays in the bar above).
    if (handoff && typeof handoff === 'object' && response.action !== 'relayed'
        && handoff.mode !== 'message'
        && (handoff.mode !== 'chat' || response.action === 'handoff')) {
      renderHandoff(handoff);
    }
    renderQuickReplies(response.quickReplies);
  }

  function renderError(kind) {
    var bubble = el('div', 'hlw-msg hlw-msg-bot hlw-msg-error', null, {'data-error': kind});
    var text = kind === 'busy'
        ? 'Sorry, I am busy just now. Please try again in a moment. '
        : kind === 'unsent'
        ? 'Sorry, your message did not reach the nurse. Please send it again. '
        : 'Sorry, something went wrong and I could not answer that. ';
    var call = contact.phone ? 'You can talk to our nurses free on ' + contact.phone + '.'
        : 'You can call the nurse helpline.';
    appendText(bubble, text + call + ' In an emergency, call ' + contact.emergency + '.',
        [contact.phone, contact.emergency]);
    log.appendChild(bubble);
  }

  function renderEntry(entry) {
    if (entry.type === 'user') {
      renderUser(entry.text);
      quick.textContent = '';
    } else if (entry.type === 'bot') {
      renderResponse(entry.response);
    } else if (entry.type === 'error') {
      renderError(entry.kind);
    } else if (entry.type === 'live') {
      renderLive(entry);
    } else if (entry.type === 'notice') {
      var notice = renderNotice(entry.text);
      if (entry.answer) {
        notice.classList.add('hlw-notice-answer');
      }
    }
    awaitEcho(entry);
  }

  /** A message from the nurse chat's stream: the person's, the nurse's, the bot's or a notice. */
  function renderLive(entry) {
    if (entry.from === 'person') {
      return renderUser(entry.text);
    }
    if (entry.from === 'system' && Array.isArray(entry.choices) && entry.choices.length) {
      return renderOffer(entry);
    }
    if (entry.from === 'system') {
      return renderNotice(entry.text);
    }
    var nurse = entry.from === 'nurse';
    var bubble = el('div', 'hlw-msg ' + (nurse ? 'hlw-msg-nurse' : 'hlw-msg-bot')
        + (entry.urgent ? ' hlw-msg-urgent' : ''));
    if (nurse) {
      bubble.appendChild(el('span', 'hlw-msg-from', 'Nurse'));
      bubble.appendChild(el('span', 'hlw-visually-hidden', ': '));
    }
    appendText(bubble, entry.text, numbersOf(null));
    return log.appendChild(bubble);
  }

  function renderNotice(text) {
    var notice = el('p', 'hlw-notice');
    appendText(notice, text, numbersOf(null));
    return log.appendChild(notice);
  }

  function remember(entry) {
    state.history.push(entry);
    if (state.history.length > MAX_HISTORY) {
      state.history = state.history.slice(-MAX_HISTORY);
    }
    save('history', state.history);
  }

  /** Keeps only the fields the widget renders, so storage holds no surprises. */
  function slim(response) {
    return {
      action: str(response.action),
      replies: Array.isArray(response.replies) ? response.replies : [],
      quickReplies: Array.isArray(response.quickReplies) ? response.quickReplies : [],
      handoff: response.handoff || null,
      escalation: response.escalation || null
    };
  }

  // ---- the nurse chat ------------------------------------------------------------------------

  var LIVE_STATUSES = {waiting: true, with_nurse: true};
  // The quick reply with which the person leaves the nurse chat; the status that follows.
  var END_PAYLOAD = 'nurse_chat_end';
  var LEFT = 'left';
  var stream = null;
  var retryTimer = null;
  // What is on screen and may still come back on the stream, {person: [...], bot: [...]} of
  // {text, entry}: the person's messages (shown when sent) and the bot's replies to them.
  var awaiting = {person: [], bot: []};
  // Bot texts the stream brought before the reply that carries them: {text, entry, node}.
  var streamedBot = [];
  // The notice shown for the last event, {id, system, entry, node}: a status change and the
  // server's notice of it, one right after the other, are shown as one.
  var lastNotice = null;

  function isLive() {
    return !!(state.live && LIVE_STATUSES[state.live.status]);
  }

  /** Whether the person has left a message the nurses have not closed yet. */
  function messageWaiting() {
    return !!(state.message && LIVE_STATUSES[state.message.status]);
  }

  /** Whether what the person writes goes to the nurses (and comes back on the stream). */
  function relaying() {
    return isLive() || messageWaiting();
  }

  /** Follows the stream while the person chats with a nurse or waits for an answer. */
  function syncStream() {
    if (relaying()) {
      startStream();
    } else {
      stopStream();
      forgetEchoes();
    }
  }

  /**
   * When a nurse will reply, in the helpline's words and time zone ("by 5pm on Monday 30
   * November"), as the bot says it; null when the time is missing or cannot be shown.
   */
  function replyByText(iso) {
    var at = Date.parse(str(iso));
    if (isNaN(at)) {
      return null;
    }
    try {
      var parts = {};
      new Intl.DateTimeFormat('en-GB', {timeZone: 'Europe/London', weekday: 'long',
        day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', hourCycle: 'h23'})
          .formatToParts(new Date(Math.ceil(at / 60000) * 60000)).forEach(function (part) {
            parts[part.type] = part.value;
          });
      var hour = Number(parts.hour) % 24;
      var clock = (hour % 12 === 0 ? 12 : hour % 12) + (parts.minute === '00' ? ''
          : ':' + parts.minute) + (hour < 12 ? 'am' : 'pm');
      return 'by ' + clock + ' on ' + parts.weekday + ' ' + parts.day + ' ' + parts.month;
    } catch (e) {
      return null; // no time zone data: the bot's own reply gave the time
    }
  }

  function sameText(a, b) {
    return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
  }

  /** Notes the texts of an entry that the stream may bring back (entry.echo: from, texts). */
  function awaitEcho(entry) {
    (entry.echo && relaying() ? entry.echo.texts : []).forEach(function (text) {
      awaiting[entry.echo.from].push({text: text, entry: entry});
    });
  }

  /**
   * True when the text is already on screen, waiting for its echo; it is then no longer.
   * The person's messages come back in the order sent, perhaps redacted (a phone number
   * hidden), so without an equal text the oldest one waiting is taken.
   */
  function takeEcho(from, text) {
    var list = awaiting[from] || [];
    var found = -1;
    for (var i = 0; i < list.length && found < 0; i++) {
      if (sameText(list[i].text, text)) {
        found = i;
      }
    }
    if (found < 0 && from === 'person' && list.length) {
      found = 0;
    }
    if (found < 0) {
      return false;
    }
    var echo = list[found].entry.echo;
    if (echo) {
      echo.texts.splice(echo.texts.indexOf(list[found].text), 1);
    }
    list.splice(found, 1);
    save('history', state.history);
    return true;
  }

  function forgetEchoes() {
    awaiting.person.concat(awaiting.bot).forEach(function (item) {
      item.entry.echo = null;
    });
    awaiting.person = [];
    awaiting.bot = [];
    streamedBot = [];
    save('history', state.history);
  }

  // ---- choices offered in the chat ----------------------------------------------------------
  //
  // While a person waits for a nurse to chat, the server may offer a choice in the stream (a
  // system message with "choices"), such as leaving a message when nobody has been free. The
  // choices are buttons that send their payload as a quick reply does (send), so what follows
  // (the consent, its quick replies, the message and its way back) is the out-of-hours flow.
  // Only the latest offer has buttons, and only while the person still waits for a chat: once
  // they take a choice, a nurse joins, the chat ends or a message takes its place, the buttons
  // go, for good. entry.closed, kept with the history, says so, so neither a reload nor a
  // stream replayed from the start (a way back in a new tab) brings them back.

  // The latest offer on screen, {entry, node, group}; group (its buttons) is null once gone.
  var offer = null;

  /** The choices of a stream message as the widget keeps them: strings only, a few at most. */
  function choicesOf(data) {
    return (Array.isArray(data.choices) ? data.choices : []).filter(function (choice) {
      return choice && str(choice.payload);
    }).slice(0, 4).map(function (choice) {
      return {title: str(choice.title) || choice.payload, payload: choice.payload};
    });
  }

  /** Whether an offer can still be taken: the person waits for a chat, and nothing more. */
  function offerOpen() {
    return !!(state.live && state.live.status === 'waiting') && !(state.message
        && (state.message.status === 'writing' || messageWaiting()));
  }

  /** A system message with choices: its text, and its buttons while it can be taken. */
  function renderOffer(entry) {
    var bubble = el('div', 'hlw-msg hlw-msg-bot hlw-msg-offer');
    appendText(bubble, entry.text, numbersOf(null));
    log.appendChild(bubble);
    closeOffer(); // an older offer gives way to this one
    offer = {entry: entry, node: bubble, group: null};
    if (!entry.closed) {
      showChoices();
    }
    return bubble;
  }

  /** Gives the latest offer its buttons, if it can still be taken (else it is closed). */
  function showChoices() {
    if (!offer || offer.group) {
      return;
    }
    if (!offerOpen()) {
      closeOffer();
      return;
    }
    var shown = offer;
    var group = el('div', 'hlw-choices', null, {role: 'group', 'aria-label': 'Your choices'});
    shown.entry.choices.forEach(function (choice) {
      var button = el('button', 'hlw-quick-btn hlw-choice-btn', choice.title, {type: 'button',
        'data-payload': choice.payload});
      button.addEventListener('click', function () {
        take(shown, choice);
      });
      group.appendChild(button);
    });
    shown.node.appendChild(group);
    shown.group = group;
    shown.entry.closed = false;
  }

  /** Takes the latest offer's buttons away for good; the text stays. */
  function closeOffer() {
    if (!offer) {
      return;
    }
    offer.entry.closed = true;
    if (offer.group) {
      var focused = offer.group.contains(document.activeElement);
      offer.group.parentNode.removeChild(offer.group);
      offer.group = null;
      if (focused) {
        log.focus(); // not lost to the page; the input would open a phone's keyboard
      }
    }
    save('history', state.history);
  }

  /** A tap on a choice: sent as a quick reply; if it cannot be sent, the choice stays. */
  function take(tapped, choice) {
    if (state.busy || offer !== tapped || !tapped.group) {
      return;
    }
    closeOffer();
    send({payload: choice.payload}, choice.title, function () {
      if (offer === tapped) {
        showChoices();
      }
    });
  }

  /** Says where the person stands: honest queue place, no made-up waiting times. */
  function renderLiveBar() {
    if (offer && offer.group && !offerOpen()) {
      closeOffer(); // a nurse joined, the chat ended, or a message took its place
    }
    var live = isLive();
    var message = !live && state.message && (state.message.status === 'writing'
        || messageWaiting()) ? state.message : null;
    liveBar.hidden = !live && !message;
    liveRow.hidden = liveBar.hidden;
    renderEnd();
    nurseButton.hidden = live || !!message;
    input.placeholder = live ? 'Type your message' : message && message.status === 'writing'
        ? 'Type your message for the nurses' : message ? 'Add to your message'
        : 'Type your question';
    inputLabel.textContent = live ? 'Type your message to the nurse' : message
        ? 'Type your message for the nurses' : 'Type your question';
    liveBar.classList.toggle('hlw-live-message', !!message);
    liveRow.classList.toggle('hlw-live-message', !!message);
    if (!live && !message) {
      liveBar.textContent = '';
      return;
    }
    var text;
    if (message) {
      var by = replyByText(message.replyBy);
      text = message.status === 'writing'
          ? 'Type your message for the nurses below, then press Send.'
          : message.answered ? 'A nurse has replied to your message.'
          : message.status === 'with_nurse' ? 'A nurse is reading your message.'
          : 'Your message is with the nurses. A nurse will reply here'
              + (by ? ' ' + by : ' as soon as they can') + '.';
    } else if (state.live.status === 'with_nurse') {
      text = 'You are chatting with a nurse.';
    } else if (typeof state.live.position === 'number' && state.live.position > 0) {
      text = 'You are number ' + state.live.position + ' in the queue for a nurse.'
          + (state.live.position === 1 ? ' You are next.' : '')
          + ' You can write here while you wait.';
    } else {
      text = 'You are in the queue for a nurse. You can write here while you wait.';
    }
    if (liveBar.textContent !== text) {
      liveBar.textContent = text;
    }
  }

  /**
   * Takes the nurse chat's state from a reply's handoff or a status event (id: the event's).
   * A change says so in the conversation, unless the server's own notice of it came just
   * before (see onStreamEvent), or the reply that brought it said so (told).
   */
  function setLive(status, position, id, told) {
    var before = state.live ? state.live.status : null;
    state.live = {status: status, position: typeof position === 'number' ? position : null};
    save('live', state.live);
    var text = null;
    if (status !== before && status === 'with_nurse') {
      text = 'A nurse has joined the chat.';
    } else if (status !== before && status === LEFT) {
      // Left here, the reply to "End chat" says so; left in another tab, this one says it.
      text = leaving ? null
          : 'You have left the chat with the nurses. You are talking to the bot again.';
    } else if (status !== before && LIVE_STATUSES[before] && !LIVE_STATUSES[status]) {
      text = 'The nurse has left the chat. You are talking to the bot again.';
    }
    if (status !== before) {
      leaving = false;
    }
    if (text && !told
        && !(lastNotice && lastNotice.system && id && lastNotice.id === id - 1)) {
      var entry = {type: 'notice', text: text};
      lastNotice = {id: id, system: false, entry: entry, node: renderNotice(text)};
      remember(entry);
      scrollToEnd();
    }
    renderLiveBar();
    syncStream();
  }

  // ---- ending the chat ------------------------------------------------------------------------
  //
  // While the person waits for a nurse or talks with one, "End chat" sits beside where they
  // stand. It asks first, in the widget (a person in distress may tap it by mistake), then
  // sends the quick reply END_PAYLOAD; the reply says they have left. The chat's stream then
  // brings the status "left", which puts the widget back with the bot: the stream says how the
  // chat stands once it is under way, and so is read to that event before it stops (a reply
  // may come before or after it). The button shows whenever the chat is live, after a reload
  // too (state.live is kept), and goes once it is not.

  // True from "Yes, end chat" until the chat has left live (or the tap did not get through).
  var leaving = false;

  /** Shows "End chat" while the chat is live, or its question once tapped; else neither. */
  function renderEnd() {
    var can = isLive() && !leaving;
    if (!can && !endConfirm.hidden) {
      hideEndConfirm(false);
    }
    endButton.hidden = !can || !endConfirm.hidden;
  }

  function showEndConfirm() {
    if (!isLive() || leaving) {
      return;
    }
    endQuestion.textContent = state.live.status === 'with_nurse'
        ? 'Leave the chat with the nurse?' : 'Leave the queue for a nurse?';
    endConfirm.hidden = false;
    endButton.hidden = true;
    endNo.focus(); // the safe answer first: Enter does not end the chat
  }

  /** Takes the question away; back (true) puts the focus on "End chat" again. */
  function hideEndConfirm(back) {
    var focused = endConfirm.contains(document.activeElement);
    endConfirm.hidden = true;
    endButton.hidden = !isLive() || leaving;
    if (focused) {
      (back && !endButton.hidden ? endButton : log).focus();
    }
  }

  /** "Yes, end chat": sent as the quick reply; if it does not get through, the button is back. */
  function endChat() {
    if (state.busy || !isLive() || leaving) {
      return; // an answer on its way: the question stays until it has come
    }
    leaving = true;
    hideEndConfirm(false); // focus to the conversation: the input would open a phone's keyboard
    send({payload: END_PAYLOAD}, 'End chat', function () {
      leaving = false;
      renderLiveBar();
    });
  }

  /**
   * Takes a left message's state from a reply's handoff or a status event. While it waits the
   * way back is kept (see keepTicket); once the nurses close it the person hears so, and the
   * way back goes as soon as they have seen it (forgetIfSeen).
   */
  function setMessage(status, replyBy) {
    var before = state.message || {};
    if (isLive()) {
      // The chat waited for became a message (offered when no nurse was free): no chat is
      // going on, and nothing is said of its end.
      state.live = null;
      save('live', null);
    }
    state.message = {status: status, replyBy: str(replyBy) || before.replyBy || null,
      answered: !!before.answered};
    if (LIVE_STATUSES[status] && state.conversationId) {
      keepTicket(state.conversationId, state.message.replyBy);
    } else if (status !== 'writing' && LIVE_STATUSES[before.status]) {
      var text = state.message.answered
          ? 'The nurses have closed your message. You are talking to the bot again.'
          : 'The nurses have closed your message without writing a reply here. If you still'
              + ' need help, please call them' + (contact.phone ? ' free on ' + contact.phone
              : '') + '.';
      var entry = {type: 'notice', text: text};
      renderNotice(text);
      remember(entry);
      scrollToEnd();
    }
    save('message', state.message);
    renderLiveBar();
    syncStream();
    forgetIfSeen();
  }

  /** Drops the way back to a closed message once its answer is on screen, the panel open. */
  function forgetIfSeen() {
    if (state.message && !LIVE_STATUSES[state.message.status]
        && state.message.status !== 'writing' && !panel.hidden) {
      forgetTicket();
      state.message = null;
      save('message', null);
    }
  }

  /** A nurse's first answer to a left message: said plainly, before it. */
  function noteAnswer() {
    if (!messageWaiting() || state.message.answered) {
      return;
    }
    state.message.answered = true;
    save('message', state.message);
    var entry = {type: 'notice', text: 'A nurse has replied to your message.', answer: true};
    renderNotice(entry.text).classList.add('hlw-notice-answer');
    remember(entry);
    renderLiveBar();
  }

  /**
   * Handles one stream event; one already handled (a replay) is skipped. A status event may
   * come without an id of its own (the queue place moved; EventSource then repeats the last
   * id): one that does not change the status only updates the place.
   */
  function onStreamEvent(type, event) {
    var id = Number(event.lastEventId);
    var data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (id && id <= state.lastEventId) {
      if (type === 'status' && data && state.live && data.status === state.live.status
          && typeof data.position === 'number' && data.position !== state.live.position) {
        state.live.position = data.position;
        save('live', state.live);
        renderLiveBar();
      }
      return;
    }
    if (id) {
      state.lastEventId = id;
      save('lastEventId', id);
    }
    var previous = lastNotice;
    lastNotice = null;
    if (!data || typeof data !== 'object') {
      return;
    }
    if (type === 'status' && data.mode === 'message') {
      if (str(data.status)) {
        setMessage(data.status, null);
      }
      return;
    }
    if (type === 'status') {
      if (str(data.status)) {
        lastNotice = previous;
        setLive(data.status, data.position, id);
        if (lastNotice === previous) {
          lastNotice = null;
        }
      }
      return;
    }
    var from = str(data.from);
    var text = str(data.text);
    if (!text || (from !== 'person' && from !== 'nurse' && from !== 'bot' && from !== 'system')
        || takeEcho(from, text)) {
      return;
    }
    var choices = from === 'system' ? choicesOf(data) : [];
    if (from === 'system' && !choices.length && previous && !previous.system && id
        && previous.id === id - 1) {
      // The server's notice of the change just made: its words replace the widget's.
      previous.node.textContent = text;
      previous.entry.text = text;
      save('history', state.history);
      return;
    }
    if (from === 'nurse') {
      noteAnswer();
    }
    var entry = {type: 'live', from: from, text: text};
    if (choices.length) {
      entry.choices = choices;
    }
    var node = renderLive(entry);
    remember(entry);
    if (from === 'system' && !choices.length) {
      lastNotice = {id: id, system: true}; // an offer is no one's notice of a change
    }
    if (from === 'bot') {
      streamedBot.push({text: text, entry: entry, node: node});
    }
    var offered = choices.length && !entry.closed;
    if ((from === 'nurse' || offered) && panel.hidden) {
      var what = offered ? 'No nurse is free to chat yet'
          : messageWaiting() ? 'A nurse has replied to your message'
          : 'New message from a nurse';
      launcher.classList.add('hlw-launcher-new');
      launcher.textContent = what;
      launcher.setAttribute('aria-label', 'Open chat: ' + what.toLowerCase());
      announcer.textContent = what + '. Open the chat to read it.';
    }
    scrollToEnd();
  }

  function streamUrl() {
    return chatUrl + '/' + encodeURIComponent(state.conversationId) + '/events';
  }

  /** Listens to the conversation's events while the chat lasts (EventSource reconnects itself). */
  function startStream() {
    if (stream || retryTimer || !state.conversationId || typeof EventSource !== 'function') {
      return;
    }
    var source = new EventSource(streamUrl());
    stream = source;
    ['message', 'status'].forEach(function (type) {
      source.addEventListener(type, function (event) {
        if (stream === source) {
          onStreamEvent(type, event);
        }
      });
    });
    source.addEventListener('error', function () {
      if (stream !== source || source.readyState !== EventSource.CLOSED) {
        return; // the browser reconnects, with Last-Event-ID
      }
      // Refused: a conversation the server no longer knows ends the chat; else try again.
      stream = null;
      fetch(streamUrl(), {headers: {'Accept': 'text/event-stream'}, credentials: 'omit',
        mode: 'cors'}).then(function (res) {
        var gone = res.status === 404;
        if (res.body && res.body.cancel) {
          res.body.cancel();
        }
        return gone;
      }, function () {
        return false;
      }).then(function (gone) {
        if (gone) {
          conversationGone();
        } else if (relaying()) {
          retryTimer = setTimeout(function () {
            retryTimer = null;
            startStream();
          }, 5000);
        }
      });
    });
  }

  function stopStream() {
    if (stream) {
      stream.close();
      stream = null;
    }
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
  }

  /** The person's message will not come back on the stream (not sent, or the bot took it). */
  function dropEcho(entry) {
    awaiting.person = awaiting.person.filter(function (item) {
      return item.entry !== entry;
    });
    entry.echo = null;
    save('history', state.history);
  }

  /** The server no longer knows the conversation (deleted after its retention): no way back. */
  function conversationGone() {
    if (state.message) {
      forgetTicket();
      state.message = null;
      save('message', null);
      var entry = {type: 'notice', text: 'This conversation is no longer kept, so its messages'
          + ' cannot be shown. You can ask me a question, or talk to our nurses.'};
      renderNotice(entry.text);
      remember(entry);
    }
    setLive('closed', null);
  }

  /** A new conversation (the server started one): no chat, no message, no events yet. */
  function startConversation() {
    stopStream();
    forgetEchoes();
    var ticket = loadTicket();
    if (ticket && ticket.conversationId === state.conversationId) {
      forgetTicket(); // the server no longer knows that conversation
    }
    state.live = null;
    state.message = null;
    state.lastEventId = 0;
    save('live', null);
    save('message', null);
    save('lastEventId', 0);
    renderLiveBar();
  }

  /**
   * Of a reply's bubbles, those the stream has not shown already; the rest are marked urgent
   * if the reply is. Bubbles shown here may come back on the stream: entry.echo notes them.
   */
  function unstreamed(kept) {
    var urgent = kept.action === 'escalate' || !!kept.escalation;
    kept.replies = kept.replies.filter(function (reply) {
      var text = reply ? str(reply.text) : '';
      for (var i = 0; i < streamedBot.length; i++) {
        if (sameText(streamedBot[i].text, text)) {
          if (urgent) {
            streamedBot[i].node.classList.add('hlw-msg-urgent');
            streamedBot[i].entry.urgent = true;
          }
          streamedBot.splice(i, 1);
          return false;
        }
      }
      return true;
    });
    save('history', state.history);
  }

  // ---- talking to the API ------------------------------------------------------------------

  function setBusy(busy) {
    state.busy = busy;
    typing.hidden = !busy || relaying(); // a nurse's answer comes on the stream, not the bot's
    sendButton.setAttribute('aria-disabled', busy ? 'true' : 'false');
    if (busy) {
      scrollToEnd();
    }
  }

  /** Sends a message or a tap; notSent, if given, is called when it did not get through. */
  function send(body, shownText, notSent) {
    if (state.busy) {
      return;
    }
    var live = relaying();
    var entry = {type: 'user', text: shownText};
    if (live) {
      entry.echo = {from: 'person', texts: [shownText]}; // it comes back on the stream
    }
    var question = renderUser(shownText);
    remember(entry);
    awaitEcho(entry);
    streamedBot = [];
    quick.textContent = '';
    setBusy(true);
    if (state.conversationId) {
      body.conversationId = state.conversationId;
    }
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () {
      controller.abort();
    }, TIMEOUT_MS) : null;
    fetch(chatUrl, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify(body),
      credentials: 'omit',
      mode: 'cors',
      signal: controller ? controller.signal : undefined
    }).then(function (res) {
      if (!res.ok) {
        // A problem document (RFC 9457): its detail is for developers; people get a kind
        // message with the numbers instead.
        var error = new Error('HTTP ' + res.status);
        error.kind = res.status === 503 || res.status === 429 ? 'busy' : 'failed';
        throw error;
      }
      return res.json();
    }).then(function (response) {
      if (response && typeof response.conversationId === 'string') {
        if (state.conversationId && response.conversationId !== state.conversationId) {
          startConversation();
        }
        state.conversationId = response.conversationId;
        save('conversationId', state.conversationId);
      }
      var kept = slim(response || {});
      var chat = kept.handoff && kept.handoff.mode === 'chat' && str(kept.handoff.status)
          ? kept.handoff : null;
      var message = kept.handoff && kept.handoff.mode === 'message'
          && str(kept.handoff.status) ? kept.handoff : null;
      if (entry.echo && kept.action !== 'relayed' && kept.action !== 'escalate') {
        dropEcho(entry); // answered by the bot, so not passed to a nurse (an emergency is)
      }
      if (kept.escalation) {
        state.escalation = {
          numbers: (Array.isArray(kept.escalation.numbers) ? kept.escalation.numbers
              : [contact.emergency])
              .filter(function (n) {
                return typeof n === 'string';
              }),
          texts: kept.replies.map(function (r) {
            return r ? str(r.text) : '';
          }),
          dismissed: false
        };
        save('escalation', state.escalation);
        renderAlert();
      }
      var answer = null;
      if (kept.action !== 'relayed') { // a message for the nurse shows nothing more
        answer = {type: 'bot', response: kept};
        if (live || chat) {
          unstreamed(kept);
          answer.echo = {from: 'bot', texts: kept.replies.map(function (r) {
            return r ? str(r.text) : '';
          })};
        }
        renderResponse(kept);
        remember(answer);
      }
      // Once the chat is under way its stream says how it stands; a reply may be older. A
      // reply that joins a nurse or leaves the chat says so itself.
      if (chat && (!isLive() || !stream)) {
        setLive(chat.status, chat.position, undefined,
            chat.status === 'with_nurse' || chat.status === LEFT);
      }
      if (leaving && !(chat && chat.status === LEFT && isLive())) {
        leaving = false; // left already, or the chat had ended before the tap
        renderLiveBar();
      }
      if (message && (!messageWaiting() || !stream)) {
        var left = !messageWaiting() && LIVE_STATUSES[message.status];
        setMessage(message.status, message.replyBy);
        if (left && body.text !== undefined) {
          // This was the message: the stream it now follows brings it back.
          entry.echo = {from: 'person', texts: [shownText]};
          awaitEcho(entry);
        }
      }
      if (answer) {
        awaitEcho(answer);
      }
    }).catch(function (error) {
      var kind = error && error.kind === 'busy' ? 'busy' : 'failed';
      if (entry.echo) {
        dropEcho(entry);
        kind = 'unsent';
      }
      renderError(kind);
      remember({type: 'error', kind: kind});
      if (notSent) {
        notSent();
      }
    }).then(function () {
      if (timer) {
        clearTimeout(timer);
      }
      setBusy(false);
      scrollToQuestion(question);
    });
  }

  // ---- opening, closing, keyboard ----------------------------------------------------------

  function open(focus) {
    panel.hidden = false;
    if (launcher.classList.contains('hlw-launcher-new')) {
      launcher.classList.remove('hlw-launcher-new');
      launcher.textContent = title;
      launcher.setAttribute('aria-label', 'Open chat: ' + title);
      announcer.textContent = '';
    }
    root.classList.add('hlw-is-open');
    launcher.setAttribute('aria-expanded', 'true');
    state.open = true;
    save('open', true);
    forgetIfSeen();
    scrollToEnd();
    if (focus !== false) {
      input.focus();
    }
  }

  function close() {
    panel.hidden = true;
    root.classList.remove('hlw-is-open');
    launcher.setAttribute('aria-expanded', 'false');
    state.open = false;
    save('open', false);
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) {
      open();
    } else {
      close();
    }
  });
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.preventDefault();
      close();
    }
  });
  endButton.addEventListener('click', showEndConfirm);
  endYes.addEventListener('click', endChat);
  endNo.addEventListener('click', function () {
    hideEndConfirm(true);
  });
  endConfirm.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.preventDefault();
      event.stopPropagation(); // "No, stay", not closing the panel
      hideEndConfirm(true);
    }
  });
  nurseButton.addEventListener('click', function () {
    send({payload: 'talk_to_nurse'}, 'Talk to a nurse');
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || state.busy) {
      return;
    }
    input.value = '';
    send({text: text}, text);
  });

  // ---- start -------------------------------------------------------------------------------

  /** Fetches the numbers once; until they arrive (or if this fails) the current ones stay. */
  function loadContact() {
    if (typeof fetch !== 'function') {
      return;
    }
    fetch(contactUrl, {
      headers: {'Accept': 'application/json'},
      credentials: 'omit',
      mode: 'cors'
    }).then(function (res) {
      return res.ok ? res.json() : null;
    }).then(function (body) {
      if (useContact(body)) {
        save('contact', {phone: contact.phone, emergency: contact.emergency,
          otherNumbers: contact.others});
        renderContact();
      }
    }).catch(function () {
      // offline or refused: the page's number (or "call the nurse helpline") stays
    });
  }

  function start() {
    loadContact();
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('widget.css', scriptUrl).href;
    var shown = false;
    function show() {
      if (shown) {
        return;
      }
      shown = true;
      document.body.appendChild(root);
      if (state.open) {
        open(false);
      }
    }
    css.addEventListener('load', show);
    css.addEventListener('error', show);
    setTimeout(show, 3000);
    document.head.appendChild(css);

    // Back after closing the tab, with a message left for the nurses: its conversation's
    // stream shows what they wrote and any answer. A tab busy with another conversation
    // keeps it; the way back waits for another tab.
    var ticket = loadTicket();
    if (ticket && !state.conversationId) {
      state.conversationId = ticket.conversationId;
      save('conversationId', state.conversationId);
      state.message = {status: 'waiting', replyBy: ticket.replyBy, answered: false};
      save('message', state.message);
      remember({type: 'notice', text: 'Welcome back. This is the message you left for our'
          + ' nurses.'});
      launcher.classList.add('hlw-launcher-new');
      launcher.textContent = 'Your message for the nurses';
      launcher.setAttribute('aria-label', 'Open chat: your message for the nurses');
    }
    state.history.forEach(renderEntry);
    if (state.history.length === 0) {
      log.appendChild(el('p', 'hlw-msg hlw-msg-bot', 'Hello. Ask me about immunotherapy, or '
          + 'talk to one of our nurses. I am a bot, not a nurse.'));
    }
    renderAlert();
    renderLiveBar();
    if (relaying()) {
      startStream(); // back to the nurse chat or a message after a reload: newer events only
    }
    // A page kept in the browser's back-forward cache would keep its stream open, and the
    // nurse would see the person as still here: close it as the page goes, follow it again
    // (newer events only) if the page comes back.
    window.addEventListener('pagehide', stopStream);
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        syncStream();
      }
    });
  }

  window.HelplineWidget = {
    open: function () {
      open();
    },
    close: close,
    /** Renders a response object exactly as a real one is rendered; for tests only. */
    _renderReplyForTest: function (response) {
      renderResponse(slim(response || {}));
      scrollToEnd();
    }
  };

  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
}());
