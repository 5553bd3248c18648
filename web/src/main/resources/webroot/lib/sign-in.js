// The staff sign-in form the records and supervisor pages share: it signs in over the API, then
// hands who signed in to the page, which moves focus to its first control (never leaves it on the body).

import { byId, setText } from '/lib/dom.js';

/**
 * Wires `#sign-in-form` (with `#username` and `#password`): on success `signedIn(me)` runs with
 * GET /api/me's answer; a refusal is shown through `problem(text)` and the password field is focused.
 */
export function signInForm(api, problem, signedIn) {
  byId('sign-in-form').addEventListener('submit', async event => {
    event.preventDefault();
    problem('');
    try {
      await api('POST', '/api/session', { username: byId('username').value, password: byId('password').value });
      byId('password').value = '';
      signedIn(await api('GET', '/api/me'));
    } catch (e) {
      problem(e.message);
      byId('password').focus();
    }
  });
}

/** Shows the sign-in section instead of `content` and puts the cursor in the username field. */
export function showSignIn(content) {
  content.hidden = true;
  byId('sign-in').hidden = false;
  byId('username').focus();
}

/**
 * Shows a supervisors' page to `me`: the page's `content` and `start` for a supervisor; for anyone
 * else the page's "not for you" section, with the keyboard on its heading.
 */
export function showSupervisorPage(me, content, start) {
  byId('sign-in').hidden = true;
  byId('staff-nav').hidden = false;
  setText(byId('staff-name'), 'Signed in as ' + me.displayName);
  const supervisor = me.role === 'supervisor';
  content.hidden = !supervisor;
  byId('not-supervisor').hidden = supervisor;
  if (!supervisor) {
    byId('not-supervisor-heading').focus();
    return;
  }
  byId('main').focus();
  start();
}
