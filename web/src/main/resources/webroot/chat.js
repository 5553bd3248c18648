'use strict';
// The resident's side of web chat: say hello with the saved token, show entries in sequence,
// keep unacknowledged messages in an outbox and resend them after any reconnect.
(function () {
  const store = window.localStorage;
  const transcript = document.getElementById('transcript');
  const connection = document.getElementById('connection');
  const typing = document.getElementById('typing');
  const problem = document.getElementById('problem');
  const form = document.getElementById('compose');
  const box = document.getElementById('message');

  let socket = null;
  let ready = false;
  let retryDelay = 500;
  let centerName = 'The center';
  let typingSent = false;
  let typingTimer = null;
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

  function clientId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  function timeOf(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  }

  function addLine(className, who, text, at, id) {
    const li = document.createElement('li');
    li.className = className;
    if (id) li.id = id;
    if (who) {
      const name = document.createElement('span');
      name.className = 'who';
      name.textContent = who + ':';
      li.appendChild(name);
    }
    li.appendChild(document.createTextNode(text));
    if (at) {
      const time = document.createElement('span');
      time.className = 'time';
      time.textContent = timeOf(at);
      li.appendChild(time);
    }
    const pendingList = transcript.querySelector('li.pending');
    transcript.insertBefore(li, className.includes('pending') ? null : pendingList);
    transcript.scrollTop = transcript.scrollHeight;
  }

  function showEntry(e) {
    if (e.seq <= state.lastSeq) return;
    state.lastSeq = e.seq;
    switch (e.kind) {
      case 'message':
        if (e.from === 'center') addLine('from-center', centerName, e.text, e.at);
        else addLine(e.from === 'agent' ? 'from-agent' : 'from-resident', e.from === 'agent' ? (e.name || 'Agent') : 'You', e.text, e.at);
        break;
      case 'queued':
        addLine('event', null, 'Waiting for the next available staff member.', e.at);
        break;
      case 'assigned':
        document.getElementById('place').textContent = '';
        addLine('event', null, (e.name || 'An agent') + ' has joined the conversation.', e.at);
        break;
      case 'unassigned':
        addLine('event', null, 'Your staff member had to leave. You are back in line for the next one.', e.at);
        break;
      case 'resolved':
        document.getElementById('place').textContent = '';
        addLine('event', null, 'This conversation has been closed. Write again any time to start a new one.', e.at);
        typing.textContent = '';
        break;
      default:
        break; // opened, delivery reports: nothing for the resident to read
    }
  }

  function showPending(item) {
    addLine('from-resident pending', 'You (sending…)', item.text, null, 'pending-' + item.clientId);
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  function flushOutbox() {
    outbox.forEach(item => send({ type: 'message', clientId: item.clientId, text: item.text }));
  }

  function dropPending(id) {
    const index = outbox.findIndex(i => i.clientId === id);
    if (index >= 0) outbox.splice(index, 1);
    saveOutbox();
    const li = document.getElementById('pending-' + id);
    if (li) li.remove();
  }

  function onFrame(f) {
    switch (f.type) {
      case 'welcome':
        state.token = f.token;
        if (!f.resumed) { state.conversationId = null; state.lastSeq = 0; }
        else if (f.conversationId !== state.conversationId) { state.conversationId = f.conversationId; state.lastSeq = 0; transcript.textContent = ''; outbox.forEach(showPending); }
        ready = true;
        retryDelay = 500;
        connection.textContent = 'Connected.';
        flushOutbox();
        break;
      case 'conversation':
        state.conversationId = f.conversationId;
        state.lastSeq = 0;
        addLine('event', null, 'A new conversation has started.', null);
        break;
      case 'entry':
        if (!state.conversationId) state.conversationId = f.conversationId;
        if (f.conversationId === state.conversationId) showEntry(f);
        break;
      case 'ack':
        if (!state.conversationId) state.conversationId = f.conversationId;
        dropPending(f.clientId);
        break;
      case 'position': {
        const minutes = f.waitSeconds === undefined ? null : Math.max(1, Math.ceil(f.waitSeconds / 60));
        document.getElementById('place').textContent = 'You are number ' + f.position + ' in line. '
          + (minutes === null ? 'No one is free right now, but your messages are saved.' : 'Expected wait: about ' + minutes + (minutes === 1 ? ' minute.' : ' minutes.'));
        break;
      }
      case 'typing':
        typing.textContent = f.active ? (f.name || 'Staff') + ' is typing…' : '';
        break;
      case 'error':
        problem.textContent = f.message;
        if (f.code === 'slow_down') {
          const item = outbox.find(i => i.clientId === f.clientId);
          if (item) setTimeout(() => send({ type: 'message', clientId: item.clientId, text: item.text }), 2000);
        } else if (f.clientId && f.code !== 'not_saved') {
          const item = outbox.find(i => i.clientId === f.clientId);
          if (item && !box.value) box.value = item.text;
          dropPending(f.clientId);
        }
        break;
      default:
        break;
    }
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(scheme + '://' + location.host + '/chat/socket');
    socket.onopen = () => {
      const hello = { type: 'hello', lastSeq: state.lastSeq };
      if (state.token) hello.token = state.token;
      if (state.conversationId) hello.conversationId = state.conversationId;
      send(hello);
    };
    socket.onmessage = ev => onFrame(JSON.parse(ev.data));
    socket.onclose = () => {
      ready = false;
      connection.textContent = 'Connection lost. Reconnecting… Your messages are kept and will be sent.';
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 10000);
    };
  }

  function stopTyping() {
    if (typingSent) send({ type: 'typing', active: false });
    typingSent = false;
  }

  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    problem.textContent = '';
    const item = { clientId: clientId(), text };
    outbox.push(item);
    saveOutbox();
    showPending(item);
    box.value = '';
    stopTyping();
    if (ready) send({ type: 'message', clientId: item.clientId, text });
    box.focus();
  });

  box.addEventListener('keydown', ev => {
    if (ev.key === 'Enter' && !ev.shiftKey) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });

  box.addEventListener('input', () => {
    if (!typingSent && box.value.trim()) { send({ type: 'typing', active: true }); typingSent = true; }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 3000);
  });

  fetch('/api/center').then(r => r.json()).then(center => {
    centerName = center.name;
    document.querySelector('header h1').textContent = 'Chat with ' + center.name;
    document.title = 'Chat with ' + center.name;
  }).catch(() => { /* the generic heading stays */ });

  outbox.forEach(showPending);
  connect();
})();
