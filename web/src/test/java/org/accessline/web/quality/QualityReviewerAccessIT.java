package org.accessline.web.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent granted quality review, not a supervisor, reads the record they evaluate, each read logged, and no other. */
class QualityReviewerAccessIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient lee;
  private AgentClient sam;
  private final Instant t0 = Instant.now().minus(Duration.ofHours(3));

  @BeforeEach
  void start() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, QualityFixtures.withLeeReviewing());
    lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
    sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
  }

  @AfterEach
  void stop() {
    lee.close();
    sam.close();
    gateway.close();
  }

  private static long count(JsonArray events, String actor, String action) {
    return events.stream().map(JsonObject.class::cast).filter(e -> e.getString("actor").equals(actor) && e.getString("action").equals(action)).count();
  }

  @Test
  void aReviewerReadsTheRecordTheyEvaluateAndNothingMore() {
    String evaluated = QualityFixtures.record(gateway.store(), "maria", t0, false);
    String other = QualityFixtures.record(gateway.store(), "maria", t0, false);
    assertEquals(403, lee.get("/api/interactions/" + evaluated).statusCode(), "before he reviews it, it is not his to read");

    HttpResponse<Buffer> opened = lee.post("/api/quality/evaluations", new JsonObject().put("record", evaluated));
    assertEquals(201, opened.statusCode(), opened.bodyAsString());
    String path = "/api/quality/evaluations/" + opened.bodyAsJsonObject().getString("id");
    HttpResponse<Buffer> read = lee.get("/api/interactions/" + evaluated);
    assertEquals(200, read.statusCode(), read.bodyAsString());
    assertEquals(6, read.bodyAsJsonObject().getJsonArray("entries").size());
    assertEquals(200, lee.get("/api/interactions/" + evaluated + "/transcript.txt").statusCode());
    assertEquals(200, lee.put(path + "/answers", new JsonObject().put("answers", QualityFixtures.goodAnswers())).statusCode());
    assertEquals(200, lee.post(path + "/submit", new JsonObject()).statusCode(), "a reviewer who is not a supervisor does the whole review");

    assertEquals(403, lee.get("/api/interactions/" + other).statusCode(), "another record of the same agent stays closed to him");
    assertEquals(403, lee.get("/api/interactions?agent=maria").statusCode(), "and so does searching hers");
    assertEquals(403, lee.get("/api/interactions/" + evaluated + "/export.json").statusCode(), "exports are for supervisors");

    JsonArray trail = sam.get("/api/audit?record=" + evaluated + "&limit=200").bodyAsJsonObject().getJsonArray("events");
    assertTrue(count(trail, "lee", "read") >= 2, "each read of the record is in the audit log: " + trail.encode());
    assertTrue(count(trail, "lee", "refused") >= 1, trail.encode());
    JsonArray otherTrail = sam.get("/api/audit?record=" + other + "&limit=200").bodyAsJsonObject().getJsonArray("events");
    assertEquals(1, count(otherTrail, "lee", "refused"), otherTrail.encode());
  }
}
