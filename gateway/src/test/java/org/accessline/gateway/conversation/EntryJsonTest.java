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

  /** One sample of every kind, and of each optional field both present and absent. */
  static List<ConversationEvent> everyKind() {
    Instant since = Instant.parse("2026-11-22T09:58:30.007Z");
    AgentId maria = new AgentId("maria");
    return List.of(
        new ConversationEvent.Opened(new Contact(Channel.SMS, "+15551234567")),
        new ConversationEvent.Opened(new Contact(Channel.WEBCHAT, "web:3f9a"), Optional.of(ConversationId.random())),
        new ConversationEvent.Queued(since, "waiting for an agent"),
        new ConversationEvent.Queued(since, ""),
        new ConversationEvent.Assigned(maria, "María José"),
        new ConversationEvent.Offered(new AgentId("lee.k"), "Lee"),
        new ConversationEvent.Unassigned(maria, "agent disconnected"),
        new ConversationEvent.MessagePosted("Привет, 你好, مرحبا 👋🏽 and \"quotes\"\ttabs"),
        new ConversationEvent.MessagePosted("see the photos", List.of(new Attachment("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "image/jpeg"),
            new Attachment("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2", "video/3gpp"))),
        new ConversationEvent.SkillsRequired(java.util.Set.of("es", "billing")),
        new ConversationEvent.SkillsRequired(java.util.Set.of()),
        new ConversationEvent.QueueChanged("tty-line", "overflow after waiting too long"),
        new ConversationEvent.Transferred(maria, Optional.of(new AgentId("lee.k")), "Needs the permit desk"),
        new ConversationEvent.Transferred(maria, Optional.empty(), ""),
        new ConversationEvent.Whispered("Ask for the case number"),
        new ConversationEvent.MessagePosted("my street light is out go ahead", List.of(), Optional.of(new Transcription("vosk", 0.84))),
        new ConversationEvent.Annotated("background noise"),
        new ConversationEvent.RelayAssistantJoined("Georgia Relay", Optional.of("2643"), "this is georgia relay operator two six four three"),
        new ConversationEvent.RelayAssistantJoined("Relay service", Optional.empty(), ""),
        new ConversationEvent.ConsentChanged(false, "START"),
        new ConversationEvent.DeliveryUpdated(4, DeliveryStatus.SENT, "Twilio took it as 2 SMS", "SM0123456789abcdef0123456789abcdef"),
        new ConversationEvent.DeliveryUpdated(4, DeliveryStatus.UNKNOWN, ""),
        new ConversationEvent.Noted("The caller hung up (SKSK)."),
        new ConversationEvent.DetailsSet(Optional.of("Streets"), List.of("pothole"), Optional.of("Public Works"), Optional.of("Road repair"),
            Optional.of(java.time.LocalDate.parse("2026-12-01")), Optional.of("maria"), Optional.of("SR-2026-000123")),
        new ConversationEvent.DetailsSet(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        new ConversationEvent.Referred("sanitation", "Department of Sanitation", "bulk-trash", "Bulk trash pickup",
            java.util.Map.of("phone", "555-0101", "tty", "555-0102", "address", "100 Main St, Springfield")),
        new ConversationEvent.Referred("a1", "Agency", "s1", "Service", java.util.Map.of()),
        new ConversationEvent.Escalated(ConversationEvent.Escalated.EMERGENCY, "The resident's words name an emergency (\"fire\")."),
        new ConversationEvent.Resolved("Information provided"));
  }

  @Test
  void everyPermittedKindHasASampleAndEachSurvivesTheRoundTrip() {
    List<ConversationEvent> samples = everyKind();
    SampleCoverage.assertCovers(ConversationEvent.class, samples);
    List<Participant> actors = List.of(Participant.resident(new Contact(Channel.TTY, "+15551234567")), Participant.agent(new AgentId("maria"), "Maria"),
        Participant.supervisor(new AgentId("sam"), "Sam"), Participant.SYSTEM, Participant.CENTER);
    long seq = 1;
    for (ConversationEvent event : samples) {
      assertEquals(event, ConversationEvent.fromJson(new JsonObject(event.toJson().encode())), event.kind());
      Optional<String> key = seq % 2 == 0 ? Optional.empty() : Optional.of("SM" + seq);
      Entry entry = new Entry(id, seq, at, actors.get((int) (seq % actors.size())), event, key);
      assertEquals(entry, EntryJson.fromJson(new JsonObject(EntryJson.toJson(entry).encode())), event.kind());
      seq++;
    }
  }

  @Test
  void eachKindHasItsOwnName() {
    java.util.Map<String, Class<?>> byKind = new java.util.HashMap<>();
    for (ConversationEvent event : everyKind()) {
      Class<?> earlier = byKind.putIfAbsent(event.kind(), event.getClass());
      assertEquals(earlier == null ? event.getClass() : earlier, event.getClass(), "two kinds share the name " + event.kind());
    }
    assertEquals(ConversationEvent.class.getPermittedSubclasses().length, byKind.size());
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
