package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.accessline.channels.twilio.TwilioAccount;
import org.accessline.channels.twilio.TwilioCallFailure;
import org.accessline.channels.twilio.TwilioCallUpdates;
import org.junit.jupiter.api.Test;

class ReconnectTwimlTest {
  private static final TwilioAccount ACCOUNT = new TwilioAccount("AC" + "0".repeat(32), "secret", "https://311.example.test");
  private static final String CALL = "CA" + "0123456789abcdef".repeat(2);

  @Test
  void inAClusterTheCallIsHeldAfterItsStreamSoADroppedStreamDoesNotEndIt() {
    String twiml = TwilioVoiceAnswer.connectTwiml(ACCOUNT, "+15551234567", CALL, "tok", LineMode.TTY, 0, Optional.of(Duration.ofSeconds(90)));
    assertTrue(twiml.contains("</Connect><Pause length=\"90\"/></Response>"), twiml);
    assertFalse(twiml.contains("attachment"), twiml);
    String alone = TwilioVoiceAnswer.connectTwiml(ACCOUNT, "+15551234567", CALL, "tok", LineMode.TTY, 0, Optional.empty());
    assertFalse(alone.contains("Pause"), "a single gateway ends the call with its stream: " + alone);
  }

  @Test
  void aStreamConnectedAgainSaysWhichStreamItIs() {
    String twiml = TwilioVoiceAnswer.connectTwiml(ACCOUNT, "+15551234567", CALL, "tok2", LineMode.TTY, 2, Optional.of(Duration.ofSeconds(90)));
    assertTrue(twiml.contains("<Parameter name=\"attachment\" value=\"2\"/>"), twiml);
    assertTrue(twiml.contains("<Stream url=\"wss://311.example.test/channels/tty/twilio/stream\">"), twiml);
  }

  @Test
  void aCallReconnectedReadsThatTheLineIsBackInsteadOfTheGreeting() {
    TtyLine line = new TtyLine(TtyCallSettings.defaults("Fairview 311"), ModemSettings.US_TTY);
    List<TtyAction> actions = line.reconnected(0);
    assertEquals(List.of(new TtyAction.Transmit("reconnected", "LINE RECONNECTED GA", false)), actions.stream().filter(TtyAction.Transmit.class::isInstance).toList());
    for (long t = 20; t < 5_000; t += 20) {
      assertTrue(line.tick(t).stream().noneMatch(x -> x instanceof TtyAction.Transmit tx && tx.id().equals("greeting")), "no greeting after a reconnection");
    }
  }

  @Test
  void aCallTwilioNoLongerHasIsOverAndOtherRefusalsAreNot() {
    assertTrue(TwilioCallUpdates.callIsOver(new TwilioCallFailure.Refused(404, Optional.of(20404), "not found")));
    assertTrue(TwilioCallUpdates.callIsOver(new TwilioCallFailure.Refused(400, Optional.of(21220), "Call is not in-progress")));
    assertFalse(TwilioCallUpdates.callIsOver(new TwilioCallFailure.Refused(401, Optional.of(20003), "Authenticate")));
    assertFalse(TwilioCallUpdates.callIsOver(new TwilioCallFailure.Busy(503, Optional.empty(), "busy")));
  }
}
