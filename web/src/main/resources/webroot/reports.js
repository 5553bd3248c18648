// The reports page: a supervisor picks a range, a split and a bucket; each chart comes with its data
// as a table beside it and a sentence that sums it up, a CSV of the same report, and a printout.
import '/vendor/chart.umd.js';
import { byId, el, clear, setText } from '/lib/dom.js';
import { apiClient } from '/lib/api.js';
import { signInForm, showSignIn, showSupervisorPage } from '/lib/sign-in.js';
import { renderWork } from '/reports/work.js';

const api = apiClient({ onSignedOut: () => showSignIn(byId('reports')) });
const problem = text => setText(byId('problem'), text || '');
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
// The charts drawn, each one a few metrics on the same scale.
const CHARTS = [
  { title: 'Volume', metrics: ['offered', 'handled', 'abandoned'], type: 'bar' },
  { title: 'Service level and abandonment', metrics: ['serviceLevel', 'abandonmentRate'], type: 'line' },
  { title: 'Response, wait and handle times', metrics: ['firstResponse', 'waitAverage', 'handleAverage', 'handleP90'], type: 'line' },
  { title: 'Transfers, escalations and emergencies', metrics: ['transfers', 'escalations', 'emergencies'], type: 'bar' },
];
const drawn = [];

function format(metric, value) {
  if (value === null || value === undefined) return '—';
  if (metric.unit === 'ratio') return Math.round(value * 1000) / 10 + '%';
  if (metric.unit === 'millis') return Math.round(value / 100) / 10 + ' s';
  return String(Math.round(value));
}

function chartValue(metric, value) {
  if (value === null || value === undefined) return null;
  if (metric.unit === 'ratio') return value * 100;
  if (metric.unit === 'millis') return value / 1000;
  return value;
}

const groupName = (report, group) => report.group === 'none' ? 'All records' : group === '' ? '(none)' : group;
const bucketName = bucket => bucket.replace('T00:00', '').replace('T', ' ');

function showPage(me) {
  showSupervisorPage(me, byId('reports'), startReports);
}

function startReports() {
  const today = new Date();
  const weekAgo = new Date(today.getTime() - 6 * 86400000);
  const iso = d => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  if (!byId('from').value) byId('from').value = iso(weekAgo);
  if (!byId('to').value) byId('to').value = iso(today);
  api('GET', '/api/reports/settings').then(s => setText(byId('zone-note'), 'Days and hours are the center\'s, in ' + s.timeZone
    + '. Service level targets: ' + Object.entries(s.serviceLevel.channels).map(([c, t]) => c + ' ' + t.percent + '% in ' + t.seconds + ' s').join(', ') + '.'))
    .catch(e => problem(e.message));
  byId('from').focus();
}

function params() {
  return new URLSearchParams({ from: byId('from').value, to: byId('to').value, bucket: byId('bucket').value, group: byId('group').value });
}

async function run() {
  problem('');
  const asked = params();
  let report;
  let work;
  try {
    [report, work] = await Promise.all([api('GET', '/api/reports?' + asked), api('GET', '/api/reports/work?' + asked)]);
  } catch (e) {
    problem(e.message);
    return;
  }
  byId('csv').href = '/api/reports.csv?' + asked;
  byId('csv').hidden = false;
  byId('print').hidden = false;
  render(report);
  const workSummary = renderWork(work, asked);
  byId('result').hidden = false;
  setText(byId('announcer'), 'Report ready: ' + byId('summary').textContent + ' ' + workSummary);
  byId('result-heading').focus();
}

function render(report) {
  const metrics = Object.fromEntries(report.metrics.map(m => [m.key, m]));
  const groups = [...new Set(report.rows.map(r => r.group))];
  const buckets = [...new Set(report.rows.map(r => r.bucket))].sort();
  setText(byId('result-heading'), 'Report from ' + byId('from').value + ' to ' + byId('to').value);
  const total = key => report.rows.reduce((sum, r) => sum + (r.figures[key] || 0), 0);
  const offered = total('offered');
  setText(byId('summary'), offered === 0 ? 'No records arrived in this range.'
    : offered + ' offered, ' + total('handled') + ' handled and ' + total('abandoned') + ' abandoned ('
      + Math.round(total('abandoned') / offered * 1000) / 10 + '%), over ' + buckets.length + ' ' + (buckets.length === 1 ? 'bucket' : 'buckets')
      + (report.group === 'none' ? '.' : ', split by ' + report.group + ' into ' + groups.length + '.'));
  while (drawn.length) drawn.pop().destroy();
  const charts = byId('charts');
  clear(charts);
  CHARTS.forEach((spec, n) => charts.appendChild(chartSection(report, spec, n, metrics, groups, buckets)));
  heatmap(report.heatmap);
}

function chartSection(report, spec, n, metrics, groups, buckets) {
  const headingId = 'chart-heading-' + n;
  const canvas = el('canvas', { role: 'img', aria: { label: spec.title + ' chart; the same figures are in the table beside it.' } });
  const table = el('table', {}, el('caption', {}, spec.title + ' by ' + (report.group === 'none' ? 'time' : report.group + ' and time')));
  const head = el('tr', {}, el('th', { scope: 'col' }, report.group === 'none' ? 'Bucket' : 'Group, bucket'));
  spec.metrics.forEach(k => head.appendChild(el('th', { scope: 'col' }, metrics[k].label)));
  table.appendChild(el('thead', {}, head));
  const body = el('tbody');
  for (const row of report.rows) {
    const tr = el('tr', {}, el('th', { scope: 'row' }, (report.group === 'none' ? '' : groupName(report, row.group) + ', ') + bucketName(row.bucket)));
    spec.metrics.forEach(k => tr.appendChild(el('td', {}, format(metrics[k], row.figures[k]))));
    body.appendChild(tr);
  }
  table.appendChild(body);
  const datasets = [];
  for (const group of groups) {
    for (const k of spec.metrics) {
      const byBucket = Object.fromEntries(report.rows.filter(r => r.group === group).map(r => [r.bucket, r.figures[k]]));
      datasets.push({ label: (report.group === 'none' ? '' : groupName(report, group) + ': ') + metrics[k].label,
        data: buckets.map(b => chartValue(metrics[k], byBucket[b])) });
    }
  }
  drawn.push(new window.Chart(canvas, { type: spec.type, data: { labels: buckets.map(bucketName), datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false } }));
  return el('section', { className: 'report-chart', aria: { labelledby: headingId } },
    el('div', {}, el('h3', { id: headingId }, spec.title), el('div', { className: 'chart-box' }, canvas)),
    // A wide table scrolls inside its own box, which takes focus so the keyboard can scroll it too.
    el('div', { className: 'table-scroll', tabIndex: 0, role: 'region', aria: { label: spec.title + ' figures' } }, table));
}

function heatmap(cells) {
  const table = byId('heatmap');
  clear(table);
  table.appendChild(el('caption', {}, 'Records offered by the center\'s day of week and hour'));
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Day'));
  for (let h = 0; h < 24; h++) head.appendChild(el('th', { scope: 'col' }, String(h).padStart(2, '0')));
  table.appendChild(el('thead', {}, head));
  const body = el('tbody');
  let peak = { count: 0 };
  const max = Math.max(1, ...cells.flat());
  cells.forEach((hours, d) => {
    const tr = el('tr', {}, el('th', { scope: 'row' }, DAYS[d]));
    hours.forEach((count, h) => {
      if (count > peak.count) peak = { count, d, h };
      // The shade repeats the number; the number is what is read.
      tr.appendChild(el('td', { className: 'heat', dataset: { level: String(Math.ceil(count / max * 4)) } }, String(count)));
    });
    body.appendChild(tr);
  });
  table.appendChild(body);
  setText(byId('heatmap-summary'), peak.count === 0 ? 'No traffic in this range.'
    : 'Busiest: ' + DAYS[peak.d] + 's at ' + String(peak.h).padStart(2, '0') + ':00, with ' + peak.count + ' offered.');
}

signInForm(api, problem, showPage);
byId('report-form').addEventListener('submit', event => {
  event.preventDefault();
  run();
});
byId('print').addEventListener('click', () => window.print());
api('GET', '/api/me').then(showPage).catch(() => showSignIn(byId('reports')));
