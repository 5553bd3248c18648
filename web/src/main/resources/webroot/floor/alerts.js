// Alerts for supervisors: emergencies, agents asking for a supervisor and (on the dashboard) time limits passed. Each is one list item,
// added once (from the socket, the escalation queue or the floor's emergency flag) and announced
// once, marked by a word and a symbol as well as colour.
import { byId, el, setText } from '/lib/dom.js';
import { timeElement } from '/lib/time.js';

export function alertList({ api, announce, problem, monitor, nameOf }) {
  const list = byId('alert-list');
  const shown = new Map(); // "path:conversationId" -> li
  const assertive = byId('alert-now');

  function add(alert, { quiet = false } = {}) {
    const key = alert.path + ':' + alert.conversationId;
    if (shown.has(key)) return;
    const emergency = alert.path === 'emergency';
    const name = nameOf(alert.conversationId);
    const watch = el('button', { type: 'button', className: 'secondary small', aria: { label: 'Monitor ' + name } }, 'Monitor');
    watch.addEventListener('click', () => monitor(alert.conversationId, watch));
    const li = el('li', { className: emergency ? 'alert-item emergency' : 'alert-item', dataset: { conversation: alert.conversationId } },
      el('span', { className: emergency ? 'flag emergency' : 'flag' }, emergency ? '⚠ Emergency' : alert.path === 'time-limit' ? '⏱ Past a time limit' : 'Supervisor asked'), ' ',
      alert.at ? timeElement(alert.at) : null, ' ', el('span', { className: 'who' }, name), ' ', alert.reason || '', ' ', watch);
    if (alert.path === 'supervisor') {
      const take = el('button', { type: 'button', className: 'small', aria: { label: 'Take it: the conversation with ' + name } }, 'Take it');
      take.addEventListener('click', async () => {
        try {
          await api('POST', '/api/conversations/' + encodeURIComponent(alert.conversationId) + '/take');
          announce('You have taken the conversation with ' + name + '. It is in your workspace.');
          watch.focus();
          take.remove();
        } catch (e) { problem(e.message); }
      });
      li.append(' ', take);
    }
    // Emergencies go first; otherwise the newest is at the top.
    const firstOrdinary = emergency ? list.firstElementChild : list.querySelector('li:not(.emergency)');
    list.insertBefore(li, firstOrdinary);
    shown.set(key, li);
    byId('no-alerts').hidden = true;
    if (!quiet) {
      setText(assertive, '');
      const lead = emergency ? 'Emergency: ' : alert.path === 'time-limit' ? 'Past a time limit: ' : 'A supervisor is asked for: ';
      setTimeout(() => setText(assertive, lead + name + '. ' + (alert.reason || '')), 30);
    }
  }

  /** Alerts for conversations that have closed stay, marked as closed, until the page is reloaded. */
  function closed(openIds) {
    for (const li of shown.values()) {
      const over = !openIds.has(li.dataset.conversation);
      if (over && !li.classList.contains('closed')) { li.classList.add('closed'); li.append(el('span', { className: 'hint' }, ' (closed)')); }
    }
  }

  return { add, closed };
}
