// The records page: search interaction records, read one whole, check that it was not altered,
// and (supervisors) put it on legal hold or export it. Every call is audited on the server.
import { byId, el, clear, setText } from '/lib/dom.js';
import { apiClient } from '/lib/api.js';
import { timeElement, formatDuration, isoDuration } from '/lib/time.js';
import { staffWording, channelName } from '/lib/wording.js';
import { residentName } from '/lib/names.js';
import { signInForm, showSignIn } from '/lib/sign-in.js';
import { mountReviewLink } from '/quality/link.js';

const PAGE = 25;
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
let me = null;
let query = null; // the search as URL parameters, without limit and offset
let offset = 0;
let shown = null; // the record on screen
let openedFrom = null; // the Read button that opened it, to return to

const problem = text => setText(byId('problem'), text || '');
const api = apiClient({ onSignedOut: () => showSignIn(byId('records')) });

function showRecords(staff) {
  me = staff;
  byId('sign-in').hidden = true;
  byId('records').hidden = false;
  setText(byId('staff-name'), staff.displayName + (staff.role === 'supervisor' ? ' (supervisor)' : ''));
  byId('bulk-export').hidden = staff.role !== 'supervisor';
  byId('supervisor-link').hidden = staff.role !== 'supervisor';
  // Agents search their own records or those of a resident they are working with; start with their own.
  if (staff.role !== 'supervisor' && !byId('agent').value) byId('agent').value = staff.username;
  const asked = new URLSearchParams(location.hash.slice(1)).get('record');
  if (asked) openRecord(asked);
  else byId('q').focus();
}

/**
 * A typed date as the instant its day starts here; `endOfDay` gives the next day's start, so "on or
 * before the 31st" includes the whole 31st. Null for an empty field; throws for one that is not a date.
 */
function dayStart(text, endOfDay = false) {
  const value = text.trim();
  if (!value) return null;
  const m = DATE.exec(value);
  if (!m) throw new Error('a date such as 2026-03-31');
  const [year, month, date] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const day = new Date(year, month, date);
  if (day.getFullYear() !== year || day.getMonth() !== month || day.getDate() !== date) throw new Error('a date that exists, such as 2026-03-31');
  if (endOfDay) day.setDate(day.getDate() + 1);
  return day.toISOString();
}

/** The form as search parameters, or null after showing which date field is wrong. */
function formQuery() {
  const params = new URLSearchParams();
  for (const name of ['q', 'channel', 'agent', 'contact', 'disposition', 'category', 'tag']) {
    const value = byId(name).value.trim();
    if (value) params.set(name, value);
  }
  let bad = null;
  for (const [name, end] of [['from', false], ['to', true]]) {
    const field = byId(name);
    try {
      const at = dayStart(field.value, end);
      if (at) params.set(name, at);
      field.removeAttribute('aria-invalid');
      setText(byId(name + '-error'), '');
    } catch (e) {
      field.setAttribute('aria-invalid', 'true');
      setText(byId(name + '-error'), 'Write ' + e.message + '.');
      bad = bad || field;
    }
  }
  if (bad) { bad.focus(); return null; }
  return params;
}

async function search(at, { keepFocusOn = null } = {}) {
  problem('');
  const params = new URLSearchParams(query);
  params.set('limit', PAGE);
  params.set('offset', at);
  try {
    const page = await api('GET', '/api/interactions?' + params);
    offset = at;
    showPage(page);
    // A paging button that is now disabled cannot keep focus: the results heading takes it.
    if (keepFocusOn && keepFocusOn.disabled) byId('results-heading').focus();
  } catch (e) { problem(e.message); }
}

function resultRow(r) {
  const who = residentName(r);
  const read = el('button', { type: 'button', className: 'secondary', dataset: { record: r.id }, aria: { label: 'Read the record of ' + who + ', opened ' + new Date(r.opened).toLocaleString() } }, 'Read');
  read.addEventListener('click', () => openRecord(r.id, read));
  return el('tr', {},
    el('td', {}, timeElement(r.opened)),
    el('td', {}, who),
    el('td', {}, channelName(r.channel)),
    el('td', {}, r.resolved ? (r.disposition || 'Resolved') : 'Open'),
    el('td', {}, read));
}

function showPage(page) {
  const rows = clear(byId('result-rows'));
  page.records.forEach(r => rows.appendChild(resultRow(r)));
  setText(byId('results-status'), page.records.length === 0 ? 'No records match.'
    : 'Records ' + (offset + 1) + ' to ' + (offset + page.records.length) + (page.more ? '; more follow.' : '.'));
  byId('previous-page').disabled = offset === 0;
  byId('next-page').disabled = !page.more;
  byId('results').hidden = false;
  exportLinks();
}

function exportLinks() {
  const params = new URLSearchParams(query);
  if (byId('bulk-redact').checked) params.set('redact', 'true');
  byId('export-csv').href = '/api/exports/interactions.csv?' + params;
  byId('export-ndjson').href = '/api/exports/interactions.ndjson?' + params;
}

function fact(list, name, value) {
  if (value === undefined || value === null || value === '') return;
  list.append(el('dt', {}, name), el('dd', {}, value));
}

function at(iso) { return iso ? timeElement(iso) : null; }

function duration(seconds) {
  if (seconds === undefined || seconds === null) return null;
  return el('time', { dateTime: isoDuration(seconds) }, formatDuration(seconds));
}

function linkButton(label, id) {
  const button = el('button', { type: 'button', className: 'secondary' }, label);
  button.addEventListener('click', () => openRecord(id));
  return button;
}

function entryItem(e) {
  const word = staffWording(e);
  return el('li', { className: word.tone === 'resident' ? 'from-resident' : word.tone === 'center' ? 'from-center' : 'event ' + word.tone },
    el('span', { className: 'seq' }, '#' + e.seq), timeElement(e.at), ' ',
    word.who ? el('strong', {}, word.who + ': ') : null, word.text);
}

async function openRecord(id, from = null) {
  problem('');
  let r;
  try { r = await api('GET', '/api/interactions/' + encodeURIComponent(id)); } catch (e) { problem(e.message); return; }
  shown = r;
  if (from) openedFrom = from;
  history.replaceState(null, '', '#record=' + r.id);
  const who = residentName(r);
  const heading = byId('record-heading');
  clear(heading).append('Record of ' + who + ', opened ', timeElement(r.timestamps.opened));
  const facts = clear(byId('record-facts'));
  const t = r.timestamps;
  fact(facts, 'Record id', r.id);
  fact(facts, 'Resident', who);
  fact(facts, 'Channel', channelName(r.channel));
  fact(facts, 'Contact', r.contact);
  fact(facts, 'Status', r.status === 'resolved' ? 'Resolved' : 'Open');
  fact(facts, 'People', r.participants.map(p => p.name + ' (' + p.role + ')').join(', '));
  fact(facts, 'Opened', at(t.opened));
  fact(facts, 'Queued', at(t.queued));
  fact(facts, 'First offered', at(t.firstOffered));
  fact(facts, 'First assigned', at(t.firstAssigned));
  fact(facts, 'First agent reply', at(t.firstAgentReply));
  fact(facts, 'Resolved', at(t.resolved));
  fact(facts, 'Wait', duration(r.waitSeconds));
  fact(facts, 'Handle time', duration(r.handleSeconds));
  fact(facts, 'Disposition', r.disposition);
  fact(facts, 'Category', r.category);
  fact(facts, 'Tags', (r.tags || []).join(', '));
  fact(facts, 'Referred to', [r.referralAgency, r.referralService].filter(Boolean).join(': '));
  fact(facts, 'Follow-up', r.followUpDue ? 'due ' + r.followUpDue + (r.followUpOwner ? ', ' + r.followUpOwner : '') : '');
  fact(facts, 'Open311 service request', r.open311Id);
  fact(facts, 'Escalations', r.escalations.map(x => x.path + ': ' + x.reason).join('; '));
  fact(facts, 'Transfers', r.transfers.map(x => x.from + ' to ' + (x.to || 'the queue') + (x.note ? ' (' + x.note + ')' : '')).join('; '));

  const links = clear(byId('record-links'));
  if (r.previousId) links.appendChild(linkButton('Read the resident\'s previous record', r.previousId));
  r.relatedIds.forEach((later, i) => links.appendChild(linkButton('Read the record that followed' + (r.relatedIds.length > 1 ? ' (' + (i + 1) + ')' : ''), later)));
  if (r.status === 'resolved') mountReviewLink(links, r.id);

  const entries = clear(byId('record-entries'));
  r.entries.forEach(e => entries.appendChild(entryItem(e)));

  setText(byId('verify-result'), '');
  const supervisor = me && me.role === 'supervisor';
  byId('record-supervisor').hidden = !supervisor;
  if (supervisor) {
    byId('legal-hold').checked = r.legalHold === true;
    setText(byId('hold-status'), '');
    recordExportLinks();
    showAccess();
  }
  byId('back-to-results').hidden = byId('results').hidden;
  byId('record').hidden = false;
  heading.focus();
}

/** The audit log for the record on screen, newest first: who read, verified, exported or held it. */
async function showAccess() {
  try {
    const trail = await api('GET', '/api/audit?record=' + encodeURIComponent(shown.id) + '&limit=50');
    const list = clear(byId('record-audit'));
    trail.events.forEach(e => list.appendChild(el('li', {}, timeElement(e.at), ': ' + e.actor + ', ' + e.action + (e.detail ? ' (' + e.detail + ')' : ''))));
  } catch (e) { problem(e.message); }
}

function recordExportLinks() {
  const redact = byId('record-redact').checked ? '?redact=true' : '';
  byId('print-transcript').href = '/api/interactions/' + shown.id + '/transcript.html' + redact;
  byId('export-json').href = '/api/interactions/' + shown.id + '/export.json' + redact;
}

signInForm(api, problem, showRecords);

byId('search-form').addEventListener('submit', event => {
  event.preventDefault();
  const asked = formQuery();
  if (!asked) return;
  query = asked;
  search(0);
});
byId('previous-page').addEventListener('click', ev => search(Math.max(0, offset - PAGE), { keepFocusOn: ev.currentTarget }));
byId('next-page').addEventListener('click', ev => search(offset + PAGE, { keepFocusOn: ev.currentTarget }));
byId('bulk-redact').addEventListener('change', exportLinks);
byId('record-redact').addEventListener('change', recordExportLinks);
byId('back-to-results').addEventListener('click', () => {
  const again = openedFrom && openedFrom.isConnected ? openedFrom : byId('results-heading');
  again.focus();
});

byId('verify').addEventListener('click', async () => {
  try {
    const report = await api('GET', '/api/interactions/' + shown.id + '/verify');
    setText(byId('verify-result'), report.status === 'intact' ? 'Intact: all ' + report.entries + ' entries match their seals.'
      : report.status === 'altered' ? 'Altered: entry #' + report.firstBadSeq + ' does not match its seal. ' + (report.detail || '')
      : 'Not sealed: this record was written before entries were sealed.');
  } catch (e) { problem(e.message); }
});

byId('legal-hold').addEventListener('change', async () => {
  const hold = byId('legal-hold').checked;
  try {
    await api('PUT', '/api/interactions/' + shown.id + '/hold', { hold });
    setText(byId('hold-status'), hold ? 'The record is on legal hold.' : 'The legal hold is lifted.');
    showAccess();
  } catch (e) {
    byId('legal-hold').checked = !hold;
    problem(e.message);
  }
});

api('GET', '/api/me').then(showRecords).catch(() => showSignIn(byId('records')));
