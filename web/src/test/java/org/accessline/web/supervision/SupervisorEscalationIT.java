package org.accessline.web.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent who is stuck hands up: the supervisor's console is alerted, the supervisor takes over, and the resident goes on. */
class SupervisorEscalationIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient maria;
  private AgentClient lee;
  private AgentClient sam;
  private ResidentClient resident;

  @BeforeEach
  void start() {
    gateway = TestGateway.start(dataDir);
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
    sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
  }

  @AfterEach
  void stop() {
    resident.close();
    maria.close();
    lee.close();
    sam.close();
    gateway.close();
  }

  private static boolean isEvent(JsonObject frame, String kind) {
    return "entry".equals(frame.getString("type")) && kind.equals(frame.getJsonObject("entry").getJsonObject("event").getString("kind"));
  }

  @Test
  void anAgentHandsUpAndASupervisorTakesOver() {
    maria.available();
    sam.openConsole();
    resident.helloNew();
    resident.say("r1", "I was charged twice for my water bill and nobody calls back");
    String conversation = maria.awaitAssignment();

    String path = "/api/conversations/" + conversation;
    assertEquals(400, maria.post(path + "/escalate", new JsonObject().put("reason", " ")).statusCode(), "a reason is needed");
    assertEquals(403, lee.post(path + "/escalate", new JsonObject().put("reason", "not mine")).statusCode(), "only its agent hands it up");
    assertEquals(409, sam.post(path + "/take", new JsonObject()).statusCode(), "nothing to take yet");
    assertEquals(200, maria.post(path + "/escalate", new JsonObject().put("reason", "Billing dispute over $200; needs a refund approval")).statusCode());
    assertEquals(409, maria.post(path + "/escalate", new JsonObject().put("reason", "again")).statusCode(), "already waiting for a supervisor");

    JsonObject alert = sam.frames.awaitType("alert");
    assertEquals("supervisor", alert.getString("path"));
    assertEquals("Billing dispute over $200; needs a refund approval", alert.getString("reason"));
    assertEquals(403, maria.get("/api/escalations").statusCode(), "agents do not see the supervisor queue");
    JsonObject queue = sam.get("/api/escalations").bodyAsJsonObject();
    assertEquals(conversation, queue.getJsonArray("escalations").getJsonObject(0).getString("id"));
    assertEquals("maria", queue.getJsonArray("escalations").getJsonObject(0).getString("agent"));

    assertEquals(200, sam.post(path + "/take", new JsonObject()).statusCode());
    maria.frames.await("the hand-up", f -> isEvent(f, "unassigned"));
    sam.frames.await("the conversation arriving", f -> isEvent(f, "assigned") && "sam".equals(f.getJsonObject("entry").getJsonObject("event").getString("agent")));
    assertEquals(403, maria.post(path + "/messages", new JsonObject().put("text", "still me?")).statusCode());
    assertEquals(201, sam.post(path + "/messages", new JsonObject().put("text", "I'm a supervisor; I've approved the refund.")).statusCode());
    JsonObject seen = resident.frames.await("the supervisor's answer", f -> "entry".equals(f.getString("type")) && "I'm a supervisor; I've approved the refund.".equals(f.getString("text")));
    assertEquals("agent", seen.getString("from"));
    assertEquals(new io.vertx.core.json.JsonArray(), sam.get("/api/escalations").bodyAsJsonObject().getJsonArray("escalations"), "taken: no longer waiting");
  }

  @Test
  void aSupervisorWatchesTheFloorMovesAConversationWhispersAndStepsIn() {
    maria.available();
    sam.openConsole();
    resident.helloNew();
    resident.say("r1", "My recycling bin was stolen");
    String conversation = maria.awaitAssignment();
    String path = "/api/conversations/" + conversation;

    assertEquals(403, maria.get("/api/supervisor/floor").statusCode(), "agents do not see the floor");
    JsonObject floor = sam.get("/api/supervisor/floor").bodyAsJsonObject();
    JsonObject mariaRow = floor.getJsonArray("agents").stream().map(JsonObject.class::cast).filter(a -> "maria".equals(a.getString("id"))).findFirst().orElseThrow();
    assertEquals("available", mariaRow.getString("presence"));
    assertEquals(1, mariaRow.getInteger("active"));
    assertEquals("maria", floor.getJsonArray("conversations").getJsonObject(0).getString("agent"));
    assertEquals(0, floor.getJsonObject("queue").getInteger("waiting"));

    sam.sendConsole(new JsonObject().put("type", "monitor").put("conversationId", conversation));
    sam.frames.awaitType("monitoring");
    maria.sendConsole(new JsonObject().put("type", "monitor").put("conversationId", conversation));
    assertEquals("supervisors_only", maria.frames.await("a refusal", f -> "error".equals(f.getString("type"))).getString("code"));
    resident.say("r2", "It was blue");
    sam.frames.await("the monitored message", f -> Boolean.TRUE.equals(f.getBoolean("monitoring")) && isEvent(f, "message"));

    assertEquals(403, maria.post(path + "/whisper", new JsonObject().put("text", "hi")).statusCode());
    assertEquals(201, sam.post(path + "/whisper", new JsonObject().put("text", "Offer the free replacement form")).statusCode());
    JsonObject whisper = maria.frames.await("the whisper", f -> isEvent(f, "whisper"));
    assertEquals("Offer the free replacement form", whisper.getJsonObject("entry").getJsonObject("event").getString("text"));
    JsonObject hidden = resident.frames.await("the whisper's place in the numbering", f -> "entry".equals(f.getString("type")) && "internal".equals(f.getString("kind")));
    assertEquals(null, hidden.getValue("text"), "the resident never sees a whisper");

    assertEquals(201, sam.post(path + "/barge", new JsonObject().put("text", "A supervisor here: a new bin will come Friday.")).statusCode());
    JsonObject stepIn = resident.frames.await("the supervisor's message", f -> "A supervisor here: a new bin will come Friday.".equals(f.getString("text")));
    assertEquals("center", stepIn.getString("from"));
    assertEquals(null, stepIn.getValue("name"), "shown as from the center, not under a private name");

    lee.available();
    assertEquals(404, sam.post(path + "/reassign", new JsonObject().put("agent", "nobody")).statusCode());
    assertEquals(200, sam.post(path + "/reassign", new JsonObject().put("agent", "lee")).statusCode());
    assertEquals(409, sam.post(path + "/reassign", new JsonObject().put("agent", "lee")).statusCode(), "already with lee");
    maria.frames.await("the move away", f -> isEvent(f, "unassigned"));
    assertEquals(conversation, lee.awaitAssignment());
    assertEquals(201, lee.post(path + "/messages", new JsonObject().put("text", "Hi, I'm Lee and I'll finish this up.")).statusCode());
  }
}
