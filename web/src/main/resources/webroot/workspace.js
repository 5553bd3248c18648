// The agent workspace: three panes (the conversation list with offers, the open conversation, the
// context panel about the resident), fed by the agent socket. Entries arrive on the socket and are
// merged by sequence number with what REST returns, so none is shown twice or skipped.

import { apiClient, center } from '/lib/api.js';
import { liveSocket } from '/lib/socket.js';
import { announcer, byId, setText } from '/lib/dom.js';
import { channelName } from '/lib/wording.js';
import * as model from '/workspace/model.js';
import { Transcripts } from '/workspace/transcript.js';
import { ConversationList } from '/workspace/list.js';
import { Offers } from '/workspace/offers.js';
import { conversationDialogs, openModal, wireCloseButtons } from '/workspace/dialogs.js';
import { contextPanel } from '/workspace/context.js';
import { cannedReplies } from '/workspace/canned.js';
import { serviceRequests } from '/workspace/open311.js';
import { composer as makeComposer } from '/workspace/composer.js';
import { shortcuts } from '/workspace/shortcuts.js';
import { notifier } from '/workspace/notify.js';
import { relayHelp } from '/workspace/relay.js';
import { followUps } from '/workspace/followups.js';

const conversations = new Map(); // id -> { id, channel, residentName, entries: Map(seq -> entry), unread, order, … }
let me = null;
let selected = null;
let socket = null;
let presence = 'away';
let order = 0;
let notify = null;
const box = byId('reply');

const announce = announcer(byId('announcer'));
const problem = text => setText(byId('problem'), text || '');
const api = apiClient({ onSignedOut: () => showSignIn() });

const ws = {
  api, announce, problem,
  selected: () => selected,
  conversation: id => conversations.get(id),
  me: () => me,
  send: frame => (socket ? socket.send(frame) : false),
  afterLeaving,
  left: id => { const c = conversations.get(id); if (c) leave(c); }
};

const transcripts = new Transcripts(byId('transcript'), 'conversation-heading');
const list = new ConversationList(byId('conversation-list'), byId('empty-list'), id => select(id));
const offers = new Offers(byId('offers'), byId('offer-list'), byId('offer-now'), answer);
const dialogs = conversationDialogs(ws);
const context = contextPanel(ws);
const canned = cannedReplies(ws);
const following = followUps(ws);
serviceRequests(ws);
const composer = makeComposer(ws, canned);
const relay = relayHelp(ws, announce);
wireCloseButtons();

/** Where the keyboard goes once the open conversation has left: the first conversation, an offer, or the list heading. */
function afterLeaving() {
  return list.buttons()[0] || offers.nextAccept() || byId('list-heading');
}

function refresh() {
  const open = [...conversations.values()].sort(model.byUrgencyThenWait);
  list.render(open, selected, model.emptyListText(presence));
  if (notify) notify.count(offers.count, open.reduce((n, c) => n + (c.unread || 0), 0));
}

function setQueue(n) {
  setText(byId('queue'), n + (n === 1 ? ' conversation is' : ' conversations are') + ' waiting in the queue.');
}

// Conversations.

function track(summary) {
  let c = conversations.get(summary.id);
  if (!c) {
    c = { id: summary.id, channel: summary.channel || '', entries: new Map(), unread: 0, order: ++order, waitingSince: null, lastMessage: null };
    conversations.set(c.id, c);
    load(c, 0);
  }
  for (const key of ['channel', 'residentName']) if (summary[key]) c[key] = summary[key];
  // The gateway's view of the conversation (sent with the snapshot and each entry) wins over the page's own reckoning.
  for (const key of ['limitAt', 'waitingSince', 'lastMessage']) if (key in summary) c[key] = summary[key];
  if (summary.emergency) c.emergency = true;
  return c;
}

async function load(c, after) {
  try {
    const data = await api('GET', '/api/conversations/' + c.id + '/entries?after=' + after);
    if (conversations.get(c.id) !== c) return;
    data.entries.forEach(e => addEntry(c, e, false));
    const sorted = [...c.entries.values()].sort((a, b) => a.seq - b.seq);
    c.waitingSince = model.waitingSince(sorted);
    c.lastMessage = model.lastMessage(sorted);
    c.emergency = c.emergency || model.hasEmergency(sorted);
    if (selected === c.id) { context.detailsFiled(c); composer.showState(c); }
    refresh();
  } catch (e) { problem(e.message); }
}

function addEntry(c, e, live) {
  if (c.entries.has(e.seq)) return false;
  c.entries.set(e.seq, e);
  const kind = e.event.kind;
  if (kind === 'opened' && e.event.channel) c.channel = e.event.channel;
  transcripts.add(c, e);
  if (kind === 'message') {
    const fromResident = e.actor.role === 'resident';
    c.lastMessage = { text: e.event.text, at: e.at, from: fromResident ? 'resident' : 'center' };
    if (fromResident && !c.waitingSince) c.waitingSince = e.at;
    if (!fromResident) c.waitingSince = null;
    if (fromResident && (selected !== c.id || document.hidden)) c.unread++;
    if (fromResident && live) {
      // The open conversation's log announces its own messages; others get one short announcement.
      if (selected !== c.id) announce('New message from ' + model.residentName(c) + '.');
      else setText(byId('typing'), '');
      if (selected !== c.id || document.hidden) notify.alert('Message from ' + model.residentName(c), e.event.text);
    }
  }
  if (kind === 'escalated' && e.event.path === 'emergency') {
    c.emergency = true;
    if (live) announce('Emergency in the conversation with ' + model.residentName(c) + ': ' + e.event.reason);
  }
  if (selected === c.id && live && (kind === 'delivery' || kind === 'message')) composer.showState(c);
  if (selected === c.id && (e.event.transcription || kind === 'relay-assistant')) relay.show(c);
  if (kind === 'details' && live) context.detailsFiled(c);
  return true;
}

function onEntry(e, view) {
  const kind = e.event.kind;
  let c = conversations.get(e.conversationId);
  if (!c && kind === 'assigned' && e.event.agent === me.username) {
    c = track(view && view.id === e.conversationId ? view : { id: e.conversationId });
    if (!accepting.has(c.id)) announce('New conversation with ' + model.residentName(c) + '.');
  }
  if (!c) return;
  addEntry(c, e, true);
  if (view && view.id === c.id) track(view);
  if ((kind === 'unassigned' && e.event.agent === me.username) || kind === 'resolved') {
    announce('The conversation with ' + model.residentName(c) + (kind === 'resolved' ? ' is resolved.' : ' left your list: ' + e.event.reason + '.'));
    leave(c);
  }
  refresh();
}

/** The conversation is no longer the agent's: its log goes, and the keyboard is not left on nothing. */
function leave(c) {
  conversations.delete(c.id);
  transcripts.remove(c.id);
  const hadFocus = byId('conversation').contains(document.activeElement) || byId('context').contains(document.activeElement);
  if (selected === c.id) deselect();
  refresh();
  if (hadFocus && !document.querySelector('dialog[open]')) afterLeaving().focus();
}

function select(id, { focus = true } = {}) {
  const previous = selected && conversations.get(selected);
  if (previous) previous.draft = box.value;
  const c = conversations.get(id);
  if (!c) return;
  selected = id;
  c.unread = 0;
  transcripts.show(id);
  setText(byId('conversation-heading'), model.residentName(c) + ', ' + channelName(c.channel || 'webchat'));
  setText(byId('conversation-meta'), '');
  byId('conversation-actions').hidden = false;
  byId('reply-form').hidden = false;
  byId('no-conversation').hidden = true;
  byId('transcript-link').href = '/api/interactions/' + id + '/transcript.txt';
  setText(byId('typing'), '');
  composer.switched();
  box.value = c.draft || '';
  composer.showState(c);
  context.show(c);
  relay.show(c);
  refresh();
  if (focus) box.focus();
}

function deselect() {
  selected = null;
  transcripts.show(null);
  setText(byId('conversation-heading'), 'No conversation open');
  byId('conversation-actions').hidden = true;
  byId('reply-form').hidden = true;
  byId('no-conversation').hidden = false;
  box.value = '';
  setText(byId('typing'), '');
  composer.switched();
  context.show(null);
  relay.show(null);
}

// Offers.

/** Conversations being accepted now: their "assigned" entry is announced by the accept, not again. */
const accepting = new Set();

async function answer(offer, accepted) {
  const id = offer.conversationId;
  problem('');
  if (accepted) accepting.add(id);
  try {
    const result = await api('POST', '/api/conversations/' + id + (accepted ? '/accept' : '/decline'));
    offers.remove(id);
    if (accepted) {
      const c = track({ channel: offer.channel, residentName: offer.residentName, ...(result.conversation || offer.conversation || {}), id });
      select(c.id);
      announce('Accepted. The conversation with ' + model.residentName(c) + ' is open.');
    } else {
      announce('Declined.');
      (offers.nextAccept() || (selected ? box : afterLeaving())).focus();
    }
  } catch (e) {
    problem(e.message);
    offers.remove(id);
    (offers.nextAccept() || (selected ? box : afterLeaving())).focus();
  } finally {
    accepting.delete(id);
  }
  refresh();
}

// The socket.

function onFrame(f) {
  switch (f.type) {
    case 'snapshot': {
      offers.clear();
      (f.offers || []).forEach(o => offers.add(o.conversation ? { ...o, residentName: o.conversation.residentName } : o));
      presence = f.presence;
      byId('presence').value = f.presence;
      setQueue(f.waiting);
      const current = new Set(f.conversations.map(s => s.id));
      [...conversations.values()].filter(c => !current.has(c.id)).forEach(leave);
      for (const s of f.conversations) {
        const known = conversations.get(s.id);
        if (known) load(known, Math.max(0, ...known.entries.keys()));
        track(s);
      }
      refresh();
      following.refresh();
      break;
    }
    case 'follow-up-due':
    case 'follow-up-overdue':
      following.onFrame(f);
      break;
    case 'queue':
      setQueue(f.waiting);
      break;
    case 'offer':
      if (f.conversation) f.residentName = f.conversation.residentName;
      offers.add(f);
      notify.alert('New ' + channelName(f.channel) + ' offered', model.residentName(f));
      refresh();
      break;
    case 'offer_withdrawn': {
      const item = offers.remove(f.conversationId);
      if (item && item.li.contains(document.activeElement)) (offers.nextAccept() || afterLeaving()).focus();
      if (item && f.reason === 'lapsed') announce('The offer of ' + offers.describe(item.offer) + ' lapsed and went back to the queue.');
      refresh();
      break;
    }
    case 'entry':
      if (!f.monitoring) onEntry(f.entry, f.conversation);
      break;
    case 'typing':
      if (f.conversationId === selected && f.role === 'resident') {
        const c = conversations.get(selected);
        if (!relay.typing(f, c, model.residentName(c))) setText(byId('typing'), f.active ? model.residentName(c) + ' is typing…' : '');
      }
      break;
    case 'error':
      problem(f.message);
      break;
    default:
      break;
  }
}

// Signing in and out.

function showSignIn() {
  if (socket) { socket.close(); socket = null; }
  byId('workspace').hidden = true;
  byId('agent-bar').hidden = true;
  byId('sign-in').hidden = false;
  byId('username').focus();
}

let keys = null;
function showWorkspace(agent, { focus = false } = {}) {
  me = agent;
  byId('sign-in').hidden = true;
  byId('workspace').hidden = false;
  byId('agent-bar').hidden = false;
  setText(byId('agent-name'), agent.displayName);
  byId('supervisor-link').hidden = agent.role !== 'supervisor';
  presence = agent.presence || 'away';
  byId('presence').value = presence;
  if (!keys) {
    keys = shortcuts(agent.username, runShortcut);
    notify = notifier(agent.username);
    notify.setBase(document.title);
  }
  deselect();
  refresh();
  dialogs.loadTargets();
  context.loadCategories();
  socket = liveSocket('/agent/socket', {
    onFrame,
    onState: state => problem(state === 'reconnecting' ? 'Connection to the gateway lost. Reconnecting…' : ''),
    beforeReconnect: () => api('GET', '/api/me')
  });
  if (focus) byId('presence').focus();
}

function runShortcut(action) {
  const buttons = list.buttons();
  const at = buttons.findIndex(b => b.dataset.conversation === selected);
  switch (action) {
    case 'next':
    case 'previous': {
      if (buttons.length === 0) return;
      const step = action === 'next' ? 1 : -1;
      const to = at < 0 ? (step > 0 ? 0 : buttons.length - 1) : (at + step + buttons.length) % buttons.length;
      select(buttons[to].dataset.conversation);
      const now = conversations.get(selected);
      if (now) announce('Now in the conversation with ' + model.residentName(now) + ', ' + channelName(now.channel || 'webchat') + '.');
      break;
    }
    case 'composer':
      if (selected) box.focus(); else (buttons[0] || byId('list-heading')).focus();
      break;
    case 'accept':
    case 'decline': {
      const offer = offers.current();
      if (offer) answer(offer, action === 'accept'); else announce('No offer is waiting.');
      break;
    }
    case 'transfer':
    case 'resolve':
      if (selected) dialogs.open(action); else announce('Open a conversation first.');
      break;
    case 'help':
      openSettings();
      break;
    default:
      break;
  }
}

function openSettings() {
  const dialog = byId('settings-dialog');
  if (!dialog.open) openModal(dialog, { focus: byId('shortcuts-on') });
}

byId('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  problem('');
  try {
    await api('POST', '/api/session', { username: byId('username').value, password: byId('password').value });
    byId('password').value = '';
    showWorkspace(await api('GET', '/api/me'), { focus: true });
  } catch (e) { problem(e.message); byId('username').focus(); }
});

byId('sign-out').addEventListener('click', async () => {
  try { await api('DELETE', '/api/session'); } catch (e) { /* signed out either way */ }
  // A fresh page: nothing of this agent's conversations stays in memory for the next one.
  location.reload();
});

byId('presence').addEventListener('change', async () => {
  try {
    const result = await api('PUT', '/api/presence', { presence: byId('presence').value });
    presence = result.presence;
    announce('Status: ' + result.presence + '.');
    refresh();
  } catch (e) { problem(e.message); }
});

byId('open-transfer').addEventListener('click', () => dialogs.open('transfer'));
byId('open-escalate').addEventListener('click', () => dialogs.open('escalate'));
byId('open-resolve').addEventListener('click', () => dialogs.open('resolve'));
byId('open-settings').addEventListener('click', openSettings);
byId('open-canned').addEventListener('click', () => canned.openManager());

document.addEventListener('visibilitychange', () => {
  const c = selected && conversations.get(selected);
  if (!document.hidden && c && c.unread) { c.unread = 0; refresh(); }
});

setInterval(() => {
  offers.tick();
  list.tick(conversations.values());
}, 1000);

center().then(c => {
  if (!c) return;
  const title = c.name + ' · Agent workspace';
  setText(byId('page-heading'), title);
  document.title = title;
  if (notify) notify.setBase(title);
});

api('GET', '/api/me').then(agent => showWorkspace(agent)).catch(() => showSignIn());
