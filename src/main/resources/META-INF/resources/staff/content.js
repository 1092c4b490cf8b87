/*
 * The console's content area (editors and clinicians): published versions with restore and
 * export, drafts (start, edit with a form or as text, try, evaluate, submit, discard), the
 * clinician's review (side-by-side diff, approve or return), publish, and "Add to a draft"
 * from the unrecognised questions and the ratings. Uses staff.js's helpers
 * (window.helplineStaff) and dialog-yaml.js (window.helplineDialogYaml); everything from the
 * server is shown with textContent.
 */
(function () {
  'use strict';

  var S = window.helplineStaff;
  var Y = window.helplineDialogYaml;
  var $ = S.$;
  var el = S.el;
  var say = S.say;
  var clear = S.clear;
  var DRAFTS = 'staff/content/drafts';
  var VERSIONS = 'staff/content/versions';
  var MAX_BUBBLE = 600;
  // What the draft's bot did, for the line under Try it.
  var DID = {
    answer: 'answered',
    clarify: 'asked which topic was meant',
    fallback: 'did not understand',
    handoff: 'handed over to the nurses',
    escalate: 'escalated (safety)',
    relayed: 'relayed the message'
  };
  var STATUS = {
    editing: 'Being edited',
    submitted: 'Waiting for clinical sign-off',
    approved: 'Approved: ready to publish',
    published: 'Published',
    discarded: 'Discarded'
  };

  // The open draft: {id, summary, files: [paths] or null, path, model (a dialog's form),
  // conversation (try it)}; null when none.
  var draft = null;
  var openDrafts = [];
  // Paths of each version's files (version -> [paths]).
  var versionFiles = {};

  function draftPath(id, rest) {
    return DRAFTS + '/' + encodeURIComponent(id) + (rest ? '/' + rest : '');
  }

  /** A file's API path: each segment encoded, the slashes kept. */
  function filePath(id, path) {
    return draftPath(id, 'files/' + path.split('/').map(encodeURIComponent).join('/'));
  }

  function button(text, onClick, className) {
    var b = el('button', className || null, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function problemItem(p) {
    var item = el('li');
    item.appendChild(el('code', null, p.file + (p.line ? ':' + p.line : '')));
    item.appendChild(document.createTextNode(' ' + p.message));
    return item;
  }

  function fillProblems(list, problems) {
    clear(list);
    (problems || []).forEach(function (p) {
      list.appendChild(problemItem(p));
    });
  }

  function badge(status) {
    return el('span', 'badge badge-draft-' + status, STATUS[status] || status);
  }

  /** The details of a refused call, with its problems when it has them. */
  function refused(result, doing) {
    var text = S.problem(result, doing);
    var problems = result.data && result.data.problems;
    return problems && problems.length ? text + ' See the problems below.' : text;
  }

  function exportOf(version) {
    return S.api('GET', VERSIONS + '/' + version + '/export', undefined, undefined,
      {accept: 'application/zip'});
  }

  /** The paths of a version's files; resolves to null when they cannot be read. */
  function filesOf(version) {
    if (versionFiles[version]) {
      return Promise.resolve(versionFiles[version]);
    }
    return S.api('GET', VERSIONS + '/' + version + '/files').then(function (result) {
      if (result.status !== 200 || !Array.isArray(result.data)) {
        return null;
      }
      versionFiles[version] = result.data.slice().sort();
      return versionFiles[version];
    });
  }

  /** The intent ids of a file list, for the intent pickers. */
  function intentsIn(paths) {
    return (paths || []).filter(function (p) {
      return /^intents\/[a-z0-9][a-z0-9_-]*\.txt$/.test(p);
    }).map(function (p) {
      return p.slice('intents/'.length, -'.txt'.length);
    });
  }

  function fillIntentList(paths) {
    var list = $('intent-ids');
    clear(list);
    intentsIn(paths).forEach(function (id) {
      var option = el('option');
      option.value = id;
      list.appendChild(option);
    });
  }

  // ---------------------------------------------------------------- versions

  function loadVersions() {
    var list = $('versions-list');
    say($('versions-message'), 'Loading the versions…');
    return S.api('GET', VERSIONS).then(function (result) {
      if (result.status !== 200 || !Array.isArray(result.data)) {
        say($('versions-message'), S.problem(result, 'loading the versions'), 'error');
        return;
      }
      clear(list);
      result.data.forEach(function (v) {
        list.appendChild(versionEntry(v));
      });
      var live = result.data.filter(function (v) {
        return v.live;
      })[0];
      say($('versions-message'), live ? 'Version ' + live.version + ' is live.'
        : 'No version is live yet.');
      if (live) {
        filesOf(live.version).then(fillIntentList);
      }
    });
  }

  function versionEntry(v) {
    var entry = el('li', 'entry version' + (v.live ? ' is-live' : ''));
    entry.setAttribute('data-version', v.version);
    var head = el('p', 'entry-head', [el('span', null, 'Version ' + v.version)]);
    if (v.live) {
      head.appendChild(el('span', 'badge badge-live', 'Live'));
    }
    entry.appendChild(head);
    if (v.note) {
      entry.appendChild(el('p', 'summary', v.note));
    }
    var who = 'Published ' + S.time(v.publishedAt) + (v.publishedBy ? ' by ' + v.publishedBy
      : '') + (v.approvedBy ? ' · approved by ' + v.approvedBy : '')
      + (v.origin ? ' · ' + v.origin : '');
    entry.appendChild(el('p', 'meta', who));
    var actions = el('div', 'actions');
    actions.appendChild(button('Export (zip)', function () {
      download(v.version, actions);
    }));
    if (!v.live && S.hasRole('editor')) {
      var restore = button('Restore', function () {
        confirmRestore(v, actions, restore);
      });
      restore.className = 'restore';
      restore.setAttribute('aria-label', 'Restore version ' + v.version);
      actions.appendChild(restore);
    }
    entry.appendChild(actions);
    entry.appendChild(el('p', 'message', ''));
    return entry;
  }

  /** Restores only after a second click on "Yes, restore": it changes what people read. */
  function confirmRestore(v, actions, restore) {
    restore.hidden = true;
    var box = el('div', 'confirm', [el('p', null, 'Make version ' + v.version + ' live again?'
      + ' Every instance switches to it within seconds.')]);
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', 'Confirm restoring version ' + v.version);
    var yes = button('Yes, restore version ' + v.version, function () {
      yes.disabled = true;
      var message = actions.parentNode.querySelector('.message');
      say(message, 'Restoring…');
      S.api('POST', VERSIONS + '/' + v.version + '/restore').then(function (result) {
        if (result.status === 200) {
          loadVersions().then(function () {
            say($('versions-message'), 'Version ' + v.version + ' is live again. Every'
              + ' instance switches within seconds.', 'ok');
            $('versions-title').focus();
          });
        } else {
          yes.disabled = false;
          say(message, S.problem(result, 'restoring'), 'error');
        }
      });
    }, 'primary confirm-restore');
    var no = button('Cancel', function () {
      box.parentNode.removeChild(box);
      restore.hidden = false;
      restore.focus();
    }, 'quiet');
    box.appendChild(yes);
    box.appendChild(no);
    actions.appendChild(box);
    yes.focus();
  }

  /** Saves a version's zip: fetched with the sign-in, then handed to the browser. */
  function download(version, actions) {
    var message = actions.parentNode.querySelector('.message');
    say(message, 'Preparing the export…');
    exportOf(version).then(function (result) {
      if (result.status !== 200) {
        say(message, S.problem(result, 'exporting'), 'error');
        return;
      }
      var url = URL.createObjectURL(new Blob([result.data], {type: 'application/zip'}));
      var link = el('a');
      link.href = url;
      link.download = 'helpline-content-v' + version + '.zip';
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 10000);
      say(message, 'Exported version ' + version + '.', 'ok');
    });
  }

  // ---------------------------------------------------------------- drafts list, review list

  function loadDrafts() {
    say($('drafts-message'), 'Loading the drafts…');
    return S.api('GET', DRAFTS).then(function (result) {
      if (result.status !== 200 || !Array.isArray(result.data)) {
        say($('drafts-message'), S.problem(result, 'loading the drafts'), 'error');
        return;
      }
      openDrafts = result.data;
      var list = $('drafts-list');
      clear(list);
      openDrafts.forEach(function (d) {
        list.appendChild(draftEntry(d));
      });
      say($('drafts-message'), openDrafts.length === 0 ? 'No open drafts.'
        : openDrafts.length + (openDrafts.length === 1 ? ' open draft.' : ' open drafts.'));
      if (S.hasRole('clinician')) {
        fillReview();
      }
    });
  }

  function draftEntry(d) {
    var entry = el('li', 'entry draft-entry');
    entry.setAttribute('data-draft', d.id);
    entry.appendChild(el('p', 'entry-head', [el('span', null, d.note || 'Draft '
      + d.id.slice(0, 8)), badge(d.status)]));
    entry.appendChild(el('p', 'meta', 'By ' + (d.contributors && d.contributors.length
      ? d.contributors.join(', ') : d.author) + ' · from version ' + d.basedOn
      + ' · changed ' + S.time(d.updatedAt)));
    var open = button('Open', function () {
      openDraft(d.id);
    });
    open.className = 'open-draft';
    open.setAttribute('aria-label', 'Open the draft "' + (d.note || d.id.slice(0, 8)) + '"');
    entry.appendChild(open);
    return entry;
  }

  /** A clinician's first view: the drafts waiting for them, and what is due for review. */
  function fillReview() {
    var list = $('review-drafts');
    clear(list);
    var waiting = openDrafts.filter(function (d) {
      return d.status === 'submitted';
    });
    waiting.forEach(function (d) {
      list.appendChild(draftEntry(d));
    });
    say($('review-message'), waiting.length === 0 ? 'No draft is waiting for sign-off.'
      : waiting.length + (waiting.length === 1 ? ' draft is' : ' drafts are')
        + ' waiting for sign-off.');
  }

  function loadReviewDue() {
    S.api('GET', 'staff/content/review-due').then(function (result) {
      if (result.status !== 200 || !result.data) {
        say($('review-message'), S.problem(result, 'loading the texts due for review'),
          'error');
        return;
      }
      fillProblems($('review-due'), result.data.due);
      if (!(result.data.due || []).length) {
        $('review-due').appendChild(el('li', 'hint', 'Nothing is due for review.'));
      }
      fillProblems($('review-awaiting'), result.data.awaiting);
      $('review-awaiting-summary').textContent = 'Never reviewed ('
        + (result.data.awaiting || []).length + ')';
    });
  }

  function startDraft(event) {
    event.preventDefault();
    var note = $('draft-new-note').value.trim();
    say($('drafts-message'), 'Starting a draft…');
    S.api('POST', DRAFTS, note ? {note: note} : {}).then(function (result) {
      if (result.status === 201 && result.data) {
        $('draft-new-note').value = '';
        loadDrafts();
        openDraft(result.data.id);
      } else {
        say($('drafts-message'), S.problem(result, 'starting a draft'), 'error');
      }
    });
  }

  // ---------------------------------------------------------------- one draft

  function openDraft(id) {
    if (!draft || draft.id !== id) {
      draft = {id: id, summary: null, files: null, path: null, model: null,
        conversation: null};
      clear($('try-log'));
      clear($('diff-files'));
      $('eval-result').hidden = true;
      say($('eval-message'), '');
      say($('try-message'), '');
      say($('diff-message'), '');
      $('file-editor').hidden = true;
      $('review-comment').value = '';
    }
    $('draft').hidden = false;
    return loadDraft().then(function () {
      $('draft-title').focus();
    });
  }

  function loadDraft() {
    var id = draft.id;
    say($('draft-message'), 'Loading the draft…');
    return S.api('GET', draftPath(id)).then(function (result) {
      if (!draft || draft.id !== id) {
        return;
      }
      if (result.status !== 200 || !result.data) {
        say($('draft-message'), S.problem(result, 'loading the draft'), 'error');
        return;
      }
      showDraft(result.data);
      say($('draft-message'), '');
    });
  }

  /** Shows a draft summary (GET, or what a save answered). */
  function showDraft(d) {
    var before = draft.summary;
    draft.summary = d;
    $('draft').setAttribute('data-status', d.status);
    $('draft-title').textContent = 'Draft: ' + (d.note || d.id.slice(0, 8)) + ' ('
      + (STATUS[d.status] || d.status).toLowerCase() + ')';
    $('draft-meta').textContent = 'Started by ' + d.author + ' from version ' + d.basedOn
      + (d.contributors && d.contributors.length > 1 ? ' · written by '
        + d.contributors.join(', ') : '') + ' · changed ' + S.time(d.updatedAt)
      + (d.publishedVersion ? ' · published as version ' + d.publishedVersion : '');
    $('draft-note').textContent = d.note ? 'Note: ' + d.note : '';
    var review = $('draft-review');
    review.textContent = d.reviewer ? (d.status === 'editing' ? 'Returned by ' : 'Reviewed by ')
      + d.reviewer + (d.reviewedAt ? ' on ' + S.time(d.reviewedAt) : '')
      + (d.reviewComment ? ': "' + d.reviewComment + '"' : '') : '';

    var problems = d.problems || [];
    fillProblems($('draft-problems'), problems);
    $('draft-problems-box').hidden = problems.length === 0;
    var warnings = d.warnings || [];
    fillProblems($('draft-warnings'), warnings);
    $('draft-warnings-summary').textContent = 'Review warnings (' + warnings.length + ')';
    $('draft-warnings-box').hidden = warnings.length === 0;

    var editor = S.hasRole('editor');
    var editing = d.status === 'editing' && editor;
    $('draft-edit').hidden = !editing;
    $('submit-form').hidden = !editing;
    $('draft-submit').disabled = problems.length > 0 || draft.safetyLowered === true;
    $('submit-blocked').textContent = problems.length > 0 ? 'Fix the problems first.'
      : draft.safetyLowered ? 'The draft lowers safety recall: it cannot be submitted.' : '';
    $('publish-form').hidden = !(d.status === 'approved' && editor);
    $('discard-box').hidden = !(editor && ['editing', 'submitted', 'approved']
      .indexOf(d.status) >= 0);
    var reviewer = d.status === 'submitted' && S.hasRole('clinician');
    var own = reviewer && (d.contributors || [d.author]).indexOf(S.name()) >= 0;
    $('review-form').hidden = !reviewer;
    $('draft-approve').hidden = own;
    $('review-own').hidden = !own;
    $('try-form').hidden = d.status !== 'editing' && d.status !== 'submitted'
      && d.status !== 'approved';

    if (editing) {
      listFiles();
    }
    if (d.status === 'submitted' && (!before || before.status !== 'submitted')) {
      loadDiff();
    }
  }

  /** The draft's files: those of its version, plus added, less removed; changed marked. */
  function listFiles() {
    var d = draft.summary;
    var id = draft.id;
    filesOf(d.basedOn).then(function (paths) {
      if (!draft || draft.id !== id) {
        return;
      }
      var changes = {};
      (d.changes || []).forEach(function (c) {
        changes[c.path] = c.change;
      });
      var all = (paths || []).slice();
      Object.keys(changes).forEach(function (p) {
        if (all.indexOf(p) < 0) {
          all.push(p);
        }
      });
      all.sort();
      draft.files = all;
      var problemFiles = {};
      (d.problems || []).forEach(function (p) {
        problemFiles[p.file] = true;
      });
      var list = $('draft-files');
      clear(list);
      var filter = $('files-filter').value.trim().toLowerCase();
      all.filter(function (p) {
        return !filter || p.indexOf(filter) >= 0 || changes[p];
      }).forEach(function (p) {
        var b = button(p, function () {
          openFile(p);
        }, 'file-button' + (p === draft.path ? ' is-open' : ''));
        b.setAttribute('data-path', p);
        if (p === draft.path) {
          b.setAttribute('aria-current', 'true');
        }
        var item = el('li', changes[p] ? 'is-changed' : null, [b]);
        if (changes[p]) {
          item.appendChild(el('span', 'badge badge-change', changes[p]));
        }
        if (problemFiles[p]) {
          item.appendChild(el('span', 'badge badge-problem', 'problem'));
        }
        list.appendChild(item);
      });
      say($('files-message'), paths ? all.length + ' files, ' + Object.keys(changes).length
        + ' changed.' : 'Could not list the version\'s files; changed files only.');
    });
  }

  // ---------------------------------------------------------------- editing one file

  function openFile(path) {
    var id = draft.id;
    draft.path = path;
    say($('file-message'), 'Opening ' + path + '…');
    clear($('file-problems'));
    S.api('GET', filePath(id, path), undefined, undefined, {accept: 'text/plain'})
      .then(function (result) {
        if (!draft || draft.id !== id || draft.path !== path) {
          return;
        }
        $('file-editor').hidden = false;
        $('file-title').textContent = path;
        if (result.status !== 200) {
          say($('file-message'), S.problem(result, 'opening ' + path), 'error');
          return;
        }
        say($('file-message'), '');
        showFile(path, result.data);
        fileProblems();
        listFiles();
        $('file-title').focus();
      });
  }

  function showFile(path, text) {
    $('file-raw').value = text;
    var answer = /^dialogs\/[a-z0-9][a-z0-9_-]*\.yml$/.test(path);
    var intent = /^intents\/[a-z0-9][a-z0-9_-]*\.txt$/.test(path);
    $('dialog-form').hidden = !answer;
    $('intent-editor').hidden = !intent;
    $('raw-box').open = !answer && !intent;
    draft.model = null;
    if (answer) {
      showDialogForm(text);
    }
    if (intent) {
      $('intent-examples').value = text;
      countExamples();
    }
  }

  function showDialogForm(text) {
    var model;
    try {
      model = Y.read(text);
    } catch (e) {
      model = null;
    }
    var form = $('dialog-form');
    if (!model || model.replies.missing) {
      form.hidden = true;
      $('raw-box').open = true;
      return;
    }
    draft.model = model;
    var notes = [];
    [['replies', 'The bubbles'], ['followUps', 'The follow-ups'], ['source', 'The source']]
      .forEach(function (part) {
        if (model[part[0]].unsupported) {
          notes.push(part[1] + ' are written in a way this form does not read ('
            + model[part[0]].unsupported + '): edit them as text below.');
        }
      });
    $('dialog-form-note').textContent = notes.join(' ') || 'The form changes the bubbles,'
      + ' follow-ups and source; everything else in the file stays as it is.';
    $('bubbles-box').disabled = !!model.replies.unsupported;
    $('followups-box').disabled = !!model.followUps.unsupported;
    $('source-box').disabled = !!model.source.unsupported;
    var list = $('bubbles');
    clear(list);
    (model.replies.bubbles || []).forEach(function (b) {
      list.appendChild(bubbleEditor(b));
    });
    numberBubbles();
    $('dialog-followups').value = (model.followUps.list || []).join(', ');
    $('dialog-source-title').value = model.source.title || '';
    $('dialog-source-url').value = model.source.url || '';
  }

  var bubbleIds = 0;

  /** One bubble's fields: its text with a live count against the limit, and its links. */
  function bubbleEditor(bubble) {
    var n = ++bubbleIds;
    var item = el('li', 'bubble');
    var label = el('label', 'bubble-label', 'Bubble');
    label.htmlFor = 'bubble-' + n;
    var text = el('textarea', 'bubble-text');
    text.id = 'bubble-' + n;
    text.rows = 4;
    text.value = bubble.text;
    var count = el('p', 'counter');
    count.id = 'bubble-' + n + '-count';
    text.setAttribute('aria-describedby', count.id);
    text.addEventListener('input', function () {
      countBubble(text, count);
    });
    item.appendChild(label);
    item.appendChild(text);
    item.appendChild(count);
    countBubble(text, count);

    var links = el('ul', 'links');
    (bubble.links || []).forEach(function (l) {
      links.appendChild(linkEditor(l));
    });
    item.appendChild(links);
    var actions = el('div', 'actions');
    actions.appendChild(button('Add a link', function () {
      var row = linkEditor({title: '', url: ''});
      links.appendChild(row);
      row.querySelector('input').focus();
    }));
    actions.appendChild(button('Remove this bubble', function () {
      var next = item.nextElementSibling || item.previousElementSibling;
      item.parentNode.removeChild(item);
      numberBubbles();
      (next ? next.querySelector('textarea') : $('bubble-add')).focus();
    }, 'quiet'));
    item.appendChild(actions);
    return item;
  }

  function countBubble(text, count) {
    var length = text.value.trim().length;
    var over = length > MAX_BUBBLE;
    count.textContent = over ? 'Too long: ' + length + ' of ' + MAX_BUBBLE + ' characters ('
      + (length - MAX_BUBBLE) + ' over the limit)' : length + ' of ' + MAX_BUBBLE
      + ' characters';
    count.className = 'counter' + (over ? ' is-over' : '');
    text.setAttribute('aria-invalid', over ? 'true' : 'false');
  }

  function numberBubbles() {
    $('bubbles').querySelectorAll('.bubble-label').forEach(function (label, i) {
      label.textContent = 'Bubble ' + (i + 1) + ' text';
    });
  }

  var linkIds = 0;

  function linkEditor(link) {
    var n = ++linkIds;
    var row = el('li', 'link-row');
    [['title', 'Link title'], ['url', 'Link address (https or tel:)']].forEach(function (f) {
      var label = el('label', null, f[1]);
      var input = el('input', 'link-' + f[0]);
      input.id = 'link-' + n + '-' + f[0];
      label.htmlFor = input.id;
      input.value = link[f[0]] || '';
      input.autocomplete = 'off';
      row.appendChild(label);
      row.appendChild(input);
    });
    row.appendChild(button('Remove this link', function () {
      row.parentNode.removeChild(row);
    }, 'quiet'));
    return row;
  }

  /** The form's values, for dialog-yaml.js to write. */
  function formValues() {
    var values = {};
    if (!draft.model.replies.unsupported) {
      values.bubbles = [];
      $('bubbles').querySelectorAll('.bubble').forEach(function (item) {
        var links = [];
        item.querySelectorAll('.link-row').forEach(function (row) {
          links.push({title: row.querySelector('.link-title').value.trim(),
            url: row.querySelector('.link-url').value.trim()});
        });
        values.bubbles.push({text: item.querySelector('textarea').value.trim(),
          links: links});
      });
    }
    if (!draft.model.followUps.unsupported) {
      values.followUps = $('dialog-followups').value.split(',').map(function (s) {
        return s.trim();
      }).filter(Boolean);
    }
    if (!draft.model.source.unsupported) {
      values.source = {title: $('dialog-source-title').value.trim(),
        url: $('dialog-source-url').value.trim()};
    }
    return values;
  }

  function saveDialogForm(event) {
    event.preventDefault();
    if (!draft || !draft.model) {
      return;
    }
    var over = $('bubbles').querySelector('.counter.is-over');
    if (over) {
      say($('file-message'), 'A bubble is over ' + MAX_BUBBLE + ' characters: shorten it'
        + ' before saving.', 'error');
      over.previousElementSibling.focus();
      return;
    }
    saveFile(draft.path, Y.write(draft.model, formValues()));
  }

  /** PUTs a file and shows every problem, beside the file and for the draft. */
  function saveFile(path, text) {
    var id = draft.id;
    say($('file-message'), 'Saving ' + path + '…');
    S.api('PUT', filePath(id, path), text, undefined, {type: 'text/plain; charset=utf-8'})
      .then(function (result) {
        if (!draft || draft.id !== id) {
          return;
        }
        savedOrRefused(result, path, text);
      });
  }

  function savedOrRefused(result, path, text) {
    if (result.status === 200 && result.data) {
      showDraft(result.data);
      if (path === draft.path && text !== undefined) {
        showFile(path, text);
      }
      var own = fileProblems();
      var all = (result.data.problems || []).length;
      say($('file-message'), own > 0 ? 'Saved, with ' + own + (own === 1 ? ' problem' : ' problems')
        + ' in this file (listed below). The draft cannot be submitted until they are fixed.'
        : all > 0 ? 'Saved. This file is fine; other files have problems (see the draft\'s'
          + ' problems).' : 'Saved. No problems.', own > 0 || all > 0 ? 'error' : 'ok');
      resetEvaluation();
    } else {
      say($('file-message'), refused(result, 'saving ' + path), 'error');
      fillProblems($('file-problems'), result.data && result.data.problems);
    }
  }

  /** Lists the draft's problems that are in the open file; answers how many. */
  function fileProblems() {
    var mine = ((draft.summary && draft.summary.problems) || []).filter(function (p) {
      return p.file === draft.path;
    });
    fillProblems($('file-problems'), mine);
    return mine.length;
  }

  function countExamples() {
    var n = $('intent-examples').value.split('\n').filter(function (line) {
      return line.trim() && line.trim().charAt(0) !== '#';
    }).length;
    $('intent-count').textContent = n + (n === 1 ? ' example.' : ' examples.');
  }

  function saveExamples(event) {
    event.preventDefault();
    var text = $('intent-examples').value.replace(/\r\n/g, '\n');
    saveFile(draft.path, /\n$/.test(text) || text === '' ? text : text + '\n');
  }

  function saveRaw(event) {
    event.preventDefault();
    saveFile(draft.path, $('file-raw').value);
  }

  function addExampleHere(event) {
    event.preventDefault();
    var text = $('example-text').value.trim();
    var intent = draft.path.slice('intents/'.length, -'.txt'.length);
    if (!text) {
      say($('file-message'), 'Type the way of asking first.', 'error');
      $('example-text').focus();
      return;
    }
    var id = draft.id;
    var path = draft.path;
    addExample(id, intent, text).then(function (result) {
      if (!draft || draft.id !== id) {
        return;
      }
      if (result.status === 200) {
        $('example-text').value = '';
        S.api('GET', filePath(id, path), undefined, undefined, {accept: 'text/plain'})
          .then(function (file) {
            savedOrRefused(result, path, file.status === 200 ? file.data : undefined);
            $('example-text').focus();
          });
      } else {
        say($('file-message'), addRefused(result), 'error');
      }
    });
  }

  function addExample(id, intent, text) {
    return S.api('POST', draftPath(id, 'examples'), {intent: intent, text: text});
  }

  function addRefused(result) {
    if (result.status === 409) {
      return 'Not added: ' + (result.data && result.data.detail ? result.data.detail
        : 'the draft is not being edited') + '.';
    }
    if (result.status === 404) {
      return 'Not added: there is no such topic (intent) in this draft.';
    }
    return S.problem(result, 'adding the example');
  }

  // ---------------------------------------------------------------- try it

  function tryIt(event) {
    event.preventDefault();
    var input = $('try-text');
    var text = input.value.trim();
    if (!text) {
      return;
    }
    send({text: text}, text);
    input.value = '';
  }

  function send(body, shown) {
    var id = draft.id;
    if (draft.conversation) {
      body.conversationId = draft.conversation;
    }
    $('try-log').appendChild(el('li', 'said person', [el('span', 'who-said', 'You'),
      el('span', 'text', shown)]));
    say($('try-message'), draft.conversation ? 'Asking the draft…'
      : 'Asking the draft (the first message trains it: up to half a minute)…');
    $('try-send').disabled = true;
    S.api('POST', draftPath(id, 'chat'), body).then(function (result) {
      $('try-send').disabled = false;
      if (!draft || draft.id !== id) {
        return;
      }
      if (result.status !== 200 || !result.data) {
        say($('try-message'), refused(result, 'asking the draft'), 'error');
        return;
      }
      var r = result.data;
      draft.conversation = r.conversationId;
      var log = $('try-log');
      (r.replies || []).forEach(function (reply) {
        var bubble = el('li', 'said bot', [el('span', 'who-said', 'Draft bot'),
          el('span', 'text', reply.text)]);
        (reply.links || []).forEach(function (l) {
          var url = S.safeUrl(l.url);
          if (url) {
            var a = el('a', 'link', l.title || url);
            a.href = url;
            a.target = '_blank';
            a.rel = 'noopener noreferrer';
            bubble.appendChild(a);
          }
        });
        log.appendChild(bubble);
      });
      var quick = el('li', 'quick');
      (r.quickReplies || []).forEach(function (q) {
        quick.appendChild(button(q.title, function () {
          send({payload: q.payload}, q.title);
        }, 'insert'));
      });
      if (quick.firstChild) {
        log.appendChild(quick);
      }
      log.scrollTop = log.scrollHeight;
      say($('try-message'), 'The draft ' + (DID[r.action] || 'answered') + (r.intent ? ' ('
        + r.intent + ')' : '') + '.');
    });
  }

  // ---------------------------------------------------------------- evaluation

  function resetEvaluation() {
    draft.safetyLowered = undefined;
    draft.conversation = null;
    if (!$('eval-result').hidden) {
      $('eval-result').hidden = true;
      say($('eval-message'), 'The draft changed: evaluate it again.');
    }
  }

  function evaluate() {
    var id = draft.id;
    var started = Date.now();
    $('eval-run').disabled = true;
    say($('eval-message'), 'Training the draft and evaluating it: this takes up to a minute…');
    function poll() {
      S.api('GET', draftPath(id, 'evaluation')).then(function (result) {
        if (!draft || draft.id !== id) {
          return;
        }
        if (result.status === 503 && Date.now() - started < 300000) {
          var after = Number(result.headers && result.headers.get('Retry-After')) || 5;
          setTimeout(poll, Math.min(Math.max(after, 1), 30) * 1000);
          return;
        }
        $('eval-run').disabled = false;
        if (result.status !== 200 || !result.data) {
          say($('eval-message'), refused(result, 'evaluating the draft'), 'error');
          return;
        }
        showEvaluation(result.data);
      });
    }
    poll();
  }

  function figure(p) {
    if (!p) {
      return '—';
    }
    var pc = function (x) {
      return (Math.round(x * 1000) / 10).toFixed(1) + ' %';
    };
    return pc(p.value) + ' (' + pc(p.interval.lower) + '–' + pc(p.interval.upper) + ', '
      + p.count + '/' + p.total + ')';
  }

  function showEvaluation(r) {
    var rows = [['Development accuracy', 'developmentAccuracy'],
      ['Test accuracy', 'testAccuracy'], ['Safety recall', 'safetyRecall'],
      ['Safety regression set', 'safetyRegression']];
    var body = $('eval-figures-body');
    clear(body);
    var published = r.published || {};
    var drafted = r.draft || {};
    rows.forEach(function (row) {
      var tr = el('tr');
      var th = el('th', null, row[0]);
      th.scope = 'row';
      tr.appendChild(th);
      tr.appendChild(el('td', null, figure(published[row[1]])));
      tr.appendChild(el('td', null, figure(drafted[row[1]])));
      body.appendChild(tr);
    });
    var intentLine = function (c) {
      var f = function (x) {
        return (Math.round(x * 100) / 100).toFixed(2);
      };
      return el('li', null, c.intent + ': F1 ' + f(c.f1Before) + ' → ' + f(c.f1After)
        + ' (' + c.support + ' questions)');
    };
    [['eval-better', r.better], ['eval-worse', r.worse]].forEach(function (pair) {
      var list = $(pair[0]);
      clear(list);
      (pair[1] || []).forEach(function (c) {
        list.appendChild(intentLine(c));
      });
      if (!(pair[1] || []).length) {
        list.appendChild(el('li', 'hint', 'None.'));
      }
    });
    var changed = $('eval-changed');
    clear(changed);
    (r.changed || []).forEach(function (c) {
      changed.appendChild(el('li', null, '"' + c.text + '" (' + c.expected + '): '
        + c.predictedBefore + ' (' + c.actionBefore + ') → ' + c.predictedAfter + ' ('
        + c.actionAfter + ')'));
    });
    if (!(r.changed || []).length) {
      changed.appendChild(el('li', 'hint', 'No development question lands elsewhere.'));
    }
    $('eval-changed-title').textContent = 'Examples that moved (' + (r.changedCount || 0)
      + ')';
    var lost = $('eval-lost');
    clear(lost);
    (r.lostEscalations || []).forEach(function (l) {
      lost.appendChild(el('li', null, '"' + l.text + '" (' + l.category + '): now '
        + l.actionAfter + (l.escalationAfter ? ' (' + l.escalationAfter + ')' : '')));
    });
    $('eval-lost-box').hidden = !(r.lostEscalations || []).length;
    var safety = $('eval-safety');
    safety.textContent = r.safetyLowered ? 'Safety is lowered: the draft escalates fewer'
      + ' emergency or self-harm messages than the live bot' + (r.testEscalationsLost
        ? ' (' + r.testEscalationsLost + ' fewer in the test set)' : '') + '. It cannot be'
      + ' submitted.' : '';
    safety.hidden = !r.safetyLowered;
    draft.safetyLowered = !!r.safetyLowered;
    $('eval-result').hidden = false;
    say($('eval-message'), r.safetyLowered ? 'Evaluated: safety is lowered.'
      : 'Evaluated: safety is not lowered.', r.safetyLowered ? 'error' : 'ok');
    if (draft.summary) {
      showDraft(draft.summary);
    }
  }

  // ---------------------------------------------------------------- diff

  /** The longest common subsequence of two line lists, as [op, before, after] rows. */
  function lineDiff(a, b) {
    var start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) {
      start++;
    }
    var endA = a.length;
    var endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
      endA--;
      endB--;
    }
    var x = a.slice(start, endA);
    var y = b.slice(start, endB);
    var rows = [];
    var i;
    for (i = 0; i < start; i++) {
      rows.push(['same', i, i]);
    }
    var n = x.length;
    var m = y.length;
    var middle = [];
    if (n * m > 4000000) {
      // Too big to align line by line: all of it removed, then all added.
      for (i = 0; i < n; i++) {
        middle.push(['del', start + i, null]);
      }
      for (i = 0; i < m; i++) {
        middle.push(['ins', null, start + i]);
      }
    } else {
      var table = new Uint32Array((n + 1) * (m + 1));
      var w = m + 1;
      for (i = n - 1; i >= 0; i--) {
        for (var j = m - 1; j >= 0; j--) {
          table[i * w + j] = x[i] === y[j] ? table[(i + 1) * w + j + 1] + 1
            : Math.max(table[(i + 1) * w + j], table[i * w + j + 1]);
        }
      }
      var p = 0;
      var q = 0;
      while (p < n || q < m) {
        if (p < n && q < m && x[p] === y[q]) {
          middle.push(['same', start + p, start + q]);
          p++;
          q++;
        } else if (q < m && (p >= n || table[p * w + q + 1] >= table[(p + 1) * w + q])) {
          middle.push(['ins', null, start + q]);
          q++;
        } else {
          middle.push(['del', start + p, null]);
          p++;
        }
      }
    }
    rows = rows.concat(middle);
    for (i = 0; i < a.length - endA; i++) {
      rows.push(['same', endA + i, endB + i]);
    }
    return rows;
  }

  /** Side by side: removed lines beside the added lines that replace them. */
  function pairRows(rows) {
    var out = [];
    var k = 0;
    while (k < rows.length) {
      if (rows[k][0] === 'same') {
        out.push({kind: 'same', before: rows[k][1], after: rows[k][2]});
        k++;
        continue;
      }
      var dels = [];
      var ins = [];
      while (k < rows.length && rows[k][0] !== 'same') {
        (rows[k][0] === 'del' ? dels : ins).push(rows[k]);
        k++;
      }
      for (var i = 0; i < Math.max(dels.length, ins.length); i++) {
        out.push({kind: 'change', before: dels[i] ? dels[i][1] : null,
          after: ins[i] ? ins[i][2] : null});
      }
    }
    return out;
  }

  function lines(text) {
    if (text === null || text === undefined) {
      return [];
    }
    var l = text.split('\n');
    if (l[l.length - 1] === '') {
      l.pop();
    }
    return l;
  }

  function loadDiff() {
    var id = draft.id;
    say($('diff-message'), 'Loading the changes…');
    S.api('GET', draftPath(id, 'diff')).then(function (result) {
      if (!draft || draft.id !== id) {
        return;
      }
      if (result.status !== 200 || !result.data) {
        say($('diff-message'), S.problem(result, 'loading the changes'), 'error');
        return;
      }
      var box = $('diff-files');
      clear(box);
      (result.data.files || []).forEach(function (f) {
        box.appendChild(fileDiff(f, result.data.basedOn));
      });
      say($('diff-message'), (result.data.files || []).length === 0 ? 'No changes yet.'
        : (result.data.files.length + (result.data.files.length === 1 ? ' file' : ' files'))
          + ' changed against version ' + result.data.basedOn + '.');
    });
  }

  var CONTEXT = 3;

  function fileDiff(f, basedOn) {
    var a = lines(f.before);
    var b = lines(f.after);
    var rows = pairRows(lineDiff(a, b));
    var section = el('section', 'file-diff');
    section.setAttribute('data-path', f.path);
    section.appendChild(el('h5', null, f.path + ' (' + f.change + ')'));
    var wrap = el('div', 'diff-wrap');
    var table = el('table', 'diff');
    var caption = el('caption', 'sr-only', f.path + ': version ' + basedOn
      + ' on the left, the draft on the right');
    table.appendChild(caption);
    var head = el('thead', null, [el('tr', null, [el('th', 'num', '#'),
      el('th', null, 'Version ' + basedOn), el('th', 'num', '#'), el('th', null, 'Draft')])]);
    head.querySelectorAll('th').forEach(function (th) {
      th.scope = 'col';
    });
    table.appendChild(head);
    var body = el('tbody');
    var near = rows.map(function (r, i) {
      for (var d = Math.max(0, i - CONTEXT); d <= Math.min(rows.length - 1, i + CONTEXT); d++) {
        if (rows[d].kind !== 'same') {
          return true;
        }
      }
      return false;
    });
    var skipped = 0;
    rows.forEach(function (r, i) {
      if (!near[i]) {
        skipped++;
        if (i === rows.length - 1 || near[i + 1]) {
          var gap = el('tr', 'gap', [el('td', null, '… ' + skipped + ' unchanged'
            + (skipped === 1 ? ' line' : ' lines'))]);
          gap.firstChild.colSpan = 4;
          body.appendChild(gap);
          skipped = 0;
        }
        return;
      }
      var tr = el('tr', r.kind === 'same' ? 'same' : 'change');
      tr.appendChild(el('td', 'num', r.before === null ? '' : String(r.before + 1)));
      tr.appendChild(cell(r.before === null ? null : a[r.before], r.kind !== 'same', 'del',
        'removed: '));
      tr.appendChild(el('td', 'num', r.after === null ? '' : String(r.after + 1)));
      tr.appendChild(cell(r.after === null ? null : b[r.after], r.kind !== 'same', 'ins',
        'added: '));
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    section.appendChild(wrap);
    return section;
  }

  function cell(text, changed, kind, label) {
    var td = el('td', 'code' + (changed && text !== null ? ' ' + kind : ''));
    if (text === null) {
      return td;
    }
    if (changed) {
      td.appendChild(el('span', 'sr-only', label));
    }
    td.appendChild(document.createTextNode(text));
    return td;
  }

  // ---------------------------------------------------------------- workflow actions

  /** Runs one draft action (submit, approve, return, publish, discard) and shows the result. */
  function act(action, body, doing, done) {
    var id = draft.id;
    say($('draft-message'), doing.charAt(0).toUpperCase() + doing.slice(1) + '…');
    document.querySelectorAll('#draft form button, #discard-box button').forEach(function (b) {
      b.disabled = true;
    });
    return S.api('POST', draftPath(id, action), body).then(function (result) {
      document.querySelectorAll('#draft form button, #discard-box button').forEach(
        function (b) {
          b.disabled = false;
        });
      if (!draft || draft.id !== id) {
        return;
      }
      if (result.status === 200 && result.data) {
        loadDrafts();
        return loadDraft().then(function () {
          say($('draft-message'), done(result.data), 'ok');
          $('draft-title').focus();
        });
      }
      var problems = result.data && result.data.problems;
      if (problems && problems.length) {
        fillProblems($('draft-problems'), problems);
        $('draft-problems-box').hidden = false;
      }
      if (result.status === 403 && result.data && result.data.type
          === 'urn:helpline:problem:own-draft') {
        say($('draft-message'), 'You wrote part of this draft, so a second clinician must sign'
          + ' it off.', 'error');
      } else {
        say($('draft-message'), refused(result, doing), 'error');
      }
      if (draft.summary) {
        showDraft(draft.summary);
      }
    });
  }

  function submitDraft(event) {
    event.preventDefault();
    var note = $('submit-note').value.trim();
    act('submit', note ? {note: note} : {}, 'submitting (the draft is evaluated first: up to a'
      + ' minute)', function () {
      $('submit-note').value = '';
      return 'Submitted: a clinician who wrote none of it can now approve or return it.';
    });
  }

  function approve() {
    var comment = $('review-comment').value.trim();
    act('approve', comment ? {comment: comment} : {}, 'approving', function () {
      $('review-comment').value = '';
      return 'Approved: the changed answers carry today\'s review date and your name. An'
        + ' editor can publish it now.';
    });
  }

  function sendBack() {
    var comment = $('review-comment').value.trim();
    if (!comment) {
      say($('draft-message'), 'Write what should change before returning the draft.', 'error');
      $('review-comment').focus();
      return;
    }
    act('return', {comment: comment}, 'returning', function () {
      $('review-comment').value = '';
      return 'Returned to the editors with your comment.';
    });
  }

  function publish(event) {
    event.preventDefault();
    var note = $('publish-note').value.trim();
    act('publish', note ? {note: note} : {}, 'publishing', function (published) {
      $('publish-note').value = '';
      loadVersions();
      return 'Published as version ' + published.version + ': every instance serves it'
        + ' within seconds.';
    });
  }

  function discard() {
    var b = $('draft-discard');
    if (b.getAttribute('data-confirm') !== 'yes') {
      b.setAttribute('data-confirm', 'yes');
      b.textContent = 'Yes, discard this draft';
      say($('draft-message'), 'Discarding cannot be undone. Press the button again to'
        + ' discard.', 'error');
      return;
    }
    resetDiscard();
    act('discard', undefined, 'discarding', function () {
      return 'Discarded.';
    });
  }

  function resetDiscard() {
    var b = $('draft-discard');
    b.removeAttribute('data-confirm');
    b.textContent = 'Discard the draft';
  }

  function closeDraft() {
    draft = null;
    $('draft').hidden = true;
    resetDiscard();
    $('drafts-title').focus();
  }

  // ---------------------------------------------------------------- add to a draft

  /**
   * Adds "Add to a draft" to an entry of a report: text is the way of asking (editable),
   * intent the closest topic the report shows.
   */
  function addToDraftAction(entry, text, intent) {
    if (!S.hasRole('editor')) {
      return;
    }
    var open = button('Add to a draft', function () {
      open.hidden = true;
      entry.appendChild(addToDraftForm(text, intent, function () {
        open.hidden = false;
        open.focus();
      }));
    }, 'add-to-draft');
    entry.appendChild(open);
  }

  var addIds = 0;

  function addToDraftForm(text, intent, closed) {
    var n = ++addIds;
    var form = el('form', 'add-form');
    form.noValidate = true;
    var field = function (label, input) {
      input.id = 'add-' + n + '-' + label.split(' ')[0].toLowerCase();
      var l = el('label', null, label);
      l.htmlFor = input.id;
      form.appendChild(l);
      form.appendChild(input);
      return input;
    };
    var said = field('Way of asking', el('input'));
    said.value = text || '';
    said.maxLength = 1000;
    var topic = field('Intent (topic)', el('input'));
    topic.value = intent || '';
    topic.setAttribute('list', 'intent-ids');
    topic.autocomplete = 'off';
    topic.spellcheck = false;
    var target = field('Draft', el('select'));
    openDrafts.filter(function (d) {
      return d.status === 'editing';
    }).forEach(function (d) {
      var option = el('option', null, (d.note || d.id.slice(0, 8)) + ' (by ' + d.author + ')');
      option.value = d.id;
      target.appendChild(option);
    });
    var fresh = el('option', null, 'Start a new draft');
    fresh.value = '';
    target.appendChild(fresh);
    var message = el('p', 'message');
    message.setAttribute('role', 'status');
    var actions = el('div', 'actions');
    var add = el('button', 'primary', 'Add');
    add.type = 'submit';
    actions.appendChild(add);
    actions.appendChild(button('Cancel', function () {
      form.parentNode.removeChild(form);
      closed();
    }, 'quiet'));
    form.appendChild(actions);
    form.appendChild(message);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!said.value.trim() || !topic.value.trim()) {
        say(message, 'Give the way of asking and the intent.', 'error');
        return;
      }
      add.disabled = true;
      var chosen = target.value ? Promise.resolve(target.value)
        : S.api('POST', DRAFTS, {note: 'More ways of asking'}).then(function (result) {
          return result.status === 201 && result.data ? result.data.id : null;
        });
      chosen.then(function (id) {
        if (!id) {
          add.disabled = false;
          say(message, 'Could not start a draft.', 'error');
          return;
        }
        addExample(id, topic.value.trim(), said.value.trim()).then(function (result) {
          add.disabled = false;
          if (result.status === 200) {
            say(message, 'Added to the draft under ' + topic.value.trim() + '.', 'ok');
            loadDrafts();
            if (draft && draft.id === id) {
              loadDraft();
            }
          } else {
            say(message, addRefused(result), 'error');
          }
        });
      });
    });
    setTimeout(function () {
      said.focus();
    }, 0);
    return form;
  }

  // ---------------------------------------------------------------- start

  function start() {
    if (!S.hasRole('editor clinician')) {
      return;
    }
    loadVersions();
    loadDrafts();
    if (S.hasRole('clinician')) {
      loadReviewDue();
    }
  }

  function stop() {
    draft = null;
    openDrafts = [];
    versionFiles = {};
    $('draft').hidden = true;
    ['versions-list', 'drafts-list', 'review-drafts', 'review-due', 'review-awaiting',
      'draft-files', 'bubbles', 'try-log', 'diff-files', 'draft-problems', 'draft-warnings',
      'file-problems'].forEach(function (id) {
      clear($(id));
    });
    ['file-raw', 'intent-examples', 'review-comment', 'submit-note', 'publish-note',
      'draft-new-note', 'try-text'].forEach(function (id) {
      $(id).value = '';
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    S.onSignIn(start);
    S.onSignOut(stop);
    S.onReportEntry('unrecognised', function (entry, g) {
      var closest = (g.closestIntents || [])[0];
      addToDraftAction(entry, (g.examples || [])[0], closest ? closest.intent : '');
    });
    S.onReportEntry('feedback', function (entry, f) {
      if (f.notHelpful > 0) {
        // The question whose answer was not helpful (redacted), else the comment.
        addToDraftAction(entry, (f.questions || [])[0] || (f.comments || [])[0] || '',
          f.intent);
      }
    });
    $('versions-refresh').addEventListener('click', loadVersions);
    $('drafts-refresh').addEventListener('click', loadDrafts);
    $('draft-new').addEventListener('submit', startDraft);
    $('draft-refresh').addEventListener('click', function () {
      loadDraft();
      loadDrafts();
    });
    $('draft-close').addEventListener('click', closeDraft);
    $('files-filter').addEventListener('input', listFiles);
    $('dialog-form').addEventListener('submit', saveDialogForm);
    $('bubble-add').addEventListener('click', function () {
      var item = bubbleEditor({text: '', links: []});
      $('bubbles').appendChild(item);
      numberBubbles();
      item.querySelector('textarea').focus();
    });
    $('intent-form').addEventListener('submit', saveExamples);
    $('intent-examples').addEventListener('input', countExamples);
    $('example-form').addEventListener('submit', addExampleHere);
    $('raw-form').addEventListener('submit', saveRaw);
    $('try-form').addEventListener('submit', tryIt);
    $('try-restart').addEventListener('click', function () {
      draft.conversation = null;
      clear($('try-log'));
      say($('try-message'), 'A new conversation with the draft.');
      $('try-text').focus();
    });
    $('eval-run').addEventListener('click', evaluate);
    $('diff-load').addEventListener('click', loadDiff);
    $('submit-form').addEventListener('submit', submitDraft);
    $('draft-approve').addEventListener('click', approve);
    $('draft-return').addEventListener('click', sendBack);
    $('publish-form').addEventListener('submit', publish);
    $('draft-discard').addEventListener('click', discard);
  });
}());
