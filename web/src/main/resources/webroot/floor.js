// The supervisor's floor: agents with presence and load, queues, waiting conversations and alerts,
// fed by the `floor` frames the gateway pushes on the staff socket (on connect and on change), and
// monitoring one conversation with whisper and barge-in. Tables change in place, never rebuilt.
import { byId, setText, announcer } from '/lib/dom.js';
import { apiClient } from '/lib/api.js';
import { liveSocket } from '/lib/socket.js';
import { residentName } from '/lib/names.js';
import { signInForm, showSignIn, showSupervisorPage } from '/lib/sign-in.js';
import { conversationTables, agentTable, queueTable, isEmergency } from '/floor/tables.js';
import { monitorPanel } from '/floor/monitor.js';
import { alertList } from '/floor/alerts.js';
import { formatDuration } from '/lib/time.js';
import { followUpTable } from '/floor/followups.js';

const announce = announcer(byId('announcer'));
const problem = text => setText(byId('problem'), text || '');
const api = apiClient({ onSignedOut: signedOut });
let socket = null;
let agents = [];
const known = new Map(); // conversation id -> latest floor item

function signedOut() {
  if (socket) { socket.close(); socket = null; }
  byId('staff-nav').hidden = true;
  showSignIn(byId('floor'));
}

const nameOf = id => known.has(id) ? residentName(known.get(id)) : 'a resident';

const monitor = monitorPanel({ api, announce, problem, send: frame => socket && socket.send(frame) });
const startMonitoring = (id, button) => monitor.start(id, nameOf(id), button);
const alerts = alertList({ api, announce, problem, monitor: startMonitoring, nameOf });
const followUps = followUpTable({ api, announce, problem });

const conversations = conversationTables({
  agentsNow: () => agents,
  actions: {
    monitor: (c, button) => startMonitoring(c.id, button),
    async move(c, agentId, button) {
      if (!agentId) return;
      try {
        await api('POST', '/api/conversations/' + encodeURIComponent(c.id) + '/reassign', { agent: agentId });
        announce(residentName(c) + ' moved to ' + (agents.find(a => a.id === agentId) || { name: agentId }).name + '.');
        if (button.isConnected) button.focus();
      } catch (e) { problem(e.message); }
    }
  }
});
const agentRows = agentTable();
const queueRows = queueTable();

/** One floor, as pushed or fetched: every table changes in place. */
function showFloor(floor) {
  agents = floor.agents || [];
  const list = floor.conversations || [];
  list.forEach(c => known.set(c.id, c));
  const { queued } = conversations.sync(list, agents);
  agentRows.sync(agents);
  queueRows.sync(floor, queued);
  const line = floor.queue || { waiting: queued.length, oldestWaitSeconds: 0, pastTimeLimits: 0 };
  setText(byId('floor-queue'), line.waiting + ' waiting' + (line.waiting ? '; the longest for ' + formatDuration(line.oldestWaitSeconds) : '')
    + '; ' + line.pastTimeLimits + ' past a time limit.');
  list.filter(isEmergency).forEach(c => alerts.add({ conversationId: c.id, path: 'emergency', reason: 'Marked as an emergency.', at: null }, { quiet: true }));
  alerts.closed(new Set(list.filter(c => !c.resolved).map(c => c.id)));
  for (const id of Array.from(known.keys())) if (!list.some(c => c.id === id)) known.delete(id);
}

function onFrame(f) {
  switch (f.type) {
    case 'floor':
      showFloor(f);
      break;
    case 'alert':
      alerts.add(f);
      break;
    case 'entry':
      if (f.monitoring) monitor.entry(f.entry);
      break;
    case 'follow-up-overdue':
      followUps.overdue(f);
      break;
    case 'error':
      problem(f.message);
      break;
    default:
      break;
  }
}

function connect() {
  socket = liveSocket('/agent/socket', {
    onFrame,
    onOpen: () => {
      setText(byId('connection'), 'Connected. The floor updates as it changes.');
      api('GET', '/api/escalations').then(data => data.escalations.forEach(x => alerts.add({
        conversationId: x.id, path: 'supervisor', reason: 'Waiting for a supervisor' + (x.agent ? ' (from ' + x.agent + ').' : '.'), at: x.opened
      }, { quiet: true })), e => problem(e.message));
      monitor.resume();
      followUps.refresh();
    },
    onState: s => { if (s !== 'open') setText(byId('connection'), 'Connection lost. Reconnecting…'); },
    beforeReconnect: () => api('GET', '/api/me')
  });
}

function showPage(me) {
  showSupervisorPage(me, byId('floor'), () => { if (!socket) connect(); });
}

byId('sign-out').addEventListener('click', async () => {
  try { await api('DELETE', '/api/session'); } catch (e) { /* signed out either way */ }
  signedOut();
});

signInForm(api, problem, showPage);
setInterval(() => conversations.tick(), 5000);
api('GET', '/api/me').then(showPage).catch(() => showSignIn(byId('floor')));
