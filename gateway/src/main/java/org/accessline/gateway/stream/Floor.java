package org.accessline.gateway.stream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.AgentLoad;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Assignment;
import org.accessline.gateway.routing.Offer;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.Waiting;

/**
 * The agents on the floor: their presence, connections and capacity, the offers being written, and
 * the hand-back timers. It decides who gets which waiting conversation with {@link Assignment} and
 * asks the stream to write the result. Used only on the stream's context.
 */
final class Floor {
  private static final Logger LOG = Logger.getLogger(Floor.class.getName());
  private static final Duration ROUTING_RETRY = Duration.ofSeconds(1);

  /** What the floor needs from the stream. */
  interface Conversations {
    Collection<ConversationState> open();

    Future<Posted> assign(ConversationId conversation, AgentId agent, String agentName);

    Future<Posted> release(ConversationId conversation, AgentId agent, String reason);
  }

  private final Vertx vertx;
  private final Duration handbackGrace;
  private final Conversations conversations;
  private final Map<AgentId, AgentDesk> desks = new HashMap<>();
  private final Map<ConversationId, AgentId> offers = new HashMap<>();
  private int lastPublishedWaiting = -1;
  private boolean retryScheduled;

  Floor(Vertx vertx, Duration handbackGrace, Conversations conversations) {
    this.vertx = vertx;
    this.handbackGrace = handbackGrace;
    this.conversations = conversations;
  }

  void connected(AgentProfile profile) {
    AgentDesk desk = desk(profile);
    desk.connections++;
    if (desk.handbackTimer >= 0) {
      vertx.cancelTimer(desk.handbackTimer);
      desk.handbackTimer = -1;
    }
    route();
  }

  void disconnected(AgentId agent) {
    AgentDesk desk = desks.get(agent);
    if (desk != null && desk.connections > 0 && --desk.connections == 0) scheduleHandback(desk);
  }

  /** After a restart nobody is connected yet; agents who come back within the grace period keep their work. */
  void awaitReturn(AgentId agent) {
    scheduleHandback(desks.computeIfAbsent(agent, a -> new AgentDesk(new AgentProfile(a, a.value(), 1))));
  }

  void setPresence(AgentProfile profile, Presence presence) {
    desk(profile).presence = presence;
    route();
  }

  Presence presence(AgentId agent) {
    AgentDesk desk = desks.get(agent);
    return desk == null ? Presence.AWAY : desk.presence;
  }

  int waitingCount() {
    return waiting(conversations.open()).size();
  }

  /** Offers every waiting conversation that an accepting agent has room for. */
  void route() {
    Collection<ConversationState> open = conversations.open();
    Map<AgentId, Integer> active = new HashMap<>();
    for (ConversationState s : open) s.assignedAgent().ifPresent(a -> active.merge(a, 1, Integer::sum));
    for (AgentId offered : offers.values()) active.merge(offered, 1, Integer::sum);
    List<AgentLoad> loads = desks.values().stream()
        .map(d -> new AgentLoad(d.id, d.accepting(), d.profile.capacity(), active.getOrDefault(d.id, 0)))
        .toList();
    List<Waiting> waiting = waiting(open);
    List<Offer> decided = Assignment.decide(loads, waiting);
    for (Offer offer : decided) {
      offers.put(offer.conversation(), offer.agent());
      conversations.assign(offer.conversation(), offer.agent(), desks.get(offer.agent()).profile.displayName())
          .onComplete(ar -> {
            offers.remove(offer.conversation());
            if (ar.failed() && !(ar.cause() instanceof RefusedException)) {
              LOG.log(Level.WARNING, "assignment of " + offer.conversation() + " failed; retrying", ar.cause());
              retryLater();
            }
          });
    }
    publishQueueLength(waiting.size() - decided.size());
  }

  private AgentDesk desk(AgentProfile profile) {
    AgentDesk desk = desks.computeIfAbsent(profile.id(), id -> new AgentDesk(profile));
    desk.profile = profile;
    return desk;
  }

  private List<Waiting> waiting(Collection<ConversationState> open) {
    List<Waiting> queue = new ArrayList<>();
    for (ConversationState s : open) {
      if (s.isWaiting() && !offers.containsKey(s.id())) queue.add(new Waiting(s.id(), s.queuedSince().orElseThrow(), s.priority()));
    }
    return queue;
  }

  private void retryLater() {
    if (retryScheduled) return;
    retryScheduled = true;
    vertx.setTimer(ROUTING_RETRY.toMillis(), id -> {
      retryScheduled = false;
      route();
    });
  }

  private void publishQueueLength(int count) {
    if (count == lastPublishedWaiting) return;
    lastPublishedWaiting = count;
    vertx.eventBus().publish(Addresses.QUEUE, new StreamSignal.QueueLength(count), StreamSignalCodec.DELIVERY);
  }

  private void scheduleHandback(AgentDesk desk) {
    if (desk.handbackTimer >= 0) return;
    desk.handbackTimer = vertx.setTimer(Math.max(1, handbackGrace.toMillis()), id -> {
      desk.handbackTimer = -1;
      if (desk.connections == 0) handBack(desk.id);
    });
  }

  private void handBack(AgentId agent) {
    for (ConversationState s : List.copyOf(conversations.open())) {
      if (!s.isAssignedTo(agent)) continue;
      conversations.release(s.id(), agent, "agent disconnected").onFailure(err -> {
        if (!(err instanceof RefusedException)) LOG.log(Level.WARNING, "hand-back of " + s.id() + " failed", err);
      });
    }
  }
}
