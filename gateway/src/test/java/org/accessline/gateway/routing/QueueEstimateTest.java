package org.accessline.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationId;
import org.junit.jupiter.api.Test;

class QueueEstimateTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void theLineIsServedByPriorityThenByWaitingTime() {
    Waiting old = new Waiting(ConversationId.random(), T0);
    Waiting newer = new Waiting(ConversationId.random(), T0.plusSeconds(60));
    Waiting late = new Waiting(ConversationId.random(), T0.plusSeconds(120), 1);
    assertEquals(List.of(late, old, newer), QueueEstimate.inServiceOrder(List.of(newer, old, late)));
  }

  @Test
  void theWaitGrowsWithThePlaceInLineAndShrinksWithTheCapacityOnDuty() {
    Duration typical = Duration.ofMinutes(6);
    assertEquals(Optional.of(Duration.ofMinutes(3)), QueueEstimate.wait(1, 2, typical));
    assertEquals(Optional.of(Duration.ofMinutes(9)), QueueEstimate.wait(3, 2, typical));
    assertEquals(Optional.of(Duration.ofMinutes(1)), QueueEstimate.wait(1, 6, typical));
    assertEquals(Optional.empty(), QueueEstimate.wait(1, 0, typical), "nobody on duty: no estimate");
  }

  @Test
  void theTypicalHandleTimeIsTheMedianOfRecentOnes() {
    assertEquals(Duration.ofMinutes(4), QueueEstimate.typicalHandle(List.of(Duration.ofMinutes(2), Duration.ofMinutes(30), Duration.ofMinutes(4)), Duration.ofMinutes(5)));
    assertEquals(Duration.ofMinutes(5), QueueEstimate.typicalHandle(List.of(), Duration.ofMinutes(5)));
  }

  @Test
  void messagesSuitTheChannel() {
    assertEquals("You are number 2 in line; the wait is about 3 minutes. You can add details while you wait.",
        QueueMessages.text(Channel.SMS, 2, Optional.of(Duration.ofSeconds(150))));
    String tty = QueueMessages.text(Channel.TTY, 1, Optional.empty());
    assertEquals(tty.toUpperCase(), tty);
    assertTrue(tty.endsWith(" GA") && tty.contains("NO AGENT IS FREE RIGHT NOW"), tty);
  }
}
