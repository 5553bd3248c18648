package org.accessline.gateway.report;

import java.util.List;
import java.util.regex.Pattern;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;

/**
 * What one record contributes to reports, kept beside it and folded forward as each of its entries
 * is written, so a report reads one row per record and never a transcript. Times are epoch
 * milliseconds; null where the thing has not happened.
 *
 * @param queue where it was last queued: the queue it was moved to, else its channel's name
 * @param agent the agent who last took it
 * @param abandoned it waited in a queue and ended before anyone took it; final once true
 */
public record RecordFacts(String channel, String queue, String agent, String category, List<String> tags, long openedMs, Long queuedMs,
    Long answeredMs, Long firstReplyMs, Long endedMs, boolean abandoned, int transfers, int escalations, boolean emergency) {

  /** The channels write a call's end as a system note keyed like this: the caller hung up, or the line did. */
  private static final Pattern CALL_ENDED = Pattern.compile("(tty|relay):.+:ended");

  public RecordFacts {
    if (channel == null || queue == null || tags == null) throw new IllegalArgumentException("facts name a channel and a queue");
    tags = List.copyOf(tags);
  }

  /** A record's facts as they stand after its opening entry. */
  public static RecordFacts opened(Entry first) {
    if (!(first.event() instanceof ConversationEvent.Opened o)) throw new IllegalArgumentException("a record's facts start from its opening");
    String channel = o.contact().channel().name();
    return new RecordFacts(channel, channel, null, null, List.of(), first.at().toEpochMilli(), null, null, null, null, false, 0, 0, false);
  }

  /** Whether the entry can change any record's facts: other entries need not be folded, nor the facts read. */
  public static boolean matters(Entry e) {
    ConversationEvent ev = e.event();
    if (ev instanceof ConversationEvent.MessagePosted) return e.actor().isStaff();
    if (ev instanceof ConversationEvent.Noted) return endsCall(e);
    return ev instanceof ConversationEvent.Opened || ev instanceof ConversationEvent.Queued || ev instanceof ConversationEvent.QueueChanged
        || ev instanceof ConversationEvent.Assigned || ev instanceof ConversationEvent.Transferred || ev instanceof ConversationEvent.Escalated
        || ev instanceof ConversationEvent.DetailsSet || ev instanceof ConversationEvent.Resolved;
  }

  /** The facts after {@code e}. */
  public RecordFacts with(Entry e) {
    long at = e.at().toEpochMilli();
    ConversationEvent ev = e.event();
    if (ev instanceof ConversationEvent.Queued q) {
      return queuedMs != null ? this : copy(queue, agent, category, tags, q.since().toEpochMilli(), answeredMs, firstReplyMs, endedMs, abandoned,
          transfers, escalations, emergency);
    }
    if (ev instanceof ConversationEvent.QueueChanged q) {
      return copy(q.queue(), agent, category, tags, queuedMs, answeredMs, firstReplyMs, endedMs, abandoned, transfers, escalations, emergency);
    }
    if (ev instanceof ConversationEvent.Assigned a) {
      // Taking it up after the resident left (to file it) is not answering them.
      if (abandoned) return this;
      return copy(queue, a.agent().value(), category, tags, queuedMs, answeredMs != null ? answeredMs : Long.valueOf(at), firstReplyMs, endedMs,
          false, transfers, escalations, emergency);
    }
    if (ev instanceof ConversationEvent.Transferred) {
      return copy(queue, agent, category, tags, queuedMs, answeredMs, firstReplyMs, endedMs, abandoned, transfers + 1, escalations, emergency);
    }
    if (ev instanceof ConversationEvent.Escalated x) {
      return ConversationEvent.Escalated.EMERGENCY.equals(x.path())
          ? copy(queue, agent, category, tags, queuedMs, answeredMs, firstReplyMs, endedMs, abandoned, transfers, escalations, true)
          : copy(queue, agent, category, tags, queuedMs, answeredMs, firstReplyMs, endedMs, abandoned, transfers, escalations + 1, emergency);
    }
    if (ev instanceof ConversationEvent.DetailsSet d) {
      return copy(queue, agent, d.category().orElse(null), d.tags(), queuedMs, answeredMs, firstReplyMs, endedMs, abandoned, transfers,
          escalations, emergency);
    }
    if (ev instanceof ConversationEvent.MessagePosted) {
      if (!e.actor().isStaff() || firstReplyMs != null) return this;
      return copy(queue, agent, category, tags, queuedMs, answeredMs, at, endedMs, abandoned, transfers, escalations, emergency);
    }
    if (ev instanceof ConversationEvent.Noted) return endsCall(e) && waiting() ? left(at) : this;
    if (ev instanceof ConversationEvent.Resolved) {
      if (abandoned) return this;
      if (waiting()) return left(at);
      return copy(queue, agent, category, tags, queuedMs, answeredMs, firstReplyMs, at, false, transfers, escalations, emergency);
    }
    return this;
  }

  /** Handle time: from the first agent taking it to its resolution, wrap-up included. */
  public Long handleMs() {
    return answeredMs != null && endedMs != null ? endedMs - answeredMs : null;
  }

  private boolean waiting() {
    return queuedMs != null && answeredMs == null;
  }

  private RecordFacts left(long at) {
    return copy(queue, agent, category, tags, queuedMs, answeredMs, firstReplyMs, at, true, transfers, escalations, emergency);
  }

  private static boolean endsCall(Entry e) {
    return e.event() instanceof ConversationEvent.Noted && !e.actor().isStaff() && e.dedupeKey().filter(k -> CALL_ENDED.matcher(k).matches()).isPresent();
  }

  private RecordFacts copy(String queue, String agent, String category, List<String> tags, Long queuedMs, Long answeredMs, Long firstReplyMs,
      Long endedMs, boolean abandoned, int transfers, int escalations, boolean emergency) {
    return new RecordFacts(channel, queue, agent, category, tags, openedMs, queuedMs, answeredMs, firstReplyMs, endedMs, abandoned, transfers,
        escalations, emergency);
  }
}
