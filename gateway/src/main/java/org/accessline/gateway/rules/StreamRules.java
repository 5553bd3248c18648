package org.accessline.gateway.rules;

import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.channel.Refusal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.ResidentText;

/** Decides what a command adds to a conversation. Pure: the same inputs always give the same decision. */
public final class StreamRules {
  static final String WAITING_FOR_AGENT = "waiting for an agent";

  private StreamRules() {}

  /**
   * @param current the conversation the command is for, if one is known (for a resident message:
   *     the contact's latest conversation)
   * @param freshId the id to use if the command opens a new conversation
   */
  public static Decision decide(Optional<ConversationState> current, StreamCommand command, Instant now, ConversationId freshId) {
    return decide(current, command, now, new NewRecord(freshId, Optional.empty()));
  }

  /** As the full decision, with {@link Policies#defaults()}. */
  public static Decision decide(Optional<ConversationState> current, StreamCommand command, Instant now, NewRecord fresh) {
    return decide(current, command, now, fresh, Policies.defaults());
  }

  /**
   * What a command that opens a conversation needs: the new record's id, and the contact's record
   * before it, which the new one links back to.
   */
  public record NewRecord(ConversationId id, Optional<ConversationId> previous) {}

  /**
   * The whole decision: the command's entries and what they set off (an emergency's 911 guidance, the
   * skills a first message calls for), to be appended as one; or a duplicate, a refusal, or a command
   * naming a queue that does not exist.
   */
  public static Decision decide(Optional<ConversationState> current, StreamCommand command, Instant now, NewRecord fresh, Policies policies) {
    if (command instanceof StreamCommand.Transfer t && t.queue().filter(q -> !policies.queues().contains(q)).isPresent()) {
      return new Decision.Invalid("unknown queue");
    }
    Decision own = entriesOf(current, command, now, fresh);
    if (!(own instanceof Decision.Append append)) return own;
    return new Decision.Append(FollowOns.appendedTo(current, append.entries(), policies));
  }

  /**
   * Whether {@code from} may offer the conversation to {@code to} as a warm transfer, keeping it until
   * they accept. Only a conversation open in the stream can be offered.
   */
  public static Optional<Refusal> warmTransfer(ConversationId conversation, Optional<ConversationState> open, AgentId from, AgentId to) {
    Optional<ConversationState> state = open.filter(s -> s.id().equals(conversation) && !s.resolved());
    if (state.isEmpty()) return Optional.of(Refusal.UNKNOWN_CONVERSATION);
    if (!state.get().isAssignedTo(from)) return Optional.of(Refusal.NOT_YOURS);
    if (from.equals(to)) return Optional.of(Refusal.ALREADY_THEIRS);
    return Optional.empty();
  }

  private static Decision entriesOf(Optional<ConversationState> current, StreamCommand command, Instant now, NewRecord fresh) {
    if (command instanceof StreamCommand.ResidentMessage m) return residentMessage(current, m, now, fresh);
    if (command instanceof StreamCommand.OpenCall c) return openCall(c, now, fresh);
    if (command instanceof StreamCommand.OpenOutbound o) return openOutbound(current, o, now, fresh);
    if (current.isEmpty()) return new Decision.Refused(Refusal.UNKNOWN_CONVERSATION);
    ConversationState state = current.get();
    if (command instanceof StreamCommand.RecordDelivery d) return delivery(state, d, now);
    if (command instanceof StreamCommand.Note n) return once(state, n.dedupeKey(), now, Participant.SYSTEM, new ConversationEvent.Noted(n.text()));
    if (command instanceof StreamCommand.RecordConsent c) {
      return once(state, c.dedupeKey(), now, Participant.resident(state.contact()), new ConversationEvent.ConsentChanged(c.optedOut(), c.keyword()));
    }
    if (command instanceof StreamCommand.FileDetails f) {
      boolean allowed = state.isAssignedTo(new AgentId(f.staff().id())) || f.staff().role() == org.accessline.gateway.conversation.Role.SUPERVISOR
          || state.resolved();
      if (!allowed) return new Decision.Refused(Refusal.NOT_YOURS);
      return append(state, now, f.staff(), f.details(), Optional.empty());
    }
    if (command instanceof StreamCommand.Refer r) {
      boolean allowed = state.isAssignedTo(new AgentId(r.staff().id())) || r.staff().role() == org.accessline.gateway.conversation.Role.SUPERVISOR
          || state.resolved();
      if (!allowed) return new Decision.Refused(Refusal.NOT_YOURS);
      return referral(state, r, now);
    }
    if (state.resolved()) return new Decision.Refused(Refusal.RESOLVED);
    if (command instanceof StreamCommand.AskSupervisor a) {
      if (!state.isAssignedTo(new AgentId(a.agent().id()))) return new Decision.Refused(Refusal.NOT_YOURS);
      if (state.awaitingSupervisor()) return new Decision.Refused(Refusal.ALREADY_ESCALATED);
      return append(state, now, a.agent(), new ConversationEvent.Escalated(ConversationEvent.Escalated.SUPERVISOR, a.reason().strip()), Optional.empty());
    }
    if (command instanceof StreamCommand.SupervisorTakes t) {
      if (!state.awaitingSupervisor()) return new Decision.Refused(Refusal.NOT_ESCALATED);
      List<Entry> entries = new ArrayList<>(2);
      long seq = state.lastSeq();
      Optional<AgentId> agent = state.assignedAgent().filter(a -> !a.equals(t.supervisor()));
      if (agent.isPresent()) {
        entries.add(entry(state.id(), ++seq, now, Participant.SYSTEM, new ConversationEvent.Unassigned(agent.get(), "handed up to " + t.supervisorName()), Optional.empty()));
      }
      entries.add(entry(state.id(), ++seq, now, Participant.SYSTEM, new ConversationEvent.Assigned(t.supervisor(), t.supervisorName()), Optional.empty()));
      return new Decision.Append(entries);
    }
    if (command instanceof StreamCommand.SetSkills k) {
      if (!state.isAssignedTo(new AgentId(k.agent().id()))) return new Decision.Refused(Refusal.NOT_YOURS);
      return append(state, now, k.agent(), new ConversationEvent.SkillsRequired(k.skills()), Optional.empty());
    }
    if (command instanceof StreamCommand.Transfer t) {
      AgentId from = new AgentId(t.from().id());
      if (!state.isAssignedTo(from)) return new Decision.Refused(Refusal.NOT_YOURS);
      if (t.to().filter(from::equals).isPresent()) return new Decision.Refused(Refusal.ALREADY_THEIRS);
      List<Entry> entries = new ArrayList<>(4);
      long seq = state.lastSeq();
      entries.add(entry(state.id(), ++seq, now, t.from(), new ConversationEvent.Transferred(from, t.to(), t.note().strip()), Optional.empty()));
      if (t.skills().isPresent()) entries.add(entry(state.id(), ++seq, now, t.from(), new ConversationEvent.SkillsRequired(t.skills().get()), Optional.empty()));
      if (t.queue().isPresent()) entries.add(entry(state.id(), ++seq, now, t.from(), new ConversationEvent.QueueChanged(t.queue().get(), "transferred"), Optional.empty()));
      String reason = "transferred by " + t.from().displayName();
      entries.add(entry(state.id(), ++seq, now, Participant.SYSTEM, new ConversationEvent.Unassigned(from, reason), Optional.empty()));
      entries.add(t.to().isPresent()
          ? entry(state.id(), ++seq, now, Participant.SYSTEM, new ConversationEvent.Assigned(t.to().get(), t.toName()), Optional.empty())
          : entry(state.id(), ++seq, now, Participant.SYSTEM, new ConversationEvent.Queued(state.queuedSince().orElse(now), reason), Optional.empty()));
      return new Decision.Append(entries);
    }
    if (command instanceof StreamCommand.Reassign r) {
      if (state.isAssignedTo(r.to())) return new Decision.Refused(Refusal.ALREADY_THEIRS);
      List<Entry> entries = new ArrayList<>(2);
      long seq = state.lastSeq();
      if (state.assignedAgent().isPresent()) {
        entries.add(entry(state.id(), ++seq, now, Participant.SYSTEM, new ConversationEvent.Unassigned(state.assignedAgent().get(), "reassigned by " + r.byName()), Optional.empty()));
      }
      entries.add(entry(state.id(), ++seq, now, Participant.SYSTEM, new ConversationEvent.Assigned(r.to(), r.toName()), Optional.empty()));
      return new Decision.Append(entries);
    }
    if (command instanceof StreamCommand.Whisper w) return append(state, now, w.supervisor(), new ConversationEvent.Whispered(w.text()), Optional.empty());
    if (command instanceof StreamCommand.BargeIn b) {
      Optional<Long> earlier = b.dedupeKey().map(state.seqByDedupeKey()::get);
      if (earlier.isPresent()) return new Decision.AlreadyRecorded(earlier.get());
      return append(state, now, b.supervisor(), new ConversationEvent.MessagePosted(b.text()), b.dedupeKey());
    }
    if (command instanceof StreamCommand.RecordBreach b) {
      Decision d = once(state, b.dedupeKey(), now, Participant.SYSTEM, new ConversationEvent.Escalated(b.path(), b.reason()));
      if (!(d instanceof Decision.Append a) || b.overflowTo().isEmpty() || b.overflowTo().get().equals(state.queue()) || !state.isWaiting()) return d;
      List<Entry> entries = new ArrayList<>(a.entries());
      entries.add(entry(state.id(), state.lastSeq() + 2, now, Participant.SYSTEM,
          new ConversationEvent.QueueChanged(b.overflowTo().get(), "overflow after waiting too long"), Optional.empty()));
      return new Decision.Append(entries);
    }
    if (command instanceof StreamCommand.CallerMessage m) {
      Long earlier = state.seqByDedupeKey().get(m.dedupeKey());
      if (earlier != null) return new Decision.AlreadyRecorded(earlier);
      ResidentText.Result text = ResidentText.clean(m.text());
      if (text instanceof ResidentText.Result.Refused r) return new Decision.Refused(Refusal.of(r.problem()));
      String clean = ((ResidentText.Result.Clean) text).text();
      return append(state, now, Participant.resident(state.contact()), new ConversationEvent.MessagePosted(clean, List.of(), m.transcription()),
          Optional.of(m.dedupeKey()));
    }
    if (command instanceof StreamCommand.Annotate a) {
      return once(state, a.dedupeKey(), now, Participant.SYSTEM, new ConversationEvent.Annotated(a.text().strip()));
    }
    if (command instanceof StreamCommand.RelayAssistant r) {
      return once(state, r.dedupeKey(), now, Participant.SYSTEM, r.joined());
    }
    if (command instanceof StreamCommand.CenterMessage m) {
      return once(state, m.dedupeKey(), now, Participant.CENTER, new ConversationEvent.MessagePosted(m.text()));
    }
    if (command instanceof StreamCommand.AutomatedMessage m) {
      return once(state, m.dedupeKey(), now, Participant.SYSTEM, new ConversationEvent.MessagePosted(m.text()));
    }
    if (command instanceof StreamCommand.AgentMessage m) {
      if (!state.isAssignedTo(new AgentId(m.agent().id()))) return new Decision.Refused(Refusal.NOT_YOURS);
      Optional<Long> earlier = m.dedupeKey().map(state.seqByDedupeKey()::get);
      if (earlier.isPresent()) return new Decision.AlreadyRecorded(earlier.get());
      return append(state, now, m.agent(), new ConversationEvent.MessagePosted(m.text()), m.dedupeKey());
    }
    if (command instanceof StreamCommand.Resolve r) {
      if (!state.isAssignedTo(new AgentId(r.agent().id()))) return new Decision.Refused(Refusal.NOT_YOURS);
      return append(state, now, r.agent(), new ConversationEvent.Resolved(r.disposition().strip()), Optional.empty());
    }
    if (command instanceof StreamCommand.Offer o) {
      if (!state.isWaiting()) return new Decision.Refused(Refusal.NOT_ASSIGNABLE);
      return append(state, now, Participant.SYSTEM, new ConversationEvent.Offered(o.agent(), o.agentName()), Optional.empty());
    }
    if (command instanceof StreamCommand.Assign a) {
      if (!state.isWaiting()) return new Decision.Refused(Refusal.NOT_ASSIGNABLE);
      return append(state, now, Participant.SYSTEM, new ConversationEvent.Assigned(a.agent(), a.agentName()), Optional.empty());
    }
    if (command instanceof StreamCommand.Release r) {
      if (!state.isAssignedTo(r.agent())) return new Decision.Refused(Refusal.NOT_YOURS);
      List<Entry> entries = new ArrayList<>();
      entries.add(entry(state.id(), state.lastSeq() + 1, now, Participant.SYSTEM, new ConversationEvent.Unassigned(r.agent(), r.reason()), Optional.empty()));
      entries.add(entry(state.id(), state.lastSeq() + 2, now, Participant.SYSTEM,
          new ConversationEvent.Queued(state.queuedSince().orElse(now), WAITING_FOR_AGENT), Optional.empty()));
      return new Decision.Append(entries);
    }
    throw new IllegalArgumentException("no rule for " + command.getClass().getSimpleName());
  }

  private static Decision residentMessage(Optional<ConversationState> current, StreamCommand.ResidentMessage m, Instant now, NewRecord fresh) {
    Participant resident = Participant.resident(m.contact());
    Optional<String> key = Optional.of(m.dedupeKey());
    if (current.isPresent()) {
      Long earlier = current.get().seqByDedupeKey().get(m.dedupeKey());
      if (earlier != null) return new Decision.AlreadyRecorded(earlier);
    }
    // Every channel's resident text is normalised here, so no channel can store it raw.
    ResidentText.Result text = ResidentText.clean(m.text(), !m.attachments().isEmpty());
    if (text instanceof ResidentText.Result.Refused r) return new Decision.Refused(Refusal.of(r.problem()));
    ConversationEvent.MessagePosted posted = new ConversationEvent.MessagePosted(((ResidentText.Result.Clean) text).text(), m.attachments());
    if (current.isPresent() && !current.get().resolved()) {
      return append(current.get(), now, resident, posted, key);
    }
    // The resolved conversation just ended is the one this follows, whatever the caller looked up.
    Optional<ConversationId> previous = current.map(ConversationState::id).or(fresh::previous);
    ConversationId id = fresh.id();
    return new Decision.Append(List.of(
        entry(id, 1, now, resident, new ConversationEvent.Opened(m.contact(), previous), Optional.empty()),
        entry(id, 2, now, Participant.SYSTEM, new ConversationEvent.Queued(now, WAITING_FOR_AGENT), Optional.empty()),
        entry(id, 3, now, resident, posted, key)));
  }

  private static Decision openCall(StreamCommand.OpenCall c, Instant now, NewRecord fresh) {
    ConversationId id = fresh.id();
    return new Decision.Append(List.of(
        entry(id, 1, now, Participant.resident(c.contact()), new ConversationEvent.Opened(c.contact(), fresh.previous()), Optional.of(c.callKey())),
        entry(id, 2, now, Participant.SYSTEM, new ConversationEvent.Queued(now, WAITING_FOR_AGENT), Optional.empty())));
  }

  /**
   * A conversation the center starts. A text contact with a conversation still open is refused:
   * their next text would land in that one, so the agent continues there instead. Opened twice with
   * the same key (a retried follow-up), it is the first one.
   */
  private static Decision openOutbound(Optional<ConversationState> current, StreamCommand.OpenOutbound o, Instant now, NewRecord fresh) {
    if (current.isPresent()) {
      Long earlier = current.get().seqByDedupeKey().get(o.dedupeKey());
      if (earlier != null) return new Decision.AlreadyRecorded(earlier);
      if (!current.get().resolved()) return new Decision.Refused(Refusal.ALREADY_OPEN);
    }
    ConversationId id = fresh.id();
    AgentId agent = new AgentId(o.agent().id());
    return new Decision.Append(List.of(
        entry(id, 1, now, o.agent(), new ConversationEvent.Opened(o.contact(), Optional.of(o.origin())), Optional.of(o.dedupeKey())),
        entry(id, 2, now, Participant.SYSTEM, new ConversationEvent.Assigned(agent, o.agent().displayName()), Optional.empty())));
  }

  /** Appends {@code event} unless an entry with {@code key} is already in the conversation. */
  private static Decision once(ConversationState state, String key, Instant now, Participant actor, ConversationEvent event) {
    Long earlier = state.seqByDedupeKey().get(key);
    if (earlier != null) return new Decision.AlreadyRecorded(earlier);
    return append(state, now, actor, event, Optional.of(key));
  }

  /**
   * The request id and the service referred to are both in the key, so a retry is answered with the
   * first entry and a reused id naming another service is refused rather than recorded twice. Keys
   * written before the service was part of them stand for any service.
   */
  private static Decision referral(ConversationState state, StreamCommand.Refer r, Instant now) {
    String prefix = "referral:" + r.requestId();
    String key = prefix + ":" + r.referral().serviceId();
    Long earlier = state.seqByDedupeKey().get(key);
    if (earlier == null) earlier = state.seqByDedupeKey().get(prefix);
    if (earlier != null) return new Decision.AlreadyRecorded(earlier);
    boolean reused = state.seqByDedupeKey().keySet().stream().anyMatch(k -> k.startsWith(prefix + ":"));
    if (reused) return new Decision.Refused(Refusal.REQUEST_REUSED);
    return append(state, now, r.staff(), r.referral(), Optional.of(key));
  }

  private static Decision delivery(ConversationState state, StreamCommand.RecordDelivery d, Instant now) {
    if (d.messageSeq() < 1 || d.messageSeq() > state.lastSeq()) return new Decision.Refused(Refusal.UNKNOWN_MESSAGE);
    Optional<Long> earlier = d.dedupeKey().map(state.seqByDedupeKey()::get);
    if (earlier.isPresent()) return new Decision.AlreadyRecorded(earlier.get());
    ConversationState.Delivery known = state.deliveries().get(d.messageSeq());
    if (d.fromProvider()) {
      // A status callback is about a message we handed the provider: one we recorded as sent its way,
      // with its id, or left unknown because its answer was lost. Anything else would put a false
      // delivery result on the record: a resident's message, an event, a reply it never took.
      if (known == null) return new Decision.Refused(Refusal.UNKNOWN_MESSAGE);
      if (known.providerId().isEmpty() && known.status() != DeliveryStatus.UNKNOWN) return new Decision.Refused(Refusal.OTHER_MESSAGE);
    }
    if (known != null) {
      boolean otherMessage = d.providerId().isPresent() && !known.providerId().isEmpty() && !known.providerId().equals(d.providerId().get());
      if (otherMessage) return new Decision.Refused(Refusal.OTHER_MESSAGE);
      // Reports arrive out of order; one that is not further along than what is recorded changes nothing.
      if (!d.status().advancesFrom(known.status())) return new Decision.AlreadyRecorded(known.entrySeq());
    }
    String providerId = d.providerId().orElse(known == null ? "" : known.providerId());
    return append(state, now, Participant.SYSTEM, new ConversationEvent.DeliveryUpdated(d.messageSeq(), d.status(), d.detail(), providerId), d.dedupeKey());
  }

  private static Decision append(ConversationState state, Instant now, Participant actor, ConversationEvent event, Optional<String> key) {
    return new Decision.Append(List.of(entry(state.id(), state.lastSeq() + 1, now, actor, event, key)));
  }

  private static Entry entry(ConversationId id, long seq, Instant at, Participant actor, ConversationEvent event, Optional<String> key) {
    return new Entry(id, seq, at, actor, event, key);
  }
}
