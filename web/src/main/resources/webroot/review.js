// The quality review page: reviewers evaluate a resolved record with its transcript beside the
// scorecard; agents read their own evaluations and acknowledge or dispute them; supervisors resolve
// disputes. The server audits every read and write and decides who may do what.
import { byId, el, clear, setText, announcer } from '/lib/dom.js';
import { apiClient } from '/lib/api.js';
import { timeElement } from '/lib/time.js';
import { staffWording } from '/lib/wording.js';
import { signInForm, showSignIn } from '/lib/sign-in.js';
import { scorecardForm, formAnswers } from '/quality/form.js';

const STATES = { draft: 'Draft', submitted: 'Submitted, awaiting the agent', acknowledged: 'Acknowledged', disputed: 'Disputed', resolved: 'Dispute resolved' };
let me = null;
let access = { reviewer: false, resolver: false };
let shown = null; // the evaluation on screen
let definition = null; // its scorecard

const problem = text => setText(byId('problem'), text || '');
const announce = announcer(byId('status'));
const api = apiClient({ onSignedOut: () => showSignIn(byId('review')) });
const score = e => e.score === undefined ? (e.state === 'draft' ? 'not scored yet' : 'no score (all N/A)') : e.score.toFixed(1) + '%';

async function signedIn(staff) {
  me = staff;
  byId('sign-in').hidden = true;
  byId('review').hidden = false;
  setText(byId('staff-name'), staff.displayName);
  try {
    access = await api('GET', '/api/quality/access');
    byId('reviewer').hidden = !access.reviewer;
    byId('resolver').hidden = !access.resolver;
    await showMine();
    if (access.reviewer) await loadScorecards();
    if (access.resolver) await showDisputes();
  } catch (e) { problem(e.message); }
  const asked = new URLSearchParams(location.hash.slice(1));
  if (asked.get('record') && access.reviewer) {
    byId('record-id').value = asked.get('record');
    byId('record-id').focus();
  } else if (asked.get('evaluation')) {
    openEvaluation(asked.get('evaluation'));
  } else {
    byId('mine-heading').scrollIntoView();
    (access.reviewer ? byId('record-id') : byId('mine-table').querySelector('button') || byId('main')).focus();
  }
}

function openButton(label, id) {
  return el('button', { type: 'button', className: 'secondary', onclick: () => openEvaluation(id) }, label);
}

async function showMine() {
  const list = (await api('GET', '/api/quality/evaluations?agent=' + encodeURIComponent(me.username))).evaluations
    .filter(e => e.agent === me.username && e.state !== 'draft' && !e.calibration);
  const rows = clear(byId('mine-rows'));
  list.forEach(e => rows.append(el('tr', {},
    el('td', {}, e.submittedAt ? timeElement(e.submittedAt) : ''), el('td', {}, e.record), el('td', {}, score(e) + (e.flagged ? ' (flagged)' : '')),
    el('td', {}, STATES[e.state]), el('td', {}, openButton('Read the evaluation of record ' + e.record.slice(0, 8), e.id)))));
  byId('mine-table').hidden = list.length === 0;
  byId('mine-empty').hidden = list.length !== 0;
}

async function loadScorecards() {
  const { scorecards } = await api('GET', '/api/quality/scorecards');
  const select = clear(byId('scorecard'));
  const latest = new Set();
  for (const s of scorecards) {
    select.append(el('option', { value: s.id + '/' + s.version }, s.name + ', version ' + s.version + (latest.has(s.id) ? '' : ' (latest)')));
    latest.add(s.id);
  }
}

async function showDisputes() {
  const { evaluations } = await api('GET', '/api/quality/evaluations?state=disputed');
  const list = clear(byId('disputes'));
  evaluations.forEach(e => list.append(el('li', {}, e.agent + ', record ' + e.record.slice(0, 8) + ', ' + score(e) + ' ',
    openButton('Open the dispute of ' + e.agent + ' on record ' + e.record.slice(0, 8), e.id))));
  byId('disputes-empty').hidden = evaluations.length !== 0;
}

async function openEvaluation(id) {
  problem('');
  try {
    const e = await api('GET', '/api/quality/evaluations/' + encodeURIComponent(id));
    const card = await api('GET', '/api/quality/scorecards/' + e.scorecard + '/' + e.version);
    await show(e, card.definition);
  } catch (err) { problem(err.message); }
}

async function show(e, def) {
  shown = e;
  definition = def;
  history.replaceState(null, '', '#evaluation=' + e.id);
  const editable = e.state === 'draft' && e.reviewer === me.username;
  const heading = byId('evaluation-heading');
  setText(heading, (editable ? 'Evaluating ' : 'Evaluation of ') + e.agent + ' on record ' + e.record.slice(0, 8));
  const facts = clear(byId('evaluation-facts'));
  const fact = (name, value) => facts.append(el('dt', {}, name), el('dd', {}, value));
  fact('Agent', e.agent);
  fact('Reviewer', e.reviewer);
  fact('Scorecard', def.name + ', version ' + e.version);
  fact('State', STATES[e.state]);
  fact('Score', score(e) + (e.flagged ? '; flagged: a critical or fatal question failed' : ''));
  fact('Record', e.record + ' as sealed at entry ' + e.head.entries);
  scorecardForm(byId('questions'), def, e.answers, !editable);
  byId('edit-buttons').hidden = !editable;
  const comments = clear(byId('comments'));
  e.comments.forEach(c => comments.append(el('li', {}, timeElement(c.at), ' ' + c.author + ' (' + c.kind + '): ' + c.text)));
  if (e.comments.length === 0) comments.append(el('li', {}, 'None yet.'));
  byId('agent-actions').hidden = !(e.agent === me.username && e.state === 'submitted');
  byId('resolve-form').hidden = !(access.resolver && e.state === 'disputed' && e.reviewer !== me.username && e.agent !== me.username);
  await showCalibration(e);
  await showTranscript(e);
  byId('evaluation').hidden = false;
  heading.focus();
}

async function showTranscript(e) {
  const list = clear(byId('transcript'));
  try {
    const record = await api('GET', '/api/interactions/' + encodeURIComponent(e.record));
    record.entries.filter(x => x.seq <= e.head.entries).forEach(x => {
      const word = staffWording(x);
      list.append(el('li', { className: word.tone === 'resident' ? 'from-resident' : word.tone === 'center' ? 'from-center' : 'event ' + word.tone },
        el('span', { className: 'seq' }, '#' + x.seq), timeElement(x.at), ' ', word.who ? el('strong', {}, word.who + ': ') : null, word.text));
    });
  } catch (err) { list.append(el('li', {}, 'The record could not be shown: ' + err.message)); }
}

async function showCalibration(e) {
  byId('calibration').hidden = !e.calibration || !access.reviewer;
  if (byId('calibration').hidden) return;
  const session = await api('GET', '/api/quality/calibrations/' + e.calibration);
  const list = clear(byId('calibration-list'));
  list.append(el('li', {}, 'Session ' + session.id + ': other reviewers join with this id.'));
  session.evaluations.forEach(x => list.append(el('li', {}, x.reviewer + (x.reference ? ' (reference)' : '') + ': ' + score(x)
    + (x.deviation ? '; ' + (x.deviation.scoreDifference >= 0 ? '+' : '') + (x.deviation.scoreDifference ?? 0).toFixed(1) + ' points from the reference, '
      + x.deviation.agreement.toFixed(1) + '% of answers alike' + (x.deviation.differing.length ? ' (differs on ' + x.deviation.differing.join(', ') + ')' : '') : ''))));
}

async function act(doing, after) {
  problem('');
  try {
    const e = await doing();
    await show(e, definition);
    announce(after);
    if (me) await showMine();
    if (access.resolver) await showDisputes();
  } catch (err) { problem(err.message); }
}

signInForm(api, problem, signedIn);

byId('open-form').addEventListener('submit', async event => {
  event.preventDefault();
  const record = byId('record-id').value.trim();
  const [scorecard, version] = byId('scorecard').value.split('/');
  problem('');
  try {
    const e = await api('POST', '/api/quality/evaluations', { record, scorecard, version: Number(version) });
    await openEvaluation(e.id);
    announce('A draft evaluation is open.');
  } catch (err) { problem(err.message); byId('record-id').focus(); }
});

byId('join-form').addEventListener('submit', async event => {
  event.preventDefault();
  problem('');
  try {
    const e = await api('POST', '/api/quality/evaluations', { calibration: byId('calibration-id').value.trim() });
    await openEvaluation(e.id);
    announce('You joined the calibration session.');
  } catch (err) { problem(err.message); byId('calibration-id').focus(); }
});

byId('open-calibration').addEventListener('click', async () => {
  const [scorecard, version] = byId('scorecard').value.split('/');
  problem('');
  try {
    const session = await api('POST', '/api/quality/calibrations', { record: byId('record-id').value.trim(), scorecard, version: Number(version) });
    await openEvaluation(session.reference.id);
    announce('A calibration session is open; your evaluation is its reference.');
  } catch (err) { problem(err.message); }
});

byId('load-sample').addEventListener('click', async () => {
  problem('');
  const now = new Date();
  const thursday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 3 - ((now.getUTCDay() + 6) % 7)));
  const week = Math.ceil(((thursday - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86400000 + 1) / 7);
  try {
    const sample = await api('GET', '/api/quality/sample?week=' + thursday.getUTCFullYear() + '-W' + String(week).padStart(2, '0'));
    const list = clear(byId('sample'));
    for (const [agent, records] of Object.entries(sample.picks)) {
      records.forEach(r => list.append(el('li', {}, agent + ': record ' + r.slice(0, 8) + ' ',
        el('button', { type: 'button', className: 'secondary', onclick: () => { byId('record-id').value = r; byId('record-id').focus(); } },
          'Evaluate ' + agent + "'s record " + r.slice(0, 8)))));
    }
    if (!list.firstChild) list.append(el('li', {}, 'No records to sample this week.'));
    announce('The sample has ' + list.querySelectorAll('button').length + ' records.');
  } catch (err) { problem(err.message); }
});

byId('answers-form').addEventListener('submit', event => {
  event.preventDefault();
  act(() => api('PUT', '/api/quality/evaluations/' + shown.id + '/answers', { answers: formAnswers(byId('questions'), definition) }), 'The draft is saved.');
});
byId('submit').addEventListener('click', () => act(async () => {
  await api('PUT', '/api/quality/evaluations/' + shown.id + '/answers', { answers: formAnswers(byId('questions'), definition) });
  return api('POST', '/api/quality/evaluations/' + shown.id + '/submit', {});
}, 'The evaluation is submitted.'));
byId('acknowledge').addEventListener('click', () => act(() => api('POST', '/api/quality/evaluations/' + shown.id + '/acknowledge', {}), 'You acknowledged the evaluation.'));
byId('dispute-form').addEventListener('submit', event => {
  event.preventDefault();
  const reason = byId('dispute-reason').value.trim();
  setText(byId('dispute-error'), reason ? '' : 'Write why you dispute it.');
  if (!reason) { byId('dispute-reason').setAttribute('aria-invalid', 'true'); byId('dispute-reason').focus(); return; }
  byId('dispute-reason').removeAttribute('aria-invalid');
  act(() => api('POST', '/api/quality/evaluations/' + shown.id + '/dispute', { reason }), 'Your dispute is sent to a supervisor.');
});
byId('resolve-form').addEventListener('submit', event => {
  event.preventDefault();
  const note = byId('resolve-note').value.trim();
  setText(byId('resolve-error'), note ? '' : 'Write a note to the agent.');
  if (!note) { byId('resolve-note').setAttribute('aria-invalid', 'true'); byId('resolve-note').focus(); return; }
  byId('resolve-note').removeAttribute('aria-invalid');
  const upheld = byId('resolve-form').querySelector('input[name="upheld"]:checked').value === 'true';
  act(() => api('POST', '/api/quality/evaluations/' + shown.id + '/resolve', { upheld, note }), 'The dispute is resolved.');
});

api('GET', '/api/me').then(signedIn).catch(() => showSignIn(byId('review')));
