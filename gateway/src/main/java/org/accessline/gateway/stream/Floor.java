package org.accessline.gateway.stream;

import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.signal.StreamSignal;
import org.accessline.gateway.signal.StreamSignalCodec;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.rules.StreamCommand;
import org.accessline.gateway.routing.AgentView;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.AgentSlot;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Router;
import org.accessline.gateway.routing.RoutingRequest;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.routing.Offer;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.QueueEstimate;
import org.accessline.gateway.routing.QueueMessages;
import org.accessline.gateway.routing.QueueUpdates;
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

    /** Runs the command on its conversation's writer, as any other command is run. */
    Future<Posted> submit(ConversationId conversation, StreamCommand command);
  }

  /** A warm transfer: the first agent keeps the conversation until the second accepts. */
  private record WarmTransfer(AgentProfile from, AgentProfile to, String note, Instant expires, long timer) {}

  private final Map<ConversationId, WarmTransfer> transfers = new HashMap<>();

  /** Offers the conversation to {@code to}; {@code from} keeps it until they accept, and keeps it if they do not. */
  Future<Void> offerTransfer(ConversationId conversation, String channel, AgentProfile from, AgentProfile to, String note) {
    if (transfers.containsKey(conversation)) return Future.failedFuture(new RefusedException(Refusal.ALREADY_ESCALATED));
    Instant expires = clock.instant().plus(routing.acceptTimeout());
    long timer = vertx.setTimer(routing.acceptTimeout().toMillis(), t -> endTransfer(conversation, "lapsed"));
    transfers.put(conversation, new WarmTransfer(from, to, note, expires, timer));
    Addresses.AGENT.publish(vertx.eventBus(), to.id(), new StreamSignal.Offered(conversation, to.id(), channel, expires,
        java.util.Optional.of(from.displayName()), note));
    return Future.succeededFuture();
  }

  private void endTransfer(ConversationId conversation, String how) {
    WarmTransfer t = transfers.remove(conversation);
    if (t == null) return;
    vertx.cancelTimer(t.timer());
    Addresses.AGENT.publish(vertx.eventBus(), t.to().id(), new StreamSignal.OfferWithdrawn(conversation, t.to().id(), how));
    String text = t.to().displayName() + (how.equals("lapsed") ? " did not take the transfer in time" : " declined the transfer") + "; it stays with "
        + t.from().displayName() + ".";
    conversations.submit(conversation, new StreamCommand.Note(conversation, text,
        "transfer:" + conversation.value() + ":" + t.to().id().value() + ":" + clock.millis() + ":" + (++notesWritten)))
        .onFailure(e -> LOG.log(Level.FINE, "could not note a transfer on " + conversation, e));
  }

  /** An offer waiting for the agent's answer. */
  private record Reservation(AgentId agent, Instant expires, long timer) {}

  private final Map<ConversationId, Reservation> reservations = new HashMap<>();
  /** Agents who just let an offer go, and when: they are not offered it again until the cool-down ends. */
  private final Map<ConversationId, Map<AgentId, Instant>> letGo = new HashMap<>();
  private int notesWritten;
  /** New conversations whose resident's last agent is being looked up; they wait for the answer. */
  private final java.util.Set<ConversationId> lookingUp = new java.util.HashSet<>();
  private final Map<ConversationId, AgentId> preferred = new HashMap<>();

  void lookingUpLastAgent(ConversationId conversation) {
    lookingUp.add(conversation);
  }

  /** The resident's last agent, if recent enough; routing may now consider the conversation. */
  void lastAgentKnown(ConversationId conversation, java.util.Optional<AgentId> agent) {
    lookingUp.remove(conversation);
    agent.ifPresent(a -> preferred.put(conversation, a));
    route();
  }

  /** Channels that hear their place in line as messages, not as a live display. */
  private static final java.util.Set<Channel> TOLD_BY_MESSAGE = java.util.Set.of(Channel.SMS, Channel.TTY, Channel.RELAY);
  private static final int HANDLE_TIMES_KEPT = 50;
  /** A queue's priority outweighs any number of time limits passed; an emergency outweighs every queue. */
  private static final int QUEUE_STEP = 100;

  private final Vertx vertx;
  private final Duration handbackGrace;
  private final Conversations conversations;
  private final Map<AgentId, AgentDesk> desks = new HashMap<>();
  private final Map<ConversationId, AgentId> offers = new HashMap<>();
  private int lastPublishedWaiting = -1;
  private boolean retryScheduled;
  private final QueueUpdates queueUpdates;
  private final Clock clock;
  private final java.util.ArrayDeque<Duration> recentHandles = new java.util.ArrayDeque<>();
  private final Map<ConversationId, StreamSignal.QueuePosition> shownPosition = new HashMap<>();
  private final Map<ConversationId, Instant> lastTold = new HashMap<>();
  private final Map<ConversationId, Integer> timesTold = new HashMap<>();

  private final RoutingSettings routing;

  Floor(Vertx vertx, Duration handbackGrace, QueueUpdates queueUpdates, RoutingSettings routing, Clock clock, Conversations conversations) {
    this.routing = routing;
    this.vertx = vertx;
    this.handbackGrace = handbackGrace;
    this.queueUpdates = queueUpdates;
    this.clock = clock;
    this.conversations = conversations;
  }

  /** Each agent the floor knows: presence, open consoles and capacity. */
  List<AgentView> agents() {
    return desks.values().stream().map(AgentDesk::view).sorted(java.util.Comparator.comparing(v -> v.id().value())).toList();
  }

  java.util.Optional<StreamSignal.QueuePosition> placeInLine(ConversationId conversation) {
    return java.util.Optional.ofNullable(shownPosition.get(conversation));
  }

  /** A conversation was resolved after {@code handled} with an agent; estimates follow the recent ones. */
  void handled(Duration handled) {
    recentHandles.addLast(handled);
    if (recentHandles.size() > HANDLE_TIMES_KEPT) recentHandles.removeFirst();
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

  /**
   * A write changed {@code after}'s conversation (resolved ones included, so the floor can let them
   * go); {@code routingChanged} when it joined, left or moved in the line. The stream calls this once
   * per durable write, and once per conversation loaded at start.
   */
  void changed(ConversationState after, boolean routingChanged) {
    if (routingChanged) route();
  }

  /** Offers every waiting conversation that a qualified, accepting agent has room for. */
  void route() {
    Collection<ConversationState> open = conversations.open();
    Map<AgentId, Integer> used = new HashMap<>();
    Map<ConversationId, ConversationState> byId = new HashMap<>();
    for (ConversationState s : open) {
      byId.put(s.id(), s);
      s.assignedAgent().ifPresent(a -> used.merge(a, routing.weight(s.contact().channel()), Integer::sum));
    }
    offers.forEach((conversation, agent) -> {
      ConversationState s = byId.get(conversation);
      used.merge(agent, s == null ? 1 : routing.weight(s.contact().channel()), Integer::sum);
    });
    reservations.forEach((conversation, r) -> {
      ConversationState s = byId.get(conversation);
      used.merge(r.agent(), s == null ? 1 : routing.weight(s.contact().channel()), Integer::sum);
    });
    List<AgentSlot> slots = desks.values().stream()
        .map(d -> new AgentSlot(d.id, d.profile.skills(), d.profile.capacity(), used.getOrDefault(d.id, 0), d.accepting(), d.idleSince))
        .toList();
    List<Waiting> waiting = waiting(open);
    List<RoutingRequest> requests = waiting.stream().map(w -> {
      ConversationState s = byId.get(w.conversation());
      Channel channel = s.contact().channel();
      java.util.Set<String> needs = new java.util.HashSet<>(routing.skillsFor(channel));
      needs.addAll(s.requiredSkills());
      QueueDefinition queue = routing.queueOf(s.queue(), channel);
      needs.addAll(queue.skills());
      return new RoutingRequest(w.conversation(), queue.priority() * QUEUE_STEP + w.priority(), w.since(), needs, routing.weight(channel),
          java.util.Optional.ofNullable(preferred.get(w.conversation())), coolingDown(w.conversation()));
    }).toList();
    Instant now = clock.instant();
    letGo.keySet().retainAll(byId.keySet());
    preferred.keySet().retainAll(java.util.Set.copyOf(waiting.stream().map(Waiting::conversation).toList()));
    List<Offer> decided = Router.decide(slots, requests, now);
    for (Offer offer : decided) desks.get(offer.agent()).idleSince = now;
    for (Offer offer : decided) {
      if (routing.autoAccept()) assign(offer.conversation(), offer.agent());
      else reserve(offer, byId.get(offer.conversation()).contact().channel(), now);
    }
    publishQueueLength(waiting.size() - decided.size());
    tellPositions(open, waiting, decided, slots);
  }

  private Future<Posted> assign(ConversationId conversation, AgentId agent) {
    offers.put(conversation, agent);
    letGo.remove(conversation);
    return conversations.submit(conversation, new StreamCommand.Assign(conversation, agent, desks.get(agent).profile.displayName()))
        .onComplete(ar -> {
          offers.remove(conversation);
          if (ar.failed() && !(ar.cause() instanceof RefusedException)) {
            LOG.log(Level.WARNING, "assignment of " + conversation + " failed; retrying", ar.cause());
            retryLater();
          }
        });
  }

  /** Holds the conversation for the agent, and tells them only once the offer is on the record. */
  private void reserve(Offer offer, Channel channel, Instant now) {
    Instant expires = now.plus(routing.acceptTimeout());
    long timer = vertx.setTimer(routing.acceptTimeout().toMillis(), t -> letGo(offer.conversation(), offer.agent(), "lapsed"));
    Reservation reservation = new Reservation(offer.agent(), expires, timer);
    reservations.put(offer.conversation(), reservation);
    conversations.submit(offer.conversation(), new StreamCommand.Offer(offer.conversation(), offer.agent(), desks.get(offer.agent()).profile.displayName())).onComplete(ar -> {
      if (reservations.get(offer.conversation()) != reservation) return;
      if (ar.succeeded()) {
        Addresses.AGENT.publish(vertx.eventBus(), offer.agent(), new StreamSignal.Offered(offer.conversation(), offer.agent(), channel.name(), expires));
        return;
      }
      // Not recorded (the resident left, or the store failed): nobody was told, so nothing is withdrawn.
      vertx.cancelTimer(timer);
      reservations.remove(offer.conversation());
      if (!(ar.cause() instanceof RefusedException)) {
        LOG.log(Level.WARNING, "could not record an offer of " + offer.conversation() + "; retrying", ar.cause());
        retryLater();
      }
    });
  }

  /** The agent takes the conversation offered to them, or passed to them in a warm transfer. */
  Future<Posted> accept(ConversationId conversation, AgentId agent) {
    WarmTransfer t = transfers.get(conversation);
    if (t != null && t.to().id().equals(agent)) {
      transfers.remove(conversation);
      vertx.cancelTimer(t.timer());
      return conversations.submit(conversation, new StreamCommand.Transfer(conversation, t.from().participant(), java.util.Optional.of(t.to().id()),
          t.to().displayName(), java.util.Optional.empty(), t.note(), java.util.Optional.empty()));
    }
    Reservation r = reservations.get(conversation);
    if (r == null || !r.agent().equals(agent)) return Future.failedFuture(new RefusedException(Refusal.NO_OFFER));
    vertx.cancelTimer(r.timer());
    reservations.remove(conversation);
    return assign(conversation, agent);
  }

  /** The agent lets the offer go; it goes back to the queue, not to them again for a while. */
  Future<Void> decline(ConversationId conversation, AgentId agent) {
    WarmTransfer t = transfers.get(conversation);
    if (t != null && t.to().id().equals(agent)) {
      endTransfer(conversation, "declined");
      return Future.succeededFuture();
    }
    Reservation r = reservations.get(conversation);
    if (r == null || !r.agent().equals(agent)) return Future.failedFuture(new RefusedException(Refusal.NO_OFFER));
    letGo(conversation, agent, "declined");
    return Future.succeededFuture();
  }

  private void letGo(ConversationId conversation, AgentId agent, String how) {
    Reservation r = reservations.get(conversation);
    if (r == null || !r.agent().equals(agent)) return;
    vertx.cancelTimer(r.timer());
    reservations.remove(conversation);
    letGo.computeIfAbsent(conversation, c -> new HashMap<>()).put(agent, clock.instant());
    Addresses.AGENT.publish(vertx.eventBus(), agent, new StreamSignal.OfferWithdrawn(conversation, agent, how));
    String name = desks.get(agent).profile.displayName();
    String text = how.equals("lapsed") ? name + " did not accept the offer within " + routing.acceptTimeout().toSeconds() + " s; it went back to the queue."
        : name + " declined the offer; it went back to the queue.";
    conversations.submit(conversation, new StreamCommand.Note(conversation, text,
        "offer:" + conversation.value() + ":" + agent.value() + ":" + clock.millis() + ":" + (++notesWritten)))
        .onFailure(e -> LOG.log(Level.FINE, "could not note a lapsed offer on " + conversation, e));
    route();
  }

  /** The agent passed the conversation back to the queue: it is not offered to them again at once. */
  void passedOn(ConversationId conversation, AgentId agent) {
    letGo.computeIfAbsent(conversation, c -> new HashMap<>()).put(agent, clock.instant());
  }

  /** Offers waiting for this agent's answer, for a console that (re)connects. */
  List<StreamSignal.Offered> offersFor(AgentId agent, Map<ConversationId, String> channels) {
    List<StreamSignal.Offered> out = new ArrayList<>();
    transfers.forEach((conversation, t) -> {
      if (t.to().id().equals(agent)) {
        out.add(new StreamSignal.Offered(conversation, agent, channels.getOrDefault(conversation, ""), t.expires(), java.util.Optional.of(t.from().displayName()), t.note()));
      }
    });
    reservations.forEach((conversation, r) -> {
      if (r.agent().equals(agent)) out.add(new StreamSignal.Offered(conversation, agent, channels.getOrDefault(conversation, ""), r.expires()));
    });
    return out;
  }

  private java.util.Set<AgentId> coolingDown(ConversationId conversation) {
    Map<AgentId, Instant> who = letGo.get(conversation);
    if (who == null) return java.util.Set.of();
    Instant cutoff = clock.instant().minus(routing.declineCooldown());
    who.values().removeIf(at -> at.isBefore(cutoff));
    return java.util.Set.copyOf(who.keySet());
  }

  /** Live positions for web chat on every change; a message to texters and TTY callers on joining the line and then every so often. */
  private void tellPositions(Collection<ConversationState> open, List<Waiting> waiting, List<Offer> decided, List<AgentSlot> agents) {
    java.util.Set<ConversationId> offered = new java.util.HashSet<>();
    decided.forEach(o -> offered.add(o.conversation()));
    List<Waiting> line = QueueEstimate.inServiceOrder(waiting.stream().filter(w -> !offered.contains(w.conversation())).toList());
    int onDuty = agents.stream().filter(AgentSlot::accepting).mapToInt(AgentSlot::capacityUnits).sum();
    Duration typical = QueueEstimate.typicalHandle(recentHandles, queueUpdates.typicalHandle());
    Map<ConversationId, ConversationState> byId = new HashMap<>();
    for (ConversationState s : open) byId.put(s.id(), s);
    Instant now = clock.instant();
    java.util.Set<ConversationId> stillWaiting = new java.util.HashSet<>();
    for (int i = 0; i < line.size(); i++) {
      ConversationId id = line.get(i).conversation();
      stillWaiting.add(id);
      int position = i + 1;
      java.util.Optional<Duration> wait = QueueEstimate.wait(position, onDuty, typical);
      StreamSignal.QueuePosition place = new StreamSignal.QueuePosition(id, position, wait);
      StreamSignal.QueuePosition shown = shownPosition.put(id, place);
      if (shown == null || shown.position() != position || shown.expectedWait().isPresent() != wait.isPresent()) {
        Addresses.CONVERSATION.publish(vertx.eventBus(), id, place);
      }
      Channel channel = byId.get(id).contact().channel();
      Instant told = lastTold.get(id);
      if (TOLD_BY_MESSAGE.contains(channel) && (told == null || !now.isBefore(told.plus(queueUpdates.every())))) {
        lastTold.put(id, now);
        int n = timesTold.merge(id, 1, Integer::sum);
        conversations.submit(id, new StreamCommand.CenterMessage(id, QueueMessages.text(channel, position, wait), "queue:" + id.value() + ":" + n))
            .onFailure(e -> LOG.log(Level.FINE, "could not tell " + id + " its place in line", e));
      }
    }
    shownPosition.keySet().retainAll(stillWaiting);
    lastTold.keySet().retainAll(stillWaiting);
    timesTold.keySet().retainAll(stillWaiting);
  }

  private AgentDesk desk(AgentProfile profile) {
    AgentDesk desk = desks.computeIfAbsent(profile.id(), id -> new AgentDesk(profile));
    desk.profile = profile;
    return desk;
  }

  private List<Waiting> waiting(Collection<ConversationState> open) {
    List<Waiting> queue = new ArrayList<>();
    for (ConversationState s : open) {
      if (s.isWaiting() && !offers.containsKey(s.id()) && !reservations.containsKey(s.id()) && !lookingUp.contains(s.id())) queue.add(new Waiting(s.id(), s.queuedSince().orElseThrow(), s.priority()));
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
    Addresses.QUEUE.publish(vertx.eventBus(), new StreamSignal.QueueLength(count));
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
      conversations.submit(s.id(), new StreamCommand.Release(s.id(), agent, "agent disconnected")).onFailure(err -> {
        if (!(err instanceof RefusedException)) LOG.log(Level.WARNING, "hand-back of " + s.id() + " failed", err);
      });
    }
  }
}
