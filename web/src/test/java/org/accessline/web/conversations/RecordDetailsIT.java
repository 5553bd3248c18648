package org.accessline.web.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff file a record's category, tags, referral, follow-up and Open311 id; the record and its exports carry them. */
class RecordDetailsIT {
  @TempDir Path dataDir;

  @Test
  void theAgentFilesTheDetailsAndTheRecordCarriesThem() {
    try (TestGateway gateway = new TestGateway(dataDir, java.time.Duration.ofSeconds(30), 4, new JsonObject()
            .put("records", new JsonObject().put("categories", new JsonArray().add("Streets").add("Streets and sidewalks"))));
        AgentClient maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
        AgentClient lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
        AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
        ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      resident.say("d1", "Deep pothole at 5th and Main");
      String id = maria.awaitAssignment();
      String path = "/api/conversations/" + id + "/details";
      JsonObject details = new JsonObject().put("category", "Streets").put("tags", new JsonArray().add("Pothole").add("ward 3"))
          .put("referral", new JsonObject().put("agency", "Public Works").put("service", "Road repair"))
          .put("followUp", new JsonObject().put("due", "2026-12-01").put("owner", "maria")).put("open311Id", "SR-2026-000123");

      assertEquals(403, lee.put(path, details).statusCode(), "not lee's conversation while it is open");
      assertEquals(400, maria.put(path, details.copy().put("followUp", new JsonObject().put("due", "next week"))).statusCode());
      assertEquals(400, maria.put(path, details.copy().put("tags", "pothole")).statusCode());
      assertEquals(400, maria.put(path, details.copy().put("tags", new JsonArray().add("<b>bold</b>"))).statusCode());
      assertEquals(200, maria.put(path, details).statusCode());

      JsonObject record = maria.get("/api/interactions/" + id).bodyAsJsonObject();
      assertEquals("Streets", record.getString("category"));
      assertEquals(new JsonArray().add("pothole").add("ward 3"), record.getJsonArray("tags"));
      assertEquals("Public Works", record.getString("referralAgency"));
      assertEquals("2026-12-01", record.getString("followUpDue"));
      assertEquals("SR-2026-000123", record.getString("open311Id"));
      assertEquals(new JsonArray(), record.getJsonArray("escalations"));

      maria.post("/api/conversations/" + id + "/resolve", new JsonObject().put("disposition", "Service request created"));
      assertEquals(200, lee.put(path, details.copy().put("category", "Streets and sidewalks")).statusCode(), "any staff may complete a resolved record");
      assertEquals(0, sam.get("/api/interactions?category=streets%20and").bodyAsJsonObject().getJsonArray("records").size(), "a category matches whole");
      JsonArray found = sam.get("/api/interactions?category=" + java.net.URLEncoder.encode("STREETS and sidewalks", java.nio.charset.StandardCharsets.UTF_8)
          + "&tag=ward%203").bodyAsJsonObject().getJsonArray("records");
      assertEquals(1, found.size());
      assertEquals(id, found.getJsonObject(0).getString("id"));
      assertEquals(0, sam.get("/api/interactions?category=Streets").bodyAsJsonObject().getJsonArray("records").size(), "refiled: the old category no longer finds it");
      assertEquals(400, sam.get("/api/interactions?category=" + "x".repeat(201)).statusCode());
      String csv = sam.get("/api/exports/interactions.csv").bodyAsString();
      assertTrue(csv.contains("\"Streets and sidewalks\",\"pothole;ward 3\",\"Public Works: Road repair\",\"SR-2026-000123\""), csv);
    }
  }
}
