package org.accessline.gateway.stream;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.escalation.EmergencyPolicy;
import org.accessline.gateway.escalation.LimitPolicy;
import org.accessline.gateway.routing.QueueUpdates;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.rules.Breaches;
import org.accessline.gateway.rules.Decision;
import org.accessline.gateway.rules.Effect;
import org.accessline.gateway.rules.Effects;
import org.accessline.gateway.rules.LastAgent;
import org.accessline.gateway.rules.Policies;
import org.accessline.gateway.rules.StreamCommand;
import org.accessline.gateway.rules.StreamRules;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.signal.StreamSignal;
import org.accessline.gateway.signal.StreamSignalCodec;
import org.accessline.gateway.channel.GatewayMeter;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.store.AppendOutcome;
import org.accessline.gateway.store.CallerContext;
import org.accessline.gateway.store.InteractionStore;

/**
 * The conversation stream. One verticle context owns every open conversation, so each has exactly
 * one writer; callers on other contexts are hopped onto it and answered on their own. Each command
 * is decided whole by {@link StreamRules}, stored in one append, and only then are its
 * {@link Effects} carried out: an entry is published and acknowledged only once it is durable.
 */
public final class ConversationStream extends StreamPorts {
  private static final Logger LOG = LoggerFactory.getLogger(ConversationStream.class);

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
  private final OptionalLong epoch;
  private final GatewayMeter meter;
  private final Settings settings;
  private final Policies policies;
  private final Clock clock;
  private final Map<Channel, ChannelAdapter> adapters = new HashMap<>();
  private final Lines lines = new Lines();
  private final Consents consents;
  private Context owner;
  private Floor floor;
  private Deliveries deliveries;
  private long limitTimer = -1;

  public ConversationStream(InteractionStore store, Settings settings, Clock clock, List<ChannelAdapter> channelAdapters) {
    this(store, settings, clock, channelAdapters, GatewayMeter.NONE);
  }

  public ConversationStream(InteractionStore store, Settings settings, Clock clock, List<ChannelAdapter> channelAdapters, GatewayMeter meter) {
    this(store, settings, clock, channelAdapters, meter, OptionalLong.empty());
  }

  /**
   * @param epoch in a cluster, the ownership epoch this node claimed: every append is fenced with it,
   *     so once another node has taken over, this stream's writes are refused and nothing is written
   */
  public ConversationStream(InteractionStore store, Settings settings, Clock clock, List<ChannelAdapter> channelAdapters, GatewayMeter meter,
      OptionalLong epoch) {
    this.epoch = epoch;
    this.meter = meter;
    this.store = store;
    this.settings = settings;
    this.policies = Policies.of(settings.emergencies(), settings.routing());
    this.clock = clock;
    this.consents = new Consents(store::optedOut);
    channelAdapters.forEach(a -> adapters.put(a.channel(), a));
  }

  @Override
  public Future<?> start() {
    owner = context;
    StreamSignalCodec.register(vertx);
    deliveries = new Deliveries(vertx, clock, adapters, consents, report -> submit(report.conversation(), report));
    floor = new Floor(vertx, settings.handbackGrace(), settings.queueUpdates(), settings.routing(), clock, this::submit);
    return store.openConversations().map(open -> {
      for (List<Entry> entries : open) {
        ConversationState state = ConversationState.replay(entries);
        lines.restore(state);
        floor.changed(state, false);
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
    for (ConversationState state : lines.open()) {
      for (StreamCommand.RecordBreach breach : Breaches.due(state, now, settings.limits(), settings.routing())) {
        submit(state.id(), breach).onSuccess(posted -> {
          if (!posted.duplicate()) meter.timeLimitPassed(breach.path());
        }).onFailure(e -> {
          if (!(e instanceof RefusedException)) LOG.atWarn().addKeyValue("conversationId", state.id()).setCause(e).log("could not record a time limit");
        });
      }
    }
  }

  // ---- The writers ----

  @Override
  Future<Posted> submit(ConversationId conversation, StreamCommand command) {
    return onOwner(() -> {
      Optional<Line> line = lines.of(conversation);
      if (line.isPresent()) return run(line.get(), () -> execute(line.get(), command, Optional.empty()));
      // Not in memory: a resolved conversation (a late delivery report) or an unknown id.
      Line loaded = lines.loading(conversation);
      return run(loaded, () -> store.entries(conversation, 0).compose(entries -> {
        if (!entries.isEmpty()) loaded.state = Optional.of(ConversationState.replay(entries));
        return execute(loaded, command, Optional.empty());
      }));
    });
  }

  /**
   * Runs a command that may open a conversation, once the contact's latest record is known so the new
   * one can link back to it. A line that already holds the contact's conversation needs no lookup.
   */
  @Override
  Future<Posted> open(Contact contact, StreamCommand command, boolean ownLine) {
    return onOwner(() -> {
      Line line = ownLine ? new Line(Optional.empty()) : lines.ofContact(contact);
      return run(line, () -> {
        consents.load(contact);
        Optional<ConversationId> known = line.state.map(ConversationState::id).or(() -> lines.latestOf(contact));
        Future<Optional<ConversationId>> previous = known.isPresent() ? Future.succeededFuture(known) : store.latestConversation(contact);
        return previous.compose(p -> execute(line, command, p));
      });
    });
  }

  /** Runs the work on the line's writer, then lets the line go if its conversation is over. */
  private Future<Posted> run(Line line, Supplier<Future<Posted>> work) {
    return line.submit(work).onComplete(ar -> lines.forgetIfFinished(line).ifPresent(consents::forget));
  }

  private Future<Posted> execute(Line line, StreamCommand command, Optional<ConversationId> previousOfContact) {
    // Millisecond times: every store keeps them exactly, so a published entry equals the stored one.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Decision decision = StreamRules.decide(line.state, command, now, new StreamRules.NewRecord(ConversationId.random(), previousOfContact), policies);
    if (decision instanceof Decision.Refused r) return Future.failedFuture(new RefusedException(r.refusal()));
    if (decision instanceof Decision.Invalid i) return Future.failedFuture(new IllegalArgumentException(i.problem()));
    if (decision instanceof Decision.AlreadyRecorded a) return Future.succeededFuture(new Posted(line.state.orElseThrow().id(), a.seq(), true));
    List<Entry> entries = ((Decision.Append) decision).entries();
    long appendStarted = System.nanoTime();
    Future<AppendOutcome> appended = epoch.isPresent() ? store.append(entries, epoch.getAsLong()) : store.append(entries);
    return appended.map(outcome -> {
      meter.appended(System.nanoTime() - appendStarted);
      if (outcome instanceof AppendOutcome.AlreadyRecorded dup) return new Posted(dup.existing().conversationId(), dup.existing().seq(), true);
      Optional<ConversationState> before = line.state;
      ConversationState after = lines.advance(line, entries);
      count(after, entries);
      Effects.of(before, after, entries).forEach(this::carryOut);
      Entry answered = Posted.answering(entries);
      return new Posted(answered.conversationId(), answered.seq(), false);
    });
  }

  /** Residents' messages for the meter; a conversation's opening and end for the log, by id only. */
  private void count(ConversationState after, List<Entry> entries) {
    for (Entry entry : entries) {
      if (entry.isMessage() && entry.actor().role() == Role.RESIDENT) meter.messageIn(after.contact().channel());
      if (entry.event() instanceof ConversationEvent.Opened) {
        LOG.atInfo().addKeyValue("conversationId", entry.conversationId()).addKeyValue("channel", after.contact().channel().name()).log("conversation opened");
      } else if (entry.event() instanceof ConversationEvent.Resolved) {
        LOG.atInfo().addKeyValue("conversationId", entry.conversationId()).log("conversation resolved");
      }
    }
  }

  private void carryOut(Effect effect) {
    if (effect instanceof Effect.Publish p) {
      StreamSignal added = new StreamSignal.EntryAdded(p.entry());
      Addresses.CONVERSATION.publish(vertx.eventBus(), p.entry().conversationId(), added);
      for (var agent : p.agents()) Addresses.AGENT.publish(vertx.eventBus(), agent, added);
    } else if (effect instanceof Effect.Deliver d) {
      meter.messageOut(d.contact().channel());
      deliveries.deliver(d);
    } else if (effect instanceof Effect.ConsentChanged c) {
      consents.changed(c.contact(), c.consent());
    } else if (effect instanceof Effect.Alert a) {
      Addresses.SUPERVISORS.publish(vertx.eventBus(), new StreamSignal.Alert(a.conversation(), a.path(), a.reason(), a.at()));
    } else if (effect instanceof Effect.LookUpLastAgent l) {
      lookUpLastAgent(l.conversation(), l.contact());
    } else if (effect instanceof Effect.PassedOn p) {
      floor.passedOn(p.conversation(), p.agent());
    } else if (effect instanceof Effect.Handled h) {
      floor.handled(h.time());
    } else if (effect instanceof Effect.Count c) {
      Addresses.COUNTS.publish(vertx.eventBus(), c.counted());
    } else if (effect instanceof Effect.FloorChanged f) {
      floor.changed(f.after(), f.routingChanged());
    } else {
      // A new kind of effect that nobody carries out would be dropped without a word.
      throw new IllegalStateException("no way to carry out " + effect.getClass().getSimpleName());
    }
  }

  /** Holds a new conversation out of routing until its resident's last agent is known, so they can go back to them. */
  private void lookUpLastAgent(ConversationId conversation, Contact contact) {
    Optional<Instant> since = LastAgent.since(clock.instant(), settings.routing().affinityWindow());
    if (since.isEmpty()) return;
    floor.lookingUpLastAgent(conversation);
    store.history(contact, LastAgent.HISTORY_NEEDED)
        .compose(history -> LastAgent.earlierRecord(history, conversation, since.get())
            .map(earlier -> store.entries(earlier, 0).map(LastAgent::lastAssigned))
            .orElseGet(() -> Future.succeededFuture(Optional.empty())))
        .onComplete(ar -> floor.lastAgentKnown(conversation, ar.succeeded() ? ar.result() : Optional.empty()));
  }

  // ---- What the ports use ----

  @Override
  <T> Future<T> onOwner(Supplier<Future<T>> work) {
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

  @Override
  Floor floor() {
    return floor;
  }

  @Override
  Lines lines() {
    return lines;
  }

  @Override
  InteractionStore store() {
    return store;
  }

  @Override
  Deliveries deliveries() {
    return deliveries;
  }

  @Override
  Consents consents() {
    return consents;
  }
}
