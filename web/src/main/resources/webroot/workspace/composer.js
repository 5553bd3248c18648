// The reply box: Enter sends (idempotently, with a client id), the resident sees "typing" once per
// burst, TTY replies are previewed as the caller's paper will print them, texts are counted in
// segments, and the state of the last reply (sending, sent, delivered) shows under the box.

import { byId, randomId, setText } from '/lib/dom.js';
import { previewText } from '/tty.js';

export function composer(ws, canned) {
  const box = byId('reply');
  let typingFor = null;
  let typingTimer = null;
  let previewTimer = null;
  let smsTimer = null;

  function stopTyping() {
    clearTimeout(typingTimer);
    if (typingFor) ws.send({ type: 'typing', conversationId: typingFor, active: false });
    typingFor = null;
  }

  box.addEventListener('input', () => {
    const id = ws.selected();
    if (!id || canned.searching()) return;
    if (typingFor !== id) {
      stopTyping();
      if (ws.send({ type: 'typing', conversationId: id, active: true })) typingFor = id;
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 3000);
  });

  box.addEventListener('input', () => {
    const c = ws.conversation(ws.selected());
    const text = box.value.trim();
    clearTimeout(previewTimer);
    clearTimeout(smsTimer);
    const tty = c && c.channel === 'tty' && text && !canned.searching();
    byId('tty-preview').hidden = !tty;
    if (tty) {
      previewTimer = setTimeout(async () => {
        try {
          const p = await ws.api('POST', '/api/tty/preview', { text });
          if (box.value.trim() === text) setText(byId('tty-preview-text'), previewText(p));
        } catch (e) { setText(byId('tty-preview-text'), e.message); }
      }, 250);
    }
    const sms = c && c.channel === 'sms' && text && !canned.searching();
    if (!sms) byId('sms-preview').hidden = true;
    else {
      smsTimer = setTimeout(async () => {
        try {
          const p = await ws.api('POST', '/api/sms/preview', { text });
          setText(byId('sms-preview'), p.tooLong ? 'Too long for a text: shorten it to 1,600 characters.'
            : 'Sends as ' + p.segments + (p.segments === 1 ? ' text' : ' texts') + ' (' + p.encoding
              + (p.encoding === 'UCS-2' ? ': a character outside the basic set halves the room per text' : '') + ').');
          byId('sms-preview').hidden = false;
        } catch (e) { /* the count is a help, not a need */ }
      }, 250);
    }
  });

  box.addEventListener('keydown', ev => {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.altKey && !ev.ctrlKey && !canned.searching()) {
      ev.preventDefault();
      byId('reply-form').requestSubmit();
    }
  });

  byId('reply-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const id = ws.selected();
    const text = box.value.trim();
    if (!text || !id || canned.searching()) return;
    ws.problem('');
    stopTyping();
    setText(byId('reply-status'), 'Sending…');
    try {
      await ws.api('POST', '/api/conversations/' + id + '/messages', { clientId: randomId(), text });
      if (ws.selected() === id) {
        box.value = '';
        byId('tty-preview').hidden = true;
        byId('sms-preview').hidden = true;
        setText(byId('reply-status'), 'Sent.');
      }
    } catch (e) {
      setText(byId('reply-status'), '');
      ws.problem('Not sent: ' + e.message);
    }
  });

  byId('tty-stop').addEventListener('click', async () => {
    const id = ws.selected();
    if (!id) return;
    try {
      const result = await ws.api('POST', '/api/conversations/' + id + '/tty/stop', {});
      ws.announce(result.stopped === 0 ? 'Nothing was left to stop.' : 'Stopped ' + result.stopped + (result.stopped === 1 ? ' reply.' : ' replies.'));
      box.focus();
    } catch (e) { ws.problem(e.message); }
  });

  /** Shows the open conversation's reply state: TTY replies still going out, the last reply's delivery. */
  function showState(c) {
    const entries = [...c.entries.values()];
    const reports = new Map(entries.filter(e => e.event.kind === 'delivery').map(e => [e.event.messageSeq, e.event.status]));
    const mine = entries.filter(e => e.event.kind === 'message' && (e.actor.role === 'agent' || e.actor.role === 'supervisor'));
    const tty = c.channel === 'tty';
    const sending = mine.filter(e => !reports.has(e.seq));
    byId('tty-sending').hidden = !tty || sending.length === 0;
    setText(byId('tty-sending-text'), sending.length === 1 ? 'Your reply is being sent to the TTY.' : sending.length + ' replies are waiting to be sent to the TTY.');
    const last = mine[mine.length - 1];
    if (last && reports.has(last.seq)) setText(byId('reply-status'), 'Your last reply: ' + reports.get(last.seq) + '.');
  }

  /** Switching conversations: the box is cleared of the other conversation's state. */
  function switched() {
    stopTyping();
    setText(byId('reply-status'), '');
    byId('sms-preview').hidden = true;
    byId('tty-preview').hidden = true;
    canned.close();
  }

  return { showState, switched };
}
