package org.accessline.web.followups;

import static org.accessline.web.support.SmsTexts.INBOUND;
import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioApi;
import org.accessline.web.support.SmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-ups through the real gateway: made from a record, reminded, alerted when overdue, done by text with consent checked at send time. */
class FollowUpsIT {
  private static final String RESIDENT = "+15551230777";

  @TempDir Path dataDir;
  private SmsGateway sms;
  private AgentClient sam;

  @BeforeEach
  void start() {
    // Overdue as soon as due, so the supervisors' alert need not wait.
    sms = new SmsGateway(dataDir, 4, new JsonObject(), new JsonObject().put("followUps", new JsonObject().put("overdueMinutes", 0)));
    sam = new AgentClient(sms.gateway.vertx, sms.gateway.port()).signedIn("sam");
  }

  @AfterEach
  void stop() {
    sam.close();
    sms.close();
  }

  /** A resident texts in and Maria has the conversation. */
  private String conversationWith(String number) {
    var answer = sms.webhooks.post(INBOUND, text(sms.nextSid(), number, "The streetlight on Oak St is out"));
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    return sms.maria.awaitAssignment();
  }

  private JsonObject followUp(String record, Instant due, String channel) {
    var made = sms.maria.post("/api/records/" + record + "/follow-ups", new JsonObject().put("due", due.toString()).put("owner", "agent:maria")
        .put("channel", channel).put("note", "tell them when the light is fixed"));
    assertEquals(201, made.statusCode(), made.bodyAsString());
    return made.bodyAsJsonObject();
  }

  private void resolve(String record) {
    var r = sms.maria.post("/api/conversations/" + record + "/resolve", new JsonObject().put("disposition", "reported"));
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  private FakeTwilioApi.Sent sentWithBody(String body) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      var found = sms.twilio.sent().stream().filter(s -> body.equals(s.fields().get("Body"))).findFirst();
      if (found.isPresent()) return found.get();
      Thread.onSpinWait();
    }
    throw new AssertionError("Twilio was never asked to send " + body);
  }

  private JsonArray ofRecord(String record) {
    var r = sms.maria.get("/api/records/" + record + "/follow-ups");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("followUps");
  }

  private List<String> audited(String record) {
    JsonArray events = sam.get("/api/audit?record=" + record + "&limit=200").bodyAsJsonObject().getJsonArray("events");
    return events.stream().map(e -> ((JsonObject) e).getString("action")).toList();
  }

  @Test
  void aFollowUpIsRemindedWhenDueAlertedWhenOverdueAndDoneByTextInANewConversationLinkedBothWays() {
    sms.maria.available();
    sam.openConsole();
    String origin = conversationWith(RESIDENT);
    var consent = sms.maria.post("/api/conversations/" + origin + "/consent", new JsonObject().put("granted", true).put("how", "agreed to a text when it is fixed"));
    assertEquals(201, consent.statusCode(), consent.bodyAsString());
    JsonObject made = followUp(origin, Instant.now().plusSeconds(1), "text");
    assertEquals("scheduled", made.getString("phase"));
    assertEquals(RESIDENT, made.getString("number"));
    resolve(origin);

    JsonObject due = sms.maria.frames.await("the reminder", f -> "follow-up-due".equals(f.getString("type")) || "follow-up-overdue".equals(f.getString("type")), 5_000);
    assertEquals(made.getString("id"), due.getString("followUpId"));
    JsonObject overdue = sam.frames.await("the supervisors' alert", f -> "follow-up-overdue".equals(f.getString("type")), 5_000);
    assertEquals(made.getString("id"), overdue.getString("followUpId"));
    assertTrue(!due.containsKey("note") && !due.containsKey("number"), "a pushed frame names the follow-up; what it says is read through the audited API");

    JsonArray mine = sms.maria.get("/api/follow-ups/mine").bodyAsJsonObject().getJsonArray("followUps");
    assertEquals(1, mine.size());
    assertEquals("overdue", mine.getJsonObject(0).getString("phase"));
    assertEquals(403, sms.maria.get("/api/follow-ups").statusCode(), "only supervisors see every follow-up");
    assertEquals(1, sam.get("/api/follow-ups").bodyAsJsonObject().getJsonArray("followUps").size());

    var done = sms.maria.post("/api/follow-ups/" + made.getString("id") + "/do", new JsonObject().put("text", "The Oak St light is fixed. Thanks for telling us!"));
    assertEquals(200, done.statusCode(), done.bodyAsString());
    assertEquals("done", done.bodyAsJsonObject().getString("state"));
    String linked = done.bodyAsJsonObject().getString("conversationId");
    FakeTwilioApi.Sent sent = sentWithBody("The Oak St light is fixed. Thanks for telling us!");
    assertEquals(RESIDENT, sent.fields().get("To"));

    JsonObject opened = sms.maria.recordEntries(linked).getJsonObject(0).getJsonObject("event");
    assertEquals("opened", opened.getString("kind"));
    assertEquals(origin, opened.getString("previous"), "the new record links back to the one it follows up, in its opening entry");
    assertTrue(sms.maria.recordEntries(origin).stream().map(e -> ((JsonObject) e).getJsonObject("event").getString("text", ""))
        .anyMatch(t -> t.contains(linked)), "the followed-up record notes the new one, inside its own chain");
    assertEquals(409, sms.maria.post("/api/follow-ups/" + made.getString("id") + "/do", new JsonObject().put("text", "again")).statusCode(),
        "a done follow-up is not done twice");
    assertTrue(audited(origin).containsAll(List.of("consent_granted", "follow_up_created", "follow_up_done", "read_follow_up")), audited(origin).toString());
  }

  @Test
  void withoutConsentOnTheLedgerNothingIsSentAndTheRefusalIsRecorded() {
    sms.maria.available();
    String origin = conversationWith("+15551230888");
    JsonObject made = followUp(origin, Instant.now(), "text");
    resolve(origin);
    var refused = sms.maria.post("/api/follow-ups/" + made.getString("id") + "/do", new JsonObject().put("text", "Hello again"));
    assertEquals(409, refused.statusCode());
    assertEquals("no_consent", refused.bodyAsJsonObject().getString("error"));
    JsonObject after = ofRecord(origin).getJsonObject(0);
    assertEquals("scheduled", after.getString("state"));
    assertEquals(0, after.getInteger("attempts"));
    assertTrue(after.getString("lastOutcome").startsWith("Not sent"), after.encode());
    assertEquals(0, sms.twilio.sent().size());
    assertTrue(audited(origin).contains("follow_up_refused"));
  }

  @Test
  void anOptOutAfterConsentWasGivenRefusesTheTextAndRevokesTheLedger() {
    sms.maria.available();
    String origin = conversationWith("+15551230999");
    sms.maria.post("/api/conversations/" + origin + "/consent", new JsonObject().put("granted", true).put("how", "yes, text me"));
    JsonObject made = followUp(origin, Instant.now(), "text");
    var stop = sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230999", "STOP"));
    assertEquals(200, stop.statusCode());
    resolve(origin);
    var refused = sms.maria.post("/api/follow-ups/" + made.getString("id") + "/do", new JsonObject().put("text", "Hello again"));
    assertEquals(409, refused.statusCode(), refused.bodyAsString());
    assertEquals("consent_revoked", refused.bodyAsJsonObject().getString("error"));
    JsonObject ledger = sms.maria.get("/api/records/" + origin + "/consent").bodyAsJsonObject();
    assertEquals(false, ledger.getBoolean("granted"));
    assertEquals(2, ledger.getJsonArray("consent").size());
    assertEquals(0, sms.twilio.sent().stream().filter(s -> "Hello again".equals(s.fields().get("Body"))).count());
  }

  @Test
  void aRevocationTheResidentAskedForIsRecordedByTheAgentOrASupervisorAuditedAndConfirmedOnce() throws Exception {
    sms.maria.available();
    String number = "+15551230555";
    String origin = conversationWith(number);
    sms.maria.post("/api/conversations/" + origin + "/consent", new JsonObject().put("granted", true).put("how", "yes, text me"));
    JsonObject made = followUp(origin, Instant.now(), "text");
    String confirmation = ConsentApi.REVOKED_CONFIRMATION;
    JsonObject revoke = new JsonObject().put("granted", false).put("how", "asked not to be texted after all");
    var revoked = sms.maria.post("/api/conversations/" + origin + "/consent", revoke);
    assertEquals(201, revoked.statusCode(), revoked.bodyAsString());
    assertEquals(true, revoked.bodyAsJsonObject().getBoolean("confirmed"));
    long deadline = System.currentTimeMillis() + 15_000;
    while (sms.twilio.sent().stream().noneMatch(t -> confirmation.equals(t.fields().get("Body"))) && System.currentTimeMillis() < deadline) Thread.sleep(50);
    assertTrue(sms.twilio.sent().stream().anyMatch(t -> confirmation.equals(t.fields().get("Body")) && number.equals(t.fields().get("To"))),
        "confirmed to the resident: " + sms.maria.recordEntries(origin).encode());
    var again = sms.maria.post("/api/conversations/" + origin + "/consent", revoke);
    assertEquals(201, again.statusCode(), again.bodyAsString());
    assertEquals(false, again.bodyAsJsonObject().getBoolean("confirmed"), "consent already withdrawn: nothing more to confirm");
    var bySupervisor = sam.post("/api/conversations/" + origin + "/consent", revoke.copy().put("how", "told the supervisor too"));
    assertEquals(201, bySupervisor.statusCode(), bySupervisor.bodyAsString());
    Thread.sleep(500);
    assertEquals(1, sms.twilio.sent().stream().filter(s -> confirmation.equals(s.fields().get("Body"))).count(), "one confirmation on revocation");

    JsonArray ledger = sms.maria.get("/api/records/" + origin + "/consent").bodyAsJsonObject().getJsonArray("consent");
    assertEquals(List.of(true, false, false, false), ledger.stream().map(l -> ((JsonObject) l).getBoolean("granted")).toList(), "the ledger only grows");
    assertEquals(List.of("maria", "maria", "maria", "sam"), ledger.stream().map(l -> ((JsonObject) l).getString("by")).toList());
    assertEquals(3, audited(origin).stream().filter("consent_revoked"::equals).count(), audited(origin).toString());
    var refused = sms.maria.post("/api/follow-ups/" + made.getString("id") + "/do", new JsonObject().put("text", "Hello again"));
    assertEquals(409, refused.statusCode(), refused.bodyAsString());
    assertEquals("consent_revoked", refused.bodyAsJsonObject().getString("error"));
  }

  @Test
  void badFollowUpsAreRefusedWithAProblemAndChangeNothing() {
    sms.maria.available();
    String origin = conversationWith("+15551230111");
    String path = "/api/records/" + origin + "/follow-ups";
    String soon = Instant.now().plusSeconds(60).toString();
    for (JsonObject bad : List.of(
        new JsonObject().put("owner", "agent:maria").put("channel", "text"),
        new JsonObject().put("due", "tomorrow").put("owner", "agent:maria").put("channel", "text"),
        new JsonObject().put("due", Instant.now().plus(Duration.ofDays(400)).toString()).put("owner", "agent:maria").put("channel", "text"),
        new JsonObject().put("due", soon).put("owner", "agent:nobody").put("channel", "text"),
        new JsonObject().put("due", soon).put("owner", "queue:nowhere").put("channel", "text"),
        new JsonObject().put("due", soon).put("owner", "agent:maria").put("channel", "pigeon"),
        new JsonObject().put("due", soon).put("owner", "agent:maria").put("channel", "chat-link"),
        // No followUps.callerNumber here: no call could be placed when it falls due.
        new JsonObject().put("due", soon).put("owner", "agent:maria").put("channel", "tty-call"),
        new JsonObject().put("due", soon).put("owner", "agent:maria").put("channel", "text").put("note", "x".repeat(1001)),
        new JsonObject().put("due", soon).put("owner", "agent:maria").put("channel", "text").put("number", "555-1234"),
        new JsonObject().put("due", soon).put("owner", "agent:maria").put("channel", "text").put("extra", 1),
        new JsonObject().put("due", soon).put("owner", "agent:maria").put("channel", "text").put("id", "not-a-uuid"))) {
      var r = sms.maria.post(path, bad);
      assertEquals(400, r.statusCode(), bad.encode() + " -> " + r.bodyAsString());
      assertEquals("invalid_follow_up", r.bodyAsJsonObject().getString("error"));
    }
    assertEquals(0, ofRecord(origin).size());
    assertEquals(400, sms.maria.request(io.vertx.core.http.HttpMethod.POST, path).putHeader("Content-Type", "application/json").sendBuffer(io.vertx.core.buffer.Buffer.buffer("[1]"))
        .await().statusCode());
  }

  @Test
  void aRetriedCreateMakesOneFollowUpAndOnlyThoseWhoMayReadTheRecordMakeOne() {
    sms.maria.available();
    String origin = conversationWith("+15551230222");
    JsonObject body = new JsonObject().put("id", UUID.randomUUID().toString()).put("due", Instant.now().plusSeconds(600).toString()).put("owner", "queue:general")
        .put("channel", "task");
    assertEquals(201, sms.maria.post("/api/records/" + origin + "/follow-ups", body).statusCode());
    assertEquals(200, sms.maria.post("/api/records/" + origin + "/follow-ups", body).statusCode(), "the same id again is the first one");
    assertEquals(1, ofRecord(origin).size());
    try (AgentClient lee = new AgentClient(sms.gateway.vertx, sms.gateway.port()).signedIn("lee")) {
      body.put("id", UUID.randomUUID().toString());
      assertEquals(403, lee.post("/api/records/" + origin + "/follow-ups", body).statusCode(), "lee took no part in the record");
      assertEquals(403, lee.post("/api/conversations/" + origin + "/consent", new JsonObject().put("granted", true).put("how", "forged")).statusCode());
      JsonArray leeSees = lee.get("/api/follow-ups/mine").bodyAsJsonObject().getJsonArray("followUps");
      assertEquals(1, leeSees.size(), "a queue's follow-up is for whoever works the queue");
    }
    assertTrue(audited(origin).contains("refused"));
  }

  @Test
  void pendingFollowUpsSurviveARestartAndTheirOwnerIsStillReminded() {
    sms.maria.available();
    String origin = conversationWith("+15551230333");
    Instant dueAt = Instant.now().plusSeconds(6);
    JsonObject made = followUp(origin, dueAt, "task");
    sms.gateway.restart();
    AgentClient maria = sms.signMariaInAgain();
    maria.openConsole();
    if (Instant.now().isBefore(dueAt.minusSeconds(1))) {
      JsonObject due = maria.frames.await("the reminder after a restart", f -> made.getString("id").equals(f.getString("followUpId")), 15_000);
      assertTrue(due.getString("type").startsWith("follow-up-"));
    } else {
      // The restart outlasted the due time (a busy machine): the reminder went out before the console was back, and the list still shows it.
      String phase = maria.get("/api/follow-ups/mine").bodyAsJsonObject().getJsonArray("followUps").getJsonObject(0).getString("phase");
      assertTrue(List.of("due", "overdue").contains(phase), phase);
    }
    var done = maria.post("/api/follow-ups/" + made.getString("id") + "/do", new JsonObject().put("text", "called the crew; fixed"));
    assertEquals(200, done.statusCode(), done.bodyAsString());
    assertEquals("done by maria: called the crew; fixed", done.bodyAsJsonObject().getString("lastOutcome"));
    assertEquals(new AgentId("maria").value(), done.bodyAsJsonObject().getString("createdBy"));
  }
}
