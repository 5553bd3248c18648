package org.accessline.gateway.conversation;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.conversation.Breach;

/**
 * What the stream must know about a conversation to decide its next entry. It is a fold over the
 * entries, so a restart rebuilds it exactly by replaying the stored record.
 */
public record ConversationState(
    ConversationId id,
    Contact contact,
    Instant opened,
    long lastSeq,
    Optional<AgentId> assignedAgent,
    /** When the conversation first waited for an agent; a hand-back keeps it, so it stays first in line. */
    Optional<Instant> queuedSince,
    boolean resolved,
    /** An emergency was recognised: it goes first in the queue. */
    boolean urgent,
    /** Time limits already run past (paths of {@code Escalated} entries); each raises the queue priority. */
    Set<String> breaches,
    long lastResidentSeq,
    Optional<Instant> lastResidentAt,
    long firstAgentReplySeq,
    long lastAgentReplySeq,
    /** The resident message whose next-response limit was already recorded. */
    long nextResponseBreachedSeq,
    /** Its agent asked for a supervisor, and none has taken it yet. */
    boolean awaitingSupervisor,
    /** When an agent first took it: the start of its handle time. */
    Optional<Instant> firstAssignedAt,
    /** Skills an agent added: a language, a topic. */
    Set<String> requiredSkills,
    /** The queue it was moved to; empty for its channel's own. */
    String queue,
    /** Recent dedupe keys, oldest first. */
    Map<String, Long> seqByDedupeKey,
    /** The furthest delivery status recorded for each outbound message, by the message's sequence number. */
    Map<Long, Delivery> deliveries,
    /** The latest message between the resident and staff, for a list's preview. */
    Optional<LastMessage> lastMessage,
    /** When the resident's oldest message that no one on staff has answered yet arrived. */
    Optional<Instant> unansweredSince) {

  /** A message as a conversation list previews it: its start, when, and whether the resident or staff wrote it. */
  public record LastMessage(String text, Instant at, Role from) {
    /** How much of a message a preview keeps. */
    public static final int PREVIEW_CHARS = 140;

    public static LastMessage of(String text, Instant at, Role from) {
      String clean = text.strip().replaceAll("\\s+", " ");
      if (clean.length() > PREVIEW_CHARS) {
        int end = PREVIEW_CHARS - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) end--;
        clean = clean.substring(0, end) + "\u2026";
      }
      return new LastMessage(clean, at, from);
    }
  }

  /** Where an outbound message stands: its furthest status, the entry that recorded it, and the provider's id for it. */
  public record Delivery(DeliveryStatus status, long entrySeq, String providerId) {}

  /**
   * How many recent dedupe keys the state remembers. Retries come soon after the original; an older
   * one is still caught by the store, which checks every key, so this bound only saves a round trip.
   */
  static final int RECENT_KEYS = 32;

  public ConversationState {
    seqByDedupeKey = Collections.unmodifiableMap(new LinkedHashMap<>(seqByDedupeKey));
    breaches = Set.copyOf(breaches);
    requiredSkills = Set.copyOf(requiredSkills);
    deliveries = Map.copyOf(deliveries);
  }

  public static ConversationState replay(List<Entry> entries) {
    if (entries.isEmpty() || !(entries.get(0).event() instanceof ConversationEvent.Opened opened)) {
      throw new IllegalArgumentException("a conversation starts with an opened entry");
    }
    ConversationState state = new ConversationState(
        entries.get(0).conversationId(), opened.contact(), entries.get(0).at(), 0, Optional.empty(), Optional.empty(), false, false, Set.of(),
        0, Optional.empty(), 0, 0, 0, false, Optional.empty(), Set.of(), "", Map.of(), Map.of(), Optional.empty(), Optional.empty());
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
    Set<String> limitsRun = breaches;
    long residentSeq = lastResidentSeq;
    Optional<Instant> residentAt = lastResidentAt;
    long firstReply = firstAgentReplySeq;
    long lastReply = lastAgentReplySeq;
    long nextBreached = nextResponseBreachedSeq;
    boolean withSupervisor = awaitingSupervisor;
    Optional<Instant> assignedAt = firstAssignedAt;
    Set<String> skills = requiredSkills;
    String inQueue = queue;
    Optional<LastMessage> latest = lastMessage;
    Optional<Instant> unanswered = unansweredSince;
    ConversationEvent event = entry.event();
    if (event instanceof ConversationEvent.Queued q) {
      queued = Optional.of(q.since());
      agent = Optional.empty();
    } else if (event instanceof ConversationEvent.Assigned a) {
      agent = Optional.of(a.agent());
      withSupervisor = false;
      if (assignedAt.isEmpty()) assignedAt = Optional.of(entry.at());
    } else if (event instanceof ConversationEvent.Unassigned) {
      agent = Optional.empty();
    } else if (event instanceof ConversationEvent.QueueChanged q) {
      inQueue = q.queue();
    } else if (event instanceof ConversationEvent.SkillsRequired r) {
      skills = r.skills();
    } else if (event instanceof ConversationEvent.Escalated e) {
      if (e.path().equals(ConversationEvent.Escalated.EMERGENCY)) emergency = true;
      if (e.path().equals(Breach.NEXT_RESPONSE)) nextBreached = residentSeq;
      if (e.path().equals(ConversationEvent.Escalated.SUPERVISOR)) withSupervisor = true;
      Set<String> more = new HashSet<>(limitsRun);
      more.add(e.path());
      limitsRun = more;
    } else if (event instanceof ConversationEvent.MessagePosted m && entry.actor().role() == Role.RESIDENT) {
      residentSeq = entry.seq();
      residentAt = Optional.of(entry.at());
      latest = Optional.of(LastMessage.of(m.text(), entry.at(), Role.RESIDENT));
      if (unanswered.isEmpty()) unanswered = Optional.of(entry.at());
    } else if (event instanceof ConversationEvent.MessagePosted m && entry.actor().isStaff()) {
      if (firstReply == 0) firstReply = entry.seq();
      lastReply = entry.seq();
      latest = Optional.of(LastMessage.of(m.text(), entry.at(), entry.actor().role()));
      unanswered = Optional.empty();
    } else if (event instanceof ConversationEvent.Resolved) {
      done = true;
      withSupervisor = false;
      agent = Optional.empty();
      queued = Optional.empty();
      unanswered = Optional.empty();
    }
    Map<String, Long> keys = seqByDedupeKey;
    if (entry.dedupeKey().isPresent()) {
      LinkedHashMap<String, Long> copy = new LinkedHashMap<>(keys);
      copy.put(entry.dedupeKey().get(), entry.seq());
      if (copy.size() > RECENT_KEYS) copy.remove(copy.keySet().iterator().next());
      keys = Collections.unmodifiableMap(copy);
    }
    Map<Long, Delivery> delivered = deliveries;
    if (event instanceof ConversationEvent.DeliveryUpdated d) {
      Map<Long, Delivery> copy = new HashMap<>(delivered);
      Delivery was = copy.get(d.messageSeq());
      String provider = d.providerId().isEmpty() && was != null ? was.providerId() : d.providerId();
      if (was == null || d.status().advancesFrom(was.status())) copy.put(d.messageSeq(), new Delivery(d.status(), entry.seq(), provider));
      delivered = copy;
    }
    return new ConversationState(id, contact, opened, entry.seq(), agent, queued, done, emergency, limitsRun, residentSeq, residentAt,
        firstReply, lastReply, nextBreached, withSupervisor, assignedAt, skills, inQueue, keys, delivered, latest, unanswered);
  }

  /** Where it stands in the queue: an emergency first, then one step up for each time limit run past. */
  public int priority() {
    return (urgent ? 1_000_000 : 0) + breaches.size();
  }

  public boolean isWaiting() {
    return !resolved && assignedAgent.isEmpty() && queuedSince.isPresent();
  }

  public boolean isAssignedTo(AgentId agent) {
    return assignedAgent.filter(agent::equals).isPresent();
  }
}
