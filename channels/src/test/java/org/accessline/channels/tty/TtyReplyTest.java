package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TtyReplyTest {
  @Test
  void aReplyIsSentInTheTtyCharacterSetWithGaAppended() {
    TtyReply reply = TtyReply.of("Email us at help@fairview.gov, ticket #42", true);
    assertEquals("EMAIL US AT HELP AT FAIRVIEW.GOV, TICKET NBR 42 GA", reply.sent());
    assertTrue(reply.changed());
    assertTrue(reply.gaAppended());
  }

  @Test
  void aReplyThatAlreadyEndsTheTurnIsLeftAlone() {
    for (String text : new String[] {"OK GA", "THANK YOU SK", "ANYTHING ELSE GA OR SK", "BYE SKSK", "ok ga."}) {
      assertFalse(TtyReply.of(text, true).gaAppended(), text);
    }
  }

  @Test
  void everyMessageGoesOutOnAFreshLineAndItsSendingTimeCountsThatLine() {
    String line = TtyReply.onTheLine("THANK YOU GA");
    assertEquals("\r\nTHANK YOU GA", line);
    java.util.List<Integer> codes = BaudotModulator.codes(line);
    assertEquals(java.util.List.of(Baudot.LTRS, 0x08, 0x02), codes.subList(0, 3), "shift, CR, LF before the first letter");
    BaudotModulator timing = new BaudotModulator(ModemSettings.US_TTY);
    long perCharacter = Math.round(7.5 / 45.45 * 1000);
    assertEquals(2 * perCharacter, timing.transmitTime(line).toMillis() - timing.transmitTime("THANK YOU GA").toMillis(), 2);
  }

  @Test
  void gaIsNotAppendedWhenTheCenterTurnsThatOff() {
    TtyReply reply = TtyReply.of("ONE MOMENT PLS", false);
    assertEquals("ONE MOMENT PLS", reply.sent());
    assertFalse(reply.changed());
  }
}
