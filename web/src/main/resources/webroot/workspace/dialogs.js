// Transfer, escalate and resolve as modal <dialog>s. The browser keeps focus inside an open modal
// dialog; when it closes, focus goes back to what opened it, or, when the conversation has left the
// agent (resolved or passed on), to the next place the agent would work.

import { byId, el, setText } from '/lib/dom.js';

function visible(node) {
  return node && node.isConnected && node.getClientRects().length > 0 && !node.closest('[hidden]');
}

/**
 * Opens `dialog` modally. On close, `dialog.focusAfter` (a function set by whoever closed it) says
 * where focus goes; otherwise it returns to the opener, or to `fallback()` if the opener is gone.
 */
export function openModal(dialog, { focus = null, fallback = () => null } = {}) {
  const opener = document.activeElement;
  dialog.focusAfter = null;
  dialog.querySelectorAll('.dialog-problem').forEach(p => setText(p, ''));
  dialog.addEventListener('close', () => {
    const target = (dialog.focusAfter && dialog.focusAfter()) || (visible(opener) ? opener : fallback());
    if (target) target.focus();
  }, { once: true });
  dialog.showModal();
  const first = focus || dialog.querySelector('input:not([type=hidden]), select, textarea, button');
  if (first) first.focus();
}

/** Every [data-close] button closes its dialog. */
export function wireCloseButtons() {
  document.querySelectorAll('dialog [data-close]').forEach(b => b.addEventListener('click', () => b.closest('dialog').close()));
}

/**
 * The three conversation dialogs. `ws` gives: api, selected() (the open conversation's id),
 * announce(text), afterLeaving() (the element to focus once the open conversation has left), and
 * left(id) (marks it gone at once).
 */
export function conversationDialogs(ws) {
  const problemIn = dialog => dialog.querySelector('.dialog-problem');

  async function loadTargets() {
    const select = byId('transfer-to');
    try {
      const data = await ws.api('GET', '/api/agents');
      select.textContent = '';
      const skills = new Set();
      for (const a of data.agents) {
        select.append(el('option', { value: 'agent:' + a.username }, a.displayName));
        a.skills.forEach(s => skills.add(s));
      }
      select.append(el('option', { value: 'queue:' }, 'The queue (anyone)'));
      [...skills].sort().forEach(s => select.append(el('option', { value: 'queue:' + s }, 'The queue, for someone with "' + s + '"')));
    } catch (e) { /* the queue options come back on the next sign-in */ }
  }

  function open(name) {
    if (!ws.selected()) return;
    const dialog = byId(name + '-dialog');
    if (dialog.open) return;
    if (name === 'resolve') { resetResolve(); }
    openModal(dialog, { fallback: ws.afterLeaving });
  }

  byId('transfer-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const dialog = byId('transfer-dialog');
    const id = ws.selected();
    const [kind, target] = byId('transfer-to').value.split(':');
    const body = { note: byId('transfer-note').value.trim() };
    if (kind === 'agent') { body.agent = target; body.warm = byId('transfer-warm').checked; }
    else if (target) body.skills = [target];
    try {
      await ws.api('POST', '/api/conversations/' + id + '/transfer', body);
      byId('transfer-note').value = '';
      byId('transfer-warm').checked = false;
      if (body.warm) {
        ws.announce('Offered to your colleague; it stays with you until they accept.');
      } else {
        ws.announce('Passed on.');
        ws.left(id);
        dialog.focusAfter = ws.afterLeaving;
      }
      dialog.close();
    } catch (e) { setText(problemIn(dialog), e.message); }
  });

  byId('escalate-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const dialog = byId('escalate-dialog');
    const reason = byId('escalate-reason').value.trim();
    if (!reason) return;
    try {
      await ws.api('POST', '/api/conversations/' + ws.selected() + '/escalate', { reason });
      byId('escalate-reason').value = '';
      ws.announce('A supervisor has been asked. Keep helping the resident until one takes over.');
      dialog.close();
    } catch (e) { setText(problemIn(dialog), e.message); }
  });

  let confirmNeeded = false;
  function resetResolve() {
    confirmNeeded = false;
    setText(byId('resolve-warning'), '');
    setText(byId('resolve-submit'), 'Resolve');
  }

  byId('resolve-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const dialog = byId('resolve-dialog');
    const disposition = byId('disposition').value;
    const id = ws.selected();
    if (!disposition || !id) return;
    try {
      await ws.api('POST', '/api/conversations/' + id + '/resolve', confirmNeeded ? { disposition, confirm: true } : { disposition });
      byId('disposition').value = '';
      resetResolve();
      ws.announce('Resolved: ' + disposition + '.');
      ws.left(id);
      dialog.focusAfter = ws.afterLeaving;
      dialog.close();
    } catch (e) {
      if (e.code === 'resident_may_be_typing' && !confirmNeeded) {
        // A TTY or relay resident may still be typing: the agent decides, knowing that.
        confirmNeeded = true;
        setText(byId('resolve-warning'), e.message.replace(/ Resolve anyway by sending .*$/, ''));
        setText(byId('resolve-submit'), 'Resolve anyway');
        byId('resolve-submit').focus();
      } else {
        setText(problemIn(dialog), e.message);
      }
    }
  });

  return { open, loadTargets };
}
