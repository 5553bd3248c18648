// How each kind of entry reads, in one table: to staff (who spoke, what was said, how it is shown)
// and to the resident (only what a resident should read; null hides the entry from them).

export const CHANNEL_NAMES = { sms: 'text message', tty: 'TTY call', webchat: 'web chat', relay: 'relay call' };

export function channelName(channel) {
  return CHANNEL_NAMES[channel] || channel;
}

function speaker(actor) {
  if (actor.role === 'resident') return 'Resident';
  if (actor.role === 'supervisor') return actor.name + ' (supervisor, as the center)';
  if (actor.role === 'system') return 'The center';
  return actor.name;
}

/** How a relayed turn says it reached us: the recogniser's words, not the resident's own typing. */
export function transcribed(e) {
  return e.event.transcription ? ' (relayed by voice, machine-transcribed, ' + Math.round(e.event.transcription.confidence * 100) + '% confidence)' : '';
}

/**
 * Staff wording, keyed by entry kind: each returns `{ who, text, tone }` where `tone` is one of
 * 'resident', 'center', 'event', 'note', 'whisper', 'urgent'.
 */
const STAFF = {
  message: e => ({
    who: speaker(e.actor) + transcribed(e),
    text: e.event.text, tone: e.actor.role === 'resident' ? 'resident' : 'center'
  }),
  annotation: e => ({ who: 'Relay assistant\'s note', text: '(' + e.event.text + ')', tone: 'note' }),
  'relay-assistant': e => ({ text: 'Relay assistant on the line: ' + e.event.service + (e.event.number ? ', CA ' + e.event.number : '')
    + '. Speak to the resident, not the assistant; end each reply with "go ahead"; never hang up.', tone: 'event' }),
  opened: e => ({ text: 'Conversation opened on ' + channelName(e.event.channel) + (e.event.previous ? ', following an earlier conversation with the same resident.' : '.'), tone: 'event' }),
  queued: e => ({ text: 'Queued: ' + e.event.reason + '.', tone: 'event' }),
  offered: e => ({ text: 'Offered to ' + e.event.agentName + '.', tone: 'event' }),
  assigned: e => ({ text: 'Assigned to ' + e.event.agentName + '.', tone: 'event' }),
  unassigned: e => ({ text: 'Returned to the queue: ' + e.event.reason + '.', tone: 'event' }),
  delivery: e => ({ text: 'Message #' + e.event.messageSeq + ' ' + e.event.status + (e.event.detail ? ': ' + e.event.detail : '') + '.', tone: 'event' }),
  note: e => ({ text: e.event.text, tone: 'note' }),
  whisper: e => ({ who: 'Whisper from ' + e.actor.name, text: e.event.withheld ? 'A note for another agent; its text is not shown to you.' : e.event.text + ' (never shown to the resident)', tone: 'whisper' }),
  transferred: e => ({ text: 'Passed on by ' + e.event.from + (e.event.to ? ' to ' + e.event.to : ' to the queue') + (e.event.note ? ': ' + e.event.note : '.'), tone: 'event' }),
  skills: e => ({ text: 'Needs: ' + (e.event.skills.length ? e.event.skills.join(', ') : 'no particular skill') + '.', tone: 'event' }),
  escalated: e => e.event.path === 'emergency'
    ? { text: 'Emergency: ' + e.event.reason + ' The resident was sent 911 guidance and supervisors were alerted. Keep helping them.', tone: 'urgent' }
    : { text: 'Escalated (' + e.event.path + '): ' + e.event.reason, tone: 'urgent' },
  consent: e => ({ text: e.event.optedOut
    ? 'The resident texted ' + e.event.keyword + ': no text can reach them until they text START.'
    : 'The resident texted ' + e.event.keyword + ' and can be texted again.', tone: 'note' }),
  referral: e => ({ text: 'Referred to ' + e.event.serviceName + ' (' + e.event.agencyName + ')' + (e.event.reach && e.event.reach.tty ? ', TTY ' + e.event.reach.tty : '')
    + ' by ' + e.actor.name + '.', tone: 'note' }),
  resolved: e => ({ text: 'Resolved: ' + e.event.disposition + '.', tone: 'event' })
};

/** How a staff entry reads; an unknown kind still shows, by its name. */
export function staffWording(entry) {
  const word = STAFF[entry.event.kind];
  return word ? word(entry) : { text: entry.event.kind, tone: 'event' };
}

/**
 * Resident wording, keyed by the kind on the resident's socket frames: `{ who, text, tone }` or null
 * for entries the resident does not read (delivery reports, the opening).
 */
const RESIDENT = {
  message: (f, center) => f.from === 'center' ? { who: center, text: f.text, tone: 'center' }
    : f.from === 'agent' ? { who: f.name || 'Staff', text: f.text, tone: 'center' }
    : { who: 'You', text: f.text, tone: 'resident' },
  queued: () => ({ text: 'Waiting for the next available staff member.', tone: 'event' }),
  assigned: f => ({ text: (f.name || 'A staff member') + ' has joined the conversation.', tone: 'event' }),
  unassigned: () => ({ text: 'Your staff member had to leave. You are back in line for the next one.', tone: 'event' }),
  resolved: () => ({ text: 'This conversation has been closed. Write again any time to start a new one.', tone: 'event' })
};

export function residentWording(frame, centerName) {
  const word = RESIDENT[frame.kind];
  return word ? word(frame, centerName) : null;
}
