package org.accessline.gateway.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntryJsonTest {
  private final ConversationId id = ConversationId.random();
  private final Instant at = Instant.parse("2026-11-22T10:00:00.123Z");

  @Test
  void everyKindOfEntrySurvivesTheRoundTrip() {
    List<ConversationEvent> events = List.of(
        new ConversationEvent.Opened(new Contact(Channel.TTY, "+15551234567")),
        new ConversationEvent.Queued(at, "waiting for an agent"),
        new ConversationEvent.Assigned(new AgentId("maria"), "Maria"),
        new ConversationEvent.Unassigned(new AgentId("maria"), "agent disconnected"),
        new ConversationEvent.MessagePosted("Ünïcode and\nnew lines GA"),
        new ConversationEvent.DeliveryUpdated(5, DeliveryStatus.UNDELIVERED, "30003"),
        new ConversationEvent.Noted("The caller hung up (SKSK)."),
        new ConversationEvent.MessagePosted("", List.of(new Attachment("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "image/jpeg"))),
        new ConversationEvent.ConsentChanged(true, "STOP"),
        new ConversationEvent.DetailsSet(Optional.of("Streets"), List.of("pothole", "ward 3"), Optional.of("Public Works"), Optional.of("Road repair"),
            Optional.of(java.time.LocalDate.parse("2026-12-01")), Optional.of("maria"), Optional.of("SR-2026-000123")),
        new ConversationEvent.DetailsSet(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        new ConversationEvent.Resolved("Information provided"));
    long seq = 1;
    for (ConversationEvent event : events) {
      Entry entry = new Entry(id, seq++, at, Participant.SYSTEM, event, Optional.of("key-" + seq));
      assertEquals(entry, EntryJson.fromJson(new JsonObject(EntryJson.toJson(entry).encode())));
    }
  }

  @Test
  void aMessageNeedsTextOrAnAttachmentAndAttachmentsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new ConversationEvent.MessagePosted(" ", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Attachment("javascript:alert(1)", "image/jpeg"));
    assertThrows(IllegalArgumentException.class, () -> new Attachment("https://x.example/a.jpg", "image/jpeg\r\nX: y"));
  }

  @Test
  void anUnknownKindIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ConversationEvent.fromJson(new JsonObject().put("kind", "teleported")));
  }

  @Test
  void idsAreValidated() {
    assertEquals(Optional.empty(), ConversationId.parse("../../etc/passwd"));
    assertThrows(IllegalArgumentException.class, () -> new AgentId("Robert'); DROP TABLE"));
    assertThrows(IllegalArgumentException.class, () -> new Channel("SMS "));
  }
}
