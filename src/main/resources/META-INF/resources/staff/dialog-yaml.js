/*
 * Reads and writes the fields of an answer dialog (dialogs/<id>.yml) that the console's form
 * edits: the top-level replies (each bubble's text and links), followUps and source. Not a YAML
 * library: it understands only this format (dialogs/README.md), and keeps everything else in
 * the file as it was, line for line:
 *
 * - a block the form does not change is written back exactly as it was read;
 * - a changed bubble is written again (a folded ">-" text wrapped at 76 columns, or a quoted
 *   string when the text needs one); the other bubbles keep their lines;
 * - a block it cannot read for sure (a comment inside it, a flow mapping, a key it does not
 *   know, an anchor) is marked unsupported: the form leaves that block alone and says so,
 *   and the raw text editor stays available for the whole file.
 */
(function () {
  'use strict';

  var KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]+(.*)|)$/;
  var WIDTH = 76;

  function indentOf(line) {
    return line.length - line.replace(/^ +/, '').length;
  }

  function blank(line) {
    return /^\s*$/.test(line);
  }

  /** Thrown for what this reader does not handle; the block is then left alone. */
  function Unsupported(why) {
    this.why = why;
  }

  /**
   * A scalar value: rest is what follows "key:" on its line, more the lines indented under it.
   * Block scalars (> and |, with - or no chomping), double-quoted (as JSON), single-quoted
   * and plain one-line values.
   */
  function scalar(rest, more) {
    var value = (rest || '').replace(/[ \t]+#.*$/, '').trim();
    var block = /^([>|])(-?)$/.exec(value);
    if (block) {
      var lines = more.slice();
      while (lines.length && blank(lines[lines.length - 1])) {
        lines.pop();
      }
      if (!lines.length) {
        return '';
      }
      var first = lines.filter(function (l) {
        return !blank(l);
      })[0];
      var indent = indentOf(first);
      var text = lines.map(function (l) {
        if (blank(l)) {
          return '';
        }
        if (indentOf(l) !== indent) {
          throw new Unsupported('a line indented differently inside a text');
        }
        return l.slice(indent);
      });
      var joined;
      if (block[1] === '|') {
        joined = text.join('\n');
      } else {
        joined = '';
        text.forEach(function (l, i) {
          if (i === 0) {
            joined = l;
          } else if (l === '') {
            joined += '\n';
          } else {
            joined += (/\n$/.test(joined) || text[i - 1] === '' ? '' : ' ') + l;
          }
        });
      }
      return block[2] === '-' ? joined : joined + '\n';
    }
    if (more.some(function (l) {
      return !blank(l);
    })) {
      throw new Unsupported('a value over several lines');
    }
    if (value.charAt(0) === '"') {
      try {
        return JSON.parse(value);
      } catch (e) {
        throw new Unsupported('a quoted text this form cannot read');
      }
    }
    if (value.charAt(0) === '\'') {
      if (!/^'(?:[^']|'')*'$/.test(value)) {
        throw new Unsupported('a quoted text this form cannot read');
      }
      return value.slice(1, -1).replace(/''/g, '\'');
    }
    if (/^[&*!|>%@`{[]/.test(value)) {
      throw new Unsupported('YAML this form cannot read');
    }
    return value;
  }

  /**
   * The keys of one mapping whose keys are at column indent: {key: {rest, more}} in order;
   * lines is the mapping's lines (a "- " that starts a list item already made spaces).
   */
  function mapping(lines, indent, known) {
    var keys = {};
    var order = [];
    var current = null;
    lines.forEach(function (line) {
      if (blank(line)) {
        if (current) {
          current.more.push(line);
        }
        return;
      }
      if (/^\s*#/.test(line)) {
        throw new Unsupported('a comment inside it');
      }
      var at = indentOf(line);
      if (at === indent) {
        var m = KEY.exec(line.slice(indent));
        if (!m || known.indexOf(m[1]) < 0 || keys[m[1]]) {
          throw new Unsupported(m ? 'the key "' + m[1] + '"' : 'a line it cannot read');
        }
        current = keys[m[1]] = {rest: m[2] || '', more: []};
        order.push(m[1]);
      } else if (at > indent && current) {
        current.more.push(line);
      } else {
        throw new Unsupported('a line indented differently');
      }
    });
    keys.order = order;
    return keys;
  }

  /** A block sequence: [{lines (the "- " made spaces), indent (of the keys), raw}]. */
  function sequence(lines) {
    var items = [];
    var dash = null;
    lines.forEach(function (line) {
      if (blank(line) && items.length) {
        items[items.length - 1].raw.push(line);
        items[items.length - 1].lines.push(line);
        return;
      }
      if (blank(line)) {
        return;
      }
      var at = indentOf(line);
      if (dash === null) {
        dash = at;
      }
      if (at === dash && line.slice(at, at + 2) === '- ') {
        items.push({lines: [line.slice(0, at) + '  ' + line.slice(at + 2)], raw: [line],
          indent: dash + 2});
      } else if (at > dash && items.length) {
        items[items.length - 1].lines.push(line);
        items[items.length - 1].raw.push(line);
      } else {
        throw new Unsupported('a list this form cannot read');
      }
    });
    items.forEach(function (item) {
      while (item.raw.length && blank(item.raw[item.raw.length - 1])) {
        item.raw.pop();
        item.lines.pop();
      }
    });
    return {items: items, dash: dash === null ? 2 : dash};
  }

  function links(value) {
    if (value.rest.trim() === '[]') {
      return [];
    }
    if (value.rest.trim() !== '') {
      throw new Unsupported('links written on one line');
    }
    return sequence(value.more).items.map(function (item) {
      var keys = mapping(item.lines, item.indent, ['title', 'url']);
      return {title: keys.title ? scalar(keys.title.rest, keys.title.more) : '',
        url: keys.url ? scalar(keys.url.rest, keys.url.more) : ''};
    });
  }

  /**
   * Splits a file into its top-level blocks: [{key, start, end (exclusive), rest, more}], with
   * trailing blank and column-0 comment lines left between blocks.
   */
  function blocks(lines) {
    var found = [];
    lines.forEach(function (line, i) {
      var m = KEY.exec(line);
      if (m) {
        found.push({key: m[1], start: i, rest: m[2] || ''});
      }
    });
    found.forEach(function (b, n) {
      var end = n + 1 < found.length ? found[n + 1].start : lines.length;
      var last = b.start;
      for (var i = b.start + 1; i < end; i++) {
        if (!blank(lines[i]) && /^\s/.test(lines[i])) {
          last = i;
        } else if (!blank(lines[i]) && !/^#/.test(lines[i])) {
          b.broken = true;
        }
      }
      for (var j = b.start + 1; j <= last; j++) {
        if (/^#/.test(lines[j])) {
          b.broken = true;
        }
      }
      b.end = last + 1;
      b.more = lines.slice(b.start + 1, b.end);
    });
    return found;
  }

  /**
   * Reads the fields the form edits. Answers {lines, blocks, replies: {bubbles, dash} or
   * {unsupported}, followUps: {list} or {unsupported}, source: {title, url} or {unsupported}}.
   */
  function read(text) {
    var lines = text.replace(/\r\n/g, '\n').split('\n');
    if (lines[lines.length - 1] === '') {
      lines.pop();
    }
    var found = blocks(lines);
    var model = {lines: lines, blocks: {}};
    found.forEach(function (b) {
      model.blocks[b.key] = b;
    });
    model.replies = attempt(model.blocks.replies, function (b) {
      var seq = sequence(b.more);
      return {dash: seq.dash, bubbles: seq.items.map(function (item) {
        var keys = mapping(item.lines, item.indent, ['text', 'links']);
        return {text: keys.text ? scalar(keys.text.rest, keys.text.more) : '',
          links: keys.links ? links(keys.links) : [], raw: item.raw};
      })};
    });
    model.followUps = attempt(model.blocks.followUps, function (b) {
      var flow = /^\[(.*)\]\s*(#.*)?$/.exec(b.rest.trim());
      if (flow && !b.more.some(function (l) {
        return !blank(l);
      })) {
        return {list: flow[1].split(',').map(function (s) {
          return s.trim();
        }).filter(Boolean)};
      }
      if (b.rest.trim() !== '') {
        throw new Unsupported('follow-ups written this way');
      }
      return {list: sequence(b.more).items.map(function (item) {
        return scalar(item.lines[0].trim(), item.lines.slice(1));
      })};
    });
    model.source = attempt(model.blocks.source, function (b) {
      if (b.rest.trim() !== '') {
        throw new Unsupported('a source written on one line');
      }
      var indent = b.more.filter(function (l) {
        return !blank(l);
      }).map(indentOf)[0] || 2;
      var keys = mapping(b.more, indent, ['title', 'url']);
      return {title: keys.title ? scalar(keys.title.rest, keys.title.more) : '',
        url: keys.url ? scalar(keys.url.rest, keys.url.more) : ''};
    });
    return model;
  }

  function attempt(block, reader) {
    if (!block) {
      return {missing: true, list: [], bubbles: [], title: '', url: ''};
    }
    if (block.broken) {
      return {unsupported: 'a comment or line at the left edge inside it'};
    }
    try {
      return reader(block);
    } catch (e) {
      if (e instanceof Unsupported) {
        return {unsupported: e.why};
      }
      throw e;
    }
  }

  // ---------------------------------------------------------------- writing

  /** A one-line value: plain when YAML reads it back as the same text, else quoted. */
  function inline(text) {
    if (/^[A-Za-z(][^\n\t#]*$/.test(text) && !/: |:$|\s$| #/.test(text)
        && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text)) {
      return text;
    }
    return JSON.stringify(text);
  }

  /** A bubble's text under "text:", its lines at indent: folded and wrapped when it can be. */
  function textLines(text, indent) {
    var pad = new Array(indent + 1).join(' ');
    var foldable = text !== '' && !/\n|\t|  |^\s|\s$/.test(text)
      && !/[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(text);
    if (!foldable) {
      return [JSON.stringify(text)];
    }
    var out = ['>-'];
    var line = '';
    text.split(' ').forEach(function (word) {
      if (line && pad.length + line.length + 1 + word.length > WIDTH) {
        out.push(pad + line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    });
    out.push(pad + line);
    return out;
  }

  function bubbleLines(bubble, dash) {
    var pad = new Array(dash + 1).join(' ');
    var text = textLines(bubble.text, dash + 4);
    var out = [pad + '- text: ' + text[0]].concat(text.slice(1));
    var links = bubble.links.filter(function (l) {
      return l.title || l.url;
    });
    if (links.length) {
      out.push(pad + '  links:');
      links.forEach(function (l) {
        out.push(pad + '    - title: ' + inline(l.title));
        out.push(pad + '      url: ' + inline(l.url));
      });
    }
    return out;
  }

  function sameLinks(a, b) {
    return JSON.stringify(a.map(function (l) {
      return [l.title, l.url];
    })) === JSON.stringify(b.map(function (l) {
      return [l.title, l.url];
    }));
  }

  /**
   * The file with the form's values: model is what read() gave, values {bubbles: [{text,
   * links}], followUps: [ids], source: {title, url}}; a field left out, or a block read()
   * could not read, keeps its lines.
   */
  function write(model, values) {
    var replaced = {};
    var replies = model.replies;
    if (values.bubbles && !replies.unsupported) {
      var was = replies.bubbles;
      var lines = [];
      values.bubbles.forEach(function (b, i) {
        var old = was[i];
        if (old && old.text === b.text && sameLinks(old.links, b.links)) {
          lines = lines.concat(old.raw);
        } else {
          lines = lines.concat(bubbleLines(b, replies.dash || 2));
        }
      });
      var unchanged = values.bubbles.length === was.length && values.bubbles.every(function (b,
        i) {
        return was[i].text === b.text && sameLinks(was[i].links, b.links);
      });
      if (!unchanged) {
        replaced.replies = ['replies:'].concat(lines);
      }
    }
    var follow = model.followUps;
    if (values.followUps && !follow.unsupported
        && values.followUps.join(',') !== follow.list.join(',')) {
      replaced.followUps = values.followUps.length || !follow.missing
        ? ['followUps: [' + values.followUps.join(', ') + ']'] : [];
    }
    var source = model.source;
    if (values.source && !source.unsupported && (values.source.title !== source.title
        || values.source.url !== source.url)) {
      replaced.source = values.source.title || values.source.url ? ['source:',
        '  title: ' + inline(values.source.title), '  url: ' + inline(values.source.url)] : [];
    }
    var out = [];
    var skipTo = -1;
    model.lines.forEach(function (line, i) {
      if (i < skipTo) {
        return;
      }
      var key = Object.keys(replaced).filter(function (k) {
        return model.blocks[k] && model.blocks[k].start === i;
      })[0];
      if (key) {
        out = out.concat(replaced[key]);
        skipTo = model.blocks[key].end;
        delete replaced[key];
      } else {
        out.push(line);
      }
    });
    // A block the file did not have yet goes at the end.
    ['replies', 'followUps', 'source'].forEach(function (k) {
      if (replaced[k] && replaced[k].length) {
        out = out.concat(replaced[k]);
      }
    });
    return out.join('\n') + '\n';
  }

  window.helplineDialogYaml = {read: read, write: write};
}());
