package org.accessline.web.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
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
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention purges old resolved records except those on legal hold; a purged record is 410 Gone; every access is audited. */
class RetentionAndAuditIT {
  private static final Instant LONG_AGO = Instant.parse("2020-01-06T10:00:00Z");
  @TempDir Path dataDir;

  private static ConversationId oldRecord(TestGateway gateway, String text) {
    ConversationId id = ConversationId.random();
    Contact contact = new Contact(Channel.SMS, "+15550009876");
    Participant resident = Participant.resident(contact);
    gateway.store().append(List.of(
        new Entry(id, 1, LONG_AGO, resident, new ConversationEvent.Opened(contact), Optional.empty()),
        new Entry(id, 2, LONG_AGO, resident, new ConversationEvent.MessagePosted(text), Optional.of("old:" + id)),
        new Entry(id, 3, LONG_AGO, Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId("maria"), "Maria"), Optional.empty()),
        new Entry(id, 4, LONG_AGO.plusSeconds(60), Participant.SYSTEM, new ConversationEvent.Resolved("Information provided"), Optional.empty()))).await();
    return id;
  }

  @Test
  void oldRecordsArePurgedExceptOnesOnHoldAndEveryAccessIsInTheAuditLog() {
    try (TestGateway gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, new JsonObject().put("retention", new JsonObject().put("days", 365)));
        AgentClient maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
        AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam")) {
      ConversationId gone = oldRecord(gateway, "old pothole report");
      ConversationId held = oldRecord(gateway, "subject of a records request");
      assertEquals(200, maria.get("/api/interactions/" + gone.value()).statusCode());
      assertEquals(403, maria.put("/api/interactions/" + held.value() + "/hold", new JsonObject().put("hold", true)).statusCode(), "supervisors only");
      assertEquals(400, sam.put("/api/interactions/" + held.value() + "/hold", new JsonObject().put("hold", "yes")).statusCode());
      assertEquals(200, sam.put("/api/interactions/" + held.value() + "/hold", new JsonObject().put("hold", true)).statusCode());
      assertEquals(403, maria.post("/api/records/purge", new JsonObject()).statusCode());

      assertEquals(1, sam.post("/api/records/purge", new JsonObject()).bodyAsJsonObject().getInteger("purged"));
      var purged = maria.get("/api/interactions/" + gone.value());
      assertEquals(410, purged.statusCode());
      assertEquals("purged", purged.bodyAsJsonObject().getString("error"));
      assertEquals(410, sam.get("/api/interactions/" + gone.value() + "/export.json").statusCode());
      assertEquals(200, maria.get("/api/interactions/" + held.value()).statusCode(), "on legal hold: kept");

      assertEquals(403, maria.get("/api/audit").statusCode());
      var trail = sam.get("/api/audit?record=" + gone.value()).bodyAsJsonObject().getJsonArray("events");
      assertTrue(trail.stream().map(JsonObject.class::cast).anyMatch(e -> "read".equals(e.getString("action")) && "maria".equals(e.getString("actor"))), trail.encode());
      var all = sam.get("/api/audit").bodyAsJsonObject().getJsonArray("events");
      assertTrue(all.stream().map(JsonObject.class::cast).anyMatch(e -> "purge".equals(e.getString("action")) && "sam".equals(e.getString("actor"))));
      assertTrue(all.stream().map(JsonObject.class::cast).anyMatch(e -> "hold".equals(e.getString("action")) && held.value().equals(e.getString("target"))));
      assertEquals(200, sam.put("/api/interactions/" + held.value() + "/hold", new JsonObject().put("hold", false)).statusCode());
      var holds = sam.get("/api/audit?record=" + held.value()).bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast)
          .map(e -> e.getString("action")).filter(a -> a.equals("hold") || a.equals("release")).toList();
      assertEquals(java.util.List.of("release", "hold"), holds, "the log says which way each hold went, newest first");
      assertEquals(400, sam.get("/api/audit?limit=0").statusCode());
    }
  }

  @Test
  void withoutARetentionPeriodNothingIsEverPurged() {
    try (TestGateway gateway = TestGateway.start(dataDir);
        AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam")) {
      ConversationId old = oldRecord(gateway, "kept forever");
      assertEquals(409, sam.post("/api/records/purge", new JsonObject()).statusCode());
      assertEquals(200, sam.get("/api/interactions/" + old.value()).statusCode());
    }
  }
}
