package org.accessline.web.records;

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

/** Searching records over the API, and every malformed search refused with a clear 400. */
class RecordsSearchIT {
  @TempDir Path dataDir;

  @Test
  void staffFindRecordsByWordsAndAgentAndBadSearchesAreRefused() {
    try (TestGateway gateway = TestGateway.start(dataDir);
        AgentClient maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
        AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
        AgentClient anonymous = new AgentClient(gateway.vertx, gateway.port());
        ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      resident.say("s1", "A fallen tree is blocking Oak Avenue");
      String conversation = maria.awaitAssignment();

      JsonObject found = maria.get("/api/interactions?q=tree%20oak&agent=maria").bodyAsJsonObject();
      assertEquals(conversation, found.getJsonArray("records").getJsonObject(0).getString("id"));
      assertEquals(false, found.getBoolean("more"));
      JsonArray logged = sam.get("/api/audit?record=" + java.net.URLEncoder.encode("search: agent=maria&q=tree oak limit=50 offset=0",
          java.nio.charset.StandardCharsets.UTF_8)).bodyAsJsonObject().getJsonArray("events");
      assertEquals(1, logged.size(), "the search is logged with the parameters it ran with, not the raw query string");
      assertEquals("maria", logged.getJsonObject(0).getString("actor"));
      assertEquals(0, maria.get("/api/interactions?agent=maria&q=snowplow").bodyAsJsonObject().getJsonArray("records").size());
      assertEquals(0, sam.get("/api/interactions?q=%27%3B%20DROP%20TABLE%20entries%3B%20--").bodyAsJsonObject().getJsonArray("records").size());
      assertEquals(1, sam.get("/api/interactions").bodyAsJsonObject().getJsonArray("records").size(), "nothing was dropped");
      assertEquals(403, maria.get("/api/interactions?q=tree").statusCode(), "an agent's search is narrowed to their own records or their resident");

      // Each malformed parameter is refused by name; none is dropped to answer a wider search than was asked.
      String[][] bad = {{"from", "from=yesterday"}, {"to", "to=2026-11-22"}, {"limit", "limit=0"}, {"limit", "limit=201"}, {"offset", "offset=-1"},
          {"offset", "offset=1000001"}, {"limit", "limit=ten"}, {"sort", "sort=asc"}, {"channel", "channel=SMS!"}, {"channel", "channel=fax"},
          {"agent", "agent=Robert%27)"}, {"from", "from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z"}, {"q", "q=a&q=b"}, {"q", "q=%3F%21%2E%2E%2E"},
          {"q", "q=" + "w".repeat(201)}, {"contact", "contact=" + "c".repeat(129)}, {"disposition", "disposition=" + "d".repeat(201)},
          {"tag", "tag=Not%20A%20Tag!"}, {"category", "category=" + "k".repeat(201)}};
      for (String[] b : bad) {
        var response = sam.get("/api/interactions?" + b[1]);
        assertEquals(400, response.statusCode(), b[1]);
        assertEquals(b[0], response.bodyAsJsonObject().getString("field"), b[1]);
        assertTrue(response.bodyAsJsonObject().getString("message").length() > 10, b[1]);
        var export = sam.get("/api/exports/interactions.ndjson?" + b[1]);
        if (b[1].equals("limit=201")) {
          assertEquals(200, export.statusCode(), "an export has no page size: any limit of 1 or more");
        } else {
          assertEquals(400, export.statusCode(), "export " + b[1]);
          assertEquals(b[0], export.bodyAsJsonObject().getString("field"), "export " + b[1]);
        }
      }
      assertEquals("redact", sam.get("/api/exports/interactions.csv?redact=yes").bodyAsJsonObject().getString("field"));
      assertEquals("redact", sam.get("/api/interactions/" + conversation + "/export.json?redact=maybe").bodyAsJsonObject().getString("field"));
      assertEquals("limit", sam.get("/api/exports/interactions.csv?limit=0").bodyAsJsonObject().getString("field"));
      JsonArray searches = sam.get("/api/audit").bodyAsJsonObject().getJsonArray("events");
      assertTrue(searches.stream().map(JsonObject.class::cast).noneMatch(e -> e.getString("target").contains("w".repeat(201))),
          "a refused search is never logged as if it ran");
      assertEquals(401, anonymous.get("/api/interactions?q=tree").statusCode());
    }
  }
}
