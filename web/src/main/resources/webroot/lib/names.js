// How staff pages name a resident: the name the gateway gives (residentName) when it has one, else
// a label made only from the contact itself, so the same resident reads the same on every page and
// after every reload (never a number that depends on the order things arrived in).

import { channelName } from '/lib/wording.js';

/** A phone number as written, or a short, stable label for a web chat token. */
export function contactLabel(contact, channel) {
  if (!contact) return 'Unknown contact';
  if (/^\+?[0-9][0-9 ()-]{5,}$/.test(contact)) return contact;
  const words = channel ? channelName(channel) : 'contact';
  // A token ("web:3f9a2c…") is long and meaningless to read: its first characters are enough to tell residents apart.
  const token = contact.slice(contact.lastIndexOf(':') + 1);
  return contact.length > 12 ? words.charAt(0).toUpperCase() + words.slice(1) + ' visitor ' + token.slice(0, 6) : contact;
}

/** The name to show for a conversation or record: `{ residentName?, contact, channel }`. */
export function residentName(item) {
  if (item.residentName) return item.residentName;
  return contactLabel(item.contact, item.channel);
}
