// Calls the gateway's JSON API with the staff session. Every change is sent as JSON, body or not:
// the gateway refuses other content types on changes as possible cross-site forgeries.

/** A refusal from the gateway: its message is written for people, its code for the page. */
export class ApiError extends Error {
  constructor(message, code, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/**
 * An API caller. `onSignedOut` runs when the session has ended (any 401 but the sign-in itself),
 * so a page can show its sign-in form again.
 */
export function apiClient({ onSignedOut = () => {} } = {}) {
  return async function api(method, path, body) {
    const options = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (method !== 'GET') options.headers['Content-Type'] = 'application/json';
    if (body !== undefined) options.body = JSON.stringify(body);
    let response;
    try {
      response = await fetch(path, options);
    } catch (e) {
      throw new ApiError('The gateway cannot be reached. Check the connection and try again.', 'unreachable', 0);
    }
    if (response.status === 401 && path !== '/api/session') {
      onSignedOut();
      throw new ApiError('Your session has ended. Please sign in again.', 'signed_out', 401);
    }
    const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(data.message || 'Request failed (' + response.status + ').', data.error, response.status);
    return data;
  };
}

/** The center's public facts (its name), for pages that greet by name; null when unknown. */
export async function center() {
  try {
    const response = await fetch('/api/center', { headers: { Accept: 'application/json' } });
    return response.ok ? await response.json() : null;
  } catch (e) {
    return null;
  }
}
