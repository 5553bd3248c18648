// The resource directory page: search with filters, read a service, and for directory editors add,
// change and verify entries, import and export, and the list of entries to verify again.
import { byId, el, clear, setText } from '/lib/dom.js';
import { apiClient } from '/lib/api.js';
import { signInForm, showSignIn } from '/lib/sign-in.js';

const problem = text => setText(byId('problem'), text || '');
const api = apiClient({ onSignedOut: () => showSignIn(byId('directory')) });
let mayEdit = false;
let shown = null;
let openedFrom = null;

const list = text => text.split(',').map(s => s.trim()).filter(Boolean);

async function start(staff) {
  byId('sign-in').hidden = true;
  byId('directory').hidden = false;
  setText(byId('staff-name'), staff.displayName);
  mayEdit = (await api('GET', '/api/directory/me')).mayEdit;
  byId('editor').hidden = !mayEdit;
  loadStale();
  byId('q').focus();
}

function facts(hit) {
  const s = hit.service;
  const rows = [['Agency', hit.agency.name], ['Open now', hit.openNow ? 'Yes' : 'No'], ['Hours', hit.hours ? hit.hours + ' (' + hit.agency.timeZone + ')' : 'Not given'],
    ['Description', s.description], ['Service area', s.serviceArea], ['Eligibility', s.eligibility], ['Languages', s.languages.join(', ')],
    ['Phone', s.reach.phone], ['TTY', s.reach.tty], ['Video phone', s.reach.videoPhone], ['Text', s.reach.text], ['Web', s.reach.web],
    ['Address', s.reach.address], ['Accessibility', s.accessibility],
    ['Last verified', s.verifiedOn ? s.verifiedOn + ' by ' + s.verifiedBy : 'Never'], ['Last changed', s.updatedAt + ' by ' + s.updatedBy]];
  const dl = byId('service-facts');
  clear(dl);
  for (const [name, value] of rows) if (value) dl.append(el('dt', {}, name), el('dd', {}, value));
}

function resultItem(hit, from) {
  const s = hit.service;
  const button = el('button', { type: 'button', className: 'secondary' }, 'View');
  button.setAttribute('aria-label', 'View ' + s.name);
  button.addEventListener('click', () => view(s.id, button));
  const note = [hit.agency.name, hit.openNow ? 'open now' : 'closed now'];
  if (s.reach.tty) note.push('TTY');
  if (hit.stale) note.push(s.verifiedOn ? 'last verified ' + s.verifiedOn : 'never verified');
  return el('li', { dataset: { id: s.id, list: from } }, el('strong', {}, s.name), ' ', el('span', { className: 'hint' }, note.join(' · ')), ' ', button);
}

async function view(id, from) {
  problem('');
  try {
    const hit = await api('GET', '/api/directory/services/' + encodeURIComponent(id));
    shown = hit;
    openedFrom = from;
    setText(byId('service-heading'), hit.service.name);
    facts(hit);
    byId('editor-actions').hidden = !mayEdit;
    setText(byId('view-status'), '');
    byId('service-view').hidden = false;
    byId('service-view').focus();
  } catch (e) { problem(e.message); }
}

byId('search-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  problem('');
  const params = new URLSearchParams({ q: byId('q').value.trim(), limit: '50' });
  if (byId('open-now').checked) params.set('openNow', 'true');
  if (byId('tty-only').checked) params.set('tty', 'true');
  if (byId('language').value.trim()) params.set('language', byId('language').value.trim());
  try {
    const data = await api('GET', '/api/directory/search?' + params);
    const results = byId('results');
    clear(results);
    data.results.forEach(h => results.append(resultItem(h, 'results')));
    setText(byId('search-status'), data.results.length === 0 ? 'No services found.'
      : data.results.length + (data.results.length === 1 ? ' service found.' : ' services found.'));
  } catch (e) { problem(e.message); }
});

async function loadStale() {
  try {
    const data = await api('GET', '/api/directory/stale');
    setText(byId('stale-hint'), data.results.length === 0 ? 'Every service was verified in the last ' + data.staleAfterDays + ' days.'
      : 'Not verified in the last ' + data.staleAfterDays + ' days, never verified first:');
    const stale = byId('stale');
    clear(stale);
    data.results.forEach(h => stale.append(resultItem(h, 'stale')));
  } catch (e) { problem(e.message); }
}

byId('verify').addEventListener('click', async () => {
  try {
    const s = await api('POST', '/api/directory/services/' + encodeURIComponent(shown.service.id) + '/verify', {});
    setText(byId('view-status'), 'Verified today by ' + s.verifiedBy + '.');
    shown.service = s;
    loadStale();
  } catch (e) { problem(e.message); }
});

function showForm(id) {
  byId('service-form').hidden = id !== 'service-form';
  byId('agency-form').hidden = id !== 'agency-form';
  byId('editor-problems').hidden = true;
  byId(id).querySelector('input').focus();
}

byId('add-service').addEventListener('click', () => { byId('service-form').reset(); byId('s-id').readOnly = false; showForm('service-form'); });
byId('add-agency').addEventListener('click', () => { byId('agency-form').reset(); showForm('agency-form'); });
byId('edit').addEventListener('click', () => {
  const s = shown.service;
  const values = { 's-id': s.id, 's-agency': s.agencyId, 's-name': s.name, 's-description': s.description, 's-area': s.serviceArea,
    's-eligibility': s.eligibility, 's-languages': s.languages.join(', '), 's-hours': s.hours.join(', '), 's-phone': s.reach.phone,
    's-tty': s.reach.tty, 's-video': s.reach.videoPhone, 's-text': s.reach.text, 's-web': s.reach.web, 's-address': s.reach.address,
    's-accessibility': s.accessibility };
  for (const [id, value] of Object.entries(values)) byId(id).value = value || '';
  byId('s-id').readOnly = true;
  showForm('service-form');
});

function refused(e) {
  const problems = byId('editor-problems');
  clear(problems);
  (e.problems || [e.message]).forEach(p => problems.append(el('li', {}, p)));
  problems.hidden = false;
  setText(byId('editor-status'), 'Not saved: ' + (e.problems ? e.problems.length + (e.problems.length === 1 ? ' problem, listed below.' : ' problems, listed below.') : e.message));
}

// The API's 400 lists every problem; the shared caller keeps only the first, so this one reads them all.
async function send(method, path, body) {
  const response = await fetch(path, { method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body) });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(data.message || 'Request failed (' + response.status + ').'), { problems: data.problems });
  return data;
}

byId('service-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const v = id => byId(id).value.trim();
  const reach = { phone: v('s-phone'), tty: v('s-tty'), videoPhone: v('s-video'), text: v('s-text'), web: v('s-web'), address: v('s-address') };
  const body = { agencyId: v('s-agency'), name: v('s-name'), description: v('s-description'), serviceArea: v('s-area'), eligibility: v('s-eligibility'),
    languages: list(v('s-languages')), hours: list(v('s-hours')), reach, accessibility: v('s-accessibility') };
  try {
    const saved = await send('PUT', '/api/directory/services/' + encodeURIComponent(v('s-id')), body);
    byId('editor-problems').hidden = true;
    setText(byId('editor-status'), 'Saved ' + saved.name + '.');
    loadStale();
  } catch (e) { refused(e); }
});

byId('agency-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const v = id => byId(id).value.trim();
  const body = { name: v('a-name'), description: v('a-description'), timeZone: v('a-zone'), closedOn: list(v('a-closed')) };
  try {
    const saved = await send('PUT', '/api/directory/agencies/' + encodeURIComponent(v('a-id')), body);
    byId('editor-problems').hidden = true;
    setText(byId('editor-status'), 'Saved ' + saved.name + '.');
  } catch (e) { refused(e); }
});

byId('import-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const file = byId('import-file').files[0];
  if (!file) return;
  const text = await file.text();
  const csv = !file.name.toLowerCase().endsWith('.json');
  let body;
  try {
    body = csv ? { csv: text } : JSON.parse(text);
  } catch (e) {
    refused({ message: 'The file is not JSON.' });
    return;
  }
  setText(byId('editor-status'), 'Importing…');
  try {
    const done = await send('POST', '/api/directory/import?format=' + (csv ? 'csv' : 'hsds'), body);
    byId('editor-problems').hidden = true;
    setText(byId('editor-status'), 'Imported ' + done.agencies + ' agencies and ' + done.services + ' services.');
    loadStale();
  } catch (e) { refused(e); }
});

document.addEventListener('keydown', ev => {
  if (ev.key === 'Escape' && !byId('service-view').hidden && openedFrom && document.contains(openedFrom)) openedFrom.focus();
});

signInForm(api, problem, start);
api('GET', '/api/me').then(start).catch(() => showSignIn(byId('directory')));
