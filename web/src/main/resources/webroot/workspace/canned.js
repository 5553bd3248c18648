// Canned replies: found from the reply box by typing "/" and a word, inserted with the placeholders
// already filled for the open conversation; managed in a dialog (personal ones by everyone, shared
// ones by supervisors).

import { byId, clear, el, setText } from '/lib/dom.js';
import { cannedQuery } from '/workspace/model.js';
import { openModal } from '/workspace/dialogs.js';

export function cannedReplies(ws) {
  const box = byId('reply');
  const results = byId('canned-results');
  const list = byId('canned-list');
  let timer = null;
  let ticket = 0;

  function close() {
    results.hidden = true;
    clear(list);
  }

  function insert(reply) {
    box.value = reply.text;
    close();
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    ws.announce('Inserted "' + reply.title + '". Edit it or press Enter to send.');
  }

  function show(replies, query) {
    clear(list);
    results.hidden = false;
    if (replies.length === 0) {
      setText(byId('canned-status'), query ? 'No canned reply matches "' + query + '".' : 'You have no canned replies yet.');
      return;
    }
    setText(byId('canned-status'), replies.length + (replies.length === 1 ? ' canned reply matches' : ' canned replies match')
      + '. Press Down arrow to choose, Escape to go back.');
    for (const reply of replies.slice(0, 8)) {
      list.append(el('li', {}, el('button', { type: 'button', className: 'canned-choice', onclick: () => insert(reply) },
        el('span', { className: 'canned-title' }, reply.title + (reply.shortcut ? ' (/' + reply.shortcut + ')' : '')),
        el('span', { className: 'canned-text' }, reply.text))));
    }
  }

  async function search(query) {
    const mine = ++ticket;
    const id = ws.selected();
    if (!id) return;
    try {
      const data = await ws.api('GET', '/api/conversations/' + id + '/canned-replies?q=' + encodeURIComponent(query));
      if (mine === ticket && cannedQuery(box.value) !== null) show(data.replies || [], query);
    } catch (e) {
      if (mine !== ticket) return;
      results.hidden = false;
      clear(list);
      setText(byId('canned-status'), 'Canned replies could not be loaded: ' + e.message);
    }
  }

  box.addEventListener('input', () => {
    const query = cannedQuery(box.value);
    clearTimeout(timer);
    if (query === null) { ticket++; close(); return; }
    timer = setTimeout(() => search(query), 120);
  });

  box.addEventListener('keydown', ev => {
    if (results.hidden) return;
    if (ev.key === 'ArrowDown' && list.querySelector('button')) { ev.preventDefault(); list.querySelector('button').focus(); }
    else if (ev.key === 'Escape') { ev.preventDefault(); close(); }
  });

  list.addEventListener('keydown', ev => {
    const buttons = [...list.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement);
    if (ev.key === 'ArrowDown') { ev.preventDefault(); (buttons[at + 1] || buttons[0]).focus(); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); if (at <= 0) box.focus(); else buttons[at - 1].focus(); }
    else if (ev.key === 'Escape') { ev.preventDefault(); close(); box.focus(); }
  });

  /** True when the "/" search holds the Enter key (so Enter picks rather than sends). */
  function searching() {
    return cannedQuery(box.value) !== null;
  }

  // Managing them.
  const dialog = byId('canned-dialog');
  const manage = byId('canned-manage-list');

  function canEdit(reply) {
    return reply.scope === 'shared' ? ws.me().role === 'supervisor' : true;
  }

  function edit(reply) {
    byId('canned-id').value = reply ? reply.id : '';
    byId('canned-title').value = reply ? reply.title : '';
    byId('canned-shortcut').value = reply ? reply.shortcut || '' : '';
    byId('canned-text').value = reply ? reply.text : '';
    byId('canned-tty').value = reply ? reply.ttyText || '' : '';
    byId('canned-scope').value = reply ? reply.scope : 'personal';
    setText(byId('canned-form-heading'), reply ? 'Change "' + reply.title + '"' : 'Add a canned reply');
    setText(byId('canned-problem'), '');
    byId('canned-title').focus();
  }

  async function refresh() {
    clear(manage);
    try {
      const data = await ws.api('GET', '/api/canned-replies');
      const replies = data.replies || [];
      if (replies.length === 0) manage.append(el('li', { className: 'hint' }, 'No canned replies yet.'));
      for (const reply of replies) {
        const label = reply.title + ' (' + (reply.scope === 'shared' ? 'shared' : 'yours') + ')';
        const li = el('li', {}, el('span', { className: 'canned-title' }, label), ' ');
        if (canEdit(reply)) {
          li.append(el('button', { type: 'button', className: 'secondary', onclick: () => edit(reply) }, 'Change',
            el('span', { className: 'visually-hidden' }, ' ' + label)), ' ',
          el('button', { type: 'button', className: 'secondary', onclick: async () => {
            try {
              await ws.api('DELETE', '/api/canned-replies/' + reply.id);
              await refresh();
              ws.announce('Deleted "' + reply.title + '".');
              byId('canned-title').focus();
            } catch (e) { setText(byId('canned-problem'), e.message); }
          } }, 'Delete', el('span', { className: 'visually-hidden' }, ' ' + label)));
        }
        manage.append(li);
      }
    } catch (e) {
      setText(byId('canned-problem'), 'Canned replies could not be loaded: ' + e.message);
    }
  }

  byId('canned-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const id = byId('canned-id').value;
    const body = { title: byId('canned-title').value.trim(), text: byId('canned-text').value.trim(),
      shortcut: byId('canned-shortcut').value.trim(), ttyText: byId('canned-tty').value.trim() || null,
      scope: ws.me().role === 'supervisor' ? byId('canned-scope').value : 'personal' };
    try {
      await ws.api(id ? 'PUT' : 'POST', '/api/canned-replies' + (id ? '/' + id : ''), body);
      ws.announce('Saved "' + body.title + '".');
      await refresh();
      edit(null);
    } catch (e) { setText(byId('canned-problem'), e.message); }
  });
  byId('canned-new').addEventListener('click', () => edit(null));

  function openManager() {
    byId('canned-scope-field').hidden = ws.me().role !== 'supervisor';
    edit(null);
    openModal(dialog, { focus: byId('canned-title') });
    refresh();
  }

  return { openManager, searching, close };
}
