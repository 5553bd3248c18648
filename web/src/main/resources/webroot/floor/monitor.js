// Monitoring one conversation read-only, with a whisper to its agent and a message to the resident
// as the center. Entries arrive on the staff socket (marked `monitoring`); the log only grows.
import { byId, el, clear, setText } from '/lib/dom.js';
import { staffWording } from '/lib/wording.js';
import { timeElement } from '/lib/time.js';

export function monitorPanel({ api, send, announce, problem }) {
  let watching = null;
  let label = '';
  let returnTo = null;
  const seen = new Set();
  const list = byId('monitor-log');
  const region = byId('monitor-region');

  function show(entry) {
    if (!watching || entry.conversationId !== watching || seen.has(entry.seq)) return;
    seen.add(entry.seq);
    const word = staffWording(entry);
    const tone = word.tone === 'resident' ? 'from-resident' : word.tone === 'center' ? 'from-center' : word.tone === 'whisper' ? 'event whisper' : 'event ' + word.tone;
    const end = region.scrollHeight - region.scrollTop - region.clientHeight < 40;
    list.appendChild(el('li', { className: tone }, word.who ? el('span', { className: 'who' }, word.who + ':') : null,
      el('span', { className: 'text' }, word.text), ' ', timeElement(entry.at)));
    if (end) region.scrollTop = region.scrollHeight;
  }

  async function start(conversationId, name, from) {
    if (watching && watching !== conversationId) send({ type: 'monitor', conversationId: null });
    watching = conversationId;
    label = name;
    returnTo = from || null;
    seen.clear();
    clear(list);
    setText(byId('monitor-heading'), 'Monitoring ' + name);
    byId('monitor').hidden = false;
    send({ type: 'monitor', conversationId });
    byId('whisper-text').focus();
    try {
      const data = await api('GET', '/api/conversations/' + encodeURIComponent(conversationId) + '/entries?after=0');
      data.entries.forEach(show);
    } catch (e) { problem(e.message); }
  }

  function stop() {
    send({ type: 'monitor', conversationId: null });
    watching = null;
    byId('monitor').hidden = true;
    announce('Stopped monitoring ' + label + '.');
    const back = returnTo && returnTo.isConnected ? returnTo : byId('conversations-heading');
    back.focus();
  }

  async function post(form, field, path, done) {
    const text = byId(field).value.trim();
    if (!text || !watching) return;
    try {
      await api('POST', '/api/conversations/' + encodeURIComponent(watching) + '/' + path, { text });
      byId(field).value = '';
      announce(done);
    } catch (e) { problem(e.message); }
  }

  byId('whisper-form').addEventListener('submit', ev => { ev.preventDefault(); post(ev.target, 'whisper-text', 'whisper', 'Whispered to the agent.'); });
  byId('barge-form').addEventListener('submit', ev => { ev.preventDefault(); post(ev.target, 'barge-text', 'barge', 'Sent to the resident as the center.'); });
  byId('stop-monitoring').addEventListener('click', stop);

  return {
    start,
    entry: show,
    /** After a reconnect the gateway has forgotten what this page watched: ask again. */
    resume() {
      if (!watching) return;
      send({ type: 'monitor', conversationId: watching });
      api('GET', '/api/conversations/' + encodeURIComponent(watching) + '/entries?after=0').then(data => data.entries.forEach(show), e => problem(e.message));
    },
    get watching() { return watching; }
  };
}
