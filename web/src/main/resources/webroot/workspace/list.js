// The conversation list, updated in place: each conversation keeps its own <li> and button for as
// long as it is open, so an arriving message never rebuilds the list or drops the keyboard focus.

import { el, setText } from '/lib/dom.js';
import { formatDuration, isoDuration, secondsSince, secondsUntil } from '/lib/time.js';
import { channelName } from '/lib/wording.js';
import { residentName } from '/workspace/model.js';

function setDuration(time, seconds) {
  const iso = isoDuration(Math.abs(seconds));
  if (time.dateTime !== iso) time.dateTime = iso;
  setText(time, formatDuration(Math.abs(seconds), { withSeconds: Math.abs(seconds) < 600 }));
}

export class ConversationList {
  constructor(list, empty, onSelect) {
    this.list = list;
    this.empty = empty;
    this.onSelect = onSelect;
    this.items = new Map();
  }

  item(c) {
    let item = this.items.get(c.id);
    if (item) return item;
    const waitTime = el('time');
    const limitTime = el('time');
    item = {
      name: el('span', { className: 'conv-name' }),
      flag: el('span', { className: 'conv-flag', hidden: true }, el('span', { aria: { hidden: 'true' } }, '⚠ '), 'Emergency'),
      channel: el('span', { className: 'conv-channel' }),
      preview: el('span', { className: 'conv-preview' }),
      waitText: el('span', { className: 'conv-wait' }),
      waitTime,
      limit: el('span', { className: 'conv-limit', hidden: true }),
      limitTime,
      badge: el('span', { className: 'badge', hidden: true }),
      badgeWords: el('span', { className: 'visually-hidden', hidden: true }, ' unread')
    };
    item.limitWords = document.createTextNode('Limit in ');
    item.limit.append(item.limitWords, limitTime);
    item.button = el('button', { type: 'button', className: 'conv', dataset: { conversation: c.id }, onclick: () => this.onSelect(c.id) },
      el('span', { className: 'conv-top' }, item.flag, item.name, ' ', item.badge, item.badgeWords),
      el('span', { className: 'conv-line' }, item.channel, ' · ', item.waitText, ' ', item.limit),
      item.preview);
    item.li = el('li', { dataset: { conversation: c.id } }, item.button);
    this.items.set(c.id, item);
    return item;
  }

  /** Shows `open` (already sorted) with `selected` marked; the empty text when there is none. */
  render(open, selected, emptyText, now = Date.now()) {
    setText(this.empty, emptyText);
    this.empty.hidden = open.length > 0;
    const keep = new Set(open.map(c => c.id));
    for (const [id, item] of this.items) {
      if (!keep.has(id)) { item.li.remove(); this.items.delete(id); }
    }
    const focused = document.activeElement;
    open.forEach((c, index) => {
      const item = this.item(c);
      if (this.list.children[index] !== item.li) this.list.insertBefore(item.li, this.list.children[index] || null);
      this.update(c, item, selected, now);
    });
    // Moving a node takes the focus off it; put it back where the agent was.
    if (focused && focused !== document.activeElement && focused.isConnected && this.list.contains(focused)) focused.focus();
  }

  update(c, item, selected, now) {
    const current = selected === c.id ? 'true' : 'false';
    if (item.button.getAttribute('aria-current') !== current) item.button.setAttribute('aria-current', current);
    item.li.classList.toggle('urgent', !!c.emergency);
    item.flag.hidden = !c.emergency;
    setText(item.name, residentName(c));
    setText(item.channel, channelName(c.channel || 'webchat'));
    const last = c.lastMessage;
    setText(item.preview, last ? (last.from === 'resident' ? '' : 'You: ') + last.text : 'No messages yet.');
    item.badge.hidden = item.badgeWords.hidden = !(c.unread > 0);
    setText(item.badge, String(c.unread || 0));
    this.tickItem(c, item, now);
  }

  tickItem(c, item, now) {
    if (c.waitingSince) {
      if (item.waitText.firstChild !== item.waitWords) {
        item.waitWords = item.waitWords || document.createTextNode('Waiting ');
        item.waitText.textContent = '';
        item.waitText.append(item.waitWords, item.waitTime);
      }
      setDuration(item.waitTime, secondsSince(c.waitingSince, now));
    } else {
      setText(item.waitText, 'Answered');
    }
    item.limit.hidden = !c.limitAt;
    if (c.limitAt) {
      const left = secondsUntil(c.limitAt, now);
      item.limitWords.nodeValue = left >= 0 ? 'Limit in ' : 'Over the limit by ';
      item.limit.classList.toggle('over', left < 0);
      setDuration(item.limitTime, left);
    }
  }

  /** Once a second: the waits and limits move on. */
  tick(conversations, now = Date.now()) {
    for (const c of conversations) {
      const item = this.items.get(c.id);
      if (item) this.tickItem(c, item, now);
    }
  }

  buttons() {
    return [...this.list.querySelectorAll('button.conv')];
  }
}
