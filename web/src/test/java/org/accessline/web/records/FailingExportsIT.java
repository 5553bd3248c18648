package org.accessline.web.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.accessline.transcripts.postgres.TestPostgres;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that fails in the middle of an export: the gateway keeps its records in PostgreSQL, and
 * once the first records have reached the client the test takes the entries table away. The stream
 * must end with an explicit error, and the audit log must say the export was incomplete.
 */
class FailingExportsIT {
  @TempDir Path dataDir;
  private final String schema = TestPostgres.freshSchema("failing");

  @BeforeEach
  void requireServer() {
    TestPostgres.require();
  }

  @AfterEach
  void dropSchema() {
    TestPostgres.dropSchema(schema);
  }

  /** Collects the body, and runs {@code onFirst} once the first bytes arrive. */
  private static final class Collector implements WriteStream<Buffer> {
    final Buffer body = Buffer.buffer();
    final Promise<Void> ended = Promise.promise();
    private Runnable onFirst;

    Collector(Runnable onFirst) {
      this.onFirst = onFirst;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
      body.appendBuffer(data);
      if (onFirst != null) {
        Runnable first = onFirst;
        onFirst = null;
        first.run();
      }
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> end() {
      ended.tryComplete();
      return Future.succeededFuture();
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
      return this;
    }

    @Override
    public boolean writeQueueFull() {
      return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
      return this;
    }
  }

  @Test
  void aStoreFailureMidExportEndsTheStreamWithAnErrorAndTheAuditLogSaysItWasIncomplete() {
    try (TestGateway gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4,
        new JsonObject().put("store", new JsonObject().put("url", TestPostgres.URI).put("schema", schema)));
        AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam")) {
      int total = 1_500;
      LargeExportsIT.records(gateway.store(), total, 10);
      Pool admin = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(TestPostgres.URI)).using(gateway.vertx).build();
      try {
        Collector ndjson = new Collector(() -> admin.query("ALTER TABLE " + schema + ".entries RENAME TO entries_taken_away").execute());
        var response = sam.request(HttpMethod.GET, "/api/exports/interactions.ndjson").as(BodyCodec.pipe(ndjson)).send().await();
        ndjson.ended.future().await();
        assertEquals(200, response.statusCode(), "the answer had begun before the store failed");
        List<String> lines = ndjson.body.toString().lines().toList();
        JsonObject last = new JsonObject(lines.get(lines.size() - 1));
        assertEquals("export_incomplete", last.getString("error"), last.encode());
        int sent = lines.size() - 1;
        assertTrue(sent >= 1 && sent < total, "it failed part-way: " + sent);
        for (String line : lines.subList(0, sent)) assertTrue(new JsonObject(line).containsKey("entries"), line);
        assertTrue(last.getString("message").contains("after " + sent + " records"), last.encode());

        String exportId = response.getHeader("X-Export-Id");
        JsonArray summary = sam.get("/api/audit?record=export%20" + exportId).bodyAsJsonObject().getJsonArray("events");
        assertEquals("export_incomplete", summary.getJsonObject(0).getString("action"), summary.encode());
        assertTrue(summary.getJsonObject(0).getString("detail").startsWith(sent + " records, incomplete"), summary.encode());

        // With the table still gone, a CSV export ends at once with its error row after the header.
        var csv = sam.get("/api/exports/interactions.csv");
        List<String> rows = csv.bodyAsString().lines().toList();
        assertEquals(200, csv.statusCode());
        assertTrue(rows.get(0).startsWith("id,channel"), rows.get(0));
        assertTrue(rows.get(rows.size() - 1).startsWith("\"ERROR: export incomplete\""), rows.get(rows.size() - 1));
        assertEquals("export_incomplete", sam.get("/api/audit?record=export%20" + csv.getHeader("X-Export-Id")).bodyAsJsonObject()
            .getJsonArray("events").getJsonObject(0).getString("action"));
      } finally {
        admin.close().await();
      }
    }
  }

  @Test
  void aClientThatGoesAwayMidExportLeavesItLoggedAsIncomplete() {
    try (TestGateway gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4,
        new JsonObject().put("store", new JsonObject().put("url", TestPostgres.URI).put("schema", schema)));
        AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam")) {
      LargeExportsIT.records(gateway.store(), 1_500, 10);
      io.vertx.core.http.HttpClient raw = gateway.vertx.createHttpClient();
      String exportId = raw.request(HttpMethod.GET, gateway.port(), "127.0.0.1", "/api/exports/interactions.ndjson")
          .compose(request -> request.putHeader("Cookie", sam.cookie()).send())
          .compose(response -> {
            Promise<String> closed = Promise.promise();
            response.handler(chunk -> response.request().connection().close().onComplete(v -> closed.tryComplete(response.getHeader("X-Export-Id"))));
            return closed.future();
          }).await();
      JsonObject outcome = null;
      for (int i = 0; i < 100 && outcome == null; i++) {
        JsonArray events = sam.get("/api/audit?record=export%20" + exportId).bodyAsJsonObject().getJsonArray("events");
        if (events.size() == 2) outcome = events.getJsonObject(0);
        else io.vertx.core.Future.future(p -> gateway.vertx.setTimer(100, t -> p.complete())).await();
      }
      assertEquals("export_incomplete", outcome.getString("action"), outcome.encode());
      assertTrue(outcome.getString("detail").contains("the client closed the connection"), outcome.encode());
      raw.close().await();
    }
  }
}
