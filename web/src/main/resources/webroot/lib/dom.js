// Small DOM helpers the pages share. Nothing here rebuilds a region a screen reader is reading:
// callers append nodes and change text in place.

export const byId = id => document.getElementById(id);

/**
 * Builds an element: `el('button', { type: 'button', className: 'secondary', onclick: f }, 'Accept')`.
 * Keys starting with "on" add listeners, `dataset` and `aria` take objects, other keys set properties
 * (or attributes when the element has no such property). Children may be strings, nodes or null.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'aria') for (const [name, v] of Object.entries(value)) node.setAttribute('aria-' + name, String(v));
    else if (key in node && typeof node[key] !== 'function') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

/** Appends strings as text and nodes as they are, skipping null and false. */
export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** Removes every child. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Replaces a node's text only when it differs, so a polite live region is not re-announced. */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * A polite (or assertive) announcer over one live region that is on the page from the start.
 * The same text twice in a row is announced twice only when `repeat` is asked for.
 */
export function announcer(region) {
  let last = '';
  let pending = null;
  function announce(text, { repeat = false } = {}) {
    if (!text) return;
    if (text === last && !repeat) return;
    last = text;
    region.textContent = '';
    // A separate task, so assistive technology sees a change even for a repeated text.
    clearTimeout(pending);
    pending = setTimeout(() => { region.textContent = text; }, 30);
  }
  /** Takes `text` back once it is no longer true (someone stopped typing), so nobody reads it later. */
  announce.withdraw = text => {
    if (last !== text) return;
    clearTimeout(pending);
    last = '';
    region.textContent = '';
  };
  return announce;
}

/**
 * Opens a modal <dialog> (the browser keeps focus inside it and makes the page behind inert) and
 * returns focus to `returnTo` (default: what had focus) when it closes, however it closes.
 */
export function openDialog(dialog, { returnTo = document.activeElement, focus = null } = {}) {
  const back = returnTo;
  dialog.addEventListener('close', () => {
    if (back && back.isConnected && typeof back.focus === 'function') back.focus();
  }, { once: true });
  dialog.showModal();
  const first = focus || dialog.querySelector('[autofocus], input:not([type=hidden]), select, textarea, button');
  if (first) first.focus();
  return dialog;
}

/**
 * Keeps the keyboard where it was across a rebuild of `container`: the focused element's
 * `data-focus-key` is remembered and the new element with the same key is focused afterwards.
 */
export function keepingFocus(container, rebuild) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.focusKey : null;
  rebuild();
  if (!key) return;
  const again = container.querySelector('[data-focus-key="' + CSS.escape(key) + '"]');
  if (again) again.focus();
}

/** Random hex, for client ids that make a resend idempotent. */
export function randomId(bytes = 12) {
  const values = new Uint8Array(bytes);
  crypto.getRandomValues(values);
  return Array.from(values, b => b.toString(16).padStart(2, '0')).join('');
}
