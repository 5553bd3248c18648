package org.accessline.gateway.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.rules.FloorState.Desk;
import org.accessline.gateway.rules.FloorState.Hold;
import org.accessline.gateway.rules.FloorState.Load;
import org.accessline.gateway.rules.FloorState.Need;
import org.accessline.gateway.rules.FloorState.Place;
import org.accessline.gateway.rules.FloorState.Ready;
import org.accessline.gateway.rules.FloorState.Seat;

/**
 * One change to the floor in the making: the next state's parts, replaced one by one, and the actions
 * decided so far. Keeps the indexes in step with each other: a conversation is in the line exactly
 * when it waits and nothing holds it, and every agent's units are the weights of the conversations
 * assigned or offered to them. Used by {@link FloorRules} only, for one input.
 */
final class FloorChange {
  /** A queue's priority outweighs any number of time limits passed; an emergency outweighs every queue. */
  static final int QUEUE_STEP = 100;

  final RoutingSettings routing;
  final Instant now;
  final List<FloorAction> actions = new ArrayList<>();
  /** Conversations that came into the line during this change, in the order they came. */
  final Set<ConversationId> joined = new LinkedHashSet<>();

  Ranked<AgentId, Desk> desks;
  Ranked<AgentId, Load> loads;
  Ranked<Ready, AgentId> ready;
  int onDutyUnits;
  Ranked<ConversationId, Seat> seats;
  Ranked<Place, ConversationId> line;
  Map<Need, Ranked<Place, ConversationId>> groups;
  private boolean groupsCopied;
  Ranked<ConversationId, Hold> holds;
  Ranked<ConversationId, FloorState.WarmTransfer> transfers;
  Ranked<ConversationId, Map<AgentId, Instant>> letGo;
  Ranked<ConversationId, AgentId> preferred;
  Ranked<ConversationId, Boolean> lookingUp;
  Ranked<ConversationId, FloorState.Told> told;
  Ranked<FloorState.Due, ConversationId> textsDue;
  List<Duration> recentHandles;
  FloorState.Publishing publishing;
  int publishedWaiting;
  long offersMade;
  long notesWritten;
  boolean retryPending;

  FloorChange(FloorState s, RoutingSettings routing, Instant now) {
    this.routing = routing;
    this.now = now;
    desks = s.desks;
    loads = s.loads;
    ready = s.ready;
    onDutyUnits = s.onDutyUnits;
    seats = s.seats;
    line = s.line;
    groups = s.groups;
    holds = s.holds;
    transfers = s.transfers;
    letGo = s.letGo;
    preferred = s.preferred;
    lookingUp = s.lookingUp;
    told = s.told;
    textsDue = s.textsDue;
    recentHandles = s.recentHandles;
    publishing = s.publishing;
    publishedWaiting = s.publishedWaiting;
    offersMade = s.offersMade;
    notesWritten = s.notesWritten;
    retryPending = s.retryPending;
  }

  FloorState state() {
    return new FloorState(desks, loads, ready, onDutyUnits, seats, line, groups, holds, transfers, letGo, preferred, lookingUp, told, textsDue,
        recentHandles, publishing, publishedWaiting, offersMade, notesWritten, retryPending);
  }

  // ---- Agents ----

  void putDesk(AgentId agent, Desk desk) {
    Load load = load(agent);
    rank(agent, desks.get(agent), load, desk, load);
    desks = desks.put(agent, desk);
  }

  Load load(AgentId agent) {
    Load load = loads.get(agent);
    return load == null ? Load.NONE : load;
  }

  private void putLoad(AgentId agent, Load load) {
    Desk desk = desks.get(agent);
    rank(agent, desk, load(agent), desk, load);
    loads = load.equals(Load.NONE) ? loads.remove(agent) : loads.put(agent, load);
  }

  /** Keeps the accepting agents in routing's order and the units on duty in step with a change to one agent. */
  private void rank(AgentId agent, Desk deskBefore, Load loadBefore, Desk deskAfter, Load loadAfter) {
    Ready before = ready(agent, deskBefore, loadBefore);
    Ready after = ready(agent, deskAfter, loadAfter);
    if (Objects.equals(before, after)) return;
    if (before != null) {
      ready = ready.remove(before);
      onDutyUnits -= deskBefore.profile().capacity();
    }
    if (after != null) {
      ready = ready.put(after, agent);
      onDutyUnits += deskAfter.profile().capacity();
    }
  }

  private static Ready ready(AgentId agent, Desk desk, Load load) {
    if (desk == null || !desk.accepting()) return null;
    return new Ready(desk.profile().capacity() - load.units(), desk.idleSince(), agent, desk.profile().skills());
  }

  // ---- Conversations ----

  /** What a durable write left the conversation as. */
  void conversationChanged(ConversationState s) {
    Seat before = seats.get(s.id());
    if (before == null && s.resolved()) return;
    QueueDefinition queue = routing.queueOf(s.queue(), s.contact().channel());
    Set<String> skills = new HashSet<>(routing.skillsFor(s.contact().channel()));
    skills.addAll(s.requiredSkills());
    skills.addAll(queue.skills());
    Need need = new Need(Set.copyOf(skills), routing.weight(s.contact().channel()));
    Instant since = s.queuedSince().orElse(s.opened());
    Seat seat = new Seat(s.id(), s.contact().channel(), need, s.isWaiting(), s.resolved(), s.assignedAgent(), new Place(s.priority(), since, s.id()),
        new Place(queue.priority() * QUEUE_STEP + s.priority(), since, s.id()), before != null && before.inLine(),
        before == null ? Set.of() : before.occupying());
    place(before, seat);
  }

  /** Holds or frees the conversation for one agent; it leaves or rejoins the line accordingly. */
  void hold(ConversationId conversation, Optional<Hold> hold) {
    holds = hold.isPresent() ? holds.put(conversation, hold.get()) : holds.remove(conversation);
    settle(conversation);
  }

  /** Places the conversation again after what holds it out of the line changed. */
  void settle(ConversationId conversation) {
    Seat seat = seats.get(conversation);
    if (seat != null) place(seat, seat);
  }

  private void place(Seat before, Seat seat) {
    ConversationId id = seat.id();
    Hold hold = holds.get(id);
    boolean inLine = seat.waiting() && hold == null && !lookingUp.contains(id);
    boolean moved = before == null || !before.inLine() || !inLine || !before.toldPlace().equals(seat.toldPlace())
        || !before.servedPlace().equals(seat.servedPlace()) || !before.need().equals(seat.need());
    if (before != null && before.inLine() && moved) leaveLine(before, inLine);
    if (inLine && moved) joinLine(seat, before != null && before.inLine());
    Set<AgentId> occupying = new HashSet<>(2);
    seat.assigned().ifPresent(occupying::add);
    if (hold != null) occupying.add(hold.agent());
    for (AgentId agent : seat.occupying()) {
      if (!occupying.contains(agent)) putLoad(agent, withUnits(load(agent), -seat.need().weight()));
    }
    for (AgentId agent : occupying) {
      if (!seat.occupying().contains(agent)) putLoad(agent, withUnits(load(agent), seat.need().weight()));
    }
    Optional<AgentId> wasAssigned = before == null ? Optional.empty() : before.assigned();
    if (!wasAssigned.equals(seat.assigned())) {
      wasAssigned.ifPresent(a -> putLoad(a, withAssigned(load(a), id, false)));
      seat.assigned().ifPresent(a -> putLoad(a, withAssigned(load(a), id, true)));
    }
    if (seat.resolved() && hold == null) {
      seats = seats.remove(id);
      letGo = letGo.remove(id);
      preferred = preferred.remove(id);
      lookingUp = lookingUp.remove(id);
      return;
    }
    seats = seats.put(id, new Seat(id, seat.channel(), seat.need(), seat.waiting(), seat.resolved(), seat.assigned(), seat.toldPlace(),
        seat.servedPlace(), inLine, Set.copyOf(occupying)));
  }

  private static Load withUnits(Load load, int change) {
    return new Load(load.units() + change, load.assigned());
  }

  private static Load withAssigned(Load load, ConversationId conversation, boolean assigned) {
    Set<ConversationId> set = new HashSet<>(load.assigned());
    if (assigned) set.add(conversation);
    else set.remove(conversation);
    return new Load(load.units(), Set.copyOf(set));
  }

  private void joinLine(Seat seat, boolean wasInLine) {
    int at = line.rank(seat.toldPlace());
    line = line.put(seat.toldPlace(), seat.id());
    changedFrom(at);
    Map<Need, Ranked<Place, ConversationId>> g = writableGroups();
    g.put(seat.need(), g.getOrDefault(seat.need(), Ranked.empty(FloorState.SERVICE_ORDER)).put(seat.servedPlace(), seat.id()));
    if (!wasInLine) joined.add(seat.id());
  }

  /** Takes the seat's old place out of the line; a resident who leaves it is told afresh on coming back. */
  private void leaveLine(Seat seat, boolean staysInLine) {
    int at = line.rank(seat.toldPlace());
    line = line.remove(seat.toldPlace());
    changedFrom(at);
    Map<Need, Ranked<Place, ConversationId>> g = writableGroups();
    Ranked<Place, ConversationId> group = g.get(seat.need()).remove(seat.servedPlace());
    if (group.isEmpty()) g.remove(seat.need());
    else g.put(seat.need(), group);
    if (staysInLine) return;
    joined.remove(seat.id());
    FloorState.Told t = told.get(seat.id());
    if (t != null) {
      told = told.remove(seat.id());
      textsDue = textsDue.remove(new FloorState.Due(t.at(), seat.id()));
    }
  }

  private Map<Need, Ranked<Place, ConversationId>> writableGroups() {
    if (!groupsCopied) {
      groups = new HashMap<>(groups);
      groupsCopied = true;
    }
    return groups;
  }

  private void changedFrom(int place) {
    if (place < publishing.changedFrom()) {
      publishing = new FloorState.Publishing(place, publishing.quiet(), publishing.withWait());
    }
  }

  /** Agents who let an offer of the conversation go within the cool-down: it is not offered to them again yet. */
  Set<AgentId> coolingDown(ConversationId conversation) {
    Map<AgentId, Instant> who = letGo.get(conversation);
    if (who == null) return Set.of();
    Instant cutoff = now.minus(routing.declineCooldown());
    Set<AgentId> out = new HashSet<>();
    who.forEach((agent, at) -> {
      if (!at.isBefore(cutoff)) out.add(agent);
    });
    return out;
  }

  void letGo(ConversationId conversation, AgentId agent) {
    Map<AgentId, Instant> who = new HashMap<>(Optional.ofNullable(letGo.get(conversation)).orElse(Map.of()));
    who.put(agent, now);
    letGo = letGo.put(conversation, Map.copyOf(who));
  }

  /** Forgets cool-downs that have ended. */
  void pruneCoolDowns() {
    Instant cutoff = now.minus(routing.declineCooldown());
    for (Map.Entry<ConversationId, Map<AgentId, Instant>> e : letGo) {
      if (e.getValue().values().stream().noneMatch(at -> at.isBefore(cutoff))) continue;
      Map<AgentId, Instant> left = new HashMap<>(e.getValue());
      left.values().removeIf(at -> at.isBefore(cutoff));
      letGo = left.isEmpty() ? letGo.remove(e.getKey()) : letGo.put(e.getKey(), Map.copyOf(left));
    }
  }
}
