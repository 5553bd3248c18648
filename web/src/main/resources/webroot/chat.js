// The resident's side of web chat: say hello with the saved token, show entries in sequence, keep
// unacknowledged messages in an outbox and resend them after any reconnect. The log only grows:
// each entry adds one list item, and the resident's own message is that same item from "sending"
// to sent, so a screen reader hears each message once.
import { byId, el, setText, announcer, randomId } from '/lib/dom.js';
import { liveSocket } from '/lib/socket.js';
import { center } from '/lib/api.js';
import { residentWording } from '/lib/wording.js';
import { timeElement } from '/lib/time.js';
import { transcriptText, download } from '/lib/save-copy.js';

const store = window.localStorage;
const log = byId('transcript');
const list = byId('transcript-list');
const connection = byId('connection');
const typing = byId('typing');
const place = byId('place');
const problem = byId('problem');
const form = byId('compose');
const box = byId('message');
const announce = announcer(byId('announcer'));

let centerName = 'The center';
let ready = false;
let typingSent = false;
let typingTimer = null;
/** What "… is typing" announced since the staff member's last message (false: nothing): once per burst. */
let typingAnnounced = false;
const outbox = JSON.parse(store.getItem('accessline.outbox') || '[]');

const state = {
  get token() { return store.getItem('accessline.token'); },
  set token(v) { store.setItem('accessline.token', v); },
  get conversationId() { return store.getItem('accessline.conversation'); },
  set conversationId(v) { if (v) store.setItem('accessline.conversation', v); else store.removeItem('accessline.conversation'); },
  // Page-scoped: a reload shows the whole conversation again, a reconnect resumes where it was.
  lastSeq: 0
};

function saveOutbox() { store.setItem('accessline.outbox', JSON.stringify(outbox)); }

/** Keeps the newest line in view unless the resident scrolled up to read. */
function scrollToEnd(wasAtEnd) {
  if (wasAtEnd) log.scrollTop = log.scrollHeight;
}

function atEnd() {
  return log.scrollHeight - log.scrollTop - log.clientHeight < 40;
}

/** One bubble or event line: who (a word, not only a colour or side), the text, then its time. */
function item(wording, at, { pending = false, clientId = null, seq = null } = {}) {
  const mine = wording.tone === 'resident';
  const li = el('li', { className: wording.tone === 'event' ? 'event' : 'bubble ' + (mine ? 'from-resident' : 'from-center') + (pending ? ' pending' : '') });
  if (clientId) li.dataset.clientId = clientId;
  if (seq !== null) li.dataset.seq = seq;
  if (wording.tone === 'event') {
    li.append(el('span', { className: 'text' }, wording.text), ' ', at ? timeElement(at) : null);
    return li;
  }
  const meta = el('span', { className: 'meta' }, el('span', { className: 'who' }, wording.who), ' ');
  meta.append(pending ? el('span', { className: 'state' }, 'sending…') : (at ? timeElement(at) : ''));
  li.append(meta, el('span', { className: 'visually-hidden' }, ': '), el('span', { className: 'text' }, wording.text));
  return li;
}

/** Adds one node: entries before the resident's unsent messages, which stay last until sent. */
function add(li) {
  const end = atEnd();
  const firstPending = li.classList.contains('pending') ? null : list.querySelector('li.pending');
  list.insertBefore(li, firstPending);
  scrollToEnd(end);
}

/** A pending bubble becomes sent, in place: its "sending…" gives way to the time. */
function confirm(li, seq, at) {
  li.dataset.seq = seq;
  li.classList.remove('pending');
  const pendingState = li.querySelector('.state');
  if (pendingState) pendingState.replaceWith(at ? timeElement(at) : el('span', { className: 'state' }, 'sent'));
  // Sent messages sit among the sent, ahead of any still unsent.
  const firstPending = list.querySelector('li.pending');
  if (firstPending && firstPending.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_FOLLOWING) list.insertBefore(li, firstPending);
}

function pendingItem(clientId) {
  return list.querySelector('li.pending[data-client-id="' + CSS.escape(clientId) + '"]');
}

/**
 * The notice goes and its announcement is taken back, so nobody reads a stale "is typing" later;
 * only the staff member's message ends the burst (a pause and more typing is not announced again).
 */
function stoppedTyping({ burstOver = false } = {}) {
  if (typingAnnounced) announce.withdraw(typingAnnounced);
  if (burstOver) typingAnnounced = false;
  setText(typing, '');
}

function showEntry(e) {
  if (e.seq <= state.lastSeq) return;
  state.lastSeq = e.seq;
  if (e.kind === 'assigned' || e.kind === 'resolved') setText(place, '');
  if (e.kind === 'resolved' || (e.kind === 'message' && e.from !== 'resident')) stoppedTyping({ burstOver: true });
  const confirmed = list.querySelector('li[data-seq="' + e.seq + '"]');
  if (confirmed) {
    // Confirmed by its acknowledgement already: the stored time replaces "sent", in the same bubble.
    const sentState = confirmed.querySelector('.state');
    if (sentState && e.at) sentState.replaceWith(timeElement(e.at));
    return;
  }
  const wording = residentWording(e, centerName);
  if (!wording) return;
  if (e.kind === 'message' && e.from === 'resident') {
    // Our own message, stored before its acknowledgement came (or before a reload): the bubble is already there.
    const waiting = Array.from(list.querySelectorAll('li.pending')).find(li => li.querySelector('.text').textContent === e.text);
    if (waiting) {
      confirm(waiting, e.seq, e.at);
      return;
    }
  }
  add(item(wording, e.at, { seq: e.seq }));
}

function showPending(entry) {
  if (pendingItem(entry.clientId)) return;
  add(item({ who: 'You', text: entry.text, tone: 'resident' }, null, { pending: true, clientId: entry.clientId }));
}

function forget(clientId) {
  const index = outbox.findIndex(i => i.clientId === clientId);
  if (index >= 0) outbox.splice(index, 1);
  saveOutbox();
}

let socket = null;

function send(frame) {
  return socket ? socket.send(frame) : false;
}

function flushOutbox() {
  outbox.forEach(entry => send({ type: 'message', clientId: entry.clientId, text: entry.text }));
}

function onFrame(f) {
  switch (f.type) {
    case 'welcome':
      state.token = f.token;
      // Shown afresh (a reload): what is replayed is history, not news, until the gateway says it has caught up.
      log.setAttribute('aria-live', f.resumed && state.lastSeq === 0 ? 'off' : 'polite');
      if (!f.resumed) { state.conversationId = null; state.lastSeq = 0; }
      else if (f.conversationId && f.conversationId !== state.conversationId) { state.conversationId = f.conversationId; state.lastSeq = 0; }
      ready = true;
      setText(connection, 'Connected.');
      flushOutbox();
      break;
    case 'conversation':
      state.conversationId = f.conversationId;
      state.lastSeq = 0;
      add(el('li', { className: 'event' }, el('span', { className: 'text' }, 'A new conversation has started.')));
      break;
    case 'entry':
      if (!state.conversationId) state.conversationId = f.conversationId;
      if (f.conversationId === state.conversationId) showEntry(f);
      break;
    case 'ack': {
      if (!state.conversationId) state.conversationId = f.conversationId;
      forget(f.clientId);
      const li = pendingItem(f.clientId);
      if (li && f.seq !== undefined) confirm(li, f.seq, null);
      else if (li) li.remove();
      break;
    }
    case 'position': {
      const minutes = f.waitSeconds === undefined ? null : Math.max(1, Math.ceil(f.waitSeconds / 60));
      setText(place, 'You are number ' + f.position + ' in line. '
        + (minutes === null ? 'No one is free right now, but your messages are saved.' : 'Expected wait: about ' + minutes + (minutes === 1 ? ' minute.' : ' minutes.')));
      break;
    }
    case 'typing': {
      if (!f.active) { stoppedTyping(); break; }
      const who = (f.name || 'Staff') + ' is typing…';
      setText(typing, who);
      if (!typingAnnounced) { typingAnnounced = who; announce(who, { repeat: true }); }
      break;
    }
    case 'caught-up':
      log.setAttribute('aria-live', 'polite');
      break;
    case 'error':
      onError(f);
      break;
    default:
      break;
  }
}

function onError(f) {
  setText(problem, f.message);
  const entry = f.clientId ? outbox.find(i => i.clientId === f.clientId) : null;
  if (!entry) return;
  if (f.code === 'slow_down') {
    setTimeout(() => send({ type: 'message', clientId: entry.clientId, text: entry.text }), 2000);
  } else if (f.code !== 'not_saved') {
    // Refused for good: the words go back in the box to change, and the bubble goes.
    if (!box.value) box.value = entry.text;
    forget(f.clientId);
    const li = pendingItem(f.clientId);
    if (li) li.remove();
  }
}

function stopTyping() {
  if (typingSent) send({ type: 'typing', active: false });
  typingSent = false;
}

form.addEventListener('submit', ev => {
  ev.preventDefault();
  const text = box.value.trim();
  if (!text) return;
  setText(problem, '');
  const entry = { clientId: randomId(), text };
  outbox.push(entry);
  saveOutbox();
  showPending(entry);
  log.scrollTop = log.scrollHeight;
  box.value = '';
  stopTyping();
  if (ready) send({ type: 'message', clientId: entry.clientId, text });
  box.focus();
});

box.addEventListener('keydown', ev => {
  if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
    ev.preventDefault();
    form.requestSubmit();
  }
});

box.addEventListener('input', () => {
  if (!typingSent && box.value.trim()) typingSent = send({ type: 'typing', active: true });
  clearTimeout(typingTimer);
  typingTimer = setTimeout(stopTyping, 3000);
});

byId('save-copy').addEventListener('click', () => {
  const name = download(transcriptText(list, { title: 'Conversation with ' + centerName }), 'conversation');
  announce('A copy of the conversation was saved as ' + name + '.', { repeat: true });
});

center().then(c => {
  if (!c) return;
  centerName = c.name;
  byId('page-heading').textContent = 'Chat with ' + c.name;
  document.title = 'Chat with ' + c.name;
});

outbox.forEach(showPending);
socket = liveSocket('/chat/socket', {
  onOpen: sendNow => {
    const hello = { type: 'hello', lastSeq: state.lastSeq };
    if (state.token) hello.token = state.token;
    if (state.conversationId) hello.conversationId = state.conversationId;
    sendNow(hello);
  },
  onFrame,
  onState: s => {
    if (s === 'open') return;
    ready = false;
    setText(connection, 'Connection lost. Reconnecting… Your messages are kept and will be sent.');
  }
});
