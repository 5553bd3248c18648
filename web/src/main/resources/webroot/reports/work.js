// Referrals by agency, follow-ups done and overdue, and quality review averages over the report's range:
// each a table with a sentence that sums it up, the averages a chart as well. They are not split by
// bucket: each has its own time (a referral when made, a follow-up when due or done, an evaluation
// when submitted).
import { byId, el, clear } from '/lib/dom.js';

let qualityChart = null;
const plural = (n, one, many) => n + ' ' + (n === 1 ? one : many);

function table(caption, headers, rows) {
  return el('div', { className: 'table-scroll', tabindex: '0', role: 'region', aria: { label: caption } },
    el('table', {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, el('th', { scope: 'row' }, cells[0]), cells.slice(1).map(c => el('td', {}, String(c))))))));
}

/** Fills the work section from GET /api/reports/work and points its CSV link at the same range. */
export function renderWork(work, asked) {
  const box = byId('work');
  if (qualityChart) { qualityChart.destroy(); qualityChart = null; }
  clear(box);
  box.appendChild(el('h3', { id: 'work-heading' }, 'Referrals, follow-ups and quality review'));
  const r = work.referrals;
  box.appendChild(el('p', { id: 'referrals-summary' }, r.total === 0 ? 'No referrals were made in this range.'
    : plural(r.total, 'referral', 'referrals') + ' to ' + plural(r.byAgency.length, 'agency', 'agencies')
      + '; the most to ' + r.byAgency[0].agency + ' (' + r.byAgency[0].referrals + ').'));
  if (r.byAgency.length) box.appendChild(table('Referrals by agency', ['Agency', 'Referrals'], r.byAgency.map(a => [a.agency, a.referrals])));
  const f = work.followUps;
  box.appendChild(el('p', { id: 'follow-ups-summary' }, plural(f.done, 'follow-up', 'follow-ups') + ' done and '
    + f.overdue + ' overdue (due in the range and not done within the grace).'));
  box.appendChild(table('Follow-ups', ['Follow-ups', 'Count'], [['Done', f.done], ['Overdue', f.overdue]]));
  const q = work.quality;
  box.appendChild(el('p', { id: 'quality-summary' }, q.overall === null ? 'No evaluations were submitted in this range.'
    : 'Quality average ' + q.overall.averagePercent + '% over ' + plural(q.overall.evaluations, 'evaluation', 'evaluations')
      + ' of ' + plural(q.byAgent.length, 'agent', 'agents') + '; ' + q.overall.flagged + ' flagged.'));
  if (q.overall !== null) {
    // Each agent's average as a bar; the table below holds the same figures for anyone who cannot see it.
    const canvas = el('canvas', { role: 'img', aria: { label: 'Quality review average by agent chart; the same figures are in the table below it.' } });
    box.appendChild(el('div', { className: 'chart-box' }, canvas));
    qualityChart = new window.Chart(canvas, { type: 'bar', data: { labels: q.byAgent.map(a => a.agent),
      datasets: [{ label: 'Average score (%)', data: q.byAgent.map(a => a.averagePercent) }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } } } });
    box.appendChild(table('Quality review averages', ['Agent', 'Evaluations', 'Average', 'Flagged'],
      [...q.byAgent.map(a => [a.agent, a.evaluations, a.averagePercent + '%', a.flagged]),
        ['All agents', q.overall.evaluations, q.overall.averagePercent + '%', q.overall.flagged]]));
  }
  box.appendChild(el('p', { className: 'no-print' }, el('a', { id: 'work-csv', href: '/api/reports/work.csv?' + asked }, 'Download referrals, follow-ups and quality as CSV')));
  box.hidden = false;
  return byId('referrals-summary').textContent + ' ' + byId('follow-ups-summary').textContent + ' ' + byId('quality-summary').textContent;
}

