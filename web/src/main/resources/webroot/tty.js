'use strict';
// Reading aids for TTY text in the agent console: the common abbreviations, and how a caller's
// turn reads once Q is a question mark and GA / SK are spelled out.
window.TtyAids = (function () {
  const glossary = [
    ['GA', 'go ahead: your turn'], ['SK', 'stop keying: finishing'], ['SKSK', 'hanging up'], ['GA OR SK', 'anything else?'],
    ['Q', 'question mark'], ['QQ', 'question mark'], ['XXX', 'typo, ignore the last word'], ['HD', 'hold'],
    ['PLS', 'please'], ['THX', 'thanks'], ['THKS', 'thanks'], ['CUZ', 'because'], ['OIC', 'oh, I see'], ['U', 'you'], ['UR', 'your'],
    ['MSG', 'message'], ['NBR', 'number'], ['OPR', 'operator'], ['CA', 'relay communications assistant'], ['ASAP', 'as soon as possible'],
    ['TMW', 'tomorrow'], ['CD', 'could'], ['CN', 'can'], ['INFO', 'information'], ['GOVT', 'government'], ['HAND', 'have a nice day'],
    ['HOH', 'hard of hearing'], ['WRU', 'where are you'], ['BRB', 'be right back'], ['ABT', 'about'], ['SHD', 'should'], ['WD', 'would']
  ];
  const meaning = new Map(glossary.filter(([abbr]) => !abbr.includes(' ')).map(([abbr, m]) => [abbr, m]));

  // The caller's words with Q as "?" and each known abbreviation explained; null when nothing changes.
  function reading(text) {
    const words = text.trim().split(/\s+/);
    const out = [];
    let changed = false;
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if ((word === 'Q' || word === 'QQ') && out.length > 0) { out[out.length - 1] += '?'; changed = true; continue; }
      if (meaning.has(word) && !['Q', 'QQ'].includes(word)) { out.push(word + ' (' + meaning.get(word) + ')'); changed = true; continue; }
      out.push(word);
    }
    return changed ? out.join(' ') : null;
  }

  function renderGlossary(list) {
    list.textContent = '';
    glossary.forEach(([abbr, m]) => {
      const dt = document.createElement('dt');
      dt.textContent = abbr;
      const dd = document.createElement('dd');
      dd.textContent = m;
      list.append(dt, dd);
    });
  }

  // What the console says a reply will look like on the caller's paper. Every message we send
  // starts with a new line (CR LF), so it never runs on from the caller's last words.
  function previewText(p) {
    const startsOnNewLine = p.line.startsWith('\r\n');
    return 'The TTY will print' + (startsOnNewLine ? ', on a new line: ' : ': ') + p.sent
      + ' (about ' + Math.max(1, Math.round(p.seconds)) + ' s to send)'
      + (p.changed ? '. Characters a TTY cannot print were spelled out or replaced.' : '.')
      + (p.gaAppended ? ' GA was added to end your turn.' : '');
  }

  return { reading, renderGlossary, previewText };
})();
