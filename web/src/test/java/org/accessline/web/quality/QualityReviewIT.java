package org.accessline.web.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Quality review on the real gateway and store: the journey, and every way it is meant to refuse. */
class QualityReviewIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient maria;
  private AgentClient lee;
  private AgentClient sam;
  private AgentClient rita;
  private final Instant t0 = Instant.now().minus(Duration.ofHours(3));

  @BeforeEach
  void start() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, QualityFixtures.withRita());
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
    sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
    rita = new AgentClient(gateway.vertx, gateway.port()).signedIn("rita");
  }

  @AfterEach
  void stop() {
    maria.close();
    lee.close();
    sam.close();
    rita.close();
    gateway.close();
  }

  private JsonObject opened(AgentClient reviewer, String record) {
    HttpResponse<Buffer> r = reviewer.post("/api/quality/evaluations", new JsonObject().put("record", record));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static String path(JsonObject evaluation) {
    return "/api/quality/evaluations/" + evaluation.getString("id");
  }

  private JsonArray trail(String target) {
    return sam.get("/api/audit?record=" + target + "&limit=200").bodyAsJsonObject().getJsonArray("events");
  }

  private static long count(JsonArray events, String actor, String action) {
    return events.stream().map(JsonObject.class::cast).filter(e -> e.getString("actor").equals(actor) && e.getString("action").equals(action)).count();
  }

  @Test
  void aReviewerScoresARecordTheAgentDisputesAndAnotherSupervisorResolves() {
    assertEquals("311-contact", sam.get("/api/quality/scorecards").bodyAsJsonObject().getJsonArray("scorecards").getJsonObject(0).getString("id"),
        "the starter scorecard is seeded on first start");
    String record = QualityFixtures.record(gateway.store(), "maria", t0, false);
    JsonObject draft = opened(sam, record);
    assertEquals("maria", draft.getString("agent"), "the agent who held the record");
    assertEquals("draft", draft.getString("state"));
    assertEquals(6, draft.getJsonObject("head").getLong("entries"), "the record's sealed head: all six entries");

    assertEquals(200, sam.put(path(draft) + "/answers", new JsonObject().put("answers", QualityFixtures.goodAnswers())).statusCode());
    HttpResponse<Buffer> submitted = sam.post(path(draft) + "/submit", new JsonObject());
    assertEquals(200, submitted.statusCode(), submitted.bodyAsString());
    assertEquals(89.6, submitted.bodyAsJsonObject().getDouble("score"), "911 guidance N/A leaves its section; information rated 3 of 5");

    JsonArray hers = maria.get("/api/quality/evaluations").bodyAsJsonObject().getJsonArray("evaluations");
    assertEquals(1, hers.size());
    HttpResponse<Buffer> disputed = maria.post(path(draft) + "/dispute", new JsonObject().put("reason", "The resident asked me not to file a request."));
    assertEquals(200, disputed.statusCode(), disputed.bodyAsString());
    assertEquals(403, sam.post(path(draft) + "/resolve", new JsonObject().put("upheld", true).put("note", "I stand by it")).statusCode(),
        "the reviewer does not judge a dispute of their own evaluation");
    assertEquals(400, rita.post(path(draft) + "/resolve", new JsonObject().put("upheld", "no").put("note", "x")).statusCode(), "upheld is true or false");
    HttpResponse<Buffer> resolved = rita.post(path(draft) + "/resolve", new JsonObject().put("upheld", false).put("note", "The recording confirms her account."));
    assertEquals(200, resolved.statusCode(), resolved.bodyAsString());
    JsonObject done = resolved.bodyAsJsonObject();
    assertEquals("resolved", done.getString("state"));
    assertFalse(done.getBoolean("counts"), "voided: no longer in her averages");
    assertEquals(2, done.getJsonArray("comments").size());
    String day = "from=" + t0.minus(Duration.ofDays(1)) + "&to=" + Instant.now().plus(Duration.ofDays(1));
    assertEquals(0, sam.get("/api/quality/averages?" + day).bodyAsJsonObject().getJsonArray("averages").size());

    JsonArray log = trail(draft.getString("id"));
    assertTrue(count(log, "sam", "quality_write") >= 3, log.encode());
    assertEquals(1, count(log, "maria", "quality_read"), "her list is a read of the evaluation");
    assertEquals(1, count(log, "maria", "quality_write"));
    assertEquals(1, count(log, "rita", "quality_write"));
  }

  @Test
  void anAgentSeesOnlyTheirOwnSubmittedEvaluationsAndEveryRefusalIsLogged() {
    JsonObject draft = opened(sam, QualityFixtures.record(gateway.store(), "maria", t0, false));
    assertEquals(403, maria.get(path(draft)).statusCode(), "a draft is not shown to the agent yet");
    sam.put(path(draft) + "/answers", new JsonObject().put("answers", QualityFixtures.goodAnswers()));
    sam.post(path(draft) + "/submit", new JsonObject());
    assertEquals(200, maria.get(path(draft)).statusCode());

    HttpResponse<Buffer> peek = lee.get(path(draft));
    assertEquals(403, peek.statusCode());
    assertEquals("not_yours", peek.bodyAsJsonObject().getString("error"));
    assertEquals(0, lee.get("/api/quality/evaluations?agent=maria").bodyAsJsonObject().getJsonArray("evaluations").size(), "the agent filter is his own, whatever he asks");
    assertEquals(403, lee.post(path(draft) + "/acknowledge", new JsonObject()).statusCode());
    assertEquals(403, lee.post(path(draft) + "/dispute", new JsonObject().put("reason", "not mine")).statusCode());
    assertEquals(403, lee.get("/api/quality/sample?week=2026-W48").statusCode(), "only reviewers see the sample");
    assertEquals(403, lee.post("/api/quality/evaluations", new JsonObject().put("record", draft.getString("record"))).statusCode());
    assertEquals(1, lee.get("/api/quality/averages?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&agent=maria").statusCode() / 200, "answered, but with his own only");
    assertEquals(0, lee.get("/api/quality/averages?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&agent=maria").bodyAsJsonObject().getJsonArray("averages").size());
    assertTrue(count(trail(draft.getString("id")), "lee", "refused") >= 3);
    assertTrue(count(trail(draft.getString("id")), "maria", "refused") >= 1);
  }

  @Test
  void aSubmittedEvaluationNeverChanges() {
    JsonObject draft = opened(sam, QualityFixtures.record(gateway.store(), "maria", t0, false));
    sam.put(path(draft) + "/answers", new JsonObject().put("answers", QualityFixtures.goodAnswers()));
    assertEquals(200, sam.post(path(draft) + "/submit", new JsonObject()).statusCode());
    HttpResponse<Buffer> edit = sam.put(path(draft) + "/answers", new JsonObject().put("answers", new JsonObject().put("accurate", "5")));
    assertEquals(409, edit.statusCode());
    assertEquals(409, sam.post(path(draft) + "/submit", new JsonObject()).statusCode());
    assertEquals(403, rita.put(path(draft) + "/answers", new JsonObject().put("answers", new JsonObject().put("accurate", "5"))).statusCode(),
        "another reviewer never writes in it either");
    JsonObject stored = sam.get(path(draft)).bodyAsJsonObject();
    assertEquals("3", stored.getJsonObject("answers").getString("accurate"));
    assertEquals(89.6, stored.getDouble("score"));
    assertEquals(200, maria.post(path(draft) + "/acknowledge", new JsonObject()).statusCode());
    assertEquals(409, maria.post(path(draft) + "/dispute", new JsonObject().put("reason", "on second thought")).statusCode(), "acknowledged is final");
  }

  @Test
  void forgedMissingAndMalformedAnswersAreRefusedAndChangeNothing() {
    JsonObject draft = opened(sam, QualityFixtures.record(gateway.store(), "maria", t0, false));
    assertEquals(200, sam.put(path(draft) + "/answers", new JsonObject().put("answers", new JsonObject().put("greeted", "yes"))).statusCode());
    for (JsonObject bad : new JsonObject[] {new JsonObject().put("bonus-points", "yes"), new JsonObject().put("greeted", "maybe"), new JsonObject().put("tone", "9"),
        new JsonObject().put("greeted", "na"), new JsonObject().put("outcome", "option:perfect"), new JsonObject().put("greeted", 1)}) {
      HttpResponse<Buffer> r = sam.put(path(draft) + "/answers", new JsonObject().put("answers", bad));
      assertEquals(400, r.statusCode(), bad.encode());
    }
    assertEquals(400, sam.put(path(draft) + "/answers", new JsonObject().put("answers", "yes")).statusCode());
    assertEquals(new JsonObject().put("greeted", "yes"), sam.get(path(draft)).bodyAsJsonObject().getJsonObject("answers"));
    HttpResponse<Buffer> early = sam.post(path(draft) + "/submit", new JsonObject());
    assertEquals(400, early.statusCode(), "every question must be answered before it is submitted");
    assertTrue(early.bodyAsJsonObject().getString("message").contains("\"tone\" is not answered"));
    assertEquals("draft", sam.get(path(draft)).bodyAsJsonObject().getString("state"));
  }

  @Test
  void aPublishedScorecardIsNeverChangedOnlyFollowedByANewVersion() {
    JsonObject v1 = sam.get("/api/quality/scorecards/311-contact/1").bodyAsJsonObject();
    JsonObject changed = v1.getJsonObject("definition").copy().put("name", "Easier review");
    HttpResponse<Buffer> overwrite = sam.post("/api/quality/scorecards", new JsonObject().put("id", "311-contact").put("version", 1).put("definition", changed));
    assertEquals(409, overwrite.statusCode());
    assertEquals(v1, sam.get("/api/quality/scorecards/311-contact/1").bodyAsJsonObject());
    assertEquals(404, sam.put("/api/quality/scorecards/311-contact/1", changed).statusCode(), "there is no route that edits a version");
    HttpResponse<Buffer> next = sam.post("/api/quality/scorecards", new JsonObject().put("id", "311-contact").put("definition", changed));
    assertEquals(201, next.statusCode(), next.bodyAsString());
    assertEquals(2, next.bodyAsJsonObject().getInteger("version"));
    assertEquals(403, maria.post("/api/quality/scorecards", new JsonObject().put("id", "mine").put("definition", changed)).statusCode());
    HttpResponse<Buffer> invalid = sam.post("/api/quality/scorecards", new JsonObject().put("id", "bad").put("definition", new JsonObject().put("name", "x")));
    assertEquals(400, invalid.statusCode());

    String record = QualityFixtures.record(gateway.store(), "maria", t0, false);
    JsonObject older = sam.post("/api/quality/evaluations", new JsonObject().put("record", record).put("version", 1)).bodyAsJsonObject();
    assertEquals(1, older.getInteger("version"), "an evaluation keeps the version it was opened on");
  }

  @Test
  void aReviewerNeverScoresTheirOwnRecordNorOneStillOpenNorTwice() {
    HttpResponse<Buffer> own = sam.post("/api/quality/evaluations", new JsonObject().put("record", QualityFixtures.record(gateway.store(), "sam", t0, false)));
    assertEquals(403, own.statusCode());
    assertEquals("own_record", own.bodyAsJsonObject().getString("error"));
    HttpResponse<Buffer> open = sam.post("/api/quality/evaluations", new JsonObject().put("record", QualityFixtures.record(gateway.store(), "maria", t0, true)));
    assertEquals(409, open.statusCode());
    assertEquals("not_reviewable", open.bodyAsJsonObject().getString("error"));
    String record = QualityFixtures.record(gateway.store(), "maria", t0, false);
    opened(sam, record);
    HttpResponse<Buffer> again = rita.post("/api/quality/evaluations", new JsonObject().put("record", record));
    assertEquals(409, again.statusCode(), "a retried or second evaluation of the same record and agent");
    assertEquals(400, sam.post("/api/quality/evaluations", new JsonObject().put("record", record).put("agent", "lee")).statusCode(), "lee never held it");
    assertEquals(404, sam.post("/api/quality/evaluations", new JsonObject().put("record", java.util.UUID.randomUUID().toString())).statusCode());
    assertEquals(400, sam.post("/api/quality/evaluations", new JsonObject().put("record", "../etc")).statusCode());
    assertEquals(409, sam.post("/api/quality/evaluations", new JsonObject().put("record", record).put("version", "1; DROP")).statusCode(),
        "a version that is not a number is taken as the latest, never a server error; the record is already evaluated");
  }

  @Test
  void theWeeklySamplePicksFromEachAgentsResolvedRecords() {
    Instant now = Instant.now();
    for (int i = 0; i < 5; i++) QualityFixtures.record(gateway.store(), "maria", now.minusSeconds(60 * i), false);
    QualityFixtures.record(gateway.store(), "lee", now, false);
    String week = java.time.format.DateTimeFormatter.ISO_WEEK_DATE.format(now.atZone(java.time.ZoneOffset.UTC)).substring(0, 8);
    JsonObject sample = sam.get("/api/quality/sample?week=" + week).bodyAsJsonObject();
    assertEquals(3, sample.getJsonObject("picks").getJsonArray("maria").size(), sample.encode());
    assertEquals(1, sample.getJsonObject("picks").getJsonArray("lee").size());
    assertEquals(sample, sam.get("/api/quality/sample?week=" + week).bodyAsJsonObject(), "the same picks every time it is asked");
    assertEquals(400, sam.get("/api/quality/sample?week=soon").statusCode());
  }

  @Test
  void calibrationShowsEachReviewersDeviationFromTheReference() {
    String record = QualityFixtures.record(gateway.store(), "maria", t0, false);
    HttpResponse<Buffer> session = sam.post("/api/quality/calibrations", new JsonObject().put("record", record));
    assertEquals(201, session.statusCode(), session.bodyAsString());
    String id = session.bodyAsJsonObject().getString("id");
    JsonObject reference = session.bodyAsJsonObject().getJsonObject("reference");
    sam.put(path(reference) + "/answers", new JsonObject().put("answers", QualityFixtures.goodAnswers()));
    sam.post(path(reference) + "/submit", new JsonObject());
    JsonObject ritas = rita.post("/api/quality/evaluations", new JsonObject().put("calibration", id)).bodyAsJsonObject();
    rita.put(path(ritas) + "/answers", new JsonObject().put("answers", QualityFixtures.goodAnswers().put("accurate", "5")));
    rita.post(path(ritas) + "/submit", new JsonObject());

    JsonArray all = sam.get("/api/quality/calibrations/" + id).bodyAsJsonObject().getJsonArray("evaluations");
    JsonObject deviation = all.stream().map(JsonObject.class::cast).filter(e -> e.getString("reviewer").equals("rita")).findFirst().orElseThrow().getJsonObject("deviation");
    assertEquals(new JsonArray().add("accurate"), deviation.getJsonArray("differing"));
    assertEquals(10.4, deviation.getDouble("scoreDifference"), "100.0 against 89.6");
    assertEquals(0, maria.get("/api/quality/evaluations").bodyAsJsonObject().getJsonArray("evaluations").size(), "calibration measures reviewers; the agent does not see it");
    String day = "from=" + t0.minus(Duration.ofDays(1)) + "&to=" + Instant.now().plus(Duration.ofDays(1));
    assertEquals(0, sam.get("/api/quality/averages?" + day).bodyAsJsonObject().getJsonArray("averages").size(), "nor does it count in her averages");
  }
}
