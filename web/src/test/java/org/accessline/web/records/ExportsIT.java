package org.accessline.web.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervisors export records as NDJSON, CSV, JSON and printable HTML, redacted if asked; agents cannot. */
class ExportsIT {
  @TempDir Path dataDir;

  @Test
  void aSupervisorExportsRecordsAndARedactedCopyLeavesTheStoredRecordAlone() {
    try (TestGateway gateway = TestGateway.start(dataDir);
        AgentClient maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
        AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
        ResidentClient first = ResidentClient.connect(gateway.vertx, gateway.port());
        ResidentClient second = ResidentClient.connect(gateway.vertx, gateway.port())) {
      first.helloNew();
      first.say("a", "Pay my water bill with card 4111 1111 1111 1111 please");
      String paying = maria.awaitAssignment();
      second.helloNew();
      second.say("b", "=1+1 is my question about \"quotes\"");
      maria.frames.awaitCount("two assignments", 2, f -> "entry".equals(f.getString("type"))
          && "assigned".equals(f.getJsonObject("entry").getJsonObject("event").getString("kind")));

      assertEquals(403, maria.get("/api/exports/interactions.ndjson").statusCode(), "agents cannot export");
      assertEquals(403, maria.get("/api/interactions/" + paying + "/transcript.html").statusCode());

      String ndjson = sam.get("/api/exports/interactions.ndjson?redact=true").bodyAsString();
      List<String> lines = ndjson.lines().toList();
      assertEquals(2, lines.size());
      assertTrue(ndjson.contains("[card number removed]") && !ndjson.contains("4111 1111"), ndjson);
      assertTrue(maria.storedMessages(paying).get(0).contains("4111 1111 1111 1111"), "the stored record is never changed");
      assertEquals(paying, new JsonObject(lines.get(1)).getString("id"), "newest first");

      String csv = sam.get("/api/exports/interactions.csv?q=quotes").bodyAsString();
      List<String> rows = csv.lines().toList();
      assertEquals("id,channel,contact,opened,resolved,disposition,wait_seconds,handle_seconds,messages,category,tags,referral,open311_id,"
          + "first_offered,first_assigned,first_agent_reply,previous_id,related_ids", rows.get(0));
      assertEquals(2, rows.size());
      assertTrue(rows.get(1).contains("\"webchat\""));

      JsonObject one = sam.get("/api/interactions/" + paying + "/export.json").bodyAsJsonObject();
      assertEquals(paying, one.getString("id"));
      String html = sam.get("/api/interactions/" + paying + "/transcript.html?redact=1").bodyAsString();
      assertTrue(html.contains("[card number removed]") && html.startsWith("<!doctype html>"), html);
      assertTrue(html.contains("<dt>First assigned</dt>") && html.contains("<dt>Wait</dt>"), "the printable record carries its times: " + html);
      assertEquals(400, sam.get("/api/exports/interactions.csv?from=yesterday").statusCode());
      assertEquals(404, sam.get("/api/interactions/00000000-0000-4000-8000-000000000000/export.json").statusCode());
    }
  }
}
