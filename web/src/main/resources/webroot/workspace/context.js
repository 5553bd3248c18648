// The context panel: the TTY helpers on a TTY call, the record's details form, and the resident's
// earlier contacts on every channel.

import { byId, clear, el, setText } from '/lib/dom.js';
import { timeElement } from '/lib/time.js';
import { channelName } from '/lib/wording.js';
import { renderGlossary } from '/tty.js';
import { latestDetails, parseTags } from '/workspace/model.js';
import { referralPanel } from '/workspace/directory.js';

const FIELDS = {
  category: 'detail-category', tags: 'detail-tags', agency: 'detail-referral-agency', service: 'detail-referral-service',
  open311: 'detail-open311'
};

export function contextPanel(ws) {
  renderGlossary(byId('tty-glossary'));
  const referral = referralPanel(ws, byId('context-body'));
  let shownFor = null;
  let historyRequest = 0;

  async function loadCategories() {
    try {
      const data = await ws.api('GET', '/api/categories');
      const select = byId(FIELDS.category);
      const chosen = select.value;
      select.length = 1;
      for (const c of data.categories || []) select.append(el('option', { value: c }, c));
      select.value = chosen;
    } catch (e) { /* without the list only "No category" can be chosen; the gateway refuses others anyway */ }
  }

  function fill(conversation) {
    const d = latestDetails([...conversation.entries.values()]) || {};
    const category = byId(FIELDS.category);
    if (d.category && ![...category.options].some(o => o.value === d.category)) category.append(el('option', { value: d.category }, d.category));
    category.value = d.category || '';
    byId(FIELDS.tags).value = (d.tags || []).join(', ');
    byId(FIELDS.agency).value = d.referralAgency || '';
    byId(FIELDS.service).value = d.referralService || '';
    byId(FIELDS.open311).value = d.open311Id || '';
    setText(byId('details-status'), '');
  }

  function historyItem(h) {
    const opened = h.openedAt || h.opened;
    const resolved = h.resolvedAt || h.resolved;
    const facts = [];
    if (h.channel) facts.push(channelName(h.channel));
    facts.push(resolved ? (h.disposition || 'resolved') : 'still open');
    if (h.category) facts.push(h.category);
    if (h.tags && h.tags.length) facts.push('tags: ' + h.tags.join(', '));
    if (h.agents && h.agents.length) facts.push('with ' + h.agents.join(', '));
    return el('li', {},
      el('a', { href: '/records.html#record=' + h.id, target: '_blank', rel: 'noopener' }, timeElement(opened),
        el('span', { className: 'visually-hidden' }, ' (opens the record in a new tab)')),
      el('span', { className: 'history-facts' }, ': ' + facts.join(' · ')));
  }

  async function loadHistory(id) {
    const ticket = ++historyRequest;
    const list = byId('history-list');
    clear(list);
    setText(byId('history-empty'), 'Looking for earlier contacts…');
    try {
      const data = await ws.api('GET', '/api/conversations/' + id + '/history');
      if (ticket !== historyRequest) return;
      const earlier = (data.conversations || data.records || []).filter(h => h.id !== id);
      earlier.forEach(h => list.append(historyItem(h)));
      setText(byId('history-empty'), earlier.length ? '' : 'No earlier contacts from this resident.');
      byId('history-empty').hidden = earlier.length > 0;
    } catch (e) {
      if (ticket === historyRequest) setText(byId('history-empty'), 'Earlier contacts could not be loaded: ' + e.message);
    }
  }

  /** Shows the panel for `conversation` (null: nothing open). */
  function show(conversation) {
    byId('context-empty').hidden = !!conversation;
    byId('context-body').hidden = !conversation;
    if (!conversation) { shownFor = null; return; }
    referral.show(conversation);
    const tty = conversation.channel === 'tty' || conversation.channel === 'relay';
    byId('tty-help').hidden = !tty;
    if (shownFor === conversation.id) return;
    shownFor = conversation.id;
    byId('history-empty').hidden = false;
    fill(conversation);
    loadHistory(conversation.id);
  }

  /** A details entry arrived for the open conversation: the form shows what is on the record. */
  function detailsFiled(conversation) {
    if (shownFor === conversation.id && !byId('details-form').contains(document.activeElement)) fill(conversation);
  }

  byId('details-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const id = ws.selected();
    if (!id) return;
    const value = key => byId(FIELDS[key]).value.trim();
    const body = { tags: parseTags(byId(FIELDS.tags).value) };
    if (value('category')) body.category = value('category');
    if (value('agency') || value('service')) body.referral = { ...(value('agency') && { agency: value('agency') }), ...(value('service') && { service: value('service') }) };
    if (value('open311')) body.open311Id = value('open311');
    setText(byId('details-status'), 'Saving…');
    try {
      await ws.api('PUT', '/api/conversations/' + id + '/details', body);
      setText(byId('details-status'), 'Details saved on the record.');
    } catch (e) {
      setText(byId('details-status'), 'Not saved: ' + e.message);
    }
  });

  return { show, loadCategories, detailsFiled };
}
