package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        AgentClient anonymous = new AgentClient(gateway.vertx, gateway.port());
        ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      resident.say("s1", "A fallen tree is blocking Oak Avenue");
      String conversation = maria.awaitAssignment();

      JsonObject found = maria.get("/api/interactions?q=tree%20oak&agent=maria").bodyAsJsonObject();
      assertEquals(conversation, found.getJsonArray("records").getJsonObject(0).getString("id"));
      assertEquals(false, found.getBoolean("more"));
      assertEquals(0, maria.get("/api/interactions?q=snowplow").bodyAsJsonObject().getJsonArray("records").size());
      assertEquals(0, maria.get("/api/interactions?q=%27%3B%20DROP%20TABLE%20entries%3B%20--").bodyAsJsonObject().getJsonArray("records").size());
      assertEquals(1, maria.get("/api/interactions").bodyAsJsonObject().getJsonArray("records").size(), "nothing was dropped");

      for (String bad : new String[] {"from=yesterday", "limit=0", "limit=201", "offset=-1", "limit=ten", "sort=asc", "channel=SMS!",
          "agent=Robert%27)", "from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z", "q=a&q=b"}) {
        var response = maria.get("/api/interactions?" + bad);
        assertEquals(400, response.statusCode(), bad);
        assertTrue(response.bodyAsJsonObject().getString("message").length() > 10, bad);
      }
      assertEquals(401, anonymous.get("/api/interactions?q=tree").statusCode());
    }
  }
}
