package org.accessline.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;

/** The router's promises, over random agents, skills, capacities and arrivals. */
class RouterPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final List<String> SKILLS = List.of("tty", "relay", "es", "billing");

  @Provide
  Arbitrary<AgentSlot> agents() {
    return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.subsetOf(SKILLS), Arbitraries.integers().between(0, 6),
        Arbitraries.integers().between(0, 6), Arbitraries.of(true, true, true, false), Arbitraries.integers().between(0, 600))
        .as((n, skills, capacity, used, accepting, idle) -> new AgentSlot(new AgentId("a" + n), skills, capacity, Math.min(used, capacity), accepting,
            T0.plusSeconds(idle)));
  }

  @Provide
  Arbitrary<RoutingRequest> requests() {
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3600),
        Arbitraries.subsetOf(SKILLS).ofMaxSize(2), Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 999).optional(),
        Arbitraries.integers().between(0, 999).set().ofMaxSize(2))
        .as((priority, since, skills, weight, preferred, notAgain) -> new RoutingRequest(ConversationId.random(), priority, T0.plusSeconds(since),
            skills, weight, preferred.map(p -> new AgentId("a" + p)), toAgents(notAgain)));
  }

  private static Set<AgentId> toAgents(Set<Integer> numbers) {
    Set<AgentId> out = new HashSet<>();
    numbers.forEach(n -> out.add(new AgentId("a" + n)));
    return out;
  }

  private static List<AgentSlot> distinct(List<AgentSlot> agents) {
    Map<AgentId, AgentSlot> byId = new HashMap<>();
    agents.forEach(a -> byId.putIfAbsent(a.id(), a));
    return new ArrayList<>(byId.values());
  }

  @Property
  void noAgentGoesOverCapacityAndEveryOfferIsToAQualifiedAcceptingAgent(
      @ForAll @Size(max = 12) List<@From("agents") AgentSlot> someAgents, @ForAll @Size(max = 40) List<@From("requests") RoutingRequest> waiting) {
    List<AgentSlot> agents = distinct(someAgents);
    Map<AgentId, AgentSlot> byId = new HashMap<>();
    agents.forEach(a -> byId.put(a.id(), a));
    Map<ConversationId, RoutingRequest> requests = new HashMap<>();
    waiting.forEach(r -> requests.put(r.id(), r));
    Map<AgentId, Integer> used = new HashMap<>();
    for (Offer o : Router.decide(agents, waiting, T0.plusSeconds(4000))) {
      AgentSlot a = byId.get(o.agent());
      RoutingRequest r = requests.get(o.conversation());
      assertTrue(a.accepting(), "offered to an agent who is not taking work");
      assertTrue(a.skills().containsAll(r.skills()), "offered to an agent without the skills");
      assertTrue(!r.notAgain().contains(a.id()), "offered again to an agent who just let it go");
      int total = used.merge(a.id(), r.weight(), Integer::sum);
      assertTrue(a.usedUnits() + total <= a.capacityUnits(), "over capacity");
    }
  }

  @Property
  void noConversationIsOfferedTwiceAndNoServableOneIsLeftWhileAQualifiedAgentHasRoom(
      @ForAll @Size(max = 12) List<@From("agents") AgentSlot> someAgents, @ForAll @Size(max = 40) List<@From("requests") RoutingRequest> waiting) {
    List<AgentSlot> agents = distinct(someAgents);
    List<Offer> offers = Router.decide(agents, waiting, T0.plusSeconds(4000));
    Set<ConversationId> offered = new HashSet<>();
    Map<AgentId, Integer> used = new HashMap<>();
    Map<ConversationId, RoutingRequest> requests = new HashMap<>();
    waiting.forEach(r -> requests.put(r.id(), r));
    for (Offer o : offers) {
      assertTrue(offered.add(o.conversation()), "a conversation offered twice");
      used.merge(o.agent(), requests.get(o.conversation()).weight(), Integer::sum);
    }
    for (RoutingRequest r : waiting) {
      if (offered.contains(r.id())) continue;
      for (AgentSlot a : agents) {
        boolean room = a.capacityUnits() - a.usedUnits() - used.getOrDefault(a.id(), 0) >= r.weight();
        assertTrue(!(a.accepting() && room && a.skills().containsAll(r.skills()) && !r.notAgain().contains(a.id()))
           , "a qualified waiting conversation was left while " + a.id() + " had room");
      }
    }
  }

  @Property
  void priorityAndWaitingOrderAreRespectedAmongConversationsWithTheSameNeeds(
      @ForAll @Size(max = 12) List<@From("agents") AgentSlot> someAgents, @ForAll @Size(max = 40) List<@From("requests") RoutingRequest> waiting) {
    List<AgentSlot> agents = distinct(someAgents);
    List<Offer> offers = Router.decide(agents, waiting, T0.plusSeconds(4000));
    Set<ConversationId> offered = new HashSet<>();
    offers.forEach(o -> offered.add(o.conversation()));
    for (RoutingRequest served : waiting) {
      if (!offered.contains(served.id())) continue;
      for (RoutingRequest left : waiting) {
        if (offered.contains(left.id()) || !left.skills().equals(served.skills()) || left.weight() != served.weight() || !left.notAgain().isEmpty()) continue;
        boolean leftFirst = left.priority() > served.priority() || (left.priority() == served.priority() && left.since().isBefore(served.since()));
        assertTrue(!leftFirst, "a later or lower conversation was served while one ahead of it with the same needs waited");
      }
    }
  }

  @Property
  void aReturningResidentGoesBackToTheirAgentWhenThatAgentQualifiesAndHasRoom(@ForAll @Size(min = 2, max = 8) List<@From("agents") AgentSlot> someAgents) {
    List<AgentSlot> agents = distinct(someAgents).stream().map(a -> new AgentSlot(a.id(), Set.copyOf(SKILLS), 4, 0, true, a.idleSince())).toList();
    AgentSlot last = agents.get(agents.size() - 1);
    RoutingRequest back = new RoutingRequest(ConversationId.random(), 0, T0, Set.of(), 1, Optional.of(last.id()), Set.of());
    assertTrue(Router.decide(agents, List.of(back), T0).get(0).agent().equals(last.id()), "the last agent gets them back");
  }
}
