package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.accessline.gateway.conversation.ConversationId;
import org.junit.jupiter.api.Test;

class CallPartTest {
  private static final ConversationId PLACED = new ConversationId("0f1e2d3c-4b5a-4978-8f1e-2d3c4b5a6978");

  @Test
  void eachPartTravelsAndComesBackAsItWas() {
    for (CallPart part : new CallPart[] {CallPart.FIRST, new CallPart.Keyed(1), new CallPart.Keyed(9_999), new CallPart.Placed(PLACED)}) {
      assertEquals(part, CallPart.of(part.parameters()));
    }
    assertEquals("call", ((CallPart.Keyed) CallPart.FIRST).key());
    assertEquals("call-3", new CallPart.Keyed(3).key());
    assertEquals("placed:" + PLACED.value(), new CallPart.Placed(PLACED).wire());
  }

  @Test
  void aMissingOrMalformedPartIsTheCallsFirstConversation() {
    for (String wire : new String[] {"", "call-0", "call-01", "call-10000", "call-x", "placed:", "placed:NOT-A-UUID", "placed:0f1e2d3c-4b5a-4978-8f1e-2d3c4b5a697",
        "call-1 ", "CALL", "call-1\\ncall-2"}) {
      assertEquals(CallPart.FIRST, CallPart.of(Map.of(CallPart.PARAMETER, wire)), wire);
    }
    assertEquals(CallPart.FIRST, CallPart.of(Map.of()));
  }

  @Test
  void aCallHasAtMostSoManyFollowUps() {
    assertThrows(IllegalArgumentException.class, () -> new CallPart.Keyed(-1));
    assertThrows(IllegalArgumentException.class, () -> new CallPart.Keyed(10_000));
  }
}
