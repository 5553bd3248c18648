// Referral from the context panel: search the resource directory, preview the referral as the
// resident's channel will show it, put it in the reply, and record it on the record as data, when
// the reply carrying it is sent or with "Record referral".

import { byId, clear, el, randomId, setText } from '/lib/dom.js';

export function referralPanel(ws, container) {
  const results = el('ul', { id: 'referral-results', className: 'referral-results' });
  const status = el('p', { id: 'referral-status', className: 'status', role: 'status' });
  const preview = el('pre', { id: 'referral-preview', className: 'referral-preview', tabIndex: -1 });
  const previewHeading = el('h4', { id: 'referral-preview-heading' }, 'Referral preview');
  const insert = el('button', { type: 'button', id: 'referral-insert', className: 'secondary' }, 'Insert in reply');
  const record = el('button', { type: 'button', id: 'referral-record', className: 'secondary' }, 'Record referral');
  const previewBox = el('div', { id: 'referral-preview-box', hidden: true, role: 'region', 'aria-labelledby': 'referral-preview-heading' },
    previewHeading, preview, el('p', {}, insert, ' ', record));
  const query = el('input', { id: 'referral-q', type: 'search', maxLength: 200 });
  const openNow = el('input', { id: 'referral-open', type: 'checkbox' });
  const tty = el('input', { id: 'referral-tty', type: 'checkbox' });
  const language = el('input', { id: 'referral-language', maxLength: 12, size: 4, 'aria-describedby': 'referral-language-hint' });
  const form = el('form', { id: 'referral-form', role: 'search', 'aria-label': 'Directory' },
    el('label', { htmlFor: 'referral-q' }, 'Search the directory'), query,
    el('p', {}, el('label', { htmlFor: 'referral-open' }, openNow, ' Open now'), ' ', el('label', { htmlFor: 'referral-tty' }, tty, ' TTY available')),
    el('label', { htmlFor: 'referral-language' }, 'Language'), language,
    el('p', { id: 'referral-language-hint', className: 'hint' }, 'A language tag such as es, or leave it empty.'),
    el('p', {}, el('button', { type: 'submit', className: 'secondary' }, 'Search')));
  container.append(el('section', { id: 'referral', 'aria-labelledby': 'referral-heading' },
    el('h3', { id: 'referral-heading' }, 'Refer to a service'), form, status, results, previewBox));

  let shownFor = null;
  // The referral put in the reply box, recorded once the reply carrying it is sent.
  let pending = null;
  let previewed = null;

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const id = ws.selected();
    if (!id) return;
    const params = new URLSearchParams({ q: query.value.trim(), limit: '10' });
    if (openNow.checked) params.set('openNow', 'true');
    if (tty.checked) params.set('tty', 'true');
    if (language.value.trim()) params.set('language', language.value.trim());
    setText(status, 'Searching…');
    try {
      const data = await ws.api('GET', '/api/directory/search?' + params);
      clear(results);
      for (const hit of data.results) results.append(resultItem(hit));
      setText(status, data.results.length === 0 ? 'No services found.'
        : data.results.length + (data.results.length === 1 ? ' service found.' : ' services found.'));
    } catch (e) {
      setText(status, 'Search failed: ' + e.message);
    }
  });

  function resultItem(hit) {
    const s = hit.service;
    const facts = [hit.agency.name, hit.openNow ? 'open now' : 'closed now'];
    if (s.reach.tty) facts.push('TTY ' + s.reach.tty);
    if (hit.stale) facts.push('not verified recently');
    const button = el('button', { type: 'button', className: 'secondary' }, 'Preview referral');
    button.setAttribute('aria-label', 'Preview referral to ' + s.name);
    button.addEventListener('click', () => showPreview(s.id));
    return el('li', {}, el('strong', {}, s.name), el('span', { className: 'hint' }, ' ' + facts.join(' · ') + ' '), button);
  }

  async function showPreview(serviceId) {
    const id = ws.selected();
    try {
      const p = await ws.api('GET', '/api/conversations/' + id + '/referral-preview?service=' + encodeURIComponent(serviceId));
      previewed = { conversationId: id, serviceId, text: p.text };
      setText(preview, p.text);
      setText(previewHeading, 'Referral preview' + (p.segments ? ' (' + p.segments + (p.segments === 1 ? ' text)' : ' texts)') : ''));
      previewBox.hidden = false;
      insert.focus();
    } catch (e) {
      setText(status, 'No preview: ' + e.message);
    }
  }

  insert.addEventListener('click', () => {
    if (!previewed) return;
    const box = byId('reply');
    box.value = box.value.trim() ? box.value.trimEnd() + '\n' + previewed.text : previewed.text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    pending = { ...previewed, requestId: randomId() };
    setText(status, 'Referral put in the reply. It is recorded when you send it.');
    box.focus();
  });

  record.addEventListener('click', () => previewed && recordReferral({ ...previewed, requestId: randomId() }));

  async function recordReferral(referral) {
    try {
      await ws.api('POST', '/api/conversations/' + referral.conversationId + '/referrals',
        { serviceId: referral.serviceId, requestId: referral.requestId });
      setText(status, 'Referral recorded on the record.');
    } catch (e) {
      setText(status, 'Referral not recorded: ' + e.message);
    }
  }

  // Listens before the composer sends, to see the text as sent; the composer still sends it.
  byId('reply-form').addEventListener('submit', () => {
    const box = byId('reply');
    if (pending && pending.conversationId === ws.selected() && box.value.includes(pending.text)) {
      const referral = pending;
      pending = null;
      recordReferral(referral);
    }
  }, true);

  /** Shows the panel for the open conversation, empty when it changes. */
  function show(conversation) {
    if (!conversation || shownFor === conversation.id) return;
    shownFor = conversation.id;
    clear(results);
    setText(status, '');
    previewBox.hidden = true;
    previewed = null;
  }

  return { show };
}
