'use strict';
// The supervisor's part of the console: the floor (queue, agents, open conversations), moving a
// conversation, and monitoring one read-only with whisper and step-in. Started by agent.js for
// supervisors only; the server refuses these calls to anyone else.
window.SupervisorPanel = function (tools) {
  const $ = id => document.getElementById(id);
  const { api, send, announce, problem } = tools;
  let watching = null;
  let agents = [];

  function minutes(seconds) { return seconds < 120 ? seconds + ' s' : Math.round(seconds / 60) + ' min'; }

  async function refresh() {
    try {
      const floor = await api('GET', '/api/supervisor/floor');
      agents = floor.agents;
      $('floor-queue').textContent = floor.queue.waiting + ' waiting; the oldest for ' + minutes(floor.queue.oldestWaitSeconds)
        + '; ' + floor.queue.pastTimeLimits + ' past a time limit.';
      const agentRows = $('floor-agents').querySelector('tbody');
      agentRows.textContent = '';
      floor.agents.forEach(a => {
        const tr = document.createElement('tr');
        [a.name, a.online ? a.presence : 'offline', a.active + ' of ' + a.capacity].forEach(text => {
          const td = document.createElement('td');
          td.textContent = text;
          tr.appendChild(td);
        });
        agentRows.appendChild(tr);
      });
      const rows = $('floor-conversations').querySelector('tbody');
      rows.textContent = '';
      floor.conversations.forEach((c, i) => rows.appendChild(conversationRow(c, i + 1)));
    } catch (e) { problem(e.message); }
  }

  function conversationRow(c, n) {
    const flags = [];
    if (c.urgent) flags.push('EMERGENCY');
    if (c.awaitingSupervisor) flags.push('asks for a supervisor');
    if (c.limitsPassed.length) flags.push('past: ' + c.limitsPassed.join(', ').replace(/_/g, ' '));
    const tr = window.Staff.row(['Conversation ' + n + ' (' + minutes(c.openedSeconds) + ')', c.channel + ', queue ' + c.queue, c.agent || 'waiting',
      flags.join('; ') || 'none'], 'Monitor', 'Monitor conversation ' + n, () => monitor(c.id, 'Conversation ' + n));
    const actions = tr.lastElementChild;
    const label = document.createElement('label');
    label.textContent = 'Move conversation ' + n + ' to';
    label.className = 'visually-hidden';
    const select = document.createElement('select');
    select.id = 'move-' + c.id;
    label.htmlFor = select.id;
    agents.filter(a => a.id !== c.agent).forEach(a => {
      const option = document.createElement('option');
      option.value = a.id;
      option.textContent = a.name;
      select.appendChild(option);
    });
    const move = document.createElement('button');
    move.type = 'button';
    move.className = 'secondary';
    move.textContent = 'Move';
    move.setAttribute('aria-label', 'Move conversation ' + n);
    move.addEventListener('click', async () => {
      try {
        await api('POST', '/api/conversations/' + c.id + '/reassign', { agent: select.value });
        announce('Conversation ' + n + ' moved.');
        refresh();
      } catch (e) { problem(e.message); }
    });
    if (select.options.length) actions.append(label, select, move);
    return tr;
  }

  async function monitor(id, label) {
    watching = id;
    $('monitor').hidden = false;
    $('monitor-heading').textContent = 'Monitoring ' + label;
    $('monitor-log').textContent = '';
    try {
      const data = await api('GET', '/api/conversations/' + id + '/entries?after=0');
      data.entries.forEach(showEntry);
    } catch (e) { problem(e.message); }
    send({ type: 'monitor', conversationId: id });
    $('whisper-text').focus();
  }

  function showEntry(e) {
    if (e.conversationId !== watching) return;
    const ev = e.event;
    const li = document.createElement('li');
    if (ev.kind === 'message') {
      li.className = e.actor.role === 'resident' ? 'from-resident' : 'from-agent';
      li.textContent = (e.actor.role === 'resident' ? 'Resident' : e.actor.name) + ': ' + ev.text;
    } else if (ev.kind === 'whisper') {
      li.className = 'event';
      li.textContent = 'Whisper from ' + e.actor.name + ': ' + ev.text;
    } else {
      li.className = 'event';
      li.textContent = ev.kind + (ev.reason ? ': ' + ev.reason : ev.agentName ? ': ' + ev.agentName : '');
    }
    $('monitor-log').appendChild(li);
  }

  $('whisper-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const text = $('whisper-text').value.trim();
    if (!text || !watching) return;
    try {
      await api('POST', '/api/conversations/' + watching + '/whisper', { text });
      $('whisper-text').value = '';
      announce('Whispered to the agent.');
    } catch (e) { problem(e.message); }
  });

  $('barge-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const text = $('barge-text').value.trim();
    if (!text || !watching) return;
    try {
      await api('POST', '/api/conversations/' + watching + '/barge', { text });
      $('barge-text').value = '';
      announce('Sent to the resident as the center.');
    } catch (e) { problem(e.message); }
  });

  $('stop-monitoring').addEventListener('click', () => {
    send({ type: 'monitor', conversationId: null });
    watching = null;
    $('monitor').hidden = true;
  });

  $('floor').hidden = false;
  refresh();
  setInterval(refresh, 10000);
  return { refresh, monitored: showEntry };
};
