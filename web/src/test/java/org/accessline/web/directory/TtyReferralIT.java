package org.accessline.web.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.TtyCallGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A referral put in a TTY reply reaches the caller's TTY as the preview showed it (minimodem reads it off the line), and is on the record as data. */
class TtyReferralIT {
  private static final String CALL = "CA" + "0123456789abcdef".repeat(2);
  private static final long TURN_MS = 60_000;
  @TempDir Path dataDir;
  @TempDir Path audio;
  private TtyCallGateway tty;

  @BeforeEach
  void start() {
    tty = new TtyCallGateway(dataDir, new JsonObject(), CALL, "+15551234567");
  }

  @AfterEach
  void stop() {
    tty.close();
  }

  @Test
  void theCallersTtyPrintsTheReferralAsPreviewed() throws Exception {
    try (AgentClient sam = new AgentClient(tty.gateway.vertx, tty.gateway.port()).signedIn("sam")) {
      sam.put("/api/directory/agencies/sanitation", new JsonObject().put("name", "Department of Sanitation").put("timeZone", "America/Chicago"));
      sam.put("/api/directory/services/bulk-trash", new JsonObject().put("agencyId", "sanitation").put("name", "Bulk trash pickup")
          .put("hours", new JsonArray().add("mon 08:00-16:00").add("tue 08:00-16:00")).put("reach", new JsonObject().put("phone", "555-0101").put("tty", "555-0102")));
    }
    tty.maria.available();
    tty.call.connect(tty.call.answer());
    tty.call.awaitMarkEchoed("greeting");
    String conversation = tty.maria.awaitAssignment();

    JsonObject preview = tty.maria.get("/api/conversations/" + conversation + "/referral-preview?service=bulk-trash").bodyAsJsonObject();
    String text = preview.getString("text");
    assertEquals("PLS CONTACT DEPARTMENT OF SANITATION FOR BULK TRASH PICKUP. TTY NBR 555-0102. HRS MON-TUE 08:00-16:00", text);
    var reply = tty.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", text + " GA"));
    assertEquals(201, reply.statusCode(), reply.bodyAsString());
    tty.call.awaitMarkEchoed("reply-" + reply.bodyAsJsonObject().getLong("seq"));
    var recorded = tty.maria.post("/api/conversations/" + conversation + "/referrals",
        new JsonObject().put("serviceId", "bulk-trash").put("requestId", "tty-referral-1"));
    assertEquals(200, recorded.statusCode(), recorded.bodyAsString());

    String heard = tty.call.heardByMinimodem(audio);
    assertTrue(List.of(heard.split("[\\r\\n]+")).contains(text + " GA"), "the caller's paper shows the preview, line for line: " + heard);
    List<ConversationEvent.Referred> onRecord = tty.gateway.store().entries(new ConversationId(conversation), 0).await().stream()
        .filter(e -> e.event() instanceof ConversationEvent.Referred).map(e -> (ConversationEvent.Referred) e.event()).toList();
    assertEquals(1, onRecord.size());
    assertEquals("555-0102", onRecord.get(0).reach().get("tty"));
  }
}
