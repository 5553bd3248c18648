'use strict';
// What the agent console and the records page share: calling the API with the staff session, and
// how an entry reads to staff (who spoke, what they said, and a class for how it is shown).
window.Staff = (function () {
  /** An API caller; {@code signedOut} runs when the session has ended. */
  function api(signedOut) {
    return async function (method, path, body) {
      const options = { method, headers: {}, credentials: 'same-origin' };
      // Every change is sent as JSON, body or not: the gateway refuses other types as possible forgeries.
      if (method !== 'GET') options.headers['Content-Type'] = 'application/json';
      if (body !== undefined) options.body = JSON.stringify(body);
      const response = await fetch(path, options);
      if (response.status === 401 && path !== '/api/session') { signedOut(); throw new Error('Your session has ended. Please sign in again.'); }
      const data = response.status === 204 ? {} : await response.json();
      if (!response.ok) {
        const failure = new Error(data.message || ('Request failed (' + response.status + ')'));
        failure.code = data.error;
        throw failure;
      }
      return data;
    };
  }

  function describe(e) {
    const ev = e.event;
    switch (ev.kind) {
      case 'message': return [e.actor.role === 'resident' ? 'Resident' : e.actor.role === 'supervisor' ? e.actor.name + ' (supervisor, as the center)' : e.actor.name,
        ev.text, e.actor.role === 'resident' ? 'from-resident' : 'from-agent'];
      case 'opened': return [null, 'Conversation opened on ' + ev.channel + (ev.previous ? ', following an earlier conversation with the same resident.' : '.'), 'event'];
      case 'queued': return [null, 'Queued: ' + ev.reason + '.', 'event'];
      case 'offered': return [null, 'Offered to ' + ev.agentName + '.', 'event'];
      case 'assigned': return [null, 'Assigned to ' + ev.agentName + '.', 'event'];
      case 'unassigned': return [null, 'Returned to the queue: ' + ev.reason + '.', 'event'];
      case 'delivery': return [null, 'Message #' + ev.messageSeq + ' ' + ev.status + (ev.detail ? ': ' + ev.detail : '') + '.', 'event'];
      case 'note': return [null, ev.text, 'event note'];
      case 'whisper': return ['Whisper from ' + e.actor.name, ev.withheld ? 'A note for another agent; its text is not shown to you.' : ev.text + ' (never shown to the resident)', 'event whisper'];
      case 'transferred': return [null, 'Passed on by ' + ev.from + (ev.to ? ' to ' + ev.to : ' to the queue') + (ev.note ? ': ' + ev.note : '.'), 'event'];
      case 'skills': return [null, 'Needs: ' + (ev.skills.length ? ev.skills.join(', ') : 'no particular skill') + '.', 'event'];
      case 'escalated': return [null, ev.path === 'emergency'
        ? 'Emergency: ' + ev.reason + ' The resident was sent 911 guidance and supervisors were alerted. Keep helping them.'
        : 'Escalated (' + ev.path + '): ' + ev.reason, 'event urgent'];
      case 'consent': return [null, ev.optedOut
        ? 'The resident texted ' + ev.keyword + ': no text can reach them until they text START.'
        : 'The resident texted ' + ev.keyword + ' and can be texted again.', 'event note'];
      case 'resolved': return [null, 'Resolved: ' + ev.disposition + '.', 'event'];
      default: return [null, ev.kind, 'event'];
    }
  }

  /** Wires the page's sign-in form: on success, {@code signedIn} gets who signed in. */
  function signInForm(api, problem, signedIn) {
    const field = id => document.getElementById(id);
    field('sign-in-form').addEventListener('submit', async event => {
      event.preventDefault();
      problem('');
      try {
        await api('POST', '/api/session', { username: field('username').value, password: field('password').value });
        field('password').value = '';
        signedIn(await api('GET', '/api/me'));
      } catch (e) { problem(e.message); }
    });
  }

  /** A table row of text cells, then an action button labelled for screen readers. */
  function row(cells, action, label, onPress) {
    const tr = document.createElement('tr');
    cells.forEach(text => {
      const td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    });
    const td = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = action;
    button.setAttribute('aria-label', label);
    button.addEventListener('click', onPress);
    td.appendChild(button);
    tr.appendChild(td);
    return tr;
  }

  return { api, describe, signInForm, row };
})();
