// The admin page: staff accounts (role, grants, disabling, password resets), record categories,
// and the queues as configured. The gateway checks every call; this page only offers what it allows.
import { byId, el, clear, setText, announcer } from '/lib/dom.js';
import { apiClient } from '/lib/api.js';
import { timeElement } from '/lib/time.js';
import { signInForm, showSignIn } from '/lib/sign-in.js';

const ROLE_NAMES = { agent: 'Agent', supervisor: 'Supervisor', admin: 'Administrator' };
const GRANTS = ['directory-editor', 'quality-reviewer'];
let me = null;
let editing = null; // the account being edited (with its version), or null for a new one
let editButton = null; // the row's Edit button, to return focus to

const problem = text => setText(byId('problem'), text || '');
const announce = announcer(byId('status'));
const api = apiClient({ onSignedOut: () => showSignIn(byId('admin')) });

async function start(staff) {
  me = staff;
  byId('sign-in').hidden = true;
  if (!(staff.permissions || []).includes('administer')) {
    byId('not-admin').hidden = false;
    byId('not-admin-heading').tabIndex = -1;
    byId('not-admin-heading').focus();
    return;
  }
  byId('admin').hidden = false;
  setText(byId('staff-name'), staff.displayName + ' (administrator)');
  await Promise.all([loadAccounts(), loadCategories(), loadQueues()]);
  byId('accounts-heading').tabIndex = -1;
  byId('accounts-heading').focus();
}

async function loadAccounts() {
  const { accounts } = await api('GET', '/api/admin/accounts');
  const body = byId('accounts').tBodies[0];
  clear(body);
  for (const a of accounts) {
    const edit = el('button', { type: 'button', textContent: 'Edit', aria: { label: 'Edit ' + a.username } });
    edit.addEventListener('click', () => openEditor(a, edit));
    body.append(el('tr', {},
      el('th', { scope: 'row', textContent: a.username }),
      el('td', { textContent: a.displayName }),
      el('td', { textContent: ROLE_NAMES[a.role] || a.role }),
      el('td', { textContent: a.grants.join(', ') || 'none' }),
      el('td', { textContent: a.disabled ? 'Disabled' : 'Enabled' }),
      el('td', {}, timeElement(a.changedAt), ' by ' + a.changedBy),
      el('td', {}, edit)));
  }
}

function openEditor(account, button) {
  editing = account;
  editButton = button;
  problem('');
  setText(byId('editor-heading'), account ? 'Edit ' + account.username : 'New account');
  byId('username-field').hidden = !!account;
  byId('account-username').value = account ? account.username : '';
  byId('account-name').value = account ? account.displayName : '';
  byId('account-role').value = account ? account.role : 'agent';
  byId('account-capacity').value = account ? account.capacity : 4;
  byId('account-skills').value = account ? account.skills.join(', ') : '';
  for (const g of GRANTS) byId('grant-' + g).checked = !!account && account.grants.includes(g);
  byId('disabled-field').hidden = !account;
  byId('account-disabled').checked = !!account && account.disabled;
  setText(byId('account-save'), account ? 'Save changes' : 'Create account');
  byId('account-reset-password').hidden = !account;
  byId('account-cancel').hidden = !account;
  (account ? byId('account-name') : byId('account-username')).focus();
}

function settings() {
  const skills = byId('account-skills').value.split(',').map(s => s.trim().toLowerCase()).filter(Boolean);
  return {
    displayName: byId('account-name').value.trim() || (editing ? editing.username : byId('account-username').value.trim()),
    role: byId('account-role').value,
    grants: GRANTS.filter(g => byId('grant-' + g).checked),
    capacity: Number(byId('account-capacity').value),
    skills
  };
}

function showPassword(username, password) {
  setText(byId('new-password-user'), username);
  setText(byId('new-password-value'), password);
  byId('new-password').hidden = false;
  byId('new-password').focus();
}

byId('new-password-done').addEventListener('click', () => {
  setText(byId('new-password-value'), '');
  byId('new-password').hidden = true;
  byId('accounts-heading').focus();
});

byId('account-form').addEventListener('submit', async event => {
  event.preventDefault();
  problem('');
  try {
    if (editing) {
      const { account } = await api('PUT', '/api/admin/accounts/' + encodeURIComponent(editing.username),
        { ...settings(), disabled: byId('account-disabled').checked, version: editing.version });
      await loadAccounts();
      announce('Saved ' + account.username + '.');
      openEditor(null, null);
    } else {
      const username = byId('account-username').value.trim();
      const { account, password } = await api('POST', '/api/admin/accounts', { username, ...settings() });
      await loadAccounts();
      openEditor(null, null);
      showPassword(account.username, password);
    }
  } catch (e) {
    problem(e.message);
  }
});

byId('account-reset-password').addEventListener('click', async () => {
  problem('');
  try {
    const { account, password } = await api('POST', '/api/admin/accounts/' + encodeURIComponent(editing.username) + '/password', {});
    await loadAccounts();
    openEditor(null, null);
    showPassword(account.username, password);
  } catch (e) {
    problem(e.message);
  }
});

byId('account-cancel').addEventListener('click', () => {
  const back = editButton;
  openEditor(null, null);
  if (back && back.isConnected) back.focus();
});

async function loadCategories() {
  const { categories } = await api('GET', '/api/admin/categories');
  byId('categories').value = categories.join('\n');
}

byId('categories-form').addEventListener('submit', async event => {
  event.preventDefault();
  problem('');
  const categories = byId('categories').value.split('\n').map(c => c.trim()).filter(Boolean);
  try {
    const saved = await api('PUT', '/api/admin/categories', { categories });
    byId('categories').value = saved.categories.join('\n');
    announce('Saved ' + saved.categories.length + ' categories.');
  } catch (e) {
    problem(e.message);
  }
});

async function loadQueues() {
  const q = await api('GET', '/api/admin/queues');
  setText(byId('queues-why'), q.why);
  const body = byId('queues').tBodies[0];
  clear(body);
  for (const queue of q.queues) {
    body.append(el('tr', {}, el('th', { scope: 'row', textContent: queue.name }), el('td', { textContent: String(queue.priority) }),
      el('td', { textContent: queue.skills.join(', ') || 'none' })));
  }
}

signInForm(api, problem, start);
api('GET', '/api/me').then(start).catch(e => {
  if (e.status !== 401) problem(e.message);
});
