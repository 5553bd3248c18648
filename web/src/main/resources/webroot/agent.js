'use strict';
// The agent console: sign in, set presence, work several conversations at once. Entries arrive on
// the console socket and are merged by sequence number with what REST returns, so none is shown
// twice or skipped.
(function () {
  const $ = id => document.getElementById(id);
  const conversations = new Map(); // id -> { id, channel, contact, entries: Map(seq -> entry), unread, label, open }
  let me = null;
  let selected = null;
  let socket = null;
  let typingSent = false;
  let typingTimer = null;
  let ordinal = 0;
  let supervisorPanel = null;

  function announce(text) { $('announcer').textContent = text; }
  function problem(text) { $('problem').textContent = text || ''; }

  const api = window.Staff.api(() => showSignIn());

  function showSignIn() {
    $('workspace').hidden = true;
    $('sign-in').hidden = false;
    if (socket) { socket.onclose = null; socket.close(); socket = null; }
    $('username').focus();
  }

  async function showWorkspace(agent) {
    me = agent;
    $('sign-in').hidden = true;
    $('workspace').hidden = false;
    $('agent-name').textContent = agent.displayName;
    $('alerts').hidden = agent.role !== 'supervisor';
    loadTransferTargets();
    if (agent.role === 'supervisor' && !supervisorPanel) {
      supervisorPanel = window.SupervisorPanel({ api, announce, problem,
        send: frame => { if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame)); } });
    }
    if (agent.role === 'supervisor') {
      api('GET', '/api/escalations').then(data => data.escalations.forEach(x => showAlert({
        conversationId: x.id, path: 'supervisor', reason: 'waiting for a supervisor' + (x.agent ? ' (from ' + x.agent + ')' : '') + '.', at: x.opened
      }))).catch(e => problem(e.message));
    }
    $('presence').value = agent.presence || 'away';
    connect();
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(scheme + '://' + location.host + '/agent/socket');
    socket.onmessage = ev => onFrame(JSON.parse(ev.data));
    socket.onclose = () => {
      problem('Connection to the gateway lost. Reconnecting…');
      setTimeout(() => { api('GET', '/api/me').then(a => { problem(''); me = a; connect(); }).catch(e => problem(e.message)); }, 1500);
    };
  }

  function onFrame(f) {
    switch (f.type) {
      case 'snapshot':
        $('offer-list').textContent = '';
        (f.offers || []).forEach(showOffer);
        $('presence').value = f.presence;
        setQueue(f.waiting);
        f.conversations.forEach(c => track(c));
        render();
        break;
      case 'queue':
        setQueue(f.waiting);
        break;
      case 'offer':
        showOffer(f);
        break;
      case 'offer_withdrawn':
        withdrawOffer(f);
        break;
      case 'alert':
        showAlert(f);
        if (supervisorPanel) supervisorPanel.refresh();
        break;
      case 'entry':
        if (f.monitoring) { if (supervisorPanel) supervisorPanel.monitored(f.entry); break; }
        onEntry(f.entry);
        break;
      case 'typing':
        if (selected && f.conversationId === selected) $('typing').textContent = f.active ? 'The resident is typing…' : '';
        break;
      case 'error':
        problem(f.message);
        break;
      default:
        break;
    }
  }

  // An offer waits for the agent's answer until it lapses; the server keeps the clock.
  function showOffer(o) {
    const li = document.createElement('li');
    li.dataset.conversation = o.conversationId;
    const channel = { sms: 'text message', tty: 'TTY call', webchat: 'web chat', relay: 'relay call' }[o.channel] || o.channel;
    const seconds = Math.max(0, Math.round((new Date(o.expires) - Date.now()) / 1000));
    const from = o.transferFrom ? ' from ' + o.transferFrom + (o.note ? ' ("' + o.note + '")' : '') : '';
    li.appendChild(document.createTextNode('A ' + channel + ' conversation' + from + '. Accept within ' + seconds + ' s. '));
    const accept = document.createElement('button');
    accept.type = 'button';
    accept.textContent = 'Accept';
    accept.addEventListener('click', async () => {
      try {
        await api('POST', '/api/conversations/' + o.conversationId + '/accept');
        li.remove();
        refreshOffers();
        announce('Accepted.');
      } catch (e) { problem(e.message); li.remove(); refreshOffers(); }
    });
    const decline = document.createElement('button');
    decline.type = 'button';
    decline.className = 'secondary';
    decline.textContent = 'Decline';
    decline.addEventListener('click', async () => {
      try { await api('POST', '/api/conversations/' + o.conversationId + '/decline'); } catch (e) { problem(e.message); }
      li.remove();
      refreshOffers();
    });
    li.append(accept, ' ', decline);
    $('offer-list').appendChild(li);
    refreshOffers();
    $('offer-now').textContent = 'New ' + channel + ' offered to you. Accept or decline.';
  }

  function withdrawOffer(o) {
    const li = $('offer-list').querySelector('[data-conversation="' + o.conversationId + '"]');
    if (li) li.remove();
    refreshOffers();
    if (o.reason === 'lapsed') announce('An offer lapsed and went back to the queue.');
  }

  function refreshOffers() { $('offers').hidden = $('offer-list').children.length === 0; }

  function showAlert(a) {
    const li = document.createElement('li');
    li.dataset.conversation = a.conversationId;
    li.className = 'alert-item';
    const when = new Date(a.at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
    li.appendChild(document.createTextNode(when + ' · ' + (a.path === 'emergency' ? 'Emergency' : a.path) + ': ' + a.reason + ' '));
    const link = document.createElement('a');
    link.href = '/api/interactions/' + a.conversationId + '/transcript.txt';
    link.textContent = 'Read the conversation';
    li.appendChild(link);
    if (a.path === 'supervisor') {
      const take = document.createElement('button');
      take.type = 'button';
      take.className = 'secondary';
      take.textContent = 'Take it';
      take.addEventListener('click', async () => {
        try {
          await api('POST', '/api/conversations/' + a.conversationId + '/take');
          take.remove();
          announce('You have taken the conversation.');
        } catch (e) { problem(e.message); }
      });
      li.appendChild(take);
    }
    $('alert-list').prepend(li);
    $('no-alerts').hidden = true;
    $('alert-now').textContent = (a.path === 'emergency' ? 'Emergency: ' : 'Escalation: ') + a.reason;
  }

  function setQueue(n) { $('queue').textContent = n + (n === 1 ? ' conversation is' : ' conversations are') + ' waiting in the queue.'; }

  function track(summary) {
    let c = conversations.get(summary.id);
    if (!c) {
      c = { id: summary.id, channel: summary.channel, contact: summary.contact, entries: new Map(), unread: 0, label: 'Resident ' + (++ordinal), open: true };
      conversations.set(summary.id, c);
      api('GET', '/api/conversations/' + c.id + '/entries?after=0').then(data => {
        data.entries.forEach(e => {
          if (c.entries.has(e.seq)) return;
          c.entries.set(e.seq, e);
          if (e.event.kind === 'message' && e.actor.role === 'resident' && selected !== c.id) c.unread++;
          if (e.event.kind === 'opened') { c.channel = e.event.channel; c.contact = e.event.contact; }
          if (e.event.kind === 'escalated' && e.event.path === 'emergency') c.urgent = true;
        });
        if (selected === c.id) renderTranscript();
        render();
      }).catch(e => problem(e.message));
    }
    return c;
  }

  function onEntry(e) {
    const kind = e.event.kind;
    let c = conversations.get(e.conversationId);
    if (!c && kind === 'assigned' && e.event.agent === me.username) {
      c = track({ id: e.conversationId, channel: '', contact: '' });
      announce('New conversation assigned: ' + c.label + '.');
    }
    if (!c) return;
    if (c.entries.has(e.seq)) return;
    c.entries.set(e.seq, e);
    if (kind === 'opened') { c.channel = e.event.channel; c.contact = e.event.contact; }
    if (kind === 'escalated' && e.event.path === 'emergency') { c.urgent = true; announce('Emergency in ' + c.label + ': ' + e.event.reason); }
    if (kind === 'message' && e.actor.role === 'resident') {
      if (selected !== c.id || document.hidden) c.unread++;
      announce('New message from ' + c.label + (selected === c.id ? ': ' + e.event.text : '.'));
      if (selected === c.id) $('typing').textContent = '';
    }
    if ((kind === 'unassigned' && e.event.agent === me.username) || kind === 'resolved') {
      c.open = false;
      announce(c.label + (kind === 'resolved' ? ' is resolved.' : ' went back to the queue.'));
    }
    if (selected === c.id) renderTranscript();
    render();
  }

  // Updates the list in place: rebuilding it on every entry would drop the keyboard focus of an
  // agent who is on a conversation button when a message arrives.
  function render() {
    const list = $('conversation-list');
    const open = [...conversations.values()].filter(c => c.open);
    $('empty-list').hidden = open.length > 0;
    const existing = new Map([...list.querySelectorAll('button')].map(b => [b.dataset.conversation, b.parentElement]));
    existing.forEach((li, id) => { if (!open.some(c => c.id === id)) li.remove(); });
    open.forEach((c, index) => {
      let li = existing.get(c.id);
      if (!li) {
        li = document.createElement('li');
        const created = document.createElement('button');
        created.type = 'button';
        created.dataset.conversation = c.id;
        created.addEventListener('click', () => select(c.id));
        li.appendChild(created);
      }
      // Moving a node would drop its focus, so only a new or misplaced one is put in place.
      if (list.children[index] !== li) list.insertBefore(li, list.children[index] || null);
      const button = li.firstChild;
      button.setAttribute('aria-current', selected === c.id ? 'true' : 'false');
      button.textContent = (c.urgent ? 'URGENT · ' : '') + c.label + ' · ' + (c.channel || 'chat') + ' ';
      if (c.unread > 0) {
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = String(c.unread);
        badge.setAttribute('aria-label', c.unread + ' unread');
        button.appendChild(badge);
      }
    });
    if (selected && !conversations.get(selected).open) {
      $('conversation').hidden = true;
      selected = null;
    }
  }

  window.TtyAids.renderGlossary($('tty-glossary'));

  function select(id) {
    selected = id;
    const c = conversations.get(id);
    c.unread = 0;
    $('conversation').hidden = false;
    $('conversation-heading').textContent = c.label + ' (' + (c.channel || 'chat') + ')';
    $('transcript-link').href = '/api/interactions/' + id + '/transcript.txt';
    $('typing').textContent = '';
    $('sms-preview').hidden = true;
    renderTranscript();
    render();
    showHistory(id);
    $('reply').focus();
  }

  async function showHistory(id) {
    $('history').hidden = true;
    try {
      const data = await api('GET', '/api/conversations/' + id + '/history');
      if (selected !== id) return;
      const list = $('history-list');
      list.textContent = '';
      data.conversations.forEach(h => {
        const li = document.createElement('li');
        const link = document.createElement('a');
        link.href = '/records.html#record=' + h.id;
        link.target = '_blank';
        link.rel = 'noopener';
        link.textContent = new Date(h.opened).toLocaleString() + ' (opens the record in a new tab)';
        li.appendChild(link);
        li.appendChild(document.createTextNode(h.resolved ? ': ' + (h.disposition || 'resolved') : ': still open'));
        list.appendChild(li);
      });
      $('history').hidden = data.conversations.length === 0;
    } catch (e) { /* the history is a help, not a need */ }
  }

  const describe = window.Staff.describe;


  function renderTranscript() {
    const c = conversations.get(selected);
    const log = $('transcript');
    log.textContent = '';
    [...c.entries.values()].sort((a, b) => a.seq - b.seq).forEach(e => {
      const [who, text, cls] = describe(e);
      const li = document.createElement('li');
      li.className = cls;
      if (who) { const w = document.createElement('span'); w.className = 'who'; w.textContent = who + ':'; li.appendChild(w); }
      li.appendChild(document.createTextNode(text));
      const reads = c.channel === 'tty' && e.event.kind === 'message' && e.actor.role === 'resident' ? window.TtyAids.reading(text) : null;
      if (reads) { const r = document.createElement('span'); r.className = 'reading'; r.textContent = 'Reads as: ' + reads; li.appendChild(r); }
      (e.event.attachments || []).forEach((a, i) => {
        const link = document.createElement('a');
        link.href = a.url;
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
        link.className = 'attachment';
        link.textContent = 'Attachment ' + (i + 1) + ' (' + a.contentType + ')';
        li.appendChild(link);
      });
      const t = document.createElement('span');
      t.className = 'time';
      t.textContent = new Date(e.at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
      li.appendChild(t);
      log.appendChild(li);
    });
    log.scrollTop = log.scrollHeight;
    showTtyAids(c);
  }

  // Replies on a TTY call play for a while; until the channel reports one, the agent may stop it.
  function showTtyAids(c) {
    const tty = c.channel === 'tty';
    $('tty-help').hidden = !tty;
    $('tty-preview').hidden = !tty || !$('reply').value.trim();
    const entries = [...c.entries.values()];
    const reported = new Set(entries.filter(e => e.event.kind === 'delivery').map(e => e.event.messageSeq));
    const sending = entries.filter(e => e.event.kind === 'message' && (e.actor.role === 'agent' || e.actor.role === 'supervisor') && !reported.has(e.seq));
    $('tty-sending').hidden = !tty || sending.length === 0;
    $('tty-sending-text').textContent = sending.length === 1 ? 'Your reply is being sent to the TTY.' : sending.length + ' replies are waiting to be sent to the TTY.';
  }

  let previewTimer = null;
  function previewTtyReply() {
    clearTimeout(previewTimer);
    const c = selected && conversations.get(selected);
    if (!c || c.channel !== 'tty') return;
    const text = $('reply').value.trim();
    $('tty-preview').hidden = !text;
    if (!text) return;
    previewTimer = setTimeout(async () => {
      try {
        const p = await api('POST', '/api/tty/preview', { text });
        if ($('reply').value.trim() !== text) return;
        $('tty-preview-text').textContent = window.TtyAids.previewText(p);
      } catch (e) { $('tty-preview-text').textContent = e.message; }
    }, 250);
  }

  function stopTyping() {
    if (typingSent && selected && socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'typing', conversationId: selected, active: false }));
    typingSent = false;
  }

  window.Staff.signInForm(api, problem, showWorkspace);

  $('sign-out').addEventListener('click', async () => {
    try { await api('DELETE', '/api/session'); } catch (e) { /* signed out either way */ }
    conversations.clear();
    selected = null;
    showSignIn();
  });

  $('presence').addEventListener('change', async () => {
    try {
      const result = await api('PUT', '/api/presence', { presence: $('presence').value });
      announce('Status: ' + result.presence + '.');
    } catch (e) { problem(e.message); }
  });

  $('reply-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const text = $('reply').value.trim();
    if (!text || !selected) return;
    const id = selected;
    const clientId = Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
    problem('');
    stopTyping();
    try {
      await api('POST', '/api/conversations/' + id + '/messages', { clientId, text });
      if (selected === id) { $('reply').value = ''; $('tty-preview').hidden = true; $('sms-preview').hidden = true; }
    } catch (e) { problem('Not sent: ' + e.message); }
  });

  $('reply').addEventListener('keydown', ev => {
    if (ev.key === 'Enter' && !ev.shiftKey) { ev.preventDefault(); $('reply-form').requestSubmit(); }
  });

  $('reply').addEventListener('input', previewTtyReply);

  let smsTimer = null;
  $('reply').addEventListener('input', () => {
    clearTimeout(smsTimer);
    const c = selected && conversations.get(selected);
    const text = $('reply').value.trim();
    if (!c || c.channel !== 'sms' || !text) { $('sms-preview').hidden = true; return; }
    smsTimer = setTimeout(async () => {
      try {
        const p = await api('POST', '/api/sms/preview', { text });
        $('sms-preview').textContent = p.tooLong ? 'Too long for a text: shorten it to 1,600 characters.'
          : 'Sends as ' + p.segments + (p.segments === 1 ? ' text' : ' texts') + ' (' + p.encoding + (p.encoding === 'UCS-2' ? ': a character outside the basic set halves the room per text' : '') + ').';
        $('sms-preview').hidden = false;
      } catch (e) { /* the count is a help, not a need */ }
    }, 250);
  });

  $('tty-stop').addEventListener('click', async () => {
    if (!selected) return;
    try {
      const result = await api('POST', '/api/conversations/' + selected + '/tty/stop', {});
      announce(result.stopped === 0 ? 'Nothing was left to stop.' : 'Stopped ' + result.stopped + (result.stopped === 1 ? ' reply.' : ' replies.'));
      $('reply').focus();
    } catch (e) { problem(e.message); }
  });

  $('reply').addEventListener('input', () => {
    if (!typingSent && selected && socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'typing', conversationId: selected, active: true }));
      typingSent = true;
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 3000);
  });

  // Colleagues and skills for passing a conversation on; the queue options ask for a skill.
  async function loadTransferTargets() {
    try {
      const data = await api('GET', '/api/agents');
      const select = $('transfer-to');
      select.textContent = '';
      const skills = new Set();
      data.agents.forEach(a => {
        const option = document.createElement('option');
        option.value = 'agent:' + a.username;
        option.textContent = a.displayName;
        select.appendChild(option);
        a.skills.forEach(s => skills.add(s));
      });
      const queue = document.createElement('option');
      queue.value = 'queue:';
      queue.textContent = 'The queue (anyone)';
      select.appendChild(queue);
      [...skills].sort().forEach(s => {
        const option = document.createElement('option');
        option.value = 'queue:' + s;
        option.textContent = 'The queue, for someone with "' + s + '"';
        select.appendChild(option);
      });
    } catch (e) { /* passing on is a help, not a need */ }
  }

  $('transfer-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    if (!selected) return;
    const [kind, target] = $('transfer-to').value.split(':');
    const body = { note: $('transfer-note').value.trim() };
    if (kind === 'agent') { body.agent = target; body.warm = $('transfer-warm').checked; }
    else if (target) body.skills = [target];
    try {
      await api('POST', '/api/conversations/' + selected + '/transfer', body);
      $('transfer-note').value = '';
      announce(body.warm ? 'Offered to your colleague; it stays with you until they accept.' : 'Passed on.');
    } catch (e) { problem(e.message); }
  });

  $('escalate-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const reason = $('escalate-reason').value.trim();
    if (!reason || !selected) return;
    try {
      await api('POST', '/api/conversations/' + selected + '/escalate', { reason });
      $('escalate-reason').value = '';
      announce('A supervisor has been asked. Keep helping the resident until one takes over.');
    } catch (e) { problem(e.message); }
  });

  $('resolve-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const disposition = $('disposition').value;
    if (!disposition || !selected) return;
    try {
      try {
        await api('POST', '/api/conversations/' + selected + '/resolve', { disposition });
      } catch (e) {
        // A TTY or relay resident may still be typing: the agent decides, knowing that.
        if (e.code !== 'resident_may_be_typing' || !window.confirm(e.message.replace(/ Resolve anyway by sending .*$/, '') + ' Resolve anyway?')) throw e;
        await api('POST', '/api/conversations/' + selected + '/resolve', { disposition, confirm: true });
      }
      $('disposition').value = '';
      $('conversation-list').querySelector('button') ? $('conversation-list').querySelector('button').focus() : $('presence').focus();
    } catch (e) { problem(e.message); }
  });

  fetch('/api/center').then(r => r.json()).then(center => {
    document.querySelector('header h1').textContent = center.name + ' · Agent console';
    document.title = center.name + ' · Agent console';
  }).catch(() => { /* the generic heading stays */ });

  api('GET', '/api/me').then(showWorkspace).catch(() => showSignIn());
})();
