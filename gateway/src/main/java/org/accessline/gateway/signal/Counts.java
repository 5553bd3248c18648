package org.accessline.gateway.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.Breach;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;

/**
 * What a write counts for the figures of the day. Pure, and the same function whether the entries
 * were just written or are read back from the store after a restart, so live and rebuilt figures
 * agree.
 *
 * <ul>
 *   <li>answered: a waiting conversation gets an agent; its wait runs from when it was queued.
 *   <li>abandoned: a waiting conversation ends before any agent took it (a chat closed, a caller
 *       hung up, a text never answered and closed).
 *   <li>handled: a conversation with an agent is resolved; it counts for that agent.
 *   <li>limit passed: a time limit (queue wait, first or next response) recorded as run past.
 *   <li>emergency: an emergency recognised.
 * </ul>
 */
public final class Counts {
  private static final Set<String> TIME_LIMITS = Set.of(Breach.QUEUE_WAIT, Breach.FIRST_RESPONSE, Breach.NEXT_RESPONSE);

  private Counts() {}

  /**
   * @param before the conversation's state before {@code appended}; one of another conversation counts as none
   * @param appended entries of one conversation, in order
   */
  public static List<StreamSignal.Counted> of(Optional<ConversationState> before, List<Entry> appended) {
    List<StreamSignal.Counted> out = new ArrayList<>(1);
    ConversationState state = before.filter(s -> appended.isEmpty() || s.id().equals(appended.get(0).conversationId())).orElse(null);
    for (Entry entry : appended) {
      if (state == null && !(entry.event() instanceof ConversationEvent.Opened)) return out;
      ConversationState next = state == null ? ConversationState.replay(List.of(entry)) : state.apply(entry);
      if (state != null) counted(state, next, entry).ifPresent(out::add);
      state = next;
    }
    return out;
  }

  private static Optional<StreamSignal.Counted> counted(ConversationState was, ConversationState now, Entry entry) {
    ConversationEvent event = entry.event();
    if (was.isWaiting() && now.assignedAgent().isPresent()) return Optional.of(count(StreamSignal.Counted.ANSWERED, was, now, entry, waited(was, entry)));
    if (event instanceof ConversationEvent.Resolved && was.isWaiting()) return Optional.of(count(StreamSignal.Counted.ABANDONED, was, was, entry, waited(was, entry)));
    if (event instanceof ConversationEvent.Resolved && was.assignedAgent().isPresent()) return Optional.of(count(StreamSignal.Counted.HANDLED, was, was, entry, 0));
    if (event instanceof ConversationEvent.Escalated e && TIME_LIMITS.contains(e.path())) return Optional.of(count(StreamSignal.Counted.LIMIT_PASSED, was, was, entry, 0));
    if (event instanceof ConversationEvent.Escalated e && e.path().equals(ConversationEvent.Escalated.EMERGENCY) && !was.urgent()) {
      return Optional.of(count(StreamSignal.Counted.EMERGENCY, was, was, entry, 0));
    }
    return Optional.empty();
  }

  private static long waited(ConversationState was, Entry entry) {
    Instant since = was.queuedSince().orElse(entry.at());
    return Math.max(0, Duration.between(since, entry.at()).toMillis());
  }

  private static StreamSignal.Counted count(String what, ConversationState was, ConversationState agentFrom, Entry entry, long waitMillis) {
    return new StreamSignal.Counted(what, entry.conversationId(), was.contact().channel().name(), was.queue(), agentFrom.assignedAgent(), waitMillis, entry.at());
  }
}
