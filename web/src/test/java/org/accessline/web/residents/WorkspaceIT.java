package org.accessline.web.residents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the workspace's list needs from every staff view of a conversation (a stable name for the
 * resident, the last message, the wait, the next limit, emergencies), the configured categories, the
 * floor pushed to supervisors, and an offer accepted again after it was passed back to the queue.
 */
class WorkspaceIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient maria;
  private AgentClient sam;
  private ResidentClient resident;

  @BeforeEach
  void start() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, new JsonObject()
        .put("routing", new JsonObject().put("autoAccept", false).put("acceptTimeoutSeconds", 30).put("declineCooldownSeconds", 1))
        // Routing runs again on this tick, so a conversation passed back is offered again soon after its cool-down.
        .put("limits", new JsonObject().put("checkMillis", 300))
        .put("records", new JsonObject().put("categories", new JsonArray().add("Streets").add("Parks and trees"))));
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
  }

  @AfterEach
  void stop() {
    resident.close();
    maria.close();
    sam.close();
    gateway.close();
  }

  private static Predicate<JsonObject> entry(String kind) {
    return f -> "entry".equals(f.getString("type")) && kind.equals(f.getJsonObject("entry").getJsonObject("event").getString("kind"));
  }

  private static void assertWorkspaceFields(JsonObject c, String name, String lastText) {
    assertEquals(name, c.getString("residentName"), c.encode());
    assertEquals(lastText, c.getJsonObject("lastMessage").getString("text"));
    assertEquals("resident", c.getJsonObject("lastMessage").getString("from"));
    assertNotNull(c.getString("waitingSince"), "the resident is waiting for an answer");
    assertTrue(Instant.parse(c.getString("limitAt")).isAfter(Instant.parse(c.getString("waitingSince"))));
    assertEquals(false, c.getBoolean("emergency"));
    assertTrue(c.containsKey("contact") && c.containsKey("lastSeq") && c.containsKey("channel"), "the fields the old pages read are all still there");
  }

  @Test
  void everyStaffViewOfAConversationCarriesTheSameStableNameAndWhatTheListSortsBy() {
    maria.available();
    resident.helloNew();
    String conversation = resident.say("r1", "A tree fell on   Elm Street").getString("conversationId");
    JsonObject offer = maria.frames.await("the offer", f -> "offer".equals(f.getString("type")));
    String name = offer.getJsonObject("conversation").getString("residentName");
    assertTrue(name.matches("Web chat visitor [2-9A-Z]{3}-[2-9A-Z]{3}"), name);

    HttpResponse<Buffer> accepted = maria.post("/api/conversations/" + conversation + "/accept", new JsonObject());
    assertEquals(200, accepted.statusCode());
    JsonObject carried = accepted.bodyAsJsonObject().getJsonObject("conversation");
    assertEquals(conversation, carried.getString("id"), "the accept answer carries the conversation, so the page can open it");
    assertWorkspaceFields(carried, name, "A tree fell on Elm Street");
    assertNotNull(accepted.bodyAsJsonObject().getLong("seq"), "and still says where the entry landed");

    JsonObject assigned = maria.frames.await("the assignment", entry("assigned"));
    assertWorkspaceFields(assigned.getJsonObject("conversation"), name, "A tree fell on Elm Street");
    assertWorkspaceFields(maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations").getJsonObject(0), name, "A tree fell on Elm Street");
    JsonObject floor = sam.get("/api/supervisor/floor").bodyAsJsonObject().getJsonArray("conversations").getJsonObject(0);
    assertWorkspaceFields(floor, name, "A tree fell on Elm Street");
    assertEquals(name, maria.get("/api/interactions/" + conversation).bodyAsJsonObject().getString("residentName"));
    assertEquals(name, sam.get("/api/interactions?limit=5").bodyAsJsonObject().getJsonArray("records").getJsonObject(0).getString("residentName"));

    assertEquals(201, maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Crews are on the way.")).statusCode());
    JsonObject answered = maria.frames.await("her reply", f -> entry("message").test(f)
        && "agent".equals(f.getJsonObject("entry").getJsonObject("actor").getString("role"))).getJsonObject("conversation");
    assertEquals("Crews are on the way.", answered.getJsonObject("lastMessage").getString("text"));
    assertEquals("agent", answered.getJsonObject("lastMessage").getString("from"));
    assertNull(answered.getString("waitingSince"), "answered: no longer waiting");

    gateway.restart();
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    JsonObject snapshot = maria.openConsole();
    assertEquals(name, snapshot.getJsonArray("conversations").getJsonObject(0).getString("residentName"), "the same name after a restart");
  }

  @Test
  void anEmergencyIsMarkedOnTheConversation() {
    maria.available();
    resident.helloNew();
    String conversation = resident.say("r1", "There is smoke and fire in my kitchen").getString("conversationId");
    JsonObject offer = maria.frames.await("the offer", f -> "offer".equals(f.getString("type")));
    assertEquals(true, offer.getJsonObject("conversation").getBoolean("emergency"));
    try (AgentClient again = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria")) {
      JsonObject pending = again.openConsole().getJsonArray("offers").getJsonObject(0);
      assertEquals(conversation, pending.getJsonObject("conversation").getString("id"), "a console opened later gets the offer with its conversation");
      assertEquals(offer.getJsonObject("conversation").getString("residentName"), pending.getJsonObject("conversation").getString("residentName"));
    }
    assertEquals(true, maria.post("/api/conversations/" + conversation + "/accept", new JsonObject()).bodyAsJsonObject()
        .getJsonObject("conversation").getBoolean("emergency"));
  }

  @Test
  void categoriesComeFromTheConfigurationAndAnyOtherIsRefused() {
    assertEquals(new JsonArray().add("Streets").add("Parks and trees"), maria.get("/api/categories").bodyAsJsonObject().getJsonArray("categories"));
    maria.available();
    resident.helloNew();
    String conversation = resident.say("r1", "Pothole on Main").getString("conversationId");
    maria.frames.await("the offer", f -> "offer".equals(f.getString("type")));
    maria.post("/api/conversations/" + conversation + "/accept", new JsonObject());
    String details = "/api/conversations/" + conversation + "/details";
    HttpResponse<Buffer> refused = maria.put(details, new JsonObject().put("category", "Potholes"));
    assertEquals(400, refused.statusCode());
    assertEquals("bad_details", refused.bodyAsJsonObject().getString("error"));
    assertTrue(refused.bodyAsJsonObject().getString("message").contains("categories"));
    assertTrue(maria.recordEntries(conversation).stream().map(JsonObject.class::cast).noneMatch(e -> "details".equals(e.getJsonObject("event").getString("kind"))),
        "nothing was filed");
    assertEquals(200, maria.put(details, new JsonObject().put("category", "streets").put("tags", new JsonArray().add("pothole"))).statusCode());
    assertEquals("Streets", maria.get("/api/interactions/" + conversation).bodyAsJsonObject().getString("category"),
        "filed in the configured spelling");
    assertEquals(401, new AgentClient(gateway.vertx, gateway.port()).get("/api/categories").statusCode());
  }

  @Test
  void aSupervisorsConsoleGetsTheFloorOnConnectAndWithinASecondOfANewConversation() {
    sam.openConsole();
    JsonObject first = sam.frames.await("the floor on connect", f -> "floor".equals(f.getString("type")));
    assertEquals(0, first.getJsonObject("queue").getInteger("waiting"));
    assertTrue(first.containsKey("agents") && first.containsKey("conversations"));
    maria.openConsole();
    assertTrue(maria.frames.all().stream().noneMatch(f -> "floor".equals(f.getString("type"))), "agents get no floor frames");

    resident.helloNew();
    long sent = System.nanoTime();
    String conversation = resident.say("r1", "Is the library open?").getString("conversationId");
    JsonObject moved = sam.frames.await("the floor with the new conversation", f -> "floor".equals(f.getString("type"))
        && f.getJsonArray("conversations").stream().map(JsonObject.class::cast).anyMatch(c -> conversation.equals(c.getString("id"))), 3000);
    long millis = (System.nanoTime() - sent) / 1_000_000;
    assertTrue(millis <= 1000, "the floor frame came " + millis + " ms after the message was acknowledged");
    assertEquals(1, moved.getJsonObject("queue").getInteger("waiting"));
    JsonObject polled = sam.get("/api/supervisor/floor").bodyAsJsonObject();
    assertEquals(polled.getJsonArray("agents"), moved.getJsonArray("agents"), "the same body as GET /api/supervisor/floor");
    assertEquals(polled.fieldNames(), moved.copy().put("type", null).fieldNames().stream().filter(n -> !n.equals("type")).collect(java.util.stream.Collectors.toSet()));

    int frames = sam.frames.ofType("floor").size();
    sleep(2500);
    assertEquals(frames, sam.frames.ofType("floor").size(), "a floor where only time passes sends nothing");
    assertTrue(maria.frames.all().stream().noneMatch(f -> "floor".equals(f.getString("type"))));
  }

  @Test
  void aConversationPassedBackToTheQueueAndAcceptedAgainBySameAgentReachesHerConsoleWithItsConversation() {
    maria.available();
    resident.helloNew();
    String conversation = resident.say("r1", "My recycling was not picked up").getString("conversationId");
    maria.frames.await("the offer", f -> "offer".equals(f.getString("type")));
    assertEquals(200, maria.post("/api/conversations/" + conversation + "/accept", new JsonObject()).statusCode());
    maria.frames.await("the first assignment", entry("assigned"));
    assertEquals(200, maria.post("/api/conversations/" + conversation + "/transfer", new JsonObject().put("note", "back to the queue")).statusCode());
    maria.frames.await("the hand-back", entry("unassigned"));
    assertEquals(List.of(), maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations").getList());

    // After the cool-down she is offered it again, accepts, and her console hears the new assignment with the conversation to show.
    JsonObject again = maria.frames.awaitCount("the second offer", 2, f -> "offer".equals(f.getString("type"))).get(1);
    assertEquals(conversation, again.getString("conversationId"));
    HttpResponse<Buffer> accepted = maria.post("/api/conversations/" + conversation + "/accept", new JsonObject());
    assertEquals(200, accepted.statusCode(), accepted.bodyAsString());
    assertEquals(conversation, accepted.bodyAsJsonObject().getJsonObject("conversation").getString("id"));
    List<JsonObject> assignments = maria.frames.awaitCount("the second assignment", 2, entry("assigned"));
    JsonObject second = assignments.get(1);
    assertEquals("maria", second.getJsonObject("entry").getJsonObject("event").getString("agent"));
    assertEquals(conversation, second.getJsonObject("conversation").getString("id"));
    assertEquals(false, second.getJsonObject("conversation").getBoolean("resolved"));
    assertEquals(1, maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations").size(), "hers again");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
