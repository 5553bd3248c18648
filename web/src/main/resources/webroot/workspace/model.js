// The workspace's decisions as pure functions over plain data: what a conversation is called, how
// long its resident has waited, which conversation comes first, and what the page title counts.

/**
 * A stable, readable name for the resident: the gateway's name for them when it sends one, or a
 * name made from the conversation id, which stays the same across reloads and sessions.
 */
export function residentName(conversation) {
  if (conversation.residentName) return conversation.residentName;
  return 'Resident ' + (conversation.id || conversation.conversationId || '????').slice(0, 4).toUpperCase();
}

const isStaff = actor => actor && (actor.role === 'agent' || actor.role === 'supervisor' || actor.role === 'system');

/**
 * Since when the resident has waited for an answer: the first of their messages after the center last
 * wrote, or null when the center spoke last (nobody is waiting).
 */
export function waitingSince(entries) {
  let since = null;
  for (const e of entries) {
    if (e.event.kind !== 'message') continue;
    if (e.actor.role === 'resident') { if (since === null) since = e.at; }
    else if (isStaff(e.actor)) since = null;
  }
  return since;
}

/** The last message either side wrote: `{ text, at, from }` or null. */
export function lastMessage(entries) {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.event.kind === 'message') return { text: e.event.text, at: e.at, from: e.actor.role === 'resident' ? 'resident' : 'center' };
  }
  return null;
}

/** Whether an emergency was raised in the conversation. */
export function hasEmergency(entries) {
  return entries.some(e => e.event.kind === 'escalated' && e.event.path === 'emergency');
}

/** The latest details filed on the record, as the details form shows them; null when none. */
export function latestDetails(entries) {
  let last = null;
  for (const e of entries) if (e.event.kind === 'details') last = e.event;
  return last;
}

/**
 * The list order: emergencies first, then whoever has waited longest for an answer, then those
 * nobody is waiting on (oldest conversation first, so the order does not jump about).
 */
export function byUrgencyThenWait(a, b) {
  if (!!a.emergency !== !!b.emergency) return a.emergency ? -1 : 1;
  const wa = a.waitingSince ? Date.parse(a.waitingSince) : Infinity;
  const wb = b.waitingSince ? Date.parse(b.waitingSince) : Infinity;
  if (wa !== wb) return wa - wb;
  return (a.order || 0) - (b.order || 0);
}

/** "(3) Center · Agent workspace": the title counts offers and unread messages together. */
export function pageTitle(base, offers, unread) {
  const count = offers + unread;
  return count > 0 ? '(' + count + ') ' + base : base;
}

/** The empty list's words depend on whether the agent can be offered anything. */
export function emptyListText(presence) {
  return presence === 'available'
    ? 'No conversations right now. New ones are offered to you here as residents write.'
    : 'No conversations. Set your status to Available to receive them.';
}

/** Tags as typed ("Trash, missed pickup") to the list the gateway takes. */
export function parseTags(text) {
  return [...new Set(text.split(',').map(t => t.trim().toLowerCase()).filter(Boolean))];
}

/** The canned-reply search the composer starts: "/pick" searches for "pick"; anything else, none. */
export function cannedQuery(text) {
  const m = /^\/(\S*)$/.exec(text);
  return m ? m[1] : null;
}
