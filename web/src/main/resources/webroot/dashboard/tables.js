// The dashboard's tables: queues and channels (waiting, longest wait, today's service level and
// counts) and agents (state, time in it, load, handled today). Rows are keyed and changed in place
// (see /floor/rows.js); ages count on between frames from the frame's own `asOf`.
import { byId, el } from '/lib/dom.js';
import { channelName } from '/lib/wording.js';
import { formatDuration, isoDuration } from '/lib/time.js';
import { keyedRows, cellText } from '/floor/rows.js';

function setAge(td, seconds, shown = true) {
  let time = td.querySelector('time') || td.appendChild(el('time'));
  const iso = isoDuration(seconds);
  if (time.dateTime !== iso) time.dateTime = iso;
  cellText(time, shown ? formatDuration(seconds, { withSeconds: seconds < 600 }) : '–');
}

/** "85% within 20 s (target 80%)", with a word, not colour alone, when it is below the target. */
export function serviceLevelWords(s) {
  const target = 'target ' + s.targetPercent + '% within ' + formatDuration(s.targetSeconds);
  if (s.serviceLevel === null || s.serviceLevel === undefined) return 'None answered yet (' + target + ')';
  return s.serviceLevel + '% answered within ' + formatDuration(s.targetSeconds) + (s.meetsTarget ? ' (meets the target of ' : ' — below the target of ')
    + s.targetPercent + '%)';
}

const AGENT_STATES = { available: 'Available', away: 'Away', offline: 'Offline' };

function segmentTable(id, label) {
  const ages = new Map();
  const table = keyedRows(byId(id).tBodies[0], {
    key: s => s.name,
    build: () => el('tr', {}, el('th', { scope: 'row' }), el('td'), el('td', { className: 'nowrap duration' }), el('td'), el('td'), el('td'), el('td')),
    update: (tr, s) => {
      const [name, waiting, oldest, level, answered, abandoned, limits] = tr.children;
      cellText(name, label(s.name));
      cellText(waiting, String(s.waiting));
      setAge(oldest, s.oldestWaitSeconds, s.waiting > 0);
      cellText(level, serviceLevelWords(s));
      tr.classList.toggle('below-target', !s.meetsTarget);
      cellText(answered, String(s.answeredToday));
      cellText(abandoned, String(s.abandonedToday));
      cellText(limits, String(s.limitsPassedToday));
    }
  });
  return {
    sync(list, asOfMs) {
      list.forEach(s => ages.set(s.name, s.waiting > 0 ? asOfMs - s.oldestWaitSeconds * 1000 : null));
      table.sync(list);
    },
    tick(now) {
      for (const [name, tr] of table.rows) {
        const from = ages.get(name);
        if (from) setAge(tr.querySelector('.duration'), Math.round((now - from) / 1000));
      }
    }
  };
}

export function dashboardTables() {
  const queues = segmentTable('dashboard-queues', name => name);
  const channels = segmentTable('dashboard-channels', channelName);
  const since = new Map();
  const known = new Map(); // agent id -> entry: frames between complete ones carry only the agents that changed
  const agents = keyedRows(byId('dashboard-agents').tBodies[0], {
    key: a => a.id,
    build: () => el('tr', {}, el('th', { scope: 'row' }), el('td'), el('td', { className: 'nowrap duration' }), el('td'), el('td'), el('td')),
    update: (tr, a) => {
      const [name, state, inState, conversations, units, handled] = tr.children;
      cellText(name, a.name);
      cellText(state, AGENT_STATES[a.state] || a.state);
      setAge(inState, a.inStateSeconds);
      cellText(conversations, String(a.conversations));
      cellText(units, a.units + ' of ' + a.capacity + (a.units >= a.capacity && a.capacity > 0 ? ' (full)' : ''));
      cellText(handled, String(a.handledToday));
    }
  });
  return {
    show(frame) {
      // Ages are as of the frame; counting on from its arrival keeps a skewed desk clock out of them.
      const asOf = Date.now();
      queues.sync(frame.queues || [], asOf);
      channels.sync(frame.channels || [], asOf);
      if (frame.agentsComplete !== false) { known.clear(); since.clear(); }
      (frame.agentsGone || []).forEach(id => { known.delete(id); since.delete(id); });
      (frame.agents || []).forEach(a => { known.set(a.id, a); since.set(a.id, asOf - a.inStateSeconds * 1000); });
      agents.sync([...known.values()].sort((a, b) => a.name.localeCompare(b.name)));
    },
    tick() {
      const now = Date.now();
      queues.tick(now);
      channels.tick(now);
      for (const [id, tr] of agents.rows) if (since.has(id)) setAge(tr.querySelector('.duration'), Math.round((now - since.get(id)) / 1000));
    }
  };
}
