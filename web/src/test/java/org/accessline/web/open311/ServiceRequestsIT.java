package org.accessline.web.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service requests on the real gateway against the stand-in GeoReport server: made, followed, refused, kept while the endpoint is away. */
class ServiceRequestsIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private FakeGeoReport city;
  private AgentClient maria;
  private AgentClient lee;
  private ResidentClient resident;
  private String conversation;

  private void start(String format) {
    io.vertx.core.Vertx cityVertx = io.vertx.core.Vertx.vertx();
    city = new FakeGeoReport(cityVertx);
    city.start();
    JsonObject open311 = new JsonObject().put("baseUrl", city.baseUrl()).put("apiKey", FakeGeoReport.API_KEY).put("format", format).put("pollSeconds", 0.2)
        .put("firstRetryMillis", 200).put("longestRetrySeconds", 1).put("answerTimeoutMillis", 2000);
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, new JsonObject().put("open311", open311));
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
    maria.available();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.helloNew();
    conversation = resident.say("r1", "There is a huge pothole outside 1200 W Elm St, my tire popped").getString("conversationId");
    assertEquals(conversation, maria.awaitAssignment());
  }

  @AfterEach
  void stop() {
    if (resident != null) resident.close();
    if (maria != null) maria.close();
    if (lee != null) lee.close();
    if (gateway != null) gateway.close();
    if (city != null) city.stop();
  }

  private String path() {
    return "/api/conversations/" + conversation + "/service-requests";
  }

  private JsonObject form(String key) {
    return new JsonObject().put("requestKey", key).put("serviceCode", "POTHOLE").put("description", "Huge pothole, tire popped").put("address", "1200 W Elm St")
        .put("attributes", new JsonObject().put("WHERE", "street").put("DEPTH", "6").put("HAZARDS", new JsonArray().add("water")));
  }

  private JsonObject awaitRequest(String id, Predicate<JsonObject> until) {
    long deadline = System.currentTimeMillis() + 15_000;
    JsonObject last = null;
    while (System.currentTimeMillis() < deadline) {
      for (Object o : maria.get(path()).bodyAsJsonObject().getJsonArray("requests")) {
        JsonObject r = (JsonObject) o;
        if (r.getString("id").equals(id)) last = r;
      }
      if (last != null && until.test(last)) return last;
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the request never got there: " + last);
  }

  private void loadDefinition() {
    HttpResponse<Buffer> services = maria.get("/api/open311/services");
    assertEquals(200, services.statusCode(), services.bodyAsString());
    assertEquals(List.of("POTHOLE", "GRAFFITI"), services.bodyAsJsonObject().getJsonArray("services").stream().map(s -> ((JsonObject) s).getString("code")).toList());
    JsonObject definition = maria.get("/api/open311/services/POTHOLE").bodyAsJsonObject();
    assertEquals(List.of("WHERE", "DEPTH", "SEEN", "HAZARDS", "NOTES", "INFO"),
        definition.getJsonArray("attributes").stream().map(a -> ((JsonObject) a).getString("code")).toList());
  }

  @Test
  void aRequestIsMadeFromTheConversationPrefilledGetsItsIdAndItsStatusIsFollowedUntilClosed() {
    start("xml");
    JsonObject listed = maria.get(path()).bodyAsJsonObject();
    assertEquals("1200 W Elm St", listed.getJsonObject("draft").getString("address"), "the address is guessed from what the resident wrote");
    assertTrue(listed.getJsonObject("draft").getString("description").contains("tire popped"));
    loadDefinition();

    String key = UUID.randomUUID().toString();
    HttpResponse<Buffer> made = maria.post(path(), form(key));
    assertEquals(202, made.statusCode(), made.bodyAsString());
    assertEquals(200, maria.post(path(), form(key)).statusCode(), "the same form sent twice is one request");
    JsonObject open = awaitRequest(key, r -> "open".equals(r.getString("state")));
    String id = open.getString("serviceRequestId");
    assertNotNull(id);
    assertEquals(1, city.posts().size(), "sent once");
    assertEquals("street", city.posts().get(0).get("attribute[WHERE]"));
    assertEquals(List.of("water"), city.posts().get(0).getAll("attribute[HAZARDS][]"));
    assertEquals("1200 W Elm St", city.posts().get(0).get("address_string"));
    assertEquals(FakeGeoReport.API_KEY, city.posts().get(0).get("api_key"));

    city.setStatus(id, "closed", "Filled by crew 7");
    JsonObject closed = awaitRequest(key, r -> "closed".equals(r.getString("state")));
    assertEquals("Filled by crew 7", closed.getString("statusNotes"));
    assertEquals(403, lee.get(path()).statusCode(), "not lee's conversation");
    assertEquals(403, lee.post(path(), form(UUID.randomUUID().toString())).statusCode());
    assertTrue(gateway.store().auditTrail(java.util.Optional.of(conversation), 100).await().stream()
        .anyMatch(e -> e.action().equals("service_request") && e.actor().equals("maria")), "making a request is audited");
    assertTrue(gateway.store().auditTrail(java.util.Optional.of(conversation), 100).await().stream()
        .anyMatch(e -> e.action().equals("refused") && e.actor().equals("lee")), "a refused read is audited");
  }

  @Test
  void aTokenIsFollowedUntilTheEndpointGivesTheId() {
    start("json");
    city.tokenMode(true, 2);
    loadDefinition();
    String key = UUID.randomUUID().toString();
    assertEquals(202, maria.post(path(), form(key)).statusCode());
    JsonObject waiting = awaitRequest(key, r -> "awaiting_id".equals(r.getString("state")));
    assertTrue(waiting.getString("token").startsWith("tok-"));
    JsonObject open = awaitRequest(key, r -> "open".equals(r.getString("state")));
    assertEquals(waiting.getString("token").substring(4), open.getString("serviceRequestId"));
  }

  @Test
  void theFormIsCheckedHereAndTheEndpointsRefusalIsShownByField() {
    start("json");
    loadDefinition();
    HttpResponse<Buffer> bad = maria.post(path(), form(UUID.randomUUID().toString()).put("attributes", new JsonObject().put("DEPTH", "deep").put("NOPE", "x")));
    assertEquals(400, bad.statusCode());
    List<String> fields = bad.bodyAsJsonObject().getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field")).toList();
    assertEquals(List.of("NOPE", "WHERE", "DEPTH"), fields, bad.bodyAsString());
    assertEquals(0, city.posts().size(), "nothing sent");

    city.refuseNext("attribute[DEPTH] must be under 48 inches");
    String key = UUID.randomUUID().toString();
    assertEquals(202, maria.post(path(), form(key)).statusCode());
    JsonObject refused = awaitRequest(key, r -> "rejected".equals(r.getString("state")));
    JsonObject error = refused.getJsonArray("errors").getJsonObject(0);
    assertEquals("DEPTH", error.getString("field"));
    assertEquals("attribute[DEPTH] must be under 48 inches", error.getString("message"));
    assertEquals(400, maria.post(path(), new JsonObject().put("requestKey", "x").put("serviceCode", "POTHOLE")).statusCode());
    assertEquals(400, maria.post(path(), form(UUID.randomUUID().toString()).put("serviceCode", "UNKNOWN")).statusCode());
  }

  @Test
  void whileTheEndpointIsAwayTheRequestIsKeptRetriedAndTheAgentToldThenSentOnceEvenWhenAnAnswerWasLost() {
    start("json");
    loadDefinition();
    city.down(true);
    String key = UUID.randomUUID().toString();
    assertEquals(202, maria.post(path(), form(key)).statusCode(), "kept even with the endpoint away");
    JsonObject kept = awaitRequest(key, r -> r.getInteger("attempts") >= 2);
    assertEquals("sending", kept.getString("state"));
    assertTrue(kept.getString("problem").contains("503"), kept.encode());

    city.loseNextAnswer();
    city.down(false);
    JsonObject open = awaitRequest(key, r -> "open".equals(r.getString("state")));
    assertEquals(1, city.requests().size(), "the request whose answer was lost is found, not sent again");
    assertEquals(city.requests().keySet().iterator().next(), open.getString("serviceRequestId"));
  }
}
