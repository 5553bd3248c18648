// Every pending follow-up on the supervisor's floor, soonest first. An overdue alert pushed on the
// socket is announced once per follow-up, and the table is read again through the API (each read audited).

import { byId, clear, el } from '/lib/dom.js';

const PHASE = { scheduled: 'scheduled', due: 'due now', overdue: 'overdue', 'in-progress': 'in progress' };

export function followUpTable({ api, announce, problem }) {
  const body = byId('floor-follow-ups').querySelector('tbody');
  const told = new Set();

  async function refresh() {
    try {
      const data = await api('GET', '/api/follow-ups');
      clear(body);
      for (const f of data.followUps || []) {
        const due = new Date(f.due).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
        body.append(el('tr', {}, el('td', {}, due), el('td', {}, PHASE[f.phase] || f.phase), el('td', {}, f.owner.replace(/^agent:/, '').replace(/^queue:/, 'queue ')),
          el('td', {}, f.channel), el('td', {}, f.note || '')));
      }
      byId('no-follow-ups').hidden = (data.followUps || []).length > 0;
    } catch (e) {
      problem('Follow-ups could not be loaded: ' + e.message);
    }
  }

  async function overdue(f) {
    await refresh();
    if (told.has(f.followUpId)) return;
    told.add(f.followUpId);
    announce('A follow-up is overdue, owned by ' + f.owner.replace(/^agent:/, '').replace(/^queue:/, 'queue ') + '.');
  }

  return { refresh, overdue };
}
