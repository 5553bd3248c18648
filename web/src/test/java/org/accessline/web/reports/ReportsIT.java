package org.accessline.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports through the running gateway: a conversation handled end to end shows in the report and
 * its CSV; only supervisors may run one and a refusal is logged; each run is in the audit log; bad
 * requests are refused with a clear problem and log no report; a category or tag cannot become a
 * spreadsheet formula.
 */
class ReportsIT {
  @TempDir Path work;
  private TestGateway gateway;
  private AgentClient maria;
  private AgentClient sam;
  private ResidentClient resident;
  private final String today = LocalDate.now(ZoneOffset.UTC).toString();

  @BeforeEach
  void start() {
    // A category as an administrator might type it: a spreadsheet would run it as a formula.
    gateway = new TestGateway(work.resolve("data"), java.time.Duration.ofSeconds(30), 4, new JsonObject()
        .put("records", new JsonObject().put("categories", new JsonArray().add("=HYPERLINK(\"http://evil.example\")").add("Streets"))));
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
    sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
  }

  @AfterEach
  void stop() throws Exception {
    resident.close();
    maria.close();
    sam.close();
    gateway.close();
  }

  private void handledConversation() {
    resident.helloNew();
    resident.say("r1", "The streetlight on Birch Lane is out");
    String id = maria.awaitAssignment();
    maria.post("/api/conversations/" + id + "/messages", new JsonObject().put("text", "Thanks, I have filed a repair request."));
    assertEquals(200, maria.put("/api/conversations/" + id + "/details", new JsonObject()
        .put("category", "=HYPERLINK(\"http://evil.example\")").put("tags", new JsonArray().add("lights").add("birch lane"))).statusCode());
    maria.post("/api/conversations/" + id + "/resolve", new JsonObject().put("disposition", "Service request created"));
    resident.awaitEntry("resolved", "the conversation closing");
  }

  private List<JsonObject> audited(String action) {
    return sam.get("/api/audit?limit=1000").bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast)
        .filter(e -> action.equals(e.getString("action"))).toList();
  }

  @Test
  void aSupervisorsReportCountsTheHandledConversationAndIsAudited() {
    handledConversation();
    var answer = sam.get("/api/reports?from=" + today + "&to=" + today + "&bucket=day&group=agent");
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    JsonObject report = answer.bodyAsJsonObject();
    assertEquals(1, report.getJsonArray("rows").size(), report.encodePrettily());
    JsonObject row = report.getJsonArray("rows").getJsonObject(0);
    assertEquals("maria", row.getString("group"));
    JsonObject figures = row.getJsonObject("figures");
    assertEquals(1.0, figures.getDouble("offered"));
    assertEquals(1.0, figures.getDouble("handled"));
    assertEquals(0.0, figures.getDouble("abandoned"));
    assertTrue(figures.getDouble("handleAverage") > 0, "a handle time was measured: " + figures);
    assertEquals(1L, report.getJsonArray("heatmap").stream().flatMap(h -> ((JsonArray) h).stream()).mapToLong(n -> ((Number) n).longValue()).sum());
    List<JsonObject> runs = audited("report");
    assertEquals(1, runs.size());
    assertEquals("sam", runs.get(0).getString("actor"));
    assertTrue(runs.get(0).getString("detail").contains("json report") && runs.get(0).getString("detail").contains("by agent per day"), runs.get(0).encode());
  }

  @Test
  void theCsvHasEveryMetricAndNoFormula() {
    handledConversation();
    var csv = sam.get("/api/reports.csv?from=" + today + "&to=" + today + "&group=category");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.getHeader("Content-Type").startsWith("text/csv"));
    String[] lines = csv.bodyAsString().split("\r\n");
    assertEquals("group,bucket_start,offered,handled,abandoned,abandonment_rate,service_level,first_response_seconds,handle_average_seconds,"
        + "handle_p90_seconds,wait_average_seconds,transfers,escalations,emergencies", lines[0]);
    assertEquals(2, lines.length, csv.bodyAsString());
    assertTrue(lines[1].startsWith("\"'=HYPERLINK(\"\"http://evil.example\"\")\",\"" + today + "T00:00\",1,1,0,0.0000,"), lines[1]);
    var tags = sam.get("/api/reports.csv?from=" + today + "&to=" + today + "&group=tag").bodyAsString().split("\r\n");
    assertEquals(3, tags.length, "one line per tag");
    assertEquals(2, audited("report").stream().filter(e -> e.getString("detail").startsWith("csv report")).count());
  }

  @Test
  void anAgentIsRefusedAndTheRefusalIsLogged() {
    handledConversation();
    for (String path : new String[] {"/api/reports?from=" + today + "&to=" + today, "/api/reports.csv?from=" + today + "&to=" + today, "/api/reports/settings"}) {
      var refused = maria.get(path);
      assertEquals(403, refused.statusCode(), path);
      assertEquals("supervisors_only", refused.bodyAsJsonObject().getString("error"));
    }
    assertEquals(3, audited("refused").stream().filter(e -> "maria".equals(e.getString("actor")) && "reports".equals(e.getString("target"))).count());
    assertTrue(audited("report").isEmpty(), "nothing was run");
    assertEquals(401, new AgentClient(gateway.vertx, gateway.port()).get("/api/reports?from=" + today + "&to=" + today).statusCode());
  }

  @Test
  void badRequestsAreRefusedClearlyAndRunNothing() {
    String[] bad = {"", "from=2026-02-30&to=2026-03-01", "from=2026-03-02&to=2026-03-01", "from=2026-03-01&to=2026-03-01&bucket=year",
        "from=2026-03-01&to=2026-03-01&group=contact", "from=2024-01-01&to=2026-01-01", "from=2026-01-01&to=2026-03-01&bucket=15m"};
    for (String query : bad) {
      var refused = sam.get("/api/reports?" + query);
      assertEquals(400, refused.statusCode(), query);
      assertEquals("bad_report", refused.bodyAsJsonObject().getString("error"));
      assertFalse(refused.bodyAsJsonObject().getString("message").isBlank());
    }
    assertTrue(audited("report").isEmpty(), "a refused request runs and logs no report");
  }

  @Test
  void theSettingsGiveTheZoneAndTargetsTheDashboardReads() {
    JsonObject settings = sam.get("/api/reports/settings").bodyAsJsonObject();
    assertEquals("UTC", settings.getString("timeZone"));
    assertEquals(new JsonObject().put("percent", 80).put("seconds", 20L), settings.getJsonObject("serviceLevel").getJsonObject("channels").getJsonObject("sms"));
    assertEquals(60L, settings.getJsonObject("serviceLevel").getJsonObject("channels").getJsonObject("tty").getLong("seconds"));
  }

  @Test
  void theWorkReportCountsFollowUpsDoneAndOverdueAndIsAuditedAndRefusedToAgents() {
    java.time.Instant now = java.time.Instant.now();
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    var followUps = gateway.store().followUps();
    var origin = org.accessline.gateway.conversation.ConversationId.random();
    var late = org.accessline.gateway.followup.FollowUp.scheduled("f-late", origin, java.util.Optional.empty(), org.accessline.gateway.followup.FollowUpChannel.TASK,
        org.accessline.gateway.followup.Owner.agent("maria"), now.minus(java.time.Duration.ofHours(1)), "call the crew back", now.minus(java.time.Duration.ofHours(2)), "maria");
    var done = org.accessline.gateway.followup.FollowUp.scheduled("f-done", origin, java.util.Optional.empty(), org.accessline.gateway.followup.FollowUpChannel.TASK,
        org.accessline.gateway.followup.Owner.agent("maria"), now.plus(java.time.Duration.ofHours(1)), "check the light", now.minus(java.time.Duration.ofHours(2)), "maria");
    followUps.create(late).await();
    followUps.create(done).await();
    followUps.update(org.accessline.gateway.followup.FollowUpRules.done(done, java.util.Optional.empty(), "light fixed", now), org.accessline.gateway.followup.FollowUpState.SCHEDULED).await();
    String range = "from=" + yesterday + "&to=" + today;
    var answer = sam.get("/api/reports/work?" + range);
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    JsonObject work = answer.bodyAsJsonObject();
    assertEquals(new JsonObject().put("done", 1L).put("overdue", 1L), work.getJsonObject("followUps"), work.encodePrettily());
    assertEquals(0L, work.getJsonObject("referrals").getLong("total"));
    assertEquals(null, work.getJsonObject("quality").getValue("overall"), "no evaluation, no average (not zero)");
    String[] csv = sam.get("/api/reports/work.csv?" + range).bodyAsString().split("\r\n");
    assertEquals(List.of("section,name,count,average_percent,flagged", "follow_ups,\"done\",1,,", "follow_ups,\"overdue\",1,,"), List.of(csv));
    assertEquals(2, audited("report").stream().filter(e -> e.getString("detail").contains("work report")).count());
    assertEquals(403, maria.get("/api/reports/work?" + range).statusCode());
    assertEquals(403, maria.get("/api/reports/work.csv?" + range).statusCode());
    var bad = sam.get("/api/reports/work?from=" + today + "&to=" + yesterday);
    assertEquals(400, bad.statusCode());
    assertEquals("bad_report", bad.bodyAsJsonObject().getString("error"));
    assertEquals(2, audited("report").size(), "refused and bad requests run nothing");
  }
}
