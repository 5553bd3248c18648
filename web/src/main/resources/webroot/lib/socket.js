// A WebSocket that comes back: after any close it reconnects with growing, jittered delays, so a
// restarted gateway is not met by every page at the same instant.

/**
 * Opens `path` on this host and keeps it open.
 * - `onFrame(frame)` gets each JSON frame;
 * - `onOpen(send)` runs on every (re)connection, before any frame, to say hello or resubscribe;
 * - `onState(state)` hears 'open', 'reconnecting' or 'closed';
 * - `beforeReconnect()` may return a promise; a rejection stops reconnecting (a signed-out agent).
 * Returns `{ send(frame) -> boolean, close() }`; `send` answers false when the socket is not open.
 */
export function liveSocket(path, { onFrame, onOpen = () => {}, onState = () => {}, beforeReconnect = async () => {} },
    { firstDelayMs = 500, maxDelayMs = 15000 } = {}) {
  let socket = null;
  let delay = firstDelayMs;
  let stopped = false;
  let timer = null;

  function send(frame) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  function open() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(scheme + '://' + location.host + path);
    socket.onopen = () => {
      delay = firstDelayMs;
      onState('open');
      onOpen(send);
    };
    socket.onmessage = event => {
      let frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      onFrame(frame);
    };
    socket.onclose = () => {
      socket = null;
      if (stopped) { onState('closed'); return; }
      onState('reconnecting');
      const wait = delay / 2 + Math.random() * delay / 2;
      delay = Math.min(delay * 2, maxDelayMs);
      timer = setTimeout(() => {
        Promise.resolve(beforeReconnect()).then(() => { if (!stopped) open(); }, () => { stopped = true; onState('closed'); });
      }, wait);
    };
  }

  open();
  return {
    send,
    close() {
      stopped = true;
      clearTimeout(timer);
      if (socket) socket.close();
    }
  };
}
