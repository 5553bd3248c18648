// City service requests (Open311) from the context panel: pick the service, answer its questions
// (the form is built from the service's attribute definitions), prefilled with what the resident
// wrote; then the request's progress, told once each time it changes. Shown only when the gateway
// has an Open311 endpoint configured.

import { byId, clear, el, setText } from '/lib/dom.js';

const POLL_MS = 3000;

/** What an agent reads of a request's state, in one sentence. */
export function describeRequest(r) {
  const name = r.serviceName + ': ';
  switch (r.state) {
    case 'sending':
      return name + (r.attempts > 0 ? 'not yet taken by the city (' + (r.problem || 'no answer') + '). It is kept and tried again; attempt '
        + r.attempts + ' failed.' : 'being sent to the city.');
    case 'awaiting_id':
      return name + 'taken by the city, waiting for its request number.';
    case 'open':
      return name + 'open, city request number ' + r.serviceRequestId + (r.statusNotes ? '. ' + r.statusNotes : '.');
    case 'closed':
      return name + 'closed, city request number ' + r.serviceRequestId + (r.statusNotes ? '. ' + r.statusNotes : '.');
    case 'rejected':
      return name + 'refused by the city: ' + (r.errors || []).map(e => e.message).join(' ');
    default:
      return name + r.state;
  }
}

/** A version 4 UUID naming one form's request, so sending it twice makes one request (randomUUID needs a secure context; this does not). */
function newKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}

/** A datetime-local value as ISO 8601 with this browser's zone, as the spec asks. */
function withZone(local) {
  if (!local) return '';
  const at = new Date(local);
  const minutes = -at.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const pad = n => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return local.length === 16 ? local + ':00' + sign + pad(minutes / 60) + ':' + pad(minutes % 60) : local;
}

export function serviceRequests(ws) {
  const section = el('section', { id: 'open311', className: 'open311', hidden: true, aria: { labelledby: 'open311-heading' } });
  const list = el('ul', { id: 'open311-list', className: 'history' });
  const status = el('p', { id: 'open311-status', className: 'status', role: 'status' });
  const start = el('button', { type: 'button', id: 'open311-start', className: 'secondary' }, 'Create a service request');
  const form = el('form', { id: 'open311-form', hidden: true, noValidate: true, aria: { labelledby: 'open311-form-heading' } });
  const select = el('select', { id: 'open311-service' }, el('option', { value: '' }, 'Choose a service'));
  const fields = el('div', { id: 'open311-fields' });
  const formProblem = el('p', { id: 'open311-form-problem', className: 'problem', role: 'alert' });
  form.append(el('h4', { id: 'open311-form-heading' }, 'New service request'),
    el('label', { htmlFor: 'open311-service' }, 'Service'), select, fields, formProblem,
    el('p', {}, el('button', { type: 'submit', id: 'open311-send' }, 'Send to the city'), ' ',
      el('button', { type: 'button', className: 'secondary', onclick: () => closeForm() }, 'Cancel')));
  section.append(el('h3', { id: 'open311-heading' }, 'City service requests'), list, status, el('p', {}, start), form);
  byId('context-body').append(section);

  let shownFor = null;
  let told = new Map(); // request id -> the sentence last told
  let draft = { description: '', address: '' };
  let definition = null;
  let requestKey = null;
  let services = [];

  async function enabled() {
    try {
      services = (await ws.api('GET', '/api/open311/services')).services || [];
      return true;
    } catch (e) {
      return e.status !== 404;
    }
  }

  function closeForm() {
    form.hidden = true;
    start.hidden = false;
    start.focus();
  }

  async function openForm() {
    formProblem.textContent = '';
    clear(fields);
    try {
      services = (await ws.api('GET', '/api/open311/services')).services || [];
    } catch (e) {
      setText(status, e.message);
      return;
    }
    select.length = 1;
    for (const s of services) select.append(el('option', { value: s.code }, s.name + (s.group ? ' (' + s.group + ')' : '')));
    requestKey = newKey();
    definition = null;
    chosen = '';
    form.hidden = false;
    start.hidden = true;
    formFor = ws.selected();
    select.focus();
  }

  function errorFor(code) {
    return el('p', { id: 'open311-error-' + code, className: 'field-error', hidden: true });
  }

  function field(code, label, control, hint) {
    const hintId = hint ? 'open311-hint-' + code : null;
    control.setAttribute('aria-describedby', ['open311-error-' + code, hintId].filter(Boolean).join(' '));
    return el('div', { className: 'open311-field', dataset: { field: code } },
      el('label', { htmlFor: control.id }, label), control, hint ? el('p', { id: hintId, className: 'hint' }, hint) : null, errorFor(code));
  }

  function attributeField(a) {
    const id = 'open311-attr-' + a.code;
    const label = a.description + (a.required ? ' (required)' : '');
    const hint = a.datatypeDescription || null;
    switch (a.datatype) {
      case 'text':
        return field(a.code, label, el('textarea', { id, rows: 3, required: a.required, dataset: { attribute: a.code } }), hint);
      case 'number':
        return field(a.code, label, el('input', { id, inputMode: 'decimal', required: a.required, dataset: { attribute: a.code } }), hint);
      case 'datetime':
        return field(a.code, label, el('input', { id, type: 'datetime-local', required: a.required, dataset: { attribute: a.code, datetime: 'true' } }), hint);
      case 'singlevaluelist':
        return field(a.code, label, el('select', { id, required: a.required, dataset: { attribute: a.code } }, el('option', { value: '' }, 'Choose'),
          ...a.values.map(v => el('option', { value: v.key }, v.name))), hint);
      case 'multivaluelist':
        return el('fieldset', { className: 'open311-field', dataset: { field: a.code }, aria: { describedby: 'open311-error-' + a.code } },
          el('legend', {}, label),
          ...a.values.map(v => el('label', { className: 'choice' },
            el('input', { type: 'checkbox', value: v.key, dataset: { multi: a.code } }), ' ' + v.name)),
          errorFor(a.code));
      default:
        return field(a.code, label, el('input', { id, required: a.required, dataset: { attribute: a.code } }), hint);
    }
  }

  /** The conversation the form was opened for. */
  let formFor = null;
  let chosen = '';
  async function chooseService() {
    if (select.value === chosen && (definition || !chosen)) return;
    chosen = select.value;
    clear(fields);
    definition = null;
    if (!select.value) return;
    try {
      definition = await ws.api('GET', '/api/open311/services/' + encodeURIComponent(select.value));
    } catch (e) {
      formProblem.textContent = e.message;
      return;
    }
    const description = el('textarea', { id: 'open311-description', rows: 4, required: true });
    description.value = draft.description;
    const address = el('input', { id: 'open311-address', required: true, autocomplete: 'off' });
    address.value = draft.address;
    fields.append(field('description', 'What the resident reported (required)', description),
      field('address', 'Address (required)', address, draft.address ? 'Guessed from what the resident wrote: check it.' : 'The resident gave no address we could find.'));
    for (const a of definition.attributes) {
      if (!a.variable) fields.append(el('p', { className: 'hint' }, a.description));
      else fields.append(attributeField(a));
    }
  }

  function showErrors(errors) {
    for (const p of fields.querySelectorAll('.field-error')) { p.hidden = true; p.textContent = ''; }
    for (const c of fields.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
    const general = [];
    let first = null;
    for (const e of errors) {
      const p = byId('open311-error-' + e.field);
      if (!p) { general.push(e.message); continue; }
      p.textContent = e.message;
      p.hidden = false;
      const control = fields.querySelector('[data-field="' + CSS.escape(e.field) + '"] input, [data-field="' + CSS.escape(e.field) + '"] select, [data-field="' + CSS.escape(e.field) + '"] textarea');
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        first = first || control;
      }
    }
    formProblem.textContent = (errors.length === 1 ? 'One answer needs changing. ' : errors.length + ' answers need changing. ') + general.join(' ');
    if (first) first.focus();
  }

  function answers() {
    const attributes = {};
    for (const c of fields.querySelectorAll('[data-attribute]')) {
      const value = c.dataset.datetime ? withZone(c.value) : c.value;
      if (value) attributes[c.dataset.attribute] = value;
    }
    for (const c of fields.querySelectorAll('[data-multi]:checked')) (attributes[c.dataset.multi] = attributes[c.dataset.multi] || []).push(c.value);
    return {
      requestKey, serviceCode: select.value, attributes,
      description: byId('open311-description').value, address: byId('open311-address').value
    };
  }

  async function submit(event) {
    event.preventDefault();
    if (!definition) {
      formProblem.textContent = 'Choose a service first.';
      select.focus();
      return;
    }
    const id = ws.selected();
    const response = await fetch('/api/conversations/' + id + '/service-requests', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(answers())
    }).catch(() => null);
    const data = response ? await response.json().catch(() => ({})) : {};
    if (!response || !response.ok) {
      if (data.fields) showErrors(data.fields);
      else formProblem.textContent = data.message || 'The request could not be kept. Try again.';
      return;
    }
    ws.announce('Service request kept: ' + describeRequest(data));
    told.set(data.id, describeRequest(data));
    form.hidden = true;
    start.hidden = false;
    render([...currentRequests.filter(r => r.id !== data.id), data]);
    start.focus();
  }

  let currentRequests = [];

  function offerFollowUp(r) {
    const note = 'City service request ' + r.serviceRequestId + ' (' + r.serviceName + ') closed' + (r.statusNotes ? ': ' + r.statusNotes : '.');
    document.dispatchEvent(new CustomEvent('accessline:follow-up', { detail: { conversationId: shownFor, recordId: shownFor, note } }));
    ws.announce('Follow-up offered: ' + note);
  }

  function correct(r) {
    openForm().then(async () => {
      select.value = r.serviceCode;
      await chooseService();
      byId('open311-description').value = r.description || '';
      byId('open311-address').value = r.address || '';
      for (const [code, value] of Object.entries(r.attributes || {})) {
        if (Array.isArray(value)) for (const c of fields.querySelectorAll('[data-multi="' + CSS.escape(code) + '"]')) c.checked = value.includes(c.value);
        else { const c = byId('open311-attr-' + code); if (c && !c.dataset.datetime) c.value = value; }
      }
      showErrors(r.errors || []);
    });
  }

  function render(requests) {
    currentRequests = requests;
    clear(list);
    for (const r of requests) {
      list.append(el('li', { dataset: { request: r.id, state: r.state } }, el('span', {}, describeRequest(r)),
        r.state === 'closed' ? el('button', { type: 'button', className: 'secondary', onclick: () => offerFollowUp(r) }, 'Offer a follow-up') : null,
        r.state === 'rejected' ? el('button', { type: 'button', className: 'secondary', onclick: () => correct(r) }, 'Correct and send again') : null));
    }
    if (!requests.length) list.append(el('li', { className: 'hint' }, 'No service request made from this conversation.'));
  }

  async function refresh() {
    const id = ws.selected();
    if (!id) {
      shownFor = null;
      return;
    }
    const switched = id !== shownFor;
    if (switched) {
      shownFor = id;
      told = new Map();
      // The poll may first see a conversation after the agent has already opened the form for it: keep that form.
      if (formFor !== id) {
        form.hidden = true;
        start.hidden = false;
        setText(status, '');
      }
    }
    try {
      const data = await ws.api('GET', '/api/conversations/' + id + '/service-requests');
      if (ws.selected() !== id) return;
      draft = data.draft || draft;
      for (const r of data.requests) {
        const sentence = describeRequest(r);
        if (!switched && told.get(r.id) !== sentence) ws.announce(sentence);
        told.set(r.id, sentence);
      }
      render(data.requests);
    } catch (e) {
      if (e.status !== 403 && e.status !== 404) setText(status, 'Service requests could not be loaded: ' + e.message);
    }
  }

  start.addEventListener('click', openForm);
  select.addEventListener('change', chooseService);
  select.addEventListener('input', chooseService);
  form.addEventListener('submit', submit);
  // Asked only once signed in, so the page's own sign-in check is the one that answers a lapsed session.
  let on = null;
  async function tick() {
    if (!ws.me()) return;
    if (on === null) {
      on = await enabled();
      section.hidden = !on;
    }
    if (on) await refresh();
  }
  setInterval(tick, POLL_MS);
  document.addEventListener('visibilitychange', tick);
  return { refresh };
}
