package org.accessline.web.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk export of more than 10,000 records is whole, in order, once each, and each record's access history names it. */
class LargeExportsIT {
  static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
  @TempDir Path dataDir;

  /**
   * Puts {@code n} resolved SMS records in place, many opened in the same millisecond, so paging
   * must keep apart records that share an opening time. Returns their ids.
   */
  static List<ConversationId> records(InteractionStore store, int n, int perInstant) {
    List<ConversationId> ids = new ArrayList<>();
    List<Future<?>> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ConversationId id = ConversationId.random();
      ids.add(id);
      Instant at = START.plusMillis(i / perInstant);
      Contact contact = new Contact(Channel.SMS, String.format("+1555%07d", i));
      Participant resident = Participant.resident(contact);
      // Only one record in a hundred has a message to index, which keeps putting ten thousand in place quick.
      batch.add(store.append(i % 100 == 0 ? List.of(
          new Entry(id, 1, at, resident, new ConversationEvent.Opened(contact), Optional.empty()),
          new Entry(id, 2, at, resident, new ConversationEvent.MessagePosted("call me back at " + contact.address()), Optional.of("bulk:" + id)),
          new Entry(id, 3, at, Participant.SYSTEM, new ConversationEvent.Resolved("Information provided"), Optional.empty()))
          : List.of(new Entry(id, 1, at, resident, new ConversationEvent.Opened(contact), Optional.empty()),
          new Entry(id, 2, at, Participant.SYSTEM, new ConversationEvent.Resolved("Information provided"), Optional.empty()))));
      if (batch.size() == 500) {
        Future.all(batch).await();
        batch.clear();
      }
    }
    Future.all(batch).await();
    return ids;
  }

  @Test
  void anExportOfMoreThanTenThousandRecordsIsWholeAndEachRecordsHistoryShowsIt() {
    try (TestGateway gateway = TestGateway.start(dataDir);
        AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam")) {
      List<ConversationId> ids = records(gateway.store(), 10_050, 250);

      long began = System.nanoTime();
      var response = sam.get("/api/exports/interactions.ndjson?redact=true");
      long millis = (System.nanoTime() - began) / 1_000_000;
      assertEquals(200, response.statusCode());
      List<String> lines = response.bodyAsString().lines().toList();
      assertEquals(ids.size(), lines.size(), "no cap, no error line; took " + millis + " ms");
      List<String> exported = lines.stream().map(l -> new JsonObject(l).getString("id")).toList();
      assertEquals(ids.size(), new HashSet<>(exported).size(), "each record once");
      assertEquals(ids.get(ids.size() - 1).value().length(), exported.get(0).length());
      assertTrue(new HashSet<>(exported).containsAll(ids.stream().map(ConversationId::value).toList()));
      // Newest first: the last instant's records lead, the first instant's close the file.
      assertEquals(START.plusMillis((ids.size() - 1) / 250).toString(), new JsonObject(lines.get(0)).getJsonObject("timestamps").getString("opened"));
      assertEquals(START.toString(), new JsonObject(lines.get(lines.size() - 1)).getJsonObject("timestamps").getString("opened"));
      JsonObject first = new JsonObject(lines.get(0));
      assertEquals("[contact removed]", first.getString("contact"));
      assertFalse(lines.get(0).contains("+1555"), "redacted: the resident's number is gone from every field: " + lines.get(0));

      String exportId = response.getHeader("X-Export-Id");
      JsonArray history = sam.get("/api/audit?record=" + ids.get(1234).value()).bodyAsJsonObject().getJsonArray("events");
      assertEquals("export", history.getJsonObject(0).getString("action"));
      assertTrue(history.getJsonObject(0).getString("detail").contains(exportId), history.encode());
      JsonArray summary = sam.get("/api/audit?record=export%20" + exportId).bodyAsJsonObject().getJsonArray("events");
      assertEquals("export_complete", summary.getJsonObject(0).getString("action"));
      assertEquals(ids.size() + " records, complete", summary.getJsonObject(0).getString("detail"));
      assertEquals("export", summary.getJsonObject(1).getString("action"));

      // limit and offset are honoured, and the log names only the records that went out.
      var page = sam.get("/api/exports/interactions.csv?offset=240&limit=20&channel=sms");
      List<String> rows = page.bodyAsString().lines().toList();
      assertEquals(21, rows.size(), "the header and 20 rows");
      for (int i = 0; i < 20; i++) assertTrue(rows.get(i + 1).startsWith("\"" + exported.get(240 + i) + "\""), rows.get(i + 1));
      String pageId = page.getHeader("X-Export-Id");
      assertEquals("20 records, complete",
          sam.get("/api/audit?record=export%20" + pageId).bodyAsJsonObject().getJsonArray("events").getJsonObject(0).getString("detail"));
      assertTrue(sam.get("/api/audit?record=" + exported.get(239)).bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast)
          .noneMatch(e -> e.getString("detail").contains(pageId)), "a record skipped by the offset was not exported");
      assertTrue(sam.get("/api/audit?record=" + exported.get(250)).bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast)
          .anyMatch(e -> e.getString("detail").contains(pageId)));
    }
  }
}
