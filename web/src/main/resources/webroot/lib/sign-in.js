// The staff sign-in form the records and supervisor pages share: it signs in over the API, then
// hands who signed in to the page, which moves focus to its first control (never leaves it on the body).

import { byId } from '/lib/dom.js';

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
