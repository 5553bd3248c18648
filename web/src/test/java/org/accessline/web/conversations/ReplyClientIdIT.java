package org.accessline.web.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reply's client id makes a resend safe within its conversation, and only there. */
class ReplyClientIdIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient maria;
  private ResidentClient first;
  private ResidentClient second;

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {first, second, maria}) {
      try {
        if (c != null) c.close();
      } catch (Exception ignored) {
        // closed by the test
      }
    }
    if (gateway != null) gateway.close();
  }

  @Test
  void aClientIdReusedInAnotherConversationIsANewReplyStoredAndSent() {
    gateway = TestGateway.start(dataDir);
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
    first = ResidentClient.connect(gateway.vertx, gateway.port());
    first.helloNew();
    String one = first.say("a1", "Pothole on 5th Ave").getString("conversationId");
    second = ResidentClient.connect(gateway.vertx, gateway.port());
    second.helloNew();
    String two = second.say("b1", "Missed trash pickup on Pine St").getString("conversationId");
    assertNotEquals(one, two);
    maria.frames.awaitCount("both assignments", 2, f -> "entry".equals(f.getString("type"))
        && "assigned".equals(f.getJsonObject("entry").getJsonObject("event").getString("kind")));

    JsonObject toOne = maria.post("/api/conversations/" + one + "/messages", new JsonObject().put("text", "A crew is on the way.").put("clientId", "r1")).bodyAsJsonObject();
    JsonObject toTwo = maria.post("/api/conversations/" + two + "/messages", new JsonObject().put("text", "Pickup is tomorrow.").put("clientId", "r1")).bodyAsJsonObject();
    assertFalse(toOne.getBoolean("duplicate"));
    assertFalse(toTwo.getBoolean("duplicate"), "the same client id in another conversation is a new reply");
    assertEquals(one, toOne.getString("conversationId"));
    assertEquals(two, toTwo.getString("conversationId"));

    assertEquals("A crew is on the way.", agentLine(first).getString("text"));
    assertEquals("Pickup is tomorrow.", agentLine(second).getString("text"));
    assertEquals(List.of("Pothole on 5th Ave", "A crew is on the way."), maria.storedMessages(one));
    assertEquals(List.of("Missed trash pickup on Pine St", "Pickup is tomorrow."), maria.storedMessages(two));

    JsonObject resent = maria.post("/api/conversations/" + two + "/messages", new JsonObject().put("text", "Pickup is tomorrow.").put("clientId", "r1")).bodyAsJsonObject();
    assertEquals(true, resent.getBoolean("duplicate"), "a resend in the same conversation is still one reply");
    assertEquals(toTwo.getLong("seq"), resent.getLong("seq"));
    assertEquals(two, resent.getString("conversationId"));
    assertEquals(List.of("Missed trash pickup on Pine St", "Pickup is tomorrow."), maria.storedMessages(two));
  }

  private static JsonObject agentLine(ResidentClient resident) {
    return resident.frames.await("the agent's reply", f -> "entry".equals(f.getString("type")) && "agent".equals(f.getString("from")));
  }
}
