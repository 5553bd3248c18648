// The supervisors' live dashboard: queues, channels and agents with today's service level, and
// alerts with their actions, from the `dashboard` frames the gateway pushes on the staff socket
// opened with ?view=dashboard (on connect and on change; never polled). Alerts and monitoring are
// the floor page's own modules.
import { byId, setText, announcer } from '/lib/dom.js';
import { apiClient } from '/lib/api.js';
import { liveSocket } from '/lib/socket.js';
import { signInForm, showSignIn, showSupervisorPage } from '/lib/sign-in.js';
import { channelName } from '/lib/wording.js';
import { formatDuration } from '/lib/time.js';
import { monitorPanel } from '/floor/monitor.js';
import { alertList } from '/floor/alerts.js';
import { dashboardTables } from '/dashboard/tables.js';
import { qualityPanel } from '/dashboard/quality.js';

const announce = announcer(byId('announcer'));
const problem = text => setText(byId('problem'), text || '');
const api = apiClient({ onSignedOut: signedOut });
let socket = null;
let firstFrame = true;
const names = new Map(); // conversation id -> resident name, from the alerts

function signedOut() {
  if (socket) { socket.close(); socket = null; }
  byId('staff-nav').hidden = true;
  showSignIn(byId('dashboard'));
}

const nameOf = id => names.get(id) || 'a resident';
const monitor = monitorPanel({ api, announce, problem, send: frame => socket && socket.send(frame) });
const alerts = alertList({ api, announce, problem, monitor: (id, button) => monitor.start(id, nameOf(id), button), nameOf });
const tables = dashboardTables();
const quality = qualityPanel({ announce });

const LIMIT_WORDS = { queue_wait: 'waited too long for an agent', first_response: 'no first reply in time', next_response: 'no next reply in time' };

function reasonOf(a) {
  const where = channelName(a.channel) + ', ' + a.queue + ' queue, ' + (a.waiting ? 'waiting ' : 'open ') + formatDuration(a.openedSeconds) + '.';
  if (a.kind === 'time-limit') return a.limitsPassed.filter(l => LIMIT_WORDS[l]).map(l => LIMIT_WORDS[l]).join('; ') + '. ' + where;
  if (a.kind === 'supervisor') return 'Asks for a supervisor' + (a.agent ? ' (from ' + a.agent + ')' : '') + '. ' + where;
  return where;
}

function showDashboard(frame) {
  setText(byId('dashboard-day'), 'Today is ' + frame.day + ' in the center\'s time zone; "today" figures count from its midnight.');
  (frame.alerts || []).forEach(a => {
    if (a.residentName) names.set(a.conversationId, a.residentName);
    alerts.add({ conversationId: a.conversationId, path: a.kind, reason: reasonOf(a), at: null }, { quiet: firstFrame });
  });
  alerts.closed(new Set((frame.alerts || []).map(a => a.conversationId)));
  tables.show(frame);
  quality.show(frame.quality, { quiet: firstFrame });
  firstFrame = false;
}

function onFrame(f) {
  switch (f.type) {
    case 'dashboard':
      showDashboard(f);
      break;
    case 'entry':
      if (f.monitoring) monitor.entry(f.entry);
      break;
    case 'error':
      problem(f.message);
      break;
    default:
      break;
  }
}

function connect() {
  socket = liveSocket('/agent/socket?view=dashboard', {
    onFrame,
    onOpen: () => {
      setText(byId('connection'), 'Connected. The dashboard updates as things change.');
      monitor.resume();
    },
    onState: s => { if (s !== 'open') setText(byId('connection'), 'Connection lost. Reconnecting…'); },
    beforeReconnect: () => api('GET', '/api/me')
  });
}

function showPage(me) {
  showSupervisorPage(me, byId('dashboard'), () => { if (!socket) connect(); });
}

byId('sign-out').addEventListener('click', async () => {
  try { await api('DELETE', '/api/session'); } catch (e) { /* signed out either way */ }
  signedOut();
});

signInForm(api, problem, showPage);
setInterval(() => tables.tick(), 5000);
api('GET', '/api/me').then(showPage).catch(() => showSignIn(byId('dashboard')));
