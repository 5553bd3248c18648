package org.accessline.gateway.rules;

import static org.accessline.gateway.rules.FloorDriver.T0;
import static org.accessline.gateway.rules.FloorDriver.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.AgentSlot;
import org.accessline.gateway.routing.ContentSkills;
import org.accessline.gateway.routing.Offer;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.Router;
import org.accessline.gateway.routing.RoutingRequest;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.rules.FloorDriver.Conversation;
import org.accessline.gateway.rules.FloorState.Hold;
import org.accessline.gateway.rules.FloorState.Seat;

/**
 * The floor's incremental routing against the {@link Router}'s full pass, and its indexes against a
 * recount from scratch, over random floors and random histories.
 */
class FloorRoutingPropertiesTest {
  private static final List<String> SKILLS = List.of("tty", "relay", "es", "billing");
  /** A channel of weight two with no skill of its own, so weight and skills vary independently as in the router's requests. */
  private static final Channel HEAVY = new Channel("heavy");
  private static final RoutingSettings ROUTING = new RoutingSettings(Map.of(HEAVY, 2), true, Duration.ofSeconds(30), Duration.ofSeconds(60),
      Duration.ofHours(24), List.of(new QueueDefinition(RoutingSettings.GENERAL, 0, Set.of())), Map.of(), Optional.empty(), ContentSkills.none());

  @Property(tries = 300)
  void oneTickMakesTheOffersTheRouterWouldMakeFromTheSameSnapshot(@ForAll long seed, @ForAll @IntRange(min = 0, max = 12) int agentCount,
      @ForAll @IntRange(min = 0, max = 40) int waitingCount) {
    Random random = new Random(seed);
    FloorDriver floor = new FloorDriver(ROUTING);
    List<AgentSlot> slots = new ArrayList<>();
    for (int i = 0; i < agentCount; i++) {
      AgentProfile profile = new AgentProfile(new AgentId("a" + i), "A" + i, 1 + random.nextInt(6), subset(random, 4));
      boolean accepting = random.nextInt(4) != 0;
      floor.feed(new FloorInput.AgentConnected(profile));
      floor.feed(new FloorInput.PresenceSet(profile, accepting ? Presence.AVAILABLE : Presence.AWAY));
      int used = random.nextInt(profile.capacity() + 1);
      for (int u = 0; u < used; u++) floor.feed(new FloorInput.ConversationChanged(Conversation.waiting(Channel.WEBCHAT, T0).assignedTo(profile).state(), false));
      slots.add(new AgentSlot(profile.id(), profile.skills(), profile.capacity(), used, accepting, Instant.EPOCH));
    }
    List<RoutingRequest> requests = new ArrayList<>();
    for (int i = 0; i < waitingCount; i++) {
      int weight = 1 + random.nextInt(2);
      Set<String> skills = random.nextBoolean() ? Set.of() : subset(random, 2);
      int priority = random.nextInt(4);
      Conversation c = Conversation.waiting(weight == 2 ? HEAVY : Channel.WEBCHAT, T0.plusSeconds(random.nextInt(60))).needing(skills.toArray(String[]::new))
          .breaches(priority);
      floor.feed(new FloorInput.ConversationChanged(c.state(), false));
      Optional<AgentId> preferred = random.nextInt(3) == 0 && agentCount > 0 ? Optional.of(new AgentId("a" + random.nextInt(agentCount))) : Optional.empty();
      preferred.ifPresent(p -> prefer(floor, c.id(), p));
      Set<AgentId> notAgain = new HashSet<>();
      if (random.nextInt(4) == 0 && agentCount > 0) notAgain.add(new AgentId("a" + random.nextInt(agentCount)));
      notAgain.forEach(a -> floor.feed(new FloorInput.PassedOn(c.id(), a)));
      requests.add(new RoutingRequest(c.id(), priority, c.since(), skills, weight, preferred, notAgain));
    }
    List<Offer> expected = Router.decide(slots, requests, floor.now);
    List<Offer> made = only(FloorAction.Assign.class, floor.feed(new FloorInput.Tick())).stream().map(a -> new Offer(a.conversation(), a.agent())).toList();
    assertEquals(expected, made);
  }

  @Property(tries = 200)
  void theIndexesAgreeWithARecountAfterAnyHistory(@ForAll long seed) {
    Random random = new Random(seed);
    RoutingSettings routing = random.nextBoolean() ? ROUTING : ROUTING.withAutoAccept(false);
    FloorDriver floor = new FloorDriver(routing);
    Map<ConversationId, Conversation> open = new HashMap<>();
    List<AgentProfile> agents = new ArrayList<>();
    for (int i = 0; i < 4; i++) agents.add(new AgentProfile(new AgentId("a" + i), "A" + i, 1 + random.nextInt(4), subset(random, 3)));
    List<FloorInput> outcomes = new ArrayList<>();
    for (int step = 0; step < 150; step++) {
      floor.now = floor.now.plusMillis(random.nextInt(20_000));
      FloorInput input = outcomes.isEmpty() || random.nextInt(3) == 0 ? randomInput(random, agents, open) : outcomes.remove(random.nextInt(outcomes.size()));
      for (FloorAction action : floor.feed(input)) outcomes.addAll(stream(random, action, open));
      checkIndexes(floor.state);
    }
  }

  /** What the stream and the timers would answer to an action, as inputs still to come. */
  private static List<FloorInput> stream(Random random, FloorAction action, Map<ConversationId, Conversation> open) {
    List<FloorInput> out = new ArrayList<>();
    if (action instanceof FloorAction.RecordOffer offer) {
      out.add(offer.settled(FloorAction.Outcome.values()[random.nextInt(3)]).orElseThrow());
    } else if (action instanceof FloorAction.Assign assign) {
      Conversation c = open.get(assign.conversation());
      boolean written = c != null && c.agent().isEmpty() && random.nextInt(4) != 0;
      if (written) {
        Conversation taken = new Conversation(c.id(), c.channel(), c.since(), Optional.of(assign.agent()), false, c.urgent(), c.breaches(), c.skills(), c.queue());
        open.put(c.id(), taken);
        out.add(new FloorInput.ConversationChanged(taken.state(), false));
      }
      out.add(assign.settled(written ? FloorAction.Outcome.WRITTEN : FloorAction.Outcome.FAILED).orElseThrow());
    } else if (action instanceof FloorAction.Release release && open.containsKey(release.conversation())) {
      Conversation back = open.get(release.conversation()).backInLine();
      open.put(back.id(), back);
      out.add(new FloorInput.ConversationChanged(back.state(), true));
    } else if (action instanceof FloorAction.StartTimer timer) {
      out.add(timer.then());
    }
    return out;
  }

  private static FloorInput randomInput(Random random, List<AgentProfile> agents, Map<ConversationId, Conversation> open) {
    AgentProfile agent = agents.get(random.nextInt(agents.size()));
    List<Conversation> conversations = new ArrayList<>(open.values());
    conversations.sort(java.util.Comparator.comparing(c -> c.id().value()));
    Conversation some = conversations.isEmpty() ? null : conversations.get(random.nextInt(conversations.size()));
    switch (random.nextInt(10)) {
      case 0:
        return new FloorInput.AgentConnected(agent);
      case 1:
        return new FloorInput.AgentDisconnected(agent.id());
      case 2:
        return new FloorInput.PresenceSet(agent, random.nextBoolean() ? Presence.AVAILABLE : Presence.AWAY);
      case 3:
        if (some == null) return new FloorInput.Tick();
        Conversation done = some.resolvedNow();
        open.remove(some.id());
        return new FloorInput.ConversationChanged(done.state(), true);
      case 4:
        return some == null ? new FloorInput.Tick() : new FloorInput.Accepted(some.id(), agent.id());
      case 5:
        return some == null ? new FloorInput.Tick() : new FloorInput.Declined(some.id(), agent.id());
      case 6:
        return some == null ? new FloorInput.Tick() : new FloorInput.LookingUpLastAgent(some.id());
      case 7:
        return some == null ? new FloorInput.Tick() : new FloorInput.LastAgentKnown(some.id(), Optional.of(agent.id()));
      default:
        Conversation joining = Conversation.waiting(random.nextBoolean() ? HEAVY : Channel.WEBCHAT, Instant.EPOCH.plusSeconds(random.nextInt(1000)))
            .needing(subset(random, 1).toArray(String[]::new)).breaches(random.nextInt(3));
        open.put(joining.id(), joining);
        return new FloorInput.ConversationChanged(joining.state(), true);
    }
  }

  private static void checkIndexes(FloorState s) {
    int inLine = 0;
    Map<AgentId, Integer> units = new HashMap<>();
    for (Map.Entry<ConversationId, Seat> e : s.seats) {
      Seat seat = e.getValue();
      Hold hold = s.holds.get(seat.id());
      assertEquals(seat.waiting() && hold == null && !s.lookingUp.contains(seat.id()), seat.inLine(), "in the line exactly when waiting and not held");
      if (seat.inLine()) {
        inLine++;
        assertEquals(seat.id(), s.line.get(seat.toldPlace()));
        assertEquals(seat.id(), s.groups.get(seat.need()).get(seat.servedPlace()));
      }
      Set<AgentId> occupied = new HashSet<>();
      seat.assigned().ifPresent(occupied::add);
      if (hold != null) occupied.add(hold.agent());
      occupied.forEach(a -> units.merge(a, seat.need().weight(), Integer::sum));
    }
    assertEquals(inLine, s.line.size());
    assertEquals(inLine, s.groups.values().stream().mapToInt(Ranked::size).sum());
    for (Map.Entry<AgentId, FloorState.Load> e : s.loads) assertEquals(units.getOrDefault(e.getKey(), 0), e.getValue().units(), "units of " + e.getKey());
    units.forEach((agent, used) -> assertEquals(used, s.unitsUsed(agent)));
    int onDuty = 0;
    int ready = 0;
    for (Map.Entry<AgentId, FloorState.Desk> e : s.desks) {
      FloorState.Desk desk = e.getValue();
      if (!desk.accepting()) continue;
      onDuty += desk.profile().capacity();
      ready++;
      FloorState.Ready rank = new FloorState.Ready(desk.profile().capacity() - s.unitsUsed(e.getKey()), desk.idleSince(), e.getKey(), desk.profile().skills());
      assertEquals(e.getKey(), s.ready.get(rank));
    }
    assertEquals(onDuty, s.onDutyUnits);
    assertEquals(ready, s.ready.size());
  }

  private static void prefer(FloorDriver floor, ConversationId conversation, AgentId agent) {
    FloorChange change = new FloorChange(floor.state, ROUTING, floor.now);
    change.preferred = change.preferred.put(conversation, agent);
    floor.state = change.state();
  }

  private static Set<String> subset(Random random, int max) {
    Set<String> out = new HashSet<>();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) out.add(SKILLS.get(random.nextInt(SKILLS.size())));
    return out;
  }
}
