package org.accessline.gateway.stream;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;

/**
 * What the stream must know about a conversation to decide its next entry. It is a fold over the
 * entries, so a restart rebuilds it exactly by replaying the stored record.
 */
public record ConversationState(
    ConversationId id,
    Contact contact,
    long lastSeq,
    Optional<AgentId> assignedAgent,
    /** When the conversation first waited for an agent; a hand-back keeps it, so it stays first in line. */
    Optional<Instant> queuedSince,
    boolean resolved,
    /** An emergency was recognised: it goes first in the queue. */
    boolean urgent,
    /** Recent dedupe keys, oldest first. */
    Map<String, Long> seqByDedupeKey) {

  /**
   * How many recent dedupe keys the state remembers. Retries come soon after the original; an older
   * one is still caught by the store, which checks every key, so this bound only saves a round trip.
   */
  static final int RECENT_KEYS = 32;

  public ConversationState {
    seqByDedupeKey = Collections.unmodifiableMap(new LinkedHashMap<>(seqByDedupeKey));
  }

  public static ConversationState replay(List<Entry> entries) {
    if (entries.isEmpty() || !(entries.get(0).event() instanceof ConversationEvent.Opened opened)) {
      throw new IllegalArgumentException("a conversation starts with an opened entry");
    }
    ConversationState state = new ConversationState(
        entries.get(0).conversationId(), opened.contact(), 0, Optional.empty(), Optional.empty(), false, false, Map.of());
    for (Entry e : entries) state = state.apply(e);
    return state;
  }

  /** The state after {@code entry}, which must be the next one in sequence. */
  public ConversationState apply(Entry entry) {
    if (!entry.conversationId().equals(id)) throw new IllegalArgumentException("entry belongs to another conversation");
    if (entry.seq() != lastSeq + 1) {
      throw new IllegalArgumentException("entry " + entry.seq() + " does not follow " + lastSeq);
    }
    Optional<AgentId> agent = assignedAgent;
    Optional<Instant> queued = queuedSince;
    boolean done = resolved;
    boolean emergency = urgent;
    ConversationEvent event = entry.event();
    if (event instanceof ConversationEvent.Queued q) {
      queued = Optional.of(q.since());
      agent = Optional.empty();
    } else if (event instanceof ConversationEvent.Assigned a) {
      agent = Optional.of(a.agent());
    } else if (event instanceof ConversationEvent.Unassigned) {
      agent = Optional.empty();
    } else if (event instanceof ConversationEvent.Escalated e && e.path().equals(ConversationEvent.Escalated.EMERGENCY)) {
      emergency = true;
    } else if (event instanceof ConversationEvent.Resolved) {
      done = true;
      agent = Optional.empty();
      queued = Optional.empty();
    }
    Map<String, Long> keys = seqByDedupeKey;
    if (entry.dedupeKey().isPresent()) {
      LinkedHashMap<String, Long> copy = new LinkedHashMap<>(keys);
      copy.put(entry.dedupeKey().get(), entry.seq());
      if (copy.size() > RECENT_KEYS) copy.remove(copy.keySet().iterator().next());
      keys = Collections.unmodifiableMap(copy);
    }
    return new ConversationState(id, contact, entry.seq(), agent, queued, done, emergency, keys);
  }

  public boolean isWaiting() {
    return !resolved && assignedAgent.isEmpty() && queuedSince.isPresent();
  }

  public boolean isAssignedTo(AgentId agent) {
    return assignedAgent.filter(agent::equals).isPresent();
  }
}
