package org.accessline.web.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify API while running, and the command-line verifier on the stopped gateway's data, before and after a row is altered. */
class RecordsVerifierIT {
  @TempDir Path dataDir;

  @Test
  void theApiAndTheCommandLineFindTheFirstAlteredEntry() throws Exception {
    String conversation;
    try (TestGateway gateway = TestGateway.start(dataDir);
        AgentClient maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
        ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      resident.say("m1", "The crosswalk signal at Main and 3rd is broken");
      conversation = maria.awaitAssignment();
      maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Thanks, a crew will fix it today."));
      JsonObject ok = maria.get("/api/interactions/" + conversation + "/verify").bodyAsJsonObject();
      assertEquals("intact", ok.getString("status"));
      assertEquals(404, maria.get("/api/interactions/00000000-0000-4000-8000-000000000000/verify").statusCode());
      assertEquals(403, maria.get("/api/records/verify").statusCode(), "checking the whole store is for supervisors");
      AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
      JsonObject whole = sam.get("/api/records/verify").bodyAsJsonObject();
      assertEquals(true, whole.getBoolean("intact"), whole.encode());
      assertEquals("intact", whole.getJsonObject("audit").getString("status"));
    }

    AccesslineConfig config = AccesslineConfig.fromJson(new JsonObject().put("dataDir", dataDir.toString()), Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, RecordsVerifier.run(config, List.of("--all"), new PrintStream(out, true, StandardCharsets.UTF_8)));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(conversation + "  intact"), out.toString(StandardCharsets.UTF_8));

    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("accessline"))) {
      assertEquals(1, c.createStatement().executeUpdate(
          "UPDATE entries SET event = REPLACE(event, 'a crew will fix it today', 'nothing can be done') WHERE kind = 'message' AND actor_role = 'agent'"));
    }
    out.reset();
    assertEquals(RecordsVerifier.ALTERED, RecordsVerifier.run(config, List.of(conversation), new PrintStream(out, true, StandardCharsets.UTF_8)));
    String report = out.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("altered") && report.contains("does not match its hash"), report);
    assertEquals(RecordsVerifier.USAGE, RecordsVerifier.run(config, List.of("not-an-id"), new PrintStream(out, true, StandardCharsets.UTF_8)));

    // The gateway wrote a checkpoint as it stopped: a record deleted outright, and an audit row, are found.
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("accessline"))) {
      c.createStatement().executeUpdate("DELETE FROM record_words");
      c.createStatement().executeUpdate("DELETE FROM entries");
      assertEquals(1, c.createStatement().executeUpdate("DELETE FROM conversations"));
      assertEquals(1, c.createStatement().executeUpdate("DELETE FROM audit_log WHERE num = (SELECT MIN(num) FROM audit_log)"));
    }
    out.reset();
    assertEquals(RecordsVerifier.ALTERED, RecordsVerifier.run(config, List.of("--all"), new PrintStream(out, true, StandardCharsets.UTF_8)));
    report = out.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains(conversation + "  missing") && report.contains("deleted outright"), report);
    assertTrue(report.contains("audit log  deleted"), report);
  }
}
