package org.accessline.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private final AgentId ana = new AgentId("ana");
  private final AgentId ben = new AgentId("ben");
  private final ConversationId first = ConversationId.random();
  private final ConversationId second = ConversationId.random();
  private final ConversationId third = ConversationId.random();

  private AgentSlot agent(AgentId id, int capacity, int used, Set<String> skills, int idleSeconds) {
    return new AgentSlot(id, skills, capacity, used, true, T0.plusSeconds(idleSeconds));
  }

  private static RoutingRequest request(ConversationId id, int priority, long since, Set<String> skills, int weight) {
    return new RoutingRequest(id, priority, T0.plusSeconds(since), skills, weight, Optional.empty(), Set.of());
  }

  @Test
  void theLongestWaitingConversationGoesToTheAgentWithTheMostFreeCapacity() {
    List<Offer> offers = Router.decide(List.of(agent(ana, 4, 3, Set.of(), 0), agent(ben, 4, 1, Set.of(), 0)),
        List.of(request(second, 0, 5, Set.of(), 1), request(first, 0, 0, Set.of(), 1)), T0);
    assertEquals(new Offer(first, ben), offers.get(0));
  }

  @Test
  void tiesGoToTheAgentIdleLongest() {
    List<Offer> offers = Router.decide(List.of(agent(ana, 4, 0, Set.of(), 60), agent(ben, 4, 0, Set.of(), 10)),
        List.of(request(first, 0, 0, Set.of(), 1)), T0.plusSeconds(100));
    assertEquals(List.of(new Offer(first, ben)), offers);
  }

  @Test
  void aTtyConversationNeedsTheSkillAndTwoUnitsOfRoom() {
    List<Offer> offers = Router.decide(List.of(agent(ana, 4, 3, Set.of("tty"), 0), agent(ben, 4, 0, Set.of(), 0)),
        List.of(request(first, 0, 0, Set.of("tty"), 2)), T0);
    assertEquals(List.of(), offers, "ana has the skill but one unit; ben has room but not the skill");
    assertEquals(List.of(new Offer(first, ana)), Router.decide(List.of(agent(ana, 4, 2, Set.of("tty"), 0)), List.of(request(first, 0, 0, Set.of("tty"), 2)), T0));
  }

  @Test
  void higherPriorityGoesFirstAndAnUnservableHeadDoesNotBlockOthers() {
    List<Offer> offers = Router.decide(List.of(agent(ana, 1, 0, Set.of(), 0)),
        List.of(request(first, 0, 0, Set.of(), 1), request(second, 1000, 600, Set.of(), 1), request(third, 5, 0, Set.of("es"), 1)), T0);
    assertEquals(List.of(new Offer(second, ana)), offers);
  }

  @Test
  void anAgentWhoLetAnOfferGoIsNotOfferedItAgainAtOnce() {
    RoutingRequest declined = new RoutingRequest(first, 0, T0, Set.of(), 1, Optional.empty(), Set.of(ana));
    assertEquals(List.of(new Offer(first, ben)), Router.decide(List.of(agent(ana, 4, 0, Set.of(), 0), agent(ben, 4, 3, Set.of(), 0)), List.of(declined), T0));
  }

  @Test
  void nobodyAcceptingMeansNoOffers() {
    assertEquals(List.of(), Router.decide(List.of(new AgentSlot(ana, Set.of(), 4, 0, false, T0)), List.of(request(first, 0, 0, Set.of(), 1)), T0));
    assertEquals(List.of(), Router.decide(List.of(), List.of(request(first, 0, 0, Set.of(), 1)), T0));
  }
}
