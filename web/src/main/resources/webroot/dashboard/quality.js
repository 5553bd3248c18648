// The dashboard's quality part: everyone's averages in words, and each agent's averages over the
// last 7 and 30 days, fatal or critical fails and open disputes in a table. The gateway pushes it
// again whenever an evaluation is submitted, acknowledged, disputed or resolved; a change after the
// first frame is announced once.
import { byId, el } from '/lib/dom.js';
import { keyedRows, cellText } from '/floor/rows.js';

function averageWords(a) {
  if (!a) return 'None';
  return a.averagePercent.toFixed(1) + '% over ' + a.evaluations + (a.evaluations === 1 ? ' evaluation' : ' evaluations');
}

export function qualityPanel({ announce }) {
  let last = null;
  const rows = keyedRows(byId('dashboard-quality').tBodies[0], {
    key: q => q.agent,
    build: () => el('tr', {}, el('th', { scope: 'row' }), el('td'), el('td'), el('td'), el('td')),
    update: (tr, q) => {
      const [agent, week, month, fails, disputes] = tr.children;
      cellText(agent, q.agent);
      cellText(week, averageWords(q.last7Days));
      cellText(month, averageWords(q.last30Days));
      cellText(fails, String(q.last30Days ? q.last30Days.failedFatal : 0));
      cellText(disputes, String(q.openDisputes));
    }
  });
  return {
    show(quality, { quiet }) {
      if (!quality) return;
      const summary = quality.summary;
      cellText(byId('quality'), summary);
      rows.sync(quality.byAgent || []);
      byId('dashboard-quality-wrap').hidden = (quality.byAgent || []).length === 0;
      if (!quiet && last !== null && summary !== last) announce('Quality updated. ' + summary);
      last = summary;
    }
  };
}
