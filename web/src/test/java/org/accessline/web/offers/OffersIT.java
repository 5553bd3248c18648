package org.accessline.web.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offers as reservations: accepted, declined, or lapsed after the accept timeout; a decline is not offered back at once. */
class OffersIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient maria;
  private AgentClient lee;
  private ResidentClient resident;

  @BeforeEach
  void start() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, new JsonObject()
        .put("routing", new JsonObject().put("autoAccept", false).put("acceptTimeoutSeconds", 1).put("declineCooldownSeconds", 60)));
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
  }

  @AfterEach
  void stop() {
    resident.close();
    maria.close();
    lee.close();
    gateway.close();
  }

  private static boolean offer(JsonObject f) {
    return "offer".equals(f.getString("type"));
  }

  @Test
  void anAcceptedOfferAssignsTheConversationAndOnlyTheOfferedAgentCanAcceptIt() {
    maria.available();
    resident.helloNew();
    String conversation = resident.say("r1", "Noise from the construction site after 10pm").getString("conversationId");
    JsonObject offered = maria.frames.await("the offer", OffersIT::offer);
    assertEquals(conversation, offered.getString("conversationId"));
    assertEquals("webchat", offered.getString("channel"));
    assertEquals(409, lee.post("/api/conversations/" + conversation + "/accept", new JsonObject()).statusCode(), "not offered to lee");
    assertEquals(200, maria.post("/api/conversations/" + conversation + "/accept", new JsonObject()).statusCode());
    assertEquals(conversation, maria.awaitAssignment());
    assertEquals(409, maria.post("/api/conversations/" + conversation + "/accept", new JsonObject()).statusCode(), "accepted once");

    JsonObject record = maria.get("/api/interactions/" + conversation).bodyAsJsonObject();
    JsonObject times = record.getJsonObject("timestamps");
    java.time.Instant offeredAt = java.time.Instant.parse(times.getString("firstOffered"));
    assertTrue(!offeredAt.isAfter(java.time.Instant.parse(times.getString("firstAssigned"))), "offered before it was taken: " + times);
    assertTrue(record.getJsonArray("entries").stream().map(JsonObject.class::cast).anyMatch(e ->
        "offered".equals(e.getJsonObject("event").getString("kind")) && "maria".equals(e.getJsonObject("event").getString("agent"))), "the offer is an entry");
    assertTrue(resident.frames.all().stream().noneMatch(f -> "offered".equals(f.getString("kind"))), "the resident is not shown staff's offers");
  }

  @Test
  void aDeclinedOfferGoesToTheNextAgentAndIsNotOfferedBackAtOnce() {
    maria.available();
    resident.helloNew();
    String conversation = resident.say("r1", "Where do I get a parking permit?").getString("conversationId");
    maria.frames.await("the offer", OffersIT::offer);
    assertEquals(200, maria.post("/api/conversations/" + conversation + "/decline", new JsonObject()).statusCode());
    assertEquals("declined", maria.frames.await("the withdrawal", f -> "offer_withdrawn".equals(f.getString("type"))).getString("reason"));
    // Routing runs again at once after a decline; a round trip later, nothing new has come.
    maria.put("/api/presence", new JsonObject().put("presence", "available"));
    maria.get("/api/me");
    assertEquals(1, maria.frames.all().stream().filter(OffersIT::offer).count(), "maria is not offered it again during the cool-down");
    lee.available();
    assertEquals(conversation, lee.frames.await("the offer to lee", OffersIT::offer).getString("conversationId"));
    assertTrue(lee.storedMessages(conversation).contains("Where do I get a parking permit?"));
    assertTrue(lee.recordEntries(conversation).stream().map(JsonObject.class::cast)
        .anyMatch(e -> e.getJsonObject("event").getString("text", "").equals("Maria declined the offer; it went back to the queue.")));
  }

  @Test
  void anOfferNotAcceptedInTimeLapsesAndMovesOn() {
    maria.available();
    resident.helloNew();
    String conversation = resident.say("r1", "My street was not plowed").getString("conversationId");
    maria.frames.await("the offer", OffersIT::offer);
    lee.available();
    JsonObject lapsed = maria.frames.await("the lapse", f -> "offer_withdrawn".equals(f.getString("type")));
    assertEquals("lapsed", lapsed.getString("reason"));
    JsonObject toLee = lee.frames.await("the offer to lee", OffersIT::offer);
    assertEquals(conversation, toLee.getString("conversationId"));
    assertEquals(200, lee.post("/api/conversations/" + conversation + "/accept", new JsonObject()).statusCode());
    assertNotEquals(null, lee.awaitAssignment());
  }
}
