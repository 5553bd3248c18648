package org.accessline.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.junit.jupiter.api.Test;

/** Twilio's documented MessageStatus values for an outbound message, and what agents read about them. */
class TwilioStatusTest {

  @Test
  void everyOutboundStatusTwilioDocumentsIsKnown() {
    Map<String, DeliveryStatus> expected = Map.ofEntries(
        Map.entry("accepted", DeliveryStatus.QUEUED), Map.entry("scheduled", DeliveryStatus.QUEUED), Map.entry("queued", DeliveryStatus.QUEUED),
        Map.entry("sending", DeliveryStatus.SENDING), Map.entry("sent", DeliveryStatus.SENT), Map.entry("delivered", DeliveryStatus.DELIVERED),
        Map.entry("read", DeliveryStatus.READ), Map.entry("undelivered", DeliveryStatus.UNDELIVERED), Map.entry("failed", DeliveryStatus.FAILED),
        Map.entry("canceled", DeliveryStatus.FAILED), Map.entry("partially_delivered", DeliveryStatus.UNDELIVERED));
    expected.forEach((twilio, ours) -> assertEquals(Optional.of(ours), TwilioStatus.of(twilio), twilio));
  }

  @Test
  void caseAndSpacesDoNotMatterAndAnythingElseIsUnknown() {
    assertEquals(Optional.of(DeliveryStatus.DELIVERED), TwilioStatus.of(" Delivered\n"));
    for (String other : List.of("", "receiving", "received", "delivery_unknown", "deliverd", "sent;drop table")) {
      assertEquals(Optional.empty(), TwilioStatus.of(other), other);
    }
  }

  @Test
  void theStatusesAReplyMovesThroughEachMoveItOn() {
    List<DeliveryStatus> path = List.of("accepted", "queued", "sending", "sent", "delivered", "read").stream()
        .map(s -> TwilioStatus.of(s).orElseThrow()).distinct().toList();
    for (int i = 1; i < path.size(); i++) assertTrue(path.get(i).advancesFrom(path.get(i - 1)), path.get(i) + " after " + path.get(i - 1));
    assertTrue(!TwilioStatus.of("sent").orElseThrow().advancesFrom(TwilioStatus.of("delivered").orElseThrow()), "a late 'sent' never moves a reply back");
  }

  @Test
  void theDetailNamesTwilioWordsOursDoNotAndTheErrorsAgentsMeet() {
    assertEquals("", TwilioStatus.detail("delivered", null));
    assertEquals("", TwilioStatus.detail("sent", " "));
    assertEquals("Twilio: canceled", TwilioStatus.detail("canceled", null));
    assertEquals("Twilio: scheduled", TwilioStatus.detail("Scheduled", ""));
    assertEquals("Twilio error 30003: the phone is off or unreachable", TwilioStatus.detail("undelivered", "30003"));
    assertEquals("Twilio error 21610: the resident has opted out (STOP)", TwilioStatus.detail("failed", " 21610 "));
    assertEquals("Twilio error 30034", TwilioStatus.detail("undelivered", "30034"), "a code without our words is still named");
    assertEquals("Twilio: partially_delivered; Twilio error 30008: unknown delivery error", TwilioStatus.detail("partially_delivered", "30008"));
  }

  @Test
  void aStatusTwilioAnswersWhenItTakesAReplyDefaultsToQueued() {
    assertEquals(DeliveryStatus.QUEUED, TwilioStatus.taken("queued"));
    assertEquals(DeliveryStatus.QUEUED, TwilioStatus.taken("accepted"));
    assertEquals(DeliveryStatus.SENT, TwilioStatus.taken("sent"));
    assertEquals(DeliveryStatus.QUEUED, TwilioStatus.taken(null));
    assertEquals(DeliveryStatus.QUEUED, TwilioStatus.taken("null"), "the SDK's enum printed as null");
  }
}
