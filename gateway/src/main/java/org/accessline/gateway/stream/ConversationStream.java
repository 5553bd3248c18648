package org.accessline.gateway.stream;

import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.signal.StreamSignal;
import org.accessline.gateway.signal.StreamSignalCodec;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.rules.StreamRules;
import org.accessline.gateway.rules.Decision;
import org.accessline.gateway.rules.StreamCommand;
import org.accessline.gateway.routing.AgentView;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Attachment;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import java.time.Instant;
import org.accessline.gateway.conversation.Breach;
import org.accessline.gateway.escalation.EmergencyPolicy;
import org.accessline.gateway.escalation.LimitPolicy;
import org.accessline.gateway.escalation.Escalations;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.QueueUpdates;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.store.AppendOutcome;
import org.accessline.gateway.store.CallerContext;
import org.accessline.gateway.store.InteractionStore;

/**
 * The conversation stream. One verticle context owns every open conversation, so each has exactly
 * one writer; callers on other contexts are hopped onto it and answered on their own. An entry is
 * published and acknowledged only after the store has made it durable.
 */
public final class ConversationStream extends VerticleBase implements Intake, Desk {
  private static final Logger LOG = Logger.getLogger(ConversationStream.class.getName());

  public record Settings(Duration handbackGrace, EmergencyPolicy emergencies, LimitPolicy limits, QueueUpdates queueUpdates, RoutingSettings routing) {
    public Settings {
      if (handbackGrace == null || handbackGrace.isNegative()) throw new IllegalArgumentException("grace period cannot be negative");
      if (emergencies == null || limits == null || queueUpdates == null || routing == null) {
        throw new IllegalArgumentException("emergency, time-limit, queue-update and routing settings are needed");
      }
    }

    /** The defaults, with offers taken at once: what tests of the stream's own rules want. */
    public Settings(Duration handbackGrace) {
      this(handbackGrace, EmergencyPolicy.defaults(), LimitPolicy.standard(), QueueUpdates.defaults(), RoutingSettings.defaults().withAutoAccept(true));
    }
  }

  private final InteractionStore store;
  private final Settings settings;
  private final Clock clock;
  private final Map<Channel, ChannelAdapter> adapters = new HashMap<>();
  private final Map<ConversationId, Line> lines = new HashMap<>();
  private final Map<Contact, Line> linesByContact = new HashMap<>();
  /** Each delivery handed to an adapter whose outcome is not yet stored. */
  private final Set<Future<Void>> deliveriesPending = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private Context owner;
  private Floor floor;
  private long limitTimer = -1;

  public ConversationStream(InteractionStore store, Settings settings, Clock clock, List<ChannelAdapter> channelAdapters) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    channelAdapters.forEach(a -> adapters.put(a.channel(), a));
  }

  @Override
  public Future<?> start() {
    owner = context;
    StreamSignalCodec.register(vertx);
    floor = new Floor(vertx, settings.handbackGrace(), settings.queueUpdates(), settings.routing(), clock, new Floor.Conversations() {
      @Override
      public Collection<ConversationState> open() {
        return openStates();
      }

      @Override
      public Future<Posted> submit(ConversationId conversation, StreamCommand command) {
        return ConversationStream.this.submit(conversation, command);
      }
    });
    return store.openConversations().map(open -> {
      for (List<Entry> entries : open) {
        ConversationState state = ConversationState.replay(entries);
        Line line = new Line(Optional.of(state));
        lines.put(state.id(), line);
        linesByContact.put(state.contact(), line);
        state.assignedAgent().ifPresent(floor::awaitReturn);
      }
      floor.route();
      limitTimer = vertx.setPeriodic(settings.limits().checkEvery().toMillis(), t -> {
        checkTimeLimits();
        floor.route();
      });
      return null;
    });
  }

  @Override
  public Future<?> stop() {
    if (limitTimer >= 0) vertx.cancelTimer(limitTimer);
    return Future.succeededFuture();
  }

  /** Records each time limit that has run out; a breach's key keeps a second check from recording it again. */
  private void checkTimeLimits() {
    Instant now = clock.instant();
    for (ConversationState state : openStates()) {
      String queue = settings.routing().queueOf(state.queue(), state.contact().channel()).name();
      for (Breach breach : settings.limits().due(state, now, queue)) {
        Optional<String> overflow = breach.path().equals(Breach.QUEUE_WAIT) ? settings.routing().overflowQueue() : Optional.empty();
        submit(state.id(), new StreamCommand.RecordBreach(state.id(), breach.path(), breach.reason(), breach.dedupeKey(), overflow))
            .onFailure(e -> {
              if (!(e instanceof RefusedException)) LOG.log(Level.WARNING, "could not record a time limit on " + state.id(), e);
            });
      }
    }
  }

  // ---- Intake: what channel adapters call ----

  @Override
  public Future<Posted> residentMessage(Contact contact, String text, String dedupeKey, List<Attachment> attachments) {
    StreamCommand.ResidentMessage command = new StreamCommand.ResidentMessage(contact, text, dedupeKey, attachments);
    return onOwner(() -> runOpening(linesByContact.computeIfAbsent(contact, c -> new Line(Optional.empty())), command, contact));
  }

  @Override
  public Future<Posted> openCall(Contact caller, String callKey) {
    StreamCommand.OpenCall command = new StreamCommand.OpenCall(caller, callKey);
    return onOwner(() -> runOpening(new Line(Optional.empty()), command, caller));
  }

  @Override
  public Future<Posted> callerMessage(ConversationId conversation, String text, String dedupeKey) {
    return submit(conversation, new StreamCommand.CallerMessage(conversation, text, dedupeKey));
  }

  @Override
  public Future<Posted> automatedMessage(ConversationId conversation, String text, String dedupeKey) {
    return submit(conversation, new StreamCommand.AutomatedMessage(conversation, text, dedupeKey));
  }

  @Override
  public Future<Posted> consent(ConversationId conversation, boolean optedOut, String keyword, String dedupeKey) {
    return submit(conversation, new StreamCommand.RecordConsent(conversation, optedOut, keyword, dedupeKey));
  }

  @Override
  public Future<Posted> note(ConversationId conversation, String text, String dedupeKey) {
    return submit(conversation, new StreamCommand.Note(conversation, text, dedupeKey));
  }

  @Override
  public Future<Posted> deliveryStatus(ConversationId conversation, long messageSeq, DeliveryStatus status, String detail, Optional<String> dedupeKey) {
    return submit(conversation, new StreamCommand.RecordDelivery(conversation, messageSeq, status, detail, dedupeKey));
  }

  @Override
  public Future<Posted> providerReport(ConversationId conversation, long messageSeq, DeliveryStatus status, String detail, String providerId,
      String dedupeKey) {
    return submit(conversation, new StreamCommand.RecordDelivery(conversation, messageSeq, status, detail, Optional.of(dedupeKey), Optional.of(providerId), true));
  }

  @Override
  public Future<Optional<ConversationId>> latestConversation(Contact contact) {
    return onOwner(() -> {
      Line line = linesByContact.get(contact);
      if (line != null && line.state.isPresent()) return Future.succeededFuture(Optional.of(line.state.get().id()));
      return store.latestConversation(contact);
    });
  }

  // ---- Agents ----

  @Override
  public Future<Posted> agentMessage(ConversationId conversation, AgentProfile agent, String text, Optional<String> dedupeKey) {
    return submit(conversation, new StreamCommand.AgentMessage(conversation, agent.participant(), text, dedupeKey));
  }

  /** The assigned agent sets the skills the conversation needs beyond its channel's (a language, a topic); routing follows them. */
  @Override
  public Future<Posted> setSkills(ConversationId conversation, AgentProfile agent, java.util.Set<String> skills) {
    return submit(conversation, new StreamCommand.SetSkills(conversation, agent.participant(), skills));
  }

  /** Passes the conversation back to the queue, needing {@code skills} if given, with a note for whoever takes it. */
  @Override
  public Future<Posted> transferToQueue(ConversationId conversation, AgentProfile from, Optional<java.util.Set<String>> skills, String note,
      Optional<String> queue) {
    if (queue.filter(q -> settings.routing().queue(q).isEmpty()).isPresent()) return Future.failedFuture(new IllegalArgumentException("unknown queue"));
    return submit(conversation, new StreamCommand.Transfer(conversation, from.participant(), Optional.empty(), "", skills, note, queue));
  }

  /** Passes the conversation to another agent: at once (cold), or once they accept (warm), the first agent keeping it until then. */
  @Override
  public Future<Void> transferToAgent(ConversationId conversation, AgentProfile from, AgentProfile to, String note, boolean warm) {
    if (!warm) return submit(conversation, new StreamCommand.Transfer(conversation, from.participant(), Optional.of(to.id()), to.displayName(),
        Optional.empty(), note, Optional.empty())).mapEmpty();
    return onOwner(() -> {
      Line line = lines.get(conversation);
      Optional<ConversationState> state = line == null ? Optional.empty() : line.state.filter(s -> s.id().equals(conversation) && !s.resolved());
      if (state.isEmpty()) return Future.failedFuture(new RefusedException(Refusal.UNKNOWN_CONVERSATION));
      if (!state.get().isAssignedTo(from.id())) return Future.failedFuture(new RefusedException(Refusal.NOT_YOURS));
      if (from.id().equals(to.id())) return Future.failedFuture(new RefusedException(Refusal.ALREADY_THEIRS));
      return floor.offerTransfer(conversation, state.get().contact().channel().name(), from, to, note);
    });
  }

  /** Files the record's category, tags, referral, follow-up and Open311 id (its agent, a supervisor, or any staff once resolved). */
  @Override
  public Future<Posted> fileDetails(ConversationId conversation, Participant staff, ConversationEvent.DetailsSet details) {
    return submit(conversation, new StreamCommand.FileDetails(conversation, staff, details));
  }

  /** The agent takes a conversation offered to them. */
  @Override
  public Future<Posted> acceptOffer(ConversationId conversation, AgentId agent) {
    return onOwner(() -> floor.accept(conversation, agent));
  }

  /** The agent lets an offer go; it goes back to the queue. */
  @Override
  public Future<Void> declineOffer(ConversationId conversation, AgentId agent) {
    return onOwner(() -> floor.decline(conversation, agent));
  }

  @Override
  public Future<List<StreamSignal.Offered>> offersFor(AgentId agent) {
    return onOwner(() -> {
      Map<ConversationId, String> channels = new HashMap<>();
      for (ConversationState s : openStates()) channels.put(s.id(), s.contact().channel().name());
      return Future.succeededFuture(floor.offersFor(agent, channels));
    });
  }

  /** The agent hands up to a supervisor; supervisors are alerted, and the agent keeps it until one takes it. */
  @Override
  public Future<Posted> askSupervisor(ConversationId conversation, AgentProfile agent, String reason) {
    return submit(conversation, new StreamCommand.AskSupervisor(conversation, agent.participant(), reason));
  }

  @Override
  public Future<Posted> takeEscalation(ConversationId conversation, AgentProfile supervisor) {
    return submit(conversation, new StreamCommand.SupervisorTakes(conversation, supervisor.id(), supervisor.displayName()));
  }

  @Override
  public Future<Posted> reassign(ConversationId conversation, AgentProfile to, String byName) {
    return submit(conversation, new StreamCommand.Reassign(conversation, to.id(), to.displayName(), byName));
  }

  @Override
  public Future<Posted> whisper(ConversationId conversation, AgentProfile supervisor, String text) {
    return submit(conversation, new StreamCommand.Whisper(conversation, Participant.supervisor(supervisor.id(), supervisor.displayName()), text));
  }

  @Override
  public Future<Posted> bargeIn(ConversationId conversation, AgentProfile supervisor, String text, Optional<String> dedupeKey) {
    return submit(conversation, new StreamCommand.BargeIn(conversation, Participant.supervisor(supervisor.id(), supervisor.displayName()), text, dedupeKey));
  }

  @Override
  public Future<FloorView> floorView() {
    return onOwner(() -> Future.succeededFuture(new FloorView(floor.agents(), List.copyOf(openStates()))));
  }

  /** Conversations waiting for a supervisor, longest first. */
  @Override
  public Future<List<ConversationState>> supervisorQueue() {
    return onOwner(() -> Future.succeededFuture(openStates().stream().filter(ConversationState::awaitingSupervisor)
        .sorted(java.util.Comparator.comparing(ConversationState::opened)).toList()));
  }

  @Override
  public Future<Posted> resolve(ConversationId conversation, AgentProfile agent, String disposition) {
    return submit(conversation, new StreamCommand.Resolve(conversation, agent.participant(), disposition));
  }

  @Override
  public Future<Void> agentConnected(AgentProfile profile) {
    return onOwner(() -> {
      floor.connected(profile);
      return Future.succeededFuture();
    });
  }

  /** When an agent's last connection closes, their conversations go back to the queue after the grace period. */
  @Override
  public Future<Void> agentDisconnected(AgentId agent) {
    return onOwner(() -> {
      floor.disconnected(agent);
      return Future.succeededFuture();
    });
  }

  /** Available agents with a live console connection are offered conversations; away agents keep theirs. */
  @Override
  public Future<Presence> setPresence(AgentProfile agent, Presence presence) {
    return onOwner(() -> {
      floor.setPresence(agent, presence);
      return Future.succeededFuture(presence);
    });
  }

  @Override
  public Future<Presence> presence(AgentId agent) {
    return onOwner(() -> Future.succeededFuture(floor.presence(agent)));
  }

  /** Signals typing to the other side of the conversation; never stored. */
  @Override
  public Future<Void> typing(ConversationId conversation, Participant who, boolean active) {
    return onOwner(() -> {
      Line line = lines.get(conversation);
      if (line == null || line.state.isEmpty() || line.state.get().resolved()) return Future.succeededFuture();
      ConversationState state = line.state.get();
      StreamSignal signal = new StreamSignal.Typing(conversation, who, active);
      Addresses.CONVERSATION.publish(vertx.eventBus(), conversation, signal);
      state.assignedAgent().ifPresent(a -> Addresses.AGENT.publish(vertx.eventBus(), a, signal));
      return Future.succeededFuture();
    });
  }

  // ---- Queries ----

  @Override
  public Future<Optional<StreamSignal.QueuePosition>> placeInLine(ConversationId conversation) {
    return onOwner(() -> Future.succeededFuture(floor.placeInLine(conversation)));
  }

  @Override
  public Future<List<ConversationState>> assignedTo(AgentId agent) {
    return onOwner(() -> Future.succeededFuture(openStates().stream().filter(s -> s.isAssignedTo(agent)).toList()));
  }

  @Override
  public Future<Optional<ConversationState>> openConversation(ConversationId id) {
    return onOwner(() -> Future.succeededFuture(Optional.ofNullable(lines.get(id)).flatMap(l -> l.state)));
  }

  @Override
  public Future<Integer> waitingCount() {
    return onOwner(() -> Future.succeededFuture(floor.waitingCount()));
  }

  @Override
  public Future<List<Entry>> entries(ConversationId conversation, long afterSeq) {
    return store.entries(conversation, afterSeq);
  }

  // ---- The writer ----

  /** Runs the command on the line's writer, then lets the line go if its conversation is over. */
  private Future<Posted> run(Line line, StreamCommand command) {
    return line.submit(() -> execute(line, command)).onComplete(ar -> forgetIfFinished(line));
  }

  /**
   * Runs a command that may open a conversation, once the contact's latest record is known so the new
   * one can link back to it. A line that already holds the contact's conversation needs no lookup.
   */
  private Future<Posted> runOpening(Line line, StreamCommand command, Contact contact) {
    return line.submit(() -> {
      Line known = line.state.isPresent() ? line : linesByContact.get(contact);
      Future<Optional<ConversationId>> previous = known != null && known.state.isPresent()
          ? Future.succeededFuture(known.state.map(ConversationState::id))
          : store.latestConversation(contact);
      return previous.compose(p -> execute(line, command, p));
    }).onComplete(ar -> forgetIfFinished(line));
  }

  private Future<Posted> submit(ConversationId conversation, StreamCommand command) {
    return onOwner(() -> {
      Line line = lines.get(conversation);
      if (line != null) return run(line, command);
      // Not open in memory: a resolved conversation (late delivery report) or an unknown id.
      Line loaded = new Line(Optional.empty());
      lines.put(conversation, loaded);
      return loaded.submit(() -> store.entries(conversation, 0).compose(entries -> {
        if (!entries.isEmpty()) loaded.state = Optional.of(ConversationState.replay(entries));
        return execute(loaded, command);
      })).onComplete(ar -> forgetIfFinished(loaded));
    });
  }

  private Future<Posted> execute(Line line, StreamCommand command) {
    return execute(line, command, Optional.empty());
  }

  private Future<Posted> execute(Line line, StreamCommand command, Optional<ConversationId> previousOfContact) {
    // Millisecond times: every store keeps them exactly, so a published entry equals the stored one.
    Decision decision = StreamRules.decide(line.state, command, clock.instant().truncatedTo(ChronoUnit.MILLIS),
        new StreamRules.NewRecord(ConversationId.random(), previousOfContact));
    if (decision instanceof Decision.Refused r) return Future.failedFuture(new RefusedException(r.refusal()));
    if (decision instanceof Decision.AlreadyRecorded a) return Future.succeededFuture(new Posted(line.state.orElseThrow().id(), a.seq(), true));
    List<Entry> entries = withEscalations(line.state, ((Decision.Append) decision).entries());
    return store.append(entries).map(outcome -> {
      if (outcome instanceof AppendOutcome.AlreadyRecorded dup) {
        return new Posted(dup.existing().conversationId(), dup.existing().seq(), true);
      }
      applied(line, entries);
      Entry last = entries.get(entries.size() - 1);
      return new Posted(last.conversationId(), last.seq(), false);
    });
  }

  /** The entries, followed by what they escalate (an emergency's flag and 911 guidance), to be stored as one. */
  private List<Entry> withEscalations(Optional<ConversationState> before, List<Entry> entries) {
    ConversationState after = before.filter(s -> s.id().equals(entries.get(0).conversationId())).orElse(null);
    for (Entry e : entries) after = after == null ? ConversationState.replay(List.of(e)) : after.apply(e);
    List<Entry> following = new ArrayList<>(Escalations.following(after, entries, settings.emergencies(), entries.get(entries.size() - 1).at()));
    skillsFromFirstWords(before, entries, after.lastSeq() + following.size()).ifPresent(following::add);
    if (following.isEmpty()) return entries;
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(following);
    return all;
  }

  /** The skills a resident's first message calls for (routing.contentSkills), as an entry numbered after {@code lastSeq}. */
  private Optional<Entry> skillsFromFirstWords(Optional<ConversationState> before, List<Entry> entries, long lastSeq) {
    boolean spokeBefore = before.filter(s -> s.id().equals(entries.get(0).conversationId()) && s.lastResidentSeq() > 0).isPresent();
    if (spokeBefore) return Optional.empty();
    for (Entry e : entries) {
      if (e.actor().role() != org.accessline.gateway.conversation.Role.RESIDENT || !(e.event() instanceof ConversationEvent.MessagePosted m)) continue;
      java.util.Set<String> skills = settings.routing().contentSkills().in(m.text());
      if (skills.isEmpty()) return Optional.empty();
      return Optional.of(new Entry(e.conversationId(), lastSeq + 1, e.at(), Participant.SYSTEM, new ConversationEvent.SkillsRequired(skills), Optional.empty()));
    }
    return Optional.empty();
  }

  private void applied(Line line, List<Entry> entries) {
    Optional<ConversationState> before = line.state.filter(s -> s.id().equals(entries.get(0).conversationId()));
    ConversationState state = before.isPresent() ? before.get() : ConversationState.replay(entries.subList(0, 1));
    for (Entry e : entries) if (e.seq() > state.lastSeq()) state = state.apply(e);
    // A resolved contact who writes again gets a new conversation on the same line.
    line.state.filter(s -> before.isEmpty()).ifPresent(old -> lines.remove(old.id(), line));
    line.state = Optional.of(state);
    lines.put(state.id(), line);
    linesByContact.put(state.contact(), line);
    Set<AgentId> watching = new LinkedHashSet<>();
    before.flatMap(ConversationState::assignedAgent).ifPresent(watching::add);
    state.assignedAgent().ifPresent(watching::add);
    boolean routingChanged = false;
    for (Entry entry : entries) {
      if (entry.event() instanceof ConversationEvent.Opened opened) lookUpLastAgent(entry.conversationId(), opened.contact());
      if (entry.event() instanceof ConversationEvent.Transferred t && t.to().isEmpty()) floor.passedOn(entry.conversationId(), t.from());
      StreamSignal added = new StreamSignal.EntryAdded(entry);
      Addresses.CONVERSATION.publish(vertx.eventBus(), entry.conversationId(), added);
      for (AgentId agent : watching) Addresses.AGENT.publish(vertx.eventBus(), agent, added);
      if (entry.event() instanceof ConversationEvent.Queued || entry.event() instanceof ConversationEvent.Resolved
          || entry.event() instanceof ConversationEvent.Unassigned || entry.event() instanceof ConversationEvent.Escalated) routingChanged = true;
      if (entry.event() instanceof ConversationEvent.MessagePosted m && entry.actor().speaksToResident()) {
        deliver(state.contact(), entry, m.text(), isEmergencyGuidance(entries, entry));
      }
      if (entry.event() instanceof ConversationEvent.Resolved) {
        before.flatMap(ConversationState::firstAssignedAt).ifPresent(from -> floor.handled(Duration.between(from, entry.at())));
      }
      if (entry.event() instanceof ConversationEvent.Escalated e) {
        Addresses.SUPERVISORS.publish(vertx.eventBus(), new StreamSignal.Alert(entry.conversationId(), e.path(), e.reason(), entry.at()));
      }
    }
    floor.changed(state, routingChanged);
  }

  /** Holds a new conversation out of routing until its resident's last agent is known, so they can go back to them. */
  private void lookUpLastAgent(ConversationId conversation, Contact contact) {
    if (settings.routing().affinityWindow().isZero()) return;
    floor.lookingUpLastAgent(conversation);
    Instant since = clock.instant().minus(settings.routing().affinityWindow());
    store.history(contact, 2).compose(history -> {
      var previous = history.stream().filter(h -> !h.id().equals(conversation) && h.resolved().filter(t -> t.isAfter(since)).isPresent()).findFirst();
      if (previous.isEmpty()) return Future.succeededFuture(Optional.<AgentId>empty());
      return store.entries(previous.get().id(), 0).map(entries -> {
        Optional<AgentId> last = Optional.empty();
        for (Entry e : entries) if (e.event() instanceof ConversationEvent.Assigned a) last = Optional.of(a.agent());
        return last;
      });
    }).onComplete(ar -> floor.lastAgentKnown(conversation, ar.succeeded() ? ar.result() : Optional.empty()));
  }

  /** The center's 911 guidance is the center's message appended right after an emergency was recognised. */
  private static boolean isEmergencyGuidance(List<Entry> entries, Entry entry) {
    int at = entries.indexOf(entry);
    return at > 0 && entry.actor().equals(Participant.CENTER) && entries.get(at - 1).event() instanceof ConversationEvent.Escalated e
        && e.path().equals(ConversationEvent.Escalated.EMERGENCY);
  }

  private void deliver(Contact contact, Entry entry, String text, boolean emergencyGuidance) {
    ChannelAdapter adapter = adapters.get(contact.channel());
    Future<DeliveryOutcome> outcome = adapter == null
        ? Future.failedFuture("no adapter for channel " + contact.channel())
        : adapter.deliver(new OutboundMessage(entry.conversationId(), entry.seq(), contact, text));
    Promise<Void> recorded = Promise.promise();
    deliveriesPending.add(recorded.future());
    recorded.future().onComplete(x -> deliveriesPending.remove(recorded.future()));
    outcome.onComplete(ar -> {
      if (ar.succeeded() && ar.result() instanceof DeliveryOutcome.Live) {
        recorded.complete();
        return;
      }
      StreamCommand.RecordDelivery report;
      if (ar.failed()) {
        report = new StreamCommand.RecordDelivery(entry.conversationId(), entry.seq(), DeliveryStatus.FAILED, String.valueOf(ar.cause().getMessage()), Optional.empty());
      } else if (ar.result() instanceof DeliveryOutcome.Reported reported) {
        report = new StreamCommand.RecordDelivery(entry.conversationId(), entry.seq(), reported.status(), reported.detail(),
            Optional.of(reported.providerId() + ":" + reported.status().wireName()), Optional.of(reported.providerId()));
      } else {
        report = new StreamCommand.RecordDelivery(entry.conversationId(), entry.seq(), DeliveryStatus.UNKNOWN, ((DeliveryOutcome.Ambiguous) ar.result()).detail(),
            Optional.empty());
      }
      if (emergencyGuidance && report.status() == DeliveryStatus.FAILED) guidanceNotSent(entry, contact, report.detail());
      submit(entry.conversationId(), report).onComplete(done -> {
        if (done.failed() && !(done.cause() instanceof RefusedException)) {
          LOG.log(Level.WARNING, "could not record delivery of " + entry.conversationId() + "#" + entry.seq(), done.cause());
        }
        recorded.complete();
      });
    });
  }

  /**
   * Completes once every message handed to a channel so far has its outcome stored (or after
   * {@code within}, for a channel that holds a reply longer, such as a TTY call still playing it).
   * A gateway that is stopping waits for this before it closes the store.
   */
  @Override
  public Future<Void> deliveriesRecorded(Duration within) {
    List<Future<Void>> pending = List.copyOf(deliveriesPending);
    if (pending.isEmpty()) return Future.succeededFuture();
    Promise<Void> done = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, within.toMillis()), t -> done.tryComplete());
    Future.join(pending).onComplete(ar -> {
      vertx.cancelTimer(timer);
      done.tryComplete();
    });
    return done.future();
  }

  /** Supervisors must know at once when a resident in an emergency could not be given the 911 guidance on their channel. */
  private void guidanceNotSent(Entry guidance, Contact contact, String why) {
    String reason = "The 911 guidance could not be sent to " + contact.address() + " by " + contact.channel().name() + ": " + why + " Reach the resident another way.";
    Addresses.SUPERVISORS.publish(vertx.eventBus(), new StreamSignal.Alert(guidance.conversationId(), ConversationEvent.Escalated.EMERGENCY, reason,
        clock.instant()));
  }

  /** A resolved conversation leaves memory once nothing is queued on it; the store keeps its record. */
  private void forgetIfFinished(Line line) {
    if (!line.idle()) return;
    if (line.state.isEmpty() || line.state.get().resolved()) {
      lines.values().removeIf(l -> l == line);
      linesByContact.values().removeIf(l -> l == line);
    }
  }

  /** Every open conversation's state, once each. */
  private Collection<ConversationState> openStates() {
    List<ConversationState> open = new ArrayList<>(lines.size());
    for (Map.Entry<ConversationId, Line> e : lines.entrySet()) {
      e.getValue().state.filter(s -> s.id().equals(e.getKey()) && !s.resolved()).ifPresent(open::add);
    }
    return open;
  }

  // ---- Context ----

  /** Runs {@code work} on the owning context and completes the result on the caller's context. */
  private <T> Future<T> onOwner(Supplier<Future<T>> work) {
    if (Vertx.currentContext() == owner) return work.get();
    CallerContext<T> reply = new CallerContext<>();
    owner.runOnContext(v -> {
      Future<T> result;
      try {
        result = work.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(reply::complete);
    });
    return reply.future();
  }
}
