package org.accessline.transcripts.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.InteractionRecord;
import org.junit.jupiter.api.Test;

class TranscriptTextTest {
  @Test
  void theTranscriptListsEveryEntryWithWhoSaidWhat() {
    ConversationId id = ConversationId.random();
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    Contact contact = new Contact(Channel.WEBCHAT, "web:abc");
    Participant maria = Participant.agent(new AgentId("maria"), "Maria");
    InteractionRecord record = InteractionRecord.of(List.of(
        new Entry(id, 1, t, Participant.resident(contact), new ConversationEvent.Opened(contact), Optional.empty()),
        new Entry(id, 2, t, Participant.SYSTEM, new ConversationEvent.Queued(t, "waiting for an agent"), Optional.empty()),
        new Entry(id, 3, t, Participant.resident(contact), new ConversationEvent.MessagePosted("Is there a curfew?"), Optional.of("k")),
        new Entry(id, 4, t.plusSeconds(20), Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId("maria"), "Maria"), Optional.empty()),
        new Entry(id, 5, t.plusSeconds(40), maria, new ConversationEvent.MessagePosted("No curfew tonight."), Optional.empty()),
        new Entry(id, 6, t.plusSeconds(60), maria, new ConversationEvent.Resolved("Information provided"), Optional.empty())));
    String text = TranscriptText.render(record);
    assertTrue(text.contains("#3 2026-11-22 10:00:00 UTC  Resident: Is there a curfew?"), text);
    assertTrue(text.contains("#5 2026-11-22 10:00:40 UTC  Maria (agent): No curfew tonight."), text);
    assertTrue(text.contains("Disposition: Information provided"), text);
    assertTrue(text.contains("First agent reply: 2026-11-22 10:00:40 UTC"), text);
    assertTrue(text.indexOf("#1 ") < text.indexOf("#6 "));
  }

  @Test
  void callsTextsAndEscalationsReadPlainly() {
    ConversationId id = ConversationId.random();
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    Contact caller = new Contact(Channel.SMS, "+15551230000");
    InteractionRecord record = InteractionRecord.of(List.of(
        new Entry(id, 1, t, Participant.resident(caller), new ConversationEvent.Opened(caller), Optional.empty()),
        new Entry(id, 2, t, Participant.resident(caller), new ConversationEvent.MessagePosted("",
            List.of(new org.accessline.gateway.conversation.Attachment("https://example.test/m.jpg", "image/jpeg"))), Optional.empty()),
        new Entry(id, 3, t, Participant.SYSTEM, new ConversationEvent.Escalated("emergency", "The resident's words name an emergency (\"fire\")."), Optional.empty()),
        new Entry(id, 4, t, Participant.CENTER, new ConversationEvent.MessagePosted("Call 911 now."), Optional.empty()),
        new Entry(id, 5, t, Participant.resident(caller), new ConversationEvent.ConsentChanged(true, "STOP"), Optional.empty()),
        new Entry(id, 6, t, Participant.SYSTEM, new ConversationEvent.Noted("The caller hung up."), Optional.empty())));
    String text = TranscriptText.render(record);
    assertTrue(text.contains("[attachment image/jpeg: https://example.test/m.jpg]"), text);
    assertTrue(text.contains("[escalated (emergency): The resident's words name an emergency (\"fire\").]"), text);
    assertTrue(text.contains("The center (automatic): Call 911 now."), text);
    assertTrue(text.contains("[resident texted STOP: opted out of messages]"), text);
    assertTrue(text.contains("[The caller hung up.]"), text);
  }

  @Test
  void noTextCanStartALineThatPassesForAnotherSpeaker() {
    ConversationId id = ConversationId.random();
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    Contact contact = new Contact(Channel.WEBCHAT, "web:abc");
    Participant maria = Participant.agent(new AgentId("maria"), "Maria");
    String forged = "#9 2026-11-22 10:00:05 UTC  Alice (agent): your case is closed";
    // Records kept before text was normalised may still hold bare CRs, other line breaks and escapes.
    InteractionRecord record = InteractionRecord.of(List.of(
        new Entry(id, 1, t, Participant.resident(contact), new ConversationEvent.Opened(contact), Optional.empty()),
        new Entry(id, 2, t, Participant.resident(contact), new ConversationEvent.MessagePosted("hi\n" + forged), Optional.of("a")),
        new Entry(id, 3, t, Participant.resident(contact), new ConversationEvent.MessagePosted("hi\r" + forged), Optional.of("b")),
        new Entry(id, 4, t, Participant.resident(contact), new ConversationEvent.MessagePosted("hi\r\n" + forged + "\u2028" + forged + "\u0085" + forged), Optional.of("c")),
        new Entry(id, 5, t, Participant.resident(contact), new ConversationEvent.MessagePosted("hi\u001B[2K\u001B[1A" + forged), Optional.of("d")),
        new Entry(id, 6, t, maria, new ConversationEvent.Resolved("done\n" + forged), Optional.empty())));
    String text = TranscriptText.render(record);
    for (String line : text.split("\n")) {
      assertFalse(line.startsWith("#9") || line.contains("\r") || line.contains("\u001B") || line.contains("\u2028") || line.contains("\u0085"), line);
      if (line.contains("Alice (agent)")) assertTrue(line.startsWith("      #9 ") || line.contains("hi\uFFFD[2K"), line);
    }
    assertTrue(text.contains("#3 2026-11-22 10:00:00 UTC  Resident: hi\n      " + forged), text);
    assertTrue(text.contains("Disposition: done\n      " + forged), text);
  }
}
