package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole gateway keeping its records in PostgreSQL: a conversation, a restart, and a record that verifies. */
class PostgresGatewayIT {
  private static final String URI = System.getenv().getOrDefault("ACCESSLINE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test");
  @TempDir Path dataDir;
  private final String schema = "gateway_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

  @BeforeEach
  void requireServer() {
    Vertx probe = Vertx.vertx();
    boolean up;
    try {
      Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI)).using(probe).build();
      up = pool.query("SELECT 1").execute().map(r -> true).otherwise(false).await();
      pool.close().await();
    } finally {
      probe.close().await();
    }
    if (!up && "true".equals(System.getenv("CI"))) fail("CI=true but PostgreSQL does not answer at " + URI);
    assumeTrue(up, "Skipping: no PostgreSQL answers at " + URI + " (set ACCESSLINE_TEST_PG)");
  }

  @AfterEach
  void dropSchema() {
    Vertx cleaner = Vertx.vertx();
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI)).using(cleaner).build();
    pool.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute().await();
    pool.close().await();
    cleaner.close().await();
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
