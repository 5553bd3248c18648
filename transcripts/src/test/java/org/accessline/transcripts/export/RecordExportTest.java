package org.accessline.transcripts.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.InteractionRecord;
import org.junit.jupiter.api.Test;

class RecordExportTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private final ConversationId id = ConversationId.random();
  private final Contact contact = new Contact(Channel.WEBCHAT, "web:abc");
  private final InteractionRecord record = InteractionRecord.of(List.of(
      new Entry(id, 1, T0, Participant.resident(contact), new ConversationEvent.Opened(contact), Optional.empty()),
      new Entry(id, 2, T0, Participant.resident(contact), new ConversationEvent.MessagePosted("<script>alert(1)</script> card 4111 1111 1111 1111"),
          Optional.empty())));

  @Test
  void theRedactedCopyMasksTextsAndLeavesTheOriginalAlone() {
    InteractionRecord copy = RecordExport.redacted(record);
    assertTrue(copy.entries().get(1).text().orElseThrow().contains("[card number removed]"));
    assertTrue(record.entries().get(1).text().orElseThrow().contains("4111 1111 1111 1111"));
  }

  @Test
  void csvCellsAreQuotedAndFormulasDefused() {
    assertEquals("\"say \"\"hi\"\"\"", RecordExport.cell("say \"hi\""));
    assertEquals("\"'=HYPERLINK(1)\"", RecordExport.cell("=HYPERLINK(1)"));
    assertEquals("\"+15551230000\"", RecordExport.cell("+15551230000"), "a phone number stays as it is");
    assertTrue(RecordExport.csvRow(record).startsWith("\"" + id.value() + "\",\"webchat\""));
  }

  @Test
  void thePrintableTranscriptEscapesWhatResidentsWrote() {
    String html = RecordExport.html(record, "Fairview 311");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(!html.contains("<script>alert"));
    assertTrue(html.contains("<h1>Fairview 311: interaction record</h1>"));
  }
}
