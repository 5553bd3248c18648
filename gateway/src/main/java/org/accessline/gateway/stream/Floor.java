package org.accessline.gateway.stream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.AgentView;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.QueueUpdates;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.rules.FloorAction;
import org.accessline.gateway.rules.FloorInput;
import org.accessline.gateway.rules.FloorRules;
import org.accessline.gateway.rules.FloorState;
import org.accessline.gateway.rules.StreamCommand;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.signal.StreamSignal;

/**
 * The floor's shell: it holds the {@link FloorState}, feeds each happening to {@link FloorRules}, and
 * carries out what they decide: writes through the stream, signals on the event bus, timers. Used
 * only on the stream's context.
 */
final class Floor {
  private static final Logger LOG = LoggerFactory.getLogger(Floor.class);

  /** What the floor needs from the stream; it learns of every open conversation through {@link #changed}. */
  @FunctionalInterface
  interface Conversations {
    /** Runs the command on its conversation's writer, as any other command is run. */
    Future<Posted> submit(ConversationId conversation, StreamCommand command);
  }

  private final Vertx vertx;
  private final Clock clock;
  private final Conversations conversations;
  private final FloorRules rules;
  private FloorState state = FloorState.empty();
  private final Map<FloorAction.TimerKey, Long> timers = new HashMap<>();
  /** Actions decided but not yet carried out, so a write that completes at once cannot act before earlier decisions. */
  private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
  private boolean acting;

  Floor(Vertx vertx, Duration handbackGrace, QueueUpdates queueUpdates, RoutingSettings routing, Clock clock, Conversations conversations) {
    this.vertx = vertx;
    this.clock = clock;
    this.conversations = conversations;
    this.rules = new FloorRules(routing, queueUpdates, handbackGrace);
  }

  List<AgentView> agents() {
    return state.agents();
  }

  Optional<StreamSignal.QueuePosition> placeInLine(ConversationId conversation) {
    return rules.placeInLine(state, conversation).map(p -> new StreamSignal.QueuePosition(p.conversation(), p.position(), p.expectedWait()));
  }

  Presence presence(AgentId agent) {
    return state.presence(agent);
  }

  int waitingCount() {
    return state.waitingCount();
  }

  List<StreamSignal.Offered> offersFor(AgentId agent, Map<ConversationId, String> channels) {
    return state.offersFor(agent, channels).stream().map(Floor::offered).toList();
  }

  void handled(Duration handled) {
    feed(new FloorInput.Handled(handled));
  }

  void connected(AgentProfile profile) {
    feed(new FloorInput.AgentConnected(profile));
  }

  void disconnected(AgentId agent) {
    feed(new FloorInput.AgentDisconnected(agent));
  }

  /** After a restart nobody is connected yet; agents who come back within the grace period keep their work. */
  void awaitReturn(AgentId agent) {
    feed(new FloorInput.AwaitReturn(agent));
  }

  void setPresence(AgentProfile profile, Presence presence) {
    feed(new FloorInput.PresenceSet(profile, presence));
  }

  /**
   * A write changed {@code after}'s conversation (resolved ones included, so the floor can let them
   * go); {@code routingChanged} when it joined, left or moved in the line. The stream calls this once
   * per durable write, and once per conversation loaded at start.
   */
  void changed(ConversationState after, boolean routingChanged) {
    feed(new FloorInput.ConversationChanged(after, routingChanged));
  }

  void lookingUpLastAgent(ConversationId conversation) {
    feed(new FloorInput.LookingUpLastAgent(conversation));
  }

  /** The resident's last agent, if recent enough; routing may now consider the conversation. */
  void lastAgentKnown(ConversationId conversation, Optional<AgentId> agent) {
    feed(new FloorInput.LastAgentKnown(conversation, agent));
  }

  /** The agent passed the conversation back to the queue: it is not offered to them again at once. */
  void passedOn(ConversationId conversation, AgentId agent) {
    feed(new FloorInput.PassedOn(conversation, agent));
  }

  /** The periodic pass: offers whatever there is room for, and tells texters their place when due. */
  void route() {
    feed(new FloorInput.Tick());
  }

  /** Offers the conversation to {@code to}; {@code from} keeps it until they accept, and keeps it if they do not. */
  Future<Void> offerTransfer(ConversationId conversation, String channel, AgentProfile from, AgentProfile to, String note) {
    return feed(new FloorInput.TransferOffered(conversation, channel, from, to, note)).mapEmpty();
  }

  /** The agent takes the conversation offered to them, or passed to them in a warm transfer. */
  Future<Posted> accept(ConversationId conversation, AgentId agent) {
    return feed(new FloorInput.Accepted(conversation, agent));
  }

  /** The agent lets the offer go; it goes back to the queue, not to them again for a while. */
  Future<Void> decline(ConversationId conversation, AgentId agent) {
    return feed(new FloorInput.Declined(conversation, agent)).mapEmpty();
  }

  /** Decides on the input now; carries out the actions in the order decided. Completes with the answer for whoever asked. */
  private Future<Posted> feed(FloorInput input) {
    FloorRules.Step step = rules.on(state, input, clock.instant());
    state = step.state();
    Promise<Posted> answer = Promise.promise();
    if (step.answer() instanceof FloorRules.Answer.Refused r) answer.fail(new RefusedException(r.refusal()));
    else if (step.answer() instanceof FloorRules.Answer.Done) answer.complete();
    for (FloorAction action : step.actions()) {
      pending.add(() -> {
        Future<Posted> done = act(action);
        if (step.answer() instanceof FloorRules.Answer.AfterWrite w && w.write() == action) done.onComplete(answer);
      });
    }
    if (!acting) {
      acting = true;
      try {
        for (Runnable next = pending.poll(); next != null; next = pending.poll()) next.run();
      } finally {
        acting = false;
      }
    }
    return answer.future();
  }

  private Future<Posted> act(FloorAction action) {
    if (action instanceof FloorAction.Write write) return write(write);
    if (action instanceof FloorAction.TellOffered offer) {
      Addresses.AGENT.publish(vertx.eventBus(), offer.agent(), offered(offer));
    } else if (action instanceof FloorAction.TellWithdrawn withdrawn) {
      Addresses.AGENT.publish(vertx.eventBus(), withdrawn.agent(), new StreamSignal.OfferWithdrawn(withdrawn.conversation(), withdrawn.agent(),
          withdrawn.reason()));
    } else if (action instanceof FloorAction.PublishPlaceInLine place) {
      Addresses.CONVERSATION.publish(vertx.eventBus(), place.conversation(), new StreamSignal.QueuePosition(place.conversation(), place.position(),
          place.expectedWait()));
    } else if (action instanceof FloorAction.PublishQueueLength length) {
      Addresses.QUEUE.publish(vertx.eventBus(), new StreamSignal.QueueLength(length.waiting()));
    } else if (action instanceof FloorAction.StartTimer start) {
      cancel(start.key());
      long[] id = new long[1];
      id[0] = vertx.setTimer(Math.max(1, start.after().toMillis()), t -> {
        timers.remove(start.key(), id[0]);
        feed(start.then());
      });
      timers.put(start.key(), id[0]);
    } else if (action instanceof FloorAction.CancelTimer stop) {
      cancel(stop.key());
    } else {
      // A new kind of action that nobody carries out would be dropped without a word.
      throw new IllegalStateException("no way to carry out " + action.getClass().getSimpleName());
    }
    return Future.succeededFuture();
  }

  private Future<Posted> write(FloorAction.Write write) {
    ConversationId conversation = write.conversation();
    return conversations.submit(conversation, write.command()).onComplete(ar -> {
      FloorAction.Outcome outcome = ar.succeeded() ? FloorAction.Outcome.WRITTEN
          : ar.cause() instanceof RefusedException ? FloorAction.Outcome.REFUSED : FloorAction.Outcome.FAILED;
      if (outcome == FloorAction.Outcome.FAILED) {
        boolean routing = write instanceof FloorAction.RecordOffer || write instanceof FloorAction.Assign || write instanceof FloorAction.Release;
        (routing ? LOG.atWarn() : LOG.atDebug()).addKeyValue("conversationId", conversation).setCause(ar.cause())
            .log("could not write {}", write.getClass().getSimpleName());
      }
      write.settled(outcome).ifPresent(this::feed);
    });
  }

  private void cancel(FloorAction.TimerKey key) {
    Long id = timers.remove(key);
    if (id != null) vertx.cancelTimer(id);
  }

  private static StreamSignal.Offered offered(FloorAction.TellOffered offer) {
    return new StreamSignal.Offered(offer.conversation(), offer.agent(), offer.channel(), offer.expires(), offer.transferFrom(), offer.note());
  }
}
