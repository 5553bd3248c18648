// One message log per conversation, kept for as long as the conversation is open. Switching
// conversations shows another log; a new entry adds exactly one node to its log and changes nothing
// else there, so a screen reader hears each message once and the log is never rebuilt.

import { el } from '/lib/dom.js';
import { timeElement } from '/lib/time.js';
import { staffWording, transcribed } from '/lib/wording.js';
import { reading } from '/tty.js';
import { residentName } from '/workspace/model.js';

function detailsWording(event) {
  const parts = [];
  if (event.category) parts.push('category ' + event.category);
  if (event.tags && event.tags.length) parts.push('tags ' + event.tags.join(', '));
  if (event.referralAgency) parts.push('referred to ' + event.referralAgency + (event.referralService ? ' for ' + event.referralService : ''));
  if (event.followUpDue) parts.push('follow up by ' + event.followUpDue + (event.followUpOwner ? ' (' + event.followUpOwner + ')' : ''));
  if (event.open311Id) parts.push('Open311 ' + event.open311Id);
  return 'Details filed' + (parts.length ? ': ' + parts.join('; ') + '.' : '.');
}

/** How an entry reads in the workspace: the shared staff wording, with the resident called by name. */
export function wording(conversation, entry) {
  if (entry.event.kind === 'details') return { text: detailsWording(entry.event), tone: 'note' };
  const w = staffWording(entry);
  if (entry.event.kind === 'message' && entry.actor.role === 'resident') return { ...w, who: residentName(conversation) + transcribed(entry) };
  return w;
}

function entryNode(conversation, entry) {
  const w = wording(conversation, entry);
  const node = el('div', { className: 'entry tone-' + w.tone, dataset: { seq: String(entry.seq) } });
  if (w.who) node.append(el('span', { className: 'who' }, w.who + ': '));
  node.append(el('span', { className: 'text' }, w.text));
  if (conversation.channel === 'tty' && entry.event.kind === 'message' && entry.actor.role === 'resident') {
    const reads = reading(entry.event.text);
    if (reads) node.append(el('span', { className: 'reading' }, 'Reads as: ' + reads));
  }
  (entry.event.attachments || []).forEach((a, i) => node.append(
    el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', className: 'attachment' }, 'Attachment ' + (i + 1) + ' (' + a.contentType + ')')));
  node.append(' ', timeElement(entry.at));
  return node;
}

export class Transcripts {
  /** @param container where the logs live; @param labelledBy the id of the heading that names the open one */
  constructor(container, labelledBy) {
    this.container = container;
    this.labelledBy = labelledBy;
    this.logs = new Map();
    this.atBottom = new WeakMap();
    this.pinnedAt = new WeakMap();
    this.shown = null;
    this.following = 0;
  }

  log(id) {
    let log = this.logs.get(id);
    if (!log) {
      log = el('div', { className: 'log', role: 'log', tabIndex: 0, hidden: true, dataset: { conversation: id },
        aria: { live: 'polite', labelledby: this.labelledBy } });
      // Whether the agent is reading the newest entries, noted when the log scrolls (layout is fresh
      // then), so adding an entry never has to measure the log. The log's own scroll to the newest
      // entry does not count as the agent leaving the bottom, though entries may have come after it.
      this.atBottom.set(log, true);
      log.addEventListener('scroll', () => {
        const top = log.scrollTop;
        this.atBottom.set(log, top >= (this.pinnedAt.get(log) ?? Infinity) - 1 || log.scrollHeight - top - log.clientHeight < 40);
      }, { passive: true });
      this.logs.set(id, log);
      this.container.append(log);
    }
    return log;
  }

  /**
   * Adds one entry in sequence order (an entry fetched late goes before later ones already shown).
   * Nothing here reads layout: reading it after the previous entry's change would lay the page out
   * once per entry. The open log follows the newest entry once, in the next frame, if the agent was
   * at the bottom.
   */
  add(conversation, entry) {
    const log = this.log(conversation.id);
    const node = entryNode(conversation, entry);
    let after = log.lastElementChild;
    while (after && Number(after.dataset.seq) > entry.seq) after = after.previousElementSibling;
    if (after) after.after(node); else log.prepend(node);
    if (log === this.shown && this.atBottom.get(log)) this.followNewest();
  }

  followNewest() {
    if (this.following) return;
    this.following = requestAnimationFrame(() => {
      this.following = 0;
      if (this.shown && this.atBottom.get(this.shown)) this.pin(this.shown);
    });
  }

  /** Scrolls to the newest entry, noting where that left the log. */
  pin(log) {
    log.scrollTop = log.scrollHeight;
    this.pinnedAt.set(log, log.scrollTop);
  }

  show(id) {
    if (this.shown && this.shown.dataset.conversation !== id) this.shown.hidden = true;
    this.shown = id ? this.log(id) : null;
    if (this.shown) {
      this.shown.hidden = false;
      this.pin(this.shown);
      this.atBottom.set(this.shown, true);
    }
  }

  remove(id) {
    const log = this.logs.get(id);
    if (!log) return;
    if (log === this.shown) this.shown = null;
    log.remove();
    this.logs.delete(id);
  }
}
