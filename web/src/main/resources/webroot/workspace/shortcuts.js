// Keyboard shortcuts: each is a modifier chord (never a bare letter, so screen reader browse-mode
// keys keep working), each can be remapped, and all can be switched off. The choice is kept per
// agent in this browser.

import { byId, clear, el, setText } from '/lib/dom.js';

export const ACTIONS = [
  ['next', 'Next conversation', 'Alt+Shift+ArrowDown'],
  ['previous', 'Previous conversation', 'Alt+Shift+ArrowUp'],
  ['composer', 'Go to the reply box', 'Alt+Shift+KeyM'],
  ['accept', 'Accept the first offer', 'Alt+Shift+KeyA'],
  ['decline', 'Decline the first offer', 'Alt+Shift+KeyD'],
  ['transfer', 'Transfer the open conversation', 'Alt+Shift+KeyP'],
  ['resolve', 'Resolve the open conversation', 'Alt+Shift+KeyR'],
  ['help', 'Show these shortcuts', 'Alt+Shift+KeyH']
];

/** "Alt+Shift+KeyA" from a key event; null for a key with no Alt, Ctrl or Meta (a bare key is never a shortcut). */
export function chordOf(event) {
  if (['Alt', 'Shift', 'Control', 'Meta'].includes(event.key)) return null;
  if (!event.altKey && !event.ctrlKey && !event.metaKey) return null;
  return [event.ctrlKey && 'Ctrl', event.metaKey && 'Meta', event.altKey && 'Alt', event.shiftKey && 'Shift', event.code].filter(Boolean).join('+');
}

/** How a chord reads: "Alt+Shift+A", "Alt+Shift+Down arrow". */
export function readable(chord) {
  return chord.split('+').map(part => part.startsWith('Key') ? part.slice(3)
    : part.startsWith('Digit') ? part.slice(5)
    : part.startsWith('Arrow') ? part.slice(5) + ' arrow' : part).join('+');
}

export function shortcuts(username, run) {
  const storageKey = 'accessline.workspace.' + username + '.shortcuts';
  const defaults = Object.fromEntries(ACTIONS.map(([id, , chord]) => [id, chord]));
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem(storageKey) || '{}'); } catch (e) { saved = {}; }
  let enabled = saved.enabled !== false;
  let keys = { ...defaults, ...(saved.keys || {}) };
  let capturing = null;

  const save = () => localStorage.setItem(storageKey, JSON.stringify({ enabled, keys }));
  const status = text => setText(byId('shortcut-status'), text);

  function renderTable() {
    const body = byId('shortcut-table').tBodies[0];
    clear(body);
    for (const [id, label] of ACTIONS) {
      body.append(el('tr', {},
        el('th', { scope: 'row' }, label),
        el('td', {}, el('kbd', {}, readable(keys[id]))),
        el('td', {}, el('button', { type: 'button', className: 'secondary', dataset: { action: id }, onclick: ev => capture(id, ev.currentTarget) },
          'Change', el('span', { className: 'visually-hidden' }, ' the keys for ' + label.toLowerCase())))));
    }
    byId('shortcuts-on').checked = enabled;
  }

  function capture(id, button) {
    capturing = { id, button };
    status('Press the new keys for "' + ACTIONS.find(a => a[0] === id)[1] + '", holding Alt or Ctrl. Escape keeps the old ones.');
  }

  function captured(event) {
    const { id } = capturing;
    if (event.key === 'Escape') { capturing = null; status('Kept the old keys.'); return; }
    const chord = chordOf(event);
    if (!chord) { status('Hold Alt or Ctrl with the key, so the shortcut cannot clash with screen reader keys.'); return; }
    const taken = ACTIONS.find(([other]) => other !== id && keys[other] === chord);
    if (taken) { status(readable(chord) + ' is already used for "' + taken[1] + '". Choose other keys.'); return; }
    keys[id] = chord;
    capturing = null;
    save();
    renderTable();
    byId('shortcut-table').querySelector('[data-action="' + id + '"]').focus();
    status('"' + ACTIONS.find(a => a[0] === id)[1] + '" is now ' + readable(chord) + '.');
  }

  document.addEventListener('keydown', event => {
    if (capturing) {
      event.preventDefault();
      event.stopPropagation();
      captured(event);
      return;
    }
    if (!enabled) return;
    const chord = chordOf(event);
    if (!chord) return;
    const action = ACTIONS.find(([id]) => keys[id] === chord);
    if (!action) return;
    if (document.querySelector('dialog[open]') && action[0] !== 'help') return;
    event.preventDefault();
    run(action[0]);
  }, true);

  // Escape while choosing keys must not close the dialog.
  byId('settings-dialog').addEventListener('cancel', event => { if (capturing) event.preventDefault(); });

  byId('shortcuts-on').addEventListener('change', () => {
    enabled = byId('shortcuts-on').checked;
    save();
    status(enabled ? 'Keyboard shortcuts are on.' : 'Keyboard shortcuts are off.');
  });

  byId('shortcuts-reset').addEventListener('click', () => {
    keys = { ...defaults };
    save();
    renderTable();
    status('The usual keys are back.');
  });

  renderTable();
  return { renderTable, get enabled() { return enabled; } };
}
