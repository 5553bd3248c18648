package org.accessline.web.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents pass conversations on: to a colleague at once or warm, or back to the queue for a skill. */
class TransfersIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient maria;
  private AgentClient lee;
  private ResidentClient resident;
  private String conversation;

  @BeforeEach
  void start() {
    gateway = TestGateway.start(dataDir);
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
    lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.helloNew();
    resident.say("r1", "Necesito ayuda con mi factura de agua");
    conversation = maria.awaitAssignment();
  }

  @AfterEach
  void stop() {
    resident.close();
    maria.close();
    lee.close();
    gateway.close();
  }

  private static boolean isEvent(JsonObject f, String kind) {
    return "entry".equals(f.getString("type")) && kind.equals(f.getJsonObject("entry").getJsonObject("event").getString("kind"));
  }

  private String path(String action) {
    return "/api/conversations/" + conversation + "/" + action;
  }

  @Test
  void aColdTransferMovesItAtOnceWithTheNoteForTheReceiver() {
    lee.openConsole();
    var moved = maria.post(path("transfer"), new JsonObject().put("agent", "lee").put("note", "Water bill, speaks Spanish"));
    assertEquals(200, moved.statusCode(), moved.bodyAsString());
    maria.frames.await("the hand-off", f -> isEvent(f, "unassigned"));
    assertEquals(conversation, lee.awaitAssignment());
    JsonObject transferred = maria.recordEntries(conversation).stream().map(JsonObject.class::cast)
        .filter(e -> "transferred".equals(e.getJsonObject("event").getString("kind"))).findFirst().orElseThrow().getJsonObject("event");
    assertEquals("Water bill, speaks Spanish", transferred.getString("note"));
    assertEquals("lee", transferred.getString("to"));
    assertEquals(403, maria.post(path("transfer"), new JsonObject().put("agent", "lee")).statusCode(), "maria no longer has it");
  }

  @Test
  void aTransferToTheQueueForASkillWaitsForAnAgentWhoHasIt() {
    assertEquals(400, maria.post(path("transfer"), new JsonObject().put("skills", new JsonArray().add("Spanish!"))).statusCode());
    assertEquals(404, maria.post(path("transfer"), new JsonObject().put("agent", "nobody")).statusCode());
    assertEquals(200, maria.post(path("transfer"), new JsonObject().put("skills", new JsonArray().add("es")).put("note", "needs Spanish")).statusCode());
    maria.frames.await("the hand-off", f -> isEvent(f, "unassigned"));
    // Maria has room but not the skill. Routing ran on the hand-off; a round trip later she has not been given it back.
    maria.get("/api/me");
    assertEquals(1, maria.frames.all().stream().filter(f -> isEvent(f, "assigned")).count(), "only the first assignment");
    lee.available();
    assertEquals(conversation, lee.awaitAssignment());
    assertTrue(lee.recordEntries(conversation).stream().map(JsonObject.class::cast)
        .anyMatch(e -> "skills".equals(e.getJsonObject("event").getString("kind")) && e.getJsonObject("event").getJsonArray("skills").contains("es")));
  }

  @Test
  void aWarmTransferKeepsTheFirstAgentUntilTheSecondAccepts() {
    lee.openConsole();
    assertEquals(202, maria.post(path("transfer"), new JsonObject().put("agent", "lee").put("note", "Refund question").put("warm", true)).statusCode());
    JsonObject offer = lee.frames.await("the warm offer", f -> "offer".equals(f.getString("type")));
    assertEquals("Maria", offer.getString("transferFrom"));
    assertEquals("Refund question", offer.getString("note"));
    assertEquals(201, maria.post(path("messages"), new JsonObject().put("text", "One moment, I'm bringing in a colleague.")).statusCode(),
        "maria keeps it meanwhile");
    assertEquals(200, lee.post(path("accept"), new JsonObject()).statusCode());
    maria.frames.await("the hand-off", f -> isEvent(f, "unassigned"));
    assertEquals(conversation, lee.awaitAssignment());
  }

  @Test
  void aDeclinedWarmTransferStaysWithTheFirstAgent() {
    lee.openConsole();
    maria.post(path("transfer"), new JsonObject().put("agent", "lee").put("warm", true));
    lee.frames.await("the warm offer", f -> "offer".equals(f.getString("type")));
    assertEquals(200, lee.post(path("decline"), new JsonObject()).statusCode());
    JsonObject note = maria.frames.await("the note", f -> isEvent(f, "note"));
    assertEquals("Lee declined the transfer; it stays with Maria.", note.getJsonObject("entry").getJsonObject("event").getString("text"));
    assertEquals(201, maria.post(path("messages"), new JsonObject().put("text", "I'll keep helping you.")).statusCode());
  }
}
