package org.accessline.gateway.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.store.ConversationSummary;

/**
 * A resident whose last conversation ended recently goes back to the agent who had it
 * (routing.affinityWindow). Which earlier record counts, and who its agent was, decided over the
 * history and entries the stream loaded. Pure.
 */
public final class LastAgent {
  /** The contact's newest records to load: the new conversation itself may be the newest. */
  public static final int HISTORY_NEEDED = 2;

  private LastAgent() {}

  /** From when an earlier record counts; empty when affinity is off and there is nothing to look up. */
  public static Optional<Instant> since(Instant now, Duration affinityWindow) {
    return affinityWindow.isZero() ? Optional.empty() : Optional.of(now.minus(affinityWindow));
  }

  /** The newest of the contact's other records that was resolved after {@code since}. */
  public static Optional<ConversationId> earlierRecord(List<ConversationSummary> newestFirst, ConversationId current, Instant since) {
    return newestFirst.stream().filter(h -> !h.id().equals(current) && h.resolved().filter(t -> t.isAfter(since)).isPresent())
        .findFirst().map(ConversationSummary::id);
  }

  /** The agent last assigned in the record, if any ever was. */
  public static Optional<AgentId> lastAssigned(List<Entry> entries) {
    Optional<AgentId> last = Optional.empty();
    for (Entry e : entries) if (e.event() instanceof ConversationEvent.Assigned a) last = Optional.of(a.agent());
    return last;
  }
}
