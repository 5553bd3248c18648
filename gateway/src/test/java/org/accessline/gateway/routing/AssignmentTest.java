package org.accessline.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private final AgentId ana = new AgentId("ana");
  private final AgentId ben = new AgentId("ben");
  private final ConversationId first = ConversationId.random();
  private final ConversationId second = ConversationId.random();
  private final ConversationId third = ConversationId.random();

  @Test
  void theLongestWaitingConversationGoesToTheAgentWithTheMostFreeCapacity() {
    List<Offer> offers = Assignment.decide(
        List.of(new AgentLoad(ana, true, 4, 3), new AgentLoad(ben, true, 4, 1)),
        List.of(new Waiting(second, T0.plusSeconds(5)), new Waiting(first, T0)));
    assertEquals(new Offer(first, ben), offers.get(0));
  }

  @Test
  void capacityIsSpreadAsOffersAreMade() {
    List<Offer> offers = Assignment.decide(
        List.of(new AgentLoad(ana, true, 2, 0), new AgentLoad(ben, true, 2, 1)),
        List.of(new Waiting(first, T0), new Waiting(second, T0.plusSeconds(1)), new Waiting(third, T0.plusSeconds(2))));
    assertEquals(List.of(new Offer(first, ana), new Offer(second, ana), new Offer(third, ben)), offers);
  }

  @Test
  void nobodyIsOfferedMoreThanTheirCapacity() {
    List<Offer> offers = Assignment.decide(List.of(new AgentLoad(ana, true, 1, 0)),
        List.of(new Waiting(first, T0), new Waiting(second, T0.plusSeconds(1))));
    assertEquals(List.of(new Offer(first, ana)), offers);
  }

  @Test
  void awayOrDisconnectedAgentsGetNothingAndTheQueueWaits() {
    assertEquals(List.of(), Assignment.decide(List.of(new AgentLoad(ana, false, 4, 0)), List.of(new Waiting(first, T0))));
    assertEquals(List.of(), Assignment.decide(List.of(), List.of(new Waiting(first, T0))));
  }

  @Test
  void anAgentAlreadyOverCapacityIsSkipped() {
    List<Offer> offers = Assignment.decide(List.of(new AgentLoad(ana, true, 2, 5), new AgentLoad(ben, true, 2, 1)), List.of(new Waiting(first, T0)));
    assertEquals(List.of(new Offer(first, ben)), offers);
  }

  @Test
  void anUrgentConversationGoesBeforeOlderOnes() {
    List<Offer> offers = Assignment.decide(List.of(new AgentLoad(ana, true, 1, 0)),
        List.of(new Waiting(first, T0), new Waiting(second, T0.plusSeconds(600), 1000)));
    assertEquals(List.of(new Offer(second, ana)), offers);
  }
}
