package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.accessline.transcripts.postgres.TestPostgres;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole gateway keeping its records in PostgreSQL: a conversation, a restart, and a record that verifies. */
class PostgresGatewayIT {
  private static final String URI = TestPostgres.URI;
  @TempDir Path dataDir;
  private final String schema = TestPostgres.freshSchema("gateway");

  @BeforeEach
  void requireServer() {
    TestPostgres.require();
  }

  @AfterEach
  void dropSchema() {
    TestPostgres.dropSchema(schema);
  }

  @Test
  void aConversationIsKeptInPostgresAcrossARestartAndVerifies() {
    try (TestGateway gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4,
        new JsonObject().put("store", new JsonObject().put("url", URI).put("schema", schema)))) {
      String conversation;
      try (AgentClient maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
          ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
        resident.helloNew();
        resident.say("p1", "Is the recycling center open on Saturday?");
        conversation = maria.awaitAssignment();
        assertEquals(201, maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Yes, 8 to noon.")).statusCode());
      }
      gateway.restart();
      try (AgentClient maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria")) {
        assertEquals(List.of("Is the recycling center open on Saturday?", "Yes, 8 to noon."), maria.storedMessages(conversation));
        assertEquals("intact", maria.get("/api/interactions/" + conversation + "/verify").bodyAsJsonObject().getString("status"));
      }
    }
  }
}
