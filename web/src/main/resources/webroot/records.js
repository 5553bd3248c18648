'use strict';
// The records page: search interaction records, read one whole, check that it was not altered,
// and (supervisors) put it on legal hold or export it. Every call is audited on the server.
(function () {
  const $ = id => document.getElementById(id);
  const PAGE = 25;
  let me = null;
  let query = null; // the search as URL parameters, without limit and offset
  let offset = 0;
  let shown = null; // the record on screen

  function announce(text) { $('announcer').textContent = text; }
  function problem(text) { $('problem').textContent = text || ''; }
  const api = window.Staff.api(() => showSignIn());

  function showSignIn() {
    $('records').hidden = true;
    $('sign-in').hidden = false;
    $('username').focus();
  }

  function showRecords(staff) {
    me = staff;
    $('sign-in').hidden = true;
    $('records').hidden = false;
    $('staff-name').textContent = staff.displayName + (staff.role === 'supervisor' ? ' (supervisor)' : '');
    $('bulk-export').hidden = staff.role !== 'supervisor';
    // Agents search their own records or those of a resident they are working with; start with their own.
    if (staff.role !== 'supervisor' && !$('agent').value) $('agent').value = staff.username;
    const asked = new URLSearchParams(location.hash.slice(1)).get('record');
    if (asked) openRecord(asked);
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '';
  }

  /** The form as search parameters; a browser's local date and time become an ISO instant. */
  function formQuery() {
    const params = new URLSearchParams();
    for (const name of ['q', 'channel', 'agent', 'contact', 'disposition', 'category', 'tag']) {
      const value = $(name).value.trim();
      if (value) params.set(name, value);
    }
    for (const name of ['from', 'to']) {
      if ($(name).value) params.set(name, new Date($(name).value).toISOString());
    }
    return params;
  }

  async function search(at) {
    problem('');
    const params = new URLSearchParams(query);
    params.set('limit', PAGE);
    params.set('offset', at);
    try {
      const page = await api('GET', '/api/interactions?' + params);
      offset = at;
      showPage(page);
    } catch (e) { problem(e.message); }
  }

  function showPage(page) {
    const rows = $('result-rows');
    rows.textContent = '';
    page.records.forEach(r => rows.appendChild(window.Staff.row([when(r.opened), r.channel, r.contact, r.resolved ? (r.disposition || 'Resolved') : 'Open'],
      'Read', 'Read the record opened ' + when(r.opened) + ' from ' + r.contact, () => openRecord(r.id))));
    const status = page.records.length === 0 ? 'No records match.'
      : 'Records ' + (offset + 1) + ' to ' + (offset + page.records.length) + (page.more ? '; more follow.' : '.');
    $('results-status').textContent = status;
    $('previous-page').disabled = offset === 0;
    $('next-page').disabled = !page.more;
    $('results').hidden = false;
    exportLinks();
  }

  function exportLinks() {
    const params = new URLSearchParams(query);
    if ($('bulk-redact').checked) params.set('redact', 'true');
    $('export-csv').href = '/api/exports/interactions.csv?' + params;
    $('export-ndjson').href = '/api/exports/interactions.ndjson?' + params;
  }

  function fact(list, name, value) {
    if (value === undefined || value === null || value === '') return;
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }

  function seconds(s) {
    if (s === undefined) return undefined;
    return s < 120 ? Math.round(s) + ' seconds' : Math.round(s / 60) + ' minutes';
  }

  function linkButton(label, id) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = label;
    button.addEventListener('click', () => openRecord(id));
    return button;
  }

  async function openRecord(id) {
    problem('');
    let r;
    try { r = await api('GET', '/api/interactions/' + encodeURIComponent(id)); } catch (e) { problem(e.message); return; }
    shown = r;
    history.replaceState(null, '', '#record=' + r.id);
    $('record-heading').textContent = 'Record from ' + r.contact + ', opened ' + when(r.timestamps.opened);
    const facts = $('record-facts');
    facts.textContent = '';
    const t = r.timestamps;
    fact(facts, 'Record id', r.id);
    fact(facts, 'Channel', r.channel);
    fact(facts, 'Contact', r.contact);
    fact(facts, 'Status', r.status === 'resolved' ? 'Resolved' : 'Open');
    fact(facts, 'People', r.participants.map(p => p.name + ' (' + p.role + ')').join(', '));
    fact(facts, 'Opened', when(t.opened));
    fact(facts, 'Queued', when(t.queued));
    fact(facts, 'First offered', when(t.firstOffered));
    fact(facts, 'First assigned', when(t.firstAssigned));
    fact(facts, 'First agent reply', when(t.firstAgentReply));
    fact(facts, 'Resolved', when(t.resolved));
    fact(facts, 'Wait', seconds(r.waitSeconds));
    fact(facts, 'Handle time', seconds(r.handleSeconds));
    fact(facts, 'Disposition', r.disposition);
    fact(facts, 'Category', r.category);
    fact(facts, 'Tags', (r.tags || []).join(', '));
    fact(facts, 'Referred to', [r.referralAgency, r.referralService].filter(Boolean).join(': '));
    fact(facts, 'Follow-up', r.followUpDue ? 'due ' + r.followUpDue + (r.followUpOwner ? ', ' + r.followUpOwner : '') : '');
    fact(facts, 'Open311 service request', r.open311Id);
    fact(facts, 'Escalations', r.escalations.map(x => x.path + ': ' + x.reason).join('; '));
    fact(facts, 'Transfers', r.transfers.map(x => x.from + ' to ' + (x.to || 'the queue') + (x.note ? ' (' + x.note + ')' : '')).join('; '));

    const links = $('record-links');
    links.textContent = '';
    if (r.previousId) links.appendChild(linkButton('Read the resident\'s previous record', r.previousId));
    r.relatedIds.forEach((later, i) => links.appendChild(linkButton('Read the record that followed' + (r.relatedIds.length > 1 ? ' (' + (i + 1) + ')' : ''), later)));

    const entries = $('record-entries');
    entries.textContent = '';
    r.entries.forEach(e => {
      const [who, text, cls] = window.Staff.describe(e);
      const li = document.createElement('li');
      li.className = cls;
      const time = document.createElement('span');
      time.className = 'time';
      time.textContent = '#' + e.seq + ' ' + new Date(e.at).toLocaleTimeString() + ' ';
      li.appendChild(time);
      if (who) {
        const name = document.createElement('strong');
        name.textContent = who + ': ';
        li.appendChild(name);
      }
      li.appendChild(document.createTextNode(text));
      entries.appendChild(li);
    });

    $('verify-result').textContent = '';
    const supervisor = me && me.role === 'supervisor';
    $('record-supervisor').hidden = !supervisor;
    if (supervisor) {
      $('legal-hold').checked = r.legalHold === true;
      $('hold-status').textContent = '';
      recordExportLinks();
      showAccess();
    }
    $('record').hidden = false;
    $('record-heading').focus();
  }

  /** The audit log for the record on screen, newest first: who read, verified, exported or held it. */
  async function showAccess() {
    const list = $('record-audit');
    try {
      const trail = await api('GET', '/api/audit?record=' + encodeURIComponent(shown.id) + '&limit=50');
      list.textContent = '';
      trail.events.forEach(e => {
        const li = document.createElement('li');
        li.textContent = when(e.at) + ': ' + e.actor + ', ' + e.action + (e.detail ? ' (' + e.detail + ')' : '');
        list.appendChild(li);
      });
    } catch (e) { problem(e.message); }
  }

  function recordExportLinks() {
    const redact = $('record-redact').checked ? '?redact=true' : '';
    $('print-transcript').href = '/api/interactions/' + shown.id + '/transcript.html' + redact;
    $('export-json').href = '/api/interactions/' + shown.id + '/export.json' + redact;
  }

  window.Staff.signInForm(api, problem, showRecords);

  $('search-form').addEventListener('submit', event => {
    event.preventDefault();
    query = formQuery();
    search(0);
  });
  $('previous-page').addEventListener('click', () => search(Math.max(0, offset - PAGE)));
  $('next-page').addEventListener('click', () => search(offset + PAGE));
  $('bulk-redact').addEventListener('change', exportLinks);
  $('record-redact').addEventListener('change', recordExportLinks);

  $('verify').addEventListener('click', async () => {
    try {
      const report = await api('GET', '/api/interactions/' + shown.id + '/verify');
      $('verify-result').textContent = report.status === 'intact' ? 'Intact: all ' + report.entries + ' entries match their seals.'
        : report.status === 'altered' ? 'Altered: entry #' + report.firstBadSeq + ' does not match its seal. ' + (report.detail || '')
        : 'Not sealed: this record was written before entries were sealed.';
    } catch (e) { problem(e.message); }
  });

  $('legal-hold').addEventListener('change', async () => {
    const hold = $('legal-hold').checked;
    try {
      await api('PUT', '/api/interactions/' + shown.id + '/hold', { hold });
      $('hold-status').textContent = hold ? 'The record is on legal hold.' : 'The legal hold is lifted.';
      showAccess();
    } catch (e) {
      $('legal-hold').checked = !hold;
      problem(e.message);
    }
  });

  api('GET', '/api/me').then(showRecords).catch(() => showSignIn());
})();
