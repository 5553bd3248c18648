// Follow-ups in the workspace: the agent's own and their queues' pending follow-ups, soonest first,
// each due or overdue one marked; a new follow-up from the open conversation (or from a closed
// service request, via the `accessline:follow-up` event); doing one (a text, a call, a task); and
// recording the resident's consent to texts. Pushed reminders only say that something changed: the
// list is read again through the API, which audits every read.

import { byId, clear, el, setText } from '/lib/dom.js';
import { openModal } from '/workspace/dialogs.js';

const HOW = { text: 'text', 'tty-call': 'TTY call', 'chat-link': 'text with a chat link', task: 'task' };
const PHASE = { scheduled: 'scheduled', due: 'due now', overdue: 'overdue', 'in-progress': 'in progress' };

function localInput(date) {
  const pad = n => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' + pad(date.getHours()) + ':' + pad(date.getMinutes());
}

function describe(f) {
  const due = new Date(f.due).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  return (PHASE[f.phase] || f.phase) + ': ' + (HOW[f.channel] || f.channel) + ', due ' + due + (f.note ? '. ' + f.note : '');
}

export function followUps(ws) {
  const list = byId('follow-up-list');
  const dialog = byId('follow-up-dialog');
  const doDialog = byId('follow-up-do-dialog');
  const told = new Set();
  let shown = [];
  let doing = null;

  async function refresh() {
    try {
      const data = await ws.api('GET', '/api/follow-ups/mine');
      shown = data.followUps || [];
      render();
    } catch (e) {
      ws.problem('Follow-ups could not be loaded: ' + e.message);
    }
  }

  function render() {
    clear(list);
    for (const f of shown) {
      const open = el('button', { type: 'button', className: 'secondary' }, 'Do it');
      open.setAttribute('aria-label', 'Do it: ' + describe(f));
      open.addEventListener('click', () => startDoing(f));
      const cancel = el('button', { type: 'button', className: 'secondary' }, 'Cancel');
      cancel.setAttribute('aria-label', 'Cancel follow-up: ' + describe(f));
      cancel.addEventListener('click', () => cancelIt(f));
      list.append(el('li', { className: 'follow-up ' + f.phase }, el('span', {}, describe(f)), ' ', open, ' ', cancel));
    }
    byId('follow-ups-empty').hidden = shown.length > 0;
  }

  /** A pushed reminder or alert: announced once per follow-up and kind, then the list is read again. */
  async function onFrame(f) {
    const key = f.type + ':' + f.followUpId;
    await refresh();
    if (told.has(key)) return;
    told.add(key);
    const item = shown.find(x => x.id === f.followUpId);
    if (item) ws.announce((f.type === 'follow-up-overdue' ? 'Follow-up overdue: ' : 'Follow-up due: ') + describe(item));
  }

  function openNew({ recordId, note = '' }) {
    if (!recordId) {
      setText(byId('follow-up-tools-status'), 'Open a conversation first.');
      return;
    }
    byId('follow-up-record').value = recordId;
    byId('follow-up-note').value = note;
    byId('follow-up-due').value = localInput(new Date(Date.now() + 24 * 3600 * 1000));
    openModal(dialog);
  }

  byId('follow-up-new').addEventListener('click', () => openNew({ recordId: ws.selected() }));
  document.addEventListener('accessline:follow-up', ev => {
    const d = ev.detail || {};
    openNew({ recordId: d.recordId || d.conversationId, note: d.note || '' });
  });

  byId('follow-up-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const owner = byId('follow-up-owner').value;
    const body = {
      due: new Date(byId('follow-up-due').value).toISOString(),
      owner: owner === 'me' ? 'agent:' + ws.me().username : owner,
      channel: byId('follow-up-channel').value,
      note: byId('follow-up-note').value.trim()
    };
    try {
      await ws.api('POST', '/api/records/' + byId('follow-up-record').value + '/follow-ups', body);
      dialog.close();
      ws.announce('Follow-up scheduled.');
      await refresh();
    } catch (e) {
      setText(dialog.querySelector('.dialog-problem'), e.message);
    }
  });

  function startDoing(f) {
    doing = f;
    setText(byId('follow-up-do-what'), describe(f));
    const texting = f.channel === 'text' || f.channel === 'chat-link';
    setText(byId('follow-up-do-label'), texting ? 'Message to the resident' : 'What was done (optional)');
    byId('follow-up-do-text').value = '';
    openModal(doDialog, { fallback: () => byId('follow-ups-heading') });
  }

  byId('follow-up-do-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    if (!doing) return;
    try {
      const result = await ws.api('POST', '/api/follow-ups/' + doing.id + '/do', { text: byId('follow-up-do-text').value });
      doDialog.focusAfter = () => byId('follow-ups-heading');
      doDialog.close();
      ws.announce(result.state === 'done' ? 'Follow-up done.' : 'Follow-up under way.');
      await refresh();
    } catch (e) {
      setText(doDialog.querySelector('.dialog-problem'), e.message);
      await refresh();
    }
  });

  async function cancelIt(f) {
    try {
      await ws.api('POST', '/api/follow-ups/' + f.id + '/cancel', {});
      ws.announce('Follow-up cancelled.');
      await refresh();
      byId('follow-ups-heading').focus();
    } catch (e) {
      ws.problem(e.message);
    }
  }

  async function recordConsent(granted) {
    const id = ws.selected();
    if (!id) {
      setText(byId('follow-up-tools-status'), 'Open a conversation first.');
      return;
    }
    const body = granted ? { granted: true, how: 'agreed in this conversation to be texted later' }
      : { granted: false, how: 'asked in this conversation not to be texted again' };
    try {
      const line = await ws.api('POST', '/api/conversations/' + id + '/consent', body);
      setText(byId('follow-up-tools-status'), granted ? 'Consent to texts recorded.'
        : line.confirmed ? 'Withdrawal recorded; the resident was sent one confirmation.' : 'Withdrawal recorded.');
    } catch (e) {
      setText(byId('follow-up-tools-status'), 'Not recorded: ' + e.message);
    }
  }

  byId('consent-grant').addEventListener('click', () => recordConsent(true));
  byId('consent-revoke').addEventListener('click', () => recordConsent(false));

  return { refresh, onFrame };
}
