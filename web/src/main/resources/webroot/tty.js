// Reading aids for TTY text in the agent workspace: the common abbreviations, and how a caller's
// turn reads once Q is a question mark and GA / SK are spelled out.

export const GLOSSARY = [
  ['GA', 'go ahead: your turn'], ['SK', 'stop keying: finishing'], ['SKSK', 'hanging up'], ['GA OR SK', 'anything else?'],
  ['Q', 'question mark'], ['QQ', 'question mark'], ['XXX', 'typo, ignore the last word'], ['HD', 'hold'],
  ['PLS', 'please'], ['THX', 'thanks'], ['THKS', 'thanks'], ['CUZ', 'because'], ['OIC', 'oh, I see'], ['U', 'you'], ['UR', 'your'],
  ['MSG', 'message'], ['NBR', 'number'], ['OPR', 'operator'], ['CA', 'relay communications assistant'], ['ASAP', 'as soon as possible'],
  ['TMW', 'tomorrow'], ['CD', 'could'], ['CN', 'can'], ['INFO', 'information'], ['GOVT', 'government'], ['HAND', 'have a nice day'],
  ['HOH', 'hard of hearing'], ['WRU', 'where are you'], ['BRB', 'be right back'], ['ABT', 'about'], ['SHD', 'should'], ['WD', 'would']
];
const MEANING = new Map(GLOSSARY.filter(([abbr]) => !abbr.includes(' ')).map(([abbr, m]) => [abbr, m]));

/** The caller's words with Q as "?" and each known abbreviation explained; null when nothing changes. */
export function reading(text) {
  const words = text.trim().split(/\s+/);
  const out = [];
  let changed = false;
  for (const word of words) {
    if ((word === 'Q' || word === 'QQ') && out.length > 0) { out[out.length - 1] += '?'; changed = true; continue; }
    if (MEANING.has(word) && word !== 'Q' && word !== 'QQ') { out.push(word + ' (' + MEANING.get(word) + ')'); changed = true; continue; }
    out.push(word);
  }
  return changed ? out.join(' ') : null;
}

/** Fills a <dl> with the glossary. */
export function renderGlossary(list) {
  list.textContent = '';
  for (const [abbr, m] of GLOSSARY) {
    const dt = document.createElement('dt');
    dt.textContent = abbr;
    const dd = document.createElement('dd');
    dd.textContent = m;
    list.append(dt, dd);
  }
}

/**
 * What a reply will look like on the caller's paper. Every message we send starts with a new line
 * (CR LF), so it never runs on from the caller's last words.
 */
export function previewText(p) {
  const startsOnNewLine = p.line.startsWith('\r\n');
  return 'The TTY will print' + (startsOnNewLine ? ', on a new line: ' : ': ') + p.sent
    + ' (about ' + Math.max(1, Math.round(p.seconds)) + ' s to send)'
    + (p.changed ? '. Characters a TTY cannot print were spelled out or replaced.' : '.')
    + (p.gaAppended ? ' GA was added to end your turn.' : '');
}
