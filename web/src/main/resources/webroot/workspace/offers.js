// Offers waiting for the agent's answer, each with a countdown that ticks every second and buttons
// that name the resident, so two offers never give two identical "Accept" buttons.

import { el, setText } from '/lib/dom.js';
import { formatDuration, isoDuration, secondsUntil } from '/lib/time.js';
import { channelName } from '/lib/wording.js';
import { residentName } from '/workspace/model.js';

export class Offers {
  /** `onAnswer(offer, accepted)` runs when a button is pressed. */
  constructor(section, list, alertRegion, onAnswer) {
    this.section = section;
    this.list = list;
    this.alertRegion = alertRegion;
    this.onAnswer = onAnswer;
    this.items = new Map();
  }

  get count() {
    return this.items.size;
  }

  describe(offer) {
    const from = offer.transferFrom ? ', passed on by ' + offer.transferFrom + (offer.note ? ' ("' + offer.note + '")' : '') : '';
    return channelName(offer.channel) + ' from ' + residentName(offer) + from;
  }

  add(offer, { announce = true } = {}) {
    const id = offer.conversationId;
    this.remove(id);
    const what = this.describe(offer);
    const countdown = el('time');
    const accept = el('button', { type: 'button', className: 'accept', onclick: () => this.onAnswer(offer, true) },
      'Accept', el('span', { className: 'visually-hidden' }, ' the ' + what));
    const decline = el('button', { type: 'button', className: 'secondary decline', onclick: () => this.onAnswer(offer, false) },
      'Decline', el('span', { className: 'visually-hidden' }, ' the ' + what));
    const li = el('li', { dataset: { conversation: id } },
      el('p', { className: 'offer-what' }, what.charAt(0).toUpperCase() + what.slice(1) + '.'),
      el('p', { className: 'offer-time' }, 'Accept within ', countdown),
      el('p', { className: 'actions' }, accept, ' ', decline));
    this.items.set(id, { offer, li, countdown, accept, decline });
    this.list.append(li);
    this.section.hidden = false;
    this.tick();
    if (announce) setText(this.alertRegion, 'New ' + what + ' offered to you. Accept or decline.');
  }

  remove(id) {
    const item = this.items.get(id);
    if (!item) return null;
    item.li.remove();
    this.items.delete(id);
    this.section.hidden = this.items.size === 0;
    return item;
  }

  clear() {
    for (const id of [...this.items.keys()]) this.remove(id);
  }

  /** Where the keyboard goes after an offer is answered: the next offer's Accept button, if any. */
  nextAccept() {
    const first = this.items.values().next();
    return first.done ? null : first.value.accept;
  }

  /** The offer whose button has the focus, or else the first one. */
  current() {
    for (const item of this.items.values()) if (item.li.contains(document.activeElement)) return item.offer;
    const first = this.items.values().next();
    return first.done ? null : first.value.offer;
  }

  tick(now = Date.now()) {
    for (const item of this.items.values()) {
      const left = Math.max(0, secondsUntil(item.offer.expires, now));
      const iso = isoDuration(left);
      if (item.countdown.dateTime !== iso) item.countdown.dateTime = iso;
      setText(item.countdown, formatDuration(left));
    }
  }
}
