// The floor's tables: waiting conversations, conversations in progress, agents and queues. Each
// row is keyed and changed in place (see rows.js); emergencies are marked by a word, a symbol, a
// border and their place at the top, not by colour alone.
import { byId, el, clear } from '/lib/dom.js';
import { channelName } from '/lib/wording.js';
import { formatDuration, isoDuration } from '/lib/time.js';
import { residentName } from '/lib/names.js';
import { keyedRows, cellText } from '/floor/rows.js';

const LIMIT_WORDS = { first_reply: 'first reply', resolution: 'resolution', wait: 'wait' };

export function isEmergency(c) { return c.emergency === true || c.urgent === true; }

function flags(c) {
  const out = [];
  if (isEmergency(c)) out.push({ text: '⚠ Emergency', className: 'flag emergency' });
  if (c.awaitingSupervisor) out.push({ text: 'Asks for a supervisor', className: 'flag' });
  (c.limitsPassed || []).forEach(limit => out.push({ text: 'Past ' + (LIMIT_WORDS[limit] || limit.replace(/_/g, ' ')) + ' limit', className: 'flag' }));
  return out;
}

/** Seconds a row counts from: when it began waiting, else when it opened; kept so the clock can tick between frames. */
function since(c, now) {
  if (c.waitingSince) return new Date(c.waitingSince).getTime();
  return now - (c.openedSeconds || 0) * 1000;
}

function setDuration(td, startedMs, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - startedMs) / 1000));
  let time = td.querySelector('time');
  if (!time) time = td.appendChild(el('time'));
  const iso = isoDuration(seconds);
  if (time.dateTime !== iso) time.dateTime = iso;
  cellText(time, formatDuration(seconds, { withSeconds: seconds < 600 }));
}

function setFlags(td, c) {
  const list = flags(c);
  const signature = list.map(f => f.text).join('|');
  if (td.dataset.signature === signature) return;
  td.dataset.signature = signature;
  clear(td);
  if (!list.length) td.append('None');
  list.forEach(f => td.append(el('span', { className: f.className }, f.text), ' '));
}

/** Emergencies first, then whoever has waited longest. */
export function byUrgency(a, b) {
  return (isEmergency(b) ? 1 : 0) - (isEmergency(a) ? 1 : 0) || (b.openedSeconds || 0) - (a.openedSeconds || 0) || String(a.id).localeCompare(String(b.id));
}

/**
 * The conversation tables. `actions` gives `{ monitor(c, button), move(c, agentId, button) }`;
 * `agentsNow()` the agents a conversation may be moved to.
 */
export function conversationTables({ actions, agentsNow }) {
  const startedAt = new Map();

  function moveControls(c, kind) {
    const label = el('label', { className: 'visually-hidden', htmlFor: kind + '-move-' + c.id });
    const select = el('select', { id: kind + '-move-' + c.id, className: 'move-to' });
    const move = el('button', { type: 'button', className: 'secondary small', dataset: { focusKey: 'move:' + c.id } }, kind === 'waiting' ? 'Assign' : 'Move');
    move.addEventListener('click', () => actions.move(currentOf(move), select.value, move));
    return [label, select, move];
  }

  const current = new Map();
  const currentOf = node => current.get(node.closest('tr').dataset.key);

  function build(kind) {
    return c => {
      const monitor = el('button', { type: 'button', className: 'secondary small', dataset: { focusKey: 'monitor:' + c.id } }, 'Monitor');
      monitor.addEventListener('click', () => actions.monitor(currentOf(monitor), monitor));
      const cells = kind === 'waiting'
        ? [el('th', { scope: 'row', className: 'who-cell' }), el('td', { className: 'channel' }), el('td', { className: 'queue' }), el('td', { className: 'duration nowrap' }), el('td', { className: 'flags' })]
        : [el('th', { scope: 'row', className: 'who-cell' }), el('td', { className: 'channel' }), el('td', { className: 'agent' }), el('td', { className: 'duration nowrap' }), el('td', { className: 'flags' })];
      const actionsCell = el('td', { className: 'actions' }, monitor, ' ', ...moveControls(c, kind));
      return el('tr', {}, ...cells, actionsCell);
    };
  }

  function update(kind) {
    return (tr, c) => {
      current.set(c.id, c);
      const now = Date.now();
      if (!startedAt.has(c.id) || c.waitingSince) startedAt.set(c.id, since(c, now));
      const name = residentName(c);
      tr.classList.toggle('emergency', isEmergency(c));
      cellText(tr.querySelector('.who-cell'), name);
      cellText(tr.querySelector('.channel'), channelName(c.channel));
      if (kind === 'waiting') cellText(tr.querySelector('.queue'), c.queue || 'general');
      else cellText(tr.querySelector('.agent'), agentName(c.agent));
      setDuration(tr.querySelector('.duration'), startedAt.get(c.id), now);
      setFlags(tr.querySelector('.flags'), c);
      const monitor = tr.querySelector('[data-focus-key^="monitor:"]');
      const monitorLabel = 'Monitor ' + name + (isEmergency(c) ? ' (emergency)' : '');
      if (monitor.getAttribute('aria-label') !== monitorLabel) monitor.setAttribute('aria-label', monitorLabel);
      const select = tr.querySelector('select.move-to');
      const moveWord = kind === 'waiting' ? 'Assign ' + name + ' to' : 'Move ' + name + ' to';
      cellText(tr.querySelector('label'), moveWord);
      const move = tr.querySelector('[data-focus-key^="move:"]');
      const moveLabel = (kind === 'waiting' ? 'Assign ' : 'Move ') + name;
      if (move.getAttribute('aria-label') !== moveLabel) move.setAttribute('aria-label', moveLabel);
      fillAgents(select, c.agent);
    };
  }

  let agentNames = new Map();
  function agentName(id) { return agentNames.get(id) || id || 'Waiting'; }

  /** The select's options follow the agents, but never while someone is choosing in it. */
  function fillAgents(select, except) {
    if (document.activeElement === select) return;
    const choices = agentsNow().filter(a => a.id !== except);
    const signature = choices.map(a => a.id + ':' + a.name).join('|');
    if (select.dataset.signature === signature) return;
    select.dataset.signature = signature;
    const chosen = select.value;
    clear(select);
    choices.forEach(a => select.appendChild(el('option', { value: a.id, selected: a.id === chosen }, a.name)));
  }

  // A conversation that leaves one table (taken, resolved) hands focus to its row in the other, or to the heading.
  const focusAfter = heading => active => {
    const key = active && active.dataset ? active.dataset.focusKey : null;
    return (key && document.querySelector('[data-focus-key="' + CSS.escape(key) + '"]')) || byId(heading);
  };

  const waiting = keyedRows(byId('floor-waiting').tBodies[0], { key: c => c.id, build: build('waiting'), update: update('waiting'), fallback: focusAfter('waiting-heading') });
  const active = keyedRows(byId('floor-conversations').tBodies[0], { key: c => c.id, build: build('active'), update: update('active'), fallback: focusAfter('conversations-heading') });

  return {
    sync(conversations, agents) {
      agentNames = new Map(agents.map(a => [a.id, a.name]));
      const open = conversations.filter(c => !c.resolved);
      const queued = open.filter(c => !c.agent).sort(byUrgency);
      const worked = open.filter(c => c.agent).sort(byUrgency);
      // Both tables gain their new rows before either loses one, so a conversation that moved keeps focus on its new row.
      waiting.upsert(queued);
      active.upsert(worked);
      waiting.prune(new Set(queued.map(c => c.id)));
      active.prune(new Set(worked.map(c => c.id)));
      waiting.order(queued);
      active.order(worked);
      for (const id of Array.from(startedAt.keys())) if (!open.some(c => c.id === id)) { startedAt.delete(id); current.delete(id); }
      byId('no-waiting').hidden = queued.length > 0;
      byId('no-conversations').hidden = worked.length > 0;
      return { queued, worked };
    },
    /** Moves every duration on by the clock, between frames. */
    tick() {
      const now = Date.now();
      for (const table of [waiting, active]) for (const [id, tr] of table.rows) if (startedAt.has(id)) setDuration(tr.querySelector('.duration'), startedAt.get(id), now);
    }
  };
}

/** The agents' table: name, status (or offline), and load as "2 of 4". */
export function agentTable() {
  const table = keyedRows(byId('floor-agents').tBodies[0], {
    key: a => a.id,
    build: () => el('tr', {}, el('th', { scope: 'row' }), el('td'), el('td')),
    update: (tr, a) => {
      const [name, status, load] = tr.children;
      cellText(name, a.name);
      cellText(status, a.online ? presenceWords(a.presence) : 'Offline');
      cellText(load, a.active + ' of ' + a.capacity);
    }
  });
  return { sync: agents => table.sync([...agents].sort((a, b) => a.name.localeCompare(b.name))) };
}

function presenceWords(presence) {
  return { available: 'Available', away: 'Away', busy: 'Busy' }[presence] || presence;
}

/** Queues: from the frame's own list when it has one, else counted from the waiting conversations. */
export function queueTable() {
  const table = keyedRows(byId('floor-queues').tBodies[0], {
    key: q => q.name,
    build: () => el('tr', {}, el('th', { scope: 'row' }), el('td'), el('td', { className: 'nowrap' })),
    update: (tr, q) => {
      const [name, count, oldest] = tr.children;
      cellText(name, q.name);
      cellText(count, String(q.waiting));
      let time = oldest.querySelector('time') || oldest.appendChild(el('time'));
      time.dateTime = isoDuration(q.oldestWaitSeconds);
      cellText(time, q.waiting ? formatDuration(q.oldestWaitSeconds) : '–');
    }
  });
  return {
    sync(floor, queued) {
      let queues = floor.queues;
      if (!Array.isArray(queues)) {
        const byName = new Map();
        queued.forEach(c => {
          const name = c.queue || 'general';
          const q = byName.get(name) || { name, waiting: 0, oldestWaitSeconds: 0 };
          q.waiting += 1;
          q.oldestWaitSeconds = Math.max(q.oldestWaitSeconds, c.openedSeconds || 0);
          byName.set(name, q);
        });
        queues = [...byName.values()];
      }
      table.sync([...queues].sort((a, b) => a.name.localeCompare(b.name)));
    }
  };
}
