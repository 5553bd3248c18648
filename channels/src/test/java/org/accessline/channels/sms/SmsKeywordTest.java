package org.accessline.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsKeywordTest {
  @Test
  void everyReasonableWayOfSayingStopOptsOut() {
    for (String body : new String[] {"STOP", "stop", "Stop.", " STOP! ", "STOPALL", "stop all", "UNSUBSCRIBE", "cancel", "End", "QUIT",
        "revoke", "OPTOUT", "opt out", "Opt-Out", "stop 🛑", "¡STOP!", "\tquit\n"}) {
      assertEquals(Optional.of(SmsKeyword.STOP), SmsKeyword.of(body), body);
    }
  }

  @Test
  void aSentenceWithTheWordInItIsAMessage() {
    for (String body : new String[] {"please don't stop", "stop the noise on 5th", "the end of my street", "stopping by", "STOPP", "", "  "}) {
      assertEquals(Optional.empty(), SmsKeyword.of(body), body);
    }
  }

  @Test
  void startAndHelp() {
    assertEquals(Optional.of(SmsKeyword.START), SmsKeyword.of("Start."));
    assertEquals(Optional.of(SmsKeyword.START), SmsKeyword.of("unstop"));
    assertEquals(Optional.of(SmsKeyword.HELP), SmsKeyword.of("help?"));
  }

  @Test
  void twilioConfirmsOnlyItsExactKeywords() {
    Map<String, Boolean> cases = Map.of("STOP", true, " stop ", true, "revoke", true, "Stop.", false, "opt out", false, "stop all", false);
    cases.forEach((body, confirms) -> assertEquals(confirms, SmsKeyword.confirmedByTwilio(body), body));
  }

  @Test
  void theRecordedWordHasNothingAroundIt() {
    assertEquals("OPTOUT", SmsKeyword.word(" Opt-out!! "));
    assertEquals("STOP", SmsKeyword.word("stop."));
  }

  @Test
  void aSenderMustBeAPhoneNumberOrShortCode() {
    assertTrue(InboundSms.isPhoneNumber("+15551230001"));
    assertTrue(InboundSms.isPhoneNumber("+447911123456"));
    assertTrue(InboundSms.isPhoneNumber("311311"));
    for (String bad : new String[] {"whatsapp:+15551230001", "15551230001x", "+0123456789", "+1234567890123456", "12", "Alice", "+1 555 123"}) {
      assertFalse(InboundSms.isPhoneNumber(bad), bad);
    }
  }
}
