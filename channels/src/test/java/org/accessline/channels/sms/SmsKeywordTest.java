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
  void twilioDocumentedOptOutWordsOptOutAndTwilioHasConfirmedThem() {
    for (String word : new String[] {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"}) {
      assertEquals(Optional.of(SmsKeyword.STOP), SmsKeyword.of(word), word);
      assertEquals(Optional.of(SmsKeyword.STOP), SmsKeyword.of(word.toLowerCase(java.util.Locale.ROOT)), word);
      assertTrue(SmsKeyword.confirmedByTwilio(word), word);
      assertEquals(word, SmsKeyword.word(word.toLowerCase(java.util.Locale.ROOT) + "!"));
    }
  }

  @Test
  void optingBackInAndAskingForHelpAreNeverOptOuts() {
    for (String body : new String[] {"START", "start", "UNSTOP", "Unstop!", "HELP", "help?"}) {
      assertFalse(SmsKeyword.of(body).equals(Optional.of(SmsKeyword.STOP)), body);
      assertFalse(SmsKeyword.confirmedByTwilio(body), body);
    }
  }

  @Test
  void aKeywordInAnotherScriptOrALongTextIsAMessage() {
    for (String body : new String[] {"СТОП", "停止", "alto", "Please stop texting me about the permit, I already paid it", "STOP".repeat(400)}) {
      assertEquals(Optional.empty(), SmsKeyword.of(body), body.length() > 40 ? body.substring(0, 40) + "…" : body);
    }
    assertEquals("", SmsKeyword.word(null));
    assertEquals(Optional.empty(), SmsKeyword.of(null));
    assertFalse(SmsKeyword.confirmedByTwilio(null));
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

  @Test
  void infoAsksForHelpAndYesIsItsOwnKeyword() {
    assertEquals(Optional.of(SmsKeyword.HELP), SmsKeyword.of("info"));
    assertEquals(Optional.of(SmsKeyword.YES), SmsKeyword.of("Yes!"));
    assertEquals(Optional.empty(), SmsKeyword.of("yes please"));
  }
}
