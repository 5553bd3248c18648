package org.accessline.web.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.directory.ReferralCount;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory on the real gateway: editors change it (audited), agents search it, imports are all or nothing, and a referral lands on the record as data. */
class DirectoryIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient maria;
  private AgentClient lee;
  private AgentClient sam;

  @BeforeEach
  void start() {
    gateway = new TestGateway(dataDir, java.time.Duration.ofSeconds(30), 4, new JsonObject()
        .put("directory", new JsonObject().put("synonyms", new JsonArray().add(new JsonArray().add("trash").add("garbage"))).put("staleAfterDays", 30)));
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
    sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
  }

  @AfterEach
  void stop() {
    maria.close();
    lee.close();
    sam.close();
    gateway.close();
  }

  static JsonObject agency() {
    return new JsonObject().put("name", "Department of Sanitation").put("timeZone", "America/Chicago").put("closedOn", new JsonArray().add("2026-12-25"));
  }

  static JsonObject bulk() {
    return new JsonObject().put("agencyId", "sanitation").put("name", "Bulk trash pickup").put("description", "Large items at the curb")
        .put("languages", new JsonArray().add("en").add("es")).put("hours", new JsonArray().add("mon 08:00-16:00"))
        .put("reach", new JsonObject().put("phone", "555-0101").put("tty", "555-0102"));
  }

  private List<String> found(AgentClient who, String query) {
    HttpResponse<Buffer> r = who.get("/api/directory/search?" + query);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("results").stream().map(JsonObject.class::cast).map(h -> h.getJsonObject("service").getString("id")).toList();
  }

  @Test
  void editorsChangeTheDirectoryAgentsSearchItAndEveryChangeIsAudited() {
    assertEquals(403, maria.put("/api/directory/agencies/sanitation", agency()).statusCode(), "an agent is no directory editor");
    assertEquals(200, sam.put("/api/directory/agencies/sanitation", agency()).statusCode());
    HttpResponse<Buffer> saved = sam.put("/api/directory/services/bulk-trash", bulk());
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    assertEquals("sam", saved.bodyAsJsonObject().getString("updatedBy"));

    assertEquals(List.of("bulk-trash"), found(maria, "q=garbage"), "by a configured synonym");
    assertEquals(List.of("bulk-trash"), found(maria, "q=trash&tty=true&language=es"));
    assertEquals(List.of(), found(maria, "q=trash&language=vi"));
    assertEquals(List.of("bulk-trash"), found(maria, "q=&limit=5"));
    assertEquals(400, maria.get("/api/directory/search?limit=0").statusCode());
    assertEquals(400, maria.get("/api/directory/search?language=%27%3B").statusCode());

    JsonObject stale = maria.get("/api/directory/stale").bodyAsJsonObject();
    assertEquals("bulk-trash", stale.getJsonArray("results").getJsonObject(0).getJsonObject("service").getString("id"), "never verified is stale");
    assertEquals(403, maria.post("/api/directory/services/bulk-trash/verify", new JsonObject()).statusCode());
    JsonObject verified = sam.post("/api/directory/services/bulk-trash/verify", new JsonObject()).bodyAsJsonObject();
    assertEquals("sam", verified.getString("verifiedBy"));
    assertEquals(0, maria.get("/api/directory/stale").bodyAsJsonObject().getJsonArray("results").size());
    assertEquals("sam", sam.put("/api/directory/services/bulk-trash", bulk().put("name", "Bulk item pickup")).bodyAsJsonObject().getString("verifiedBy"),
        "an edit keeps who verified it");

    List<AuditEvent> audit = gateway.store().auditTrail(Optional.empty(), 50).await();
    assertTrue(audit.stream().anyMatch(e -> e.actor().equals("sam") && e.action().equals("directory_verify") && e.target().equals("service bulk-trash")));
    assertEquals(2, audit.stream().filter(e -> e.action().equals("directory_service")).count());
    assertTrue(audit.stream().anyMatch(e -> e.action().equals("directory_agency") && e.target().equals("agency sanitation")));
  }

  @Test
  void badEntriesAreRefusedWithEveryProblemAndChangeNothing() {
    sam.put("/api/directory/agencies/sanitation", agency());
    HttpResponse<Buffer> r = sam.put("/api/directory/services/bulk-trash", bulk().put("hours", new JsonArray().add("someday")).put("languages", "en"));
    assertEquals(400, r.statusCode());
    assertEquals(2, r.bodyAsJsonObject().getJsonArray("problems").size(), r.bodyAsString());
    assertEquals(400, sam.put("/api/directory/services/orphan", bulk().put("agencyId", "nobody")).statusCode());
    assertEquals(400, sam.put("/api/directory/agencies/x", agency().put("timeZone", "Mars/Olympus")).statusCode());
    HttpResponse<Buffer> link = sam.put("/api/directory/services/bulk-trash", bulk().put("reach", new JsonObject().put("web", "javascript:alert(1)")
        .put("tty", "press 1")));
    assertEquals(400, link.statusCode(), link.bodyAsString());
    assertEquals(List.of("\"reach.tty\" must be a phone number such as +15551230000 or (312) 555-0101; \"press 1\" is not.",
        "\"reach.web\" must be an http or https address such as https://example.org; \"javascript:alert(1)\" is not."),
        link.bodyAsJsonObject().getJsonArray("problems").getList(), "each bad contact field named");
    HttpResponse<Buffer> agencyLink = sam.put("/api/directory/agencies/sanitation", agency().put("reach", new JsonObject().put("web", "data:text/html,x")));
    assertEquals(400, agencyLink.statusCode(), agencyLink.bodyAsString());
    assertTrue(agencyLink.bodyAsJsonObject().getString("message").startsWith("\"reach.web\""), agencyLink.bodyAsString());
    HttpResponse<Buffer> disguised = sam.put("/api/directory/services/bulk-trash", bulk().put("name", "Bulk\u202etrash").put("description", "a\u0000b"));
    assertEquals(400, disguised.statusCode(), disguised.bodyAsString());
    assertEquals(2, disguised.bodyAsJsonObject().getJsonArray("problems").size(), disguised.bodyAsString());
    assertEquals(404, maria.get("/api/directory/services/bulk-trash").statusCode());
    assertEquals(404, maria.get("/api/directory/services/..%2Fx").statusCode());
  }

  @Test
  void anImportIsAllOrNothingAndListsTheBadRows() {
    sam.put("/api/directory/agencies/sanitation", agency());
    sam.put("/api/directory/services/bulk-trash", bulk());
    String csv = sam.get("/api/directory/export.csv").bodyAsString();
    assertTrue(csv.startsWith(String.join(",", DirectoryCsv.HEADER)), csv);
    String changedAndBroken = csv.replace("Bulk trash pickup", "Bulky items") + csv.split("\r\n")[1].replace("bulk-trash", "other").replace("mon 08:00-16:00", "mon 9-5")
        + "\r\n";
    HttpResponse<Buffer> refused = sam.post("/api/directory/import?format=csv", new JsonObject().put("csv", changedAndBroken));
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertTrue(refused.bodyAsJsonObject().getJsonArray("problems").getString(0).startsWith("Line 3: "), refused.bodyAsString());
    assertEquals("Bulk trash pickup", maria.get("/api/directory/services/bulk-trash").bodyAsJsonObject().getJsonObject("service").getString("name"),
        "nothing of a refused import is saved");
    assertEquals(403, maria.post("/api/directory/import?format=csv", new JsonObject().put("csv", csv)).statusCode());
    assertEquals(400, sam.post("/api/directory/import?format=csv", new JsonObject().put("text", csv)).statusCode());

    String hsds = sam.get("/api/directory/export.json").bodyAsString();
    HttpResponse<Buffer> ok = sam.request(HttpMethod.POST, "/api/directory/import?format=hsds").putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(hsds.replace("Bulk trash pickup", "Bulky items"))).await();
    assertEquals(200, ok.statusCode(), ok.bodyAsString());
    assertEquals("Bulky items", maria.get("/api/directory/services/bulk-trash").bodyAsJsonObject().getJsonObject("service").getString("name"));
    assertTrue(gateway.store().auditTrail(Optional.of("directory"), 10).await().stream().anyMatch(e -> e.action().equals("directory_import")));
  }

  @Test
  void aReferralIsPreviewedForTheChannelAndRecordedOnceAsData() {
    sam.put("/api/directory/agencies/sanitation", agency());
    sam.put("/api/directory/services/bulk-trash", bulk());
    sam.put("/api/directory/services/yard-waste", bulk().put("name", "Yard waste"));
    maria.available();
    ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port());
    try {
      resident.helloNew();
      String conversation = resident.say("r1", "My couch needs to go").getString("conversationId");
      assertEquals(conversation, maria.awaitAssignment());
      HttpResponse<Buffer> preview = maria.get("/api/conversations/" + conversation + "/referral-preview?service=bulk-trash");
      assertEquals(200, preview.statusCode(), preview.bodyAsString());
      assertTrue(preview.bodyAsJsonObject().getString("text").startsWith("Bulk trash pickup, Department of Sanitation\n"), "web chat takes it whole");
      assertEquals(403, lee.get("/api/conversations/" + conversation + "/referral-preview?service=bulk-trash").statusCode(), "not lee's conversation");

      JsonObject referral = new JsonObject().put("serviceId", "bulk-trash").put("requestId", "ref-0001-aaaa");
      assertEquals(403, lee.post("/api/conversations/" + conversation + "/referrals", referral).statusCode());
      HttpResponse<Buffer> first = maria.post("/api/conversations/" + conversation + "/referrals", referral);
      assertEquals(200, first.statusCode(), first.bodyAsString());
      HttpResponse<Buffer> again = maria.post("/api/conversations/" + conversation + "/referrals", referral);
      assertEquals(true, again.bodyAsJsonObject().getBoolean("duplicate"), "a retry records nothing more");
      assertEquals(first.bodyAsJsonObject().getLong("seq"), again.bodyAsJsonObject().getLong("seq"));
      HttpResponse<Buffer> reused = maria.post("/api/conversations/" + conversation + "/referrals", referral.copy().put("serviceId", "yard-waste"));
      assertEquals(409, reused.statusCode(), "the same request id naming another service is a conflict, not a second referral: " + reused.bodyAsString());
      assertEquals("request_reused", reused.bodyAsJsonObject().getString("error"), reused.bodyAsString());
      assertEquals(400, maria.post("/api/conversations/" + conversation + "/referrals", new JsonObject().put("serviceId", "bulk-trash")).statusCode());
      assertEquals(404, maria.post("/api/conversations/" + conversation + "/referrals", referral.copy().put("serviceId", "nope").put("requestId", "ref-0002-aaaa"))
          .statusCode());

      List<ConversationEvent.Referred> onRecord = gateway.store().entries(new ConversationId(conversation), 0).await().stream()
          .filter(e -> e.event() instanceof ConversationEvent.Referred).map(e -> (ConversationEvent.Referred) e.event()).toList();
      assertEquals(List.of(new ConversationEvent.Referred("sanitation", "Department of Sanitation", "bulk-trash", "Bulk trash pickup",
          java.util.Map.of("phone", "555-0101", "tty", "555-0102"))), onRecord);
      assertEquals(List.of(new ReferralCount("sanitation", "Department of Sanitation", 1)),
          gateway.store().directory().referralsByAgency(Instant.now().minusSeconds(600), Instant.now().plusSeconds(60)).await());
      assertTrue(gateway.store().auditTrail(Optional.of(conversation), 20).await().stream().anyMatch(e -> e.action().equals("refer")),
          "writing into the record is audited as its reads are");
    } finally {
      resident.close();
    }
  }
}
