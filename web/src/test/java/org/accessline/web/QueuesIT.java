package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named queues with priorities, transfer to a queue, and overflow when a conversation waits too long. */
class QueuesIT {
  @TempDir Path dataDir;
  private TestGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) gateway.close();
  }

  private static JsonArray queues() {
    return new JsonArray().add(new JsonObject().put("name", "general").put("priority", 0))
        .add(new JsonObject().put("name", "urgent-care").put("priority", 10))
        .add(new JsonObject().put("name", "overflow").put("priority", 5));
  }

  @Test
  void aConversationMovedToAHigherQueueIsServedBeforeOlderOnes() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 1, new JsonObject()
        .put("routing", new JsonObject().put("autoAccept", true).put("queues", queues())));
    try (AgentClient maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
        AgentClient lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
        ResidentClient first = ResidentClient.connect(gateway.vertx, gateway.port());
        ResidentClient older = ResidentClient.connect(gateway.vertx, gateway.port());
        ResidentClient younger = ResidentClient.connect(gateway.vertx, gateway.port())) {
      first.helloNew();
      first.say("f", "first");
      String handled = maria.awaitAssignment();
      older.helloNew();
      String olderId = older.say("o", "older question").getString("conversationId");
      younger.helloNew();
      String youngerId = younger.say("y", "younger but urgent-care").getString("conversationId");
      // Maria (capacity 1) passes her first conversation to the urgent-care queue: it is served before both.
      assertEquals(200, maria.post("/api/conversations/" + handled + "/transfer", new JsonObject().put("queue", "urgent-care").put("note", "needs a nurse line"))
          .statusCode());
      assertEquals(404, maria.post("/api/conversations/" + olderId + "/transfer", new JsonObject().put("queue", "nowhere")).statusCode());
      lee.put("/api/presence", new JsonObject().put("presence", "available"));
      lee.openConsole();
      assertEquals(handled, lee.awaitAssignment(), "the urgent-care conversation goes first, and not back to the agent who passed it on");
      JsonObject mariasNext = maria.frames.awaitCount("maria's next", 2, f -> "entry".equals(f.getString("type"))
          && "assigned".equals(f.getJsonObject("entry").getJsonObject("event").getString("kind"))).get(1);
      assertEquals(olderId, mariasNext.getJsonObject("entry").getString("conversationId"), "then the older one");
    }
  }

  @Test
  void aConversationWaitingPastTheLimitOverflowsToTheOverflowQueue() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, new JsonObject()
        .put("routing", new JsonObject().put("autoAccept", true).put("queues", queues()).put("overflowQueue", "overflow"))
        .put("limits", new JsonObject().put("queueWaitSeconds", 1).put("checkMillis", 100)));
    try (AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
        ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      sam.openConsole();
      resident.helloNew();
      String conversation = resident.say("w", "Anyone there?").getString("conversationId");
      sam.frames.await("the queue-wait alert", f -> "alert".equals(f.getString("type")), 10_000);
      JsonObject moved = sam.recordEntries(conversation).stream().map(JsonObject.class::cast)
          .filter(e -> "queue".equals(e.getJsonObject("event").getString("kind"))).findFirst().orElseThrow().getJsonObject("event");
      assertEquals("overflow", moved.getString("queue"));
      JsonObject row = sam.get("/api/supervisor/floor").bodyAsJsonObject().getJsonArray("conversations").getJsonObject(0);
      assertEquals("overflow", row.getString("queue"));
    }
  }

  @Test
  void aResidentWritingInSpanishIsRoutedToTheAgentWhoSpeaksIt() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, new JsonObject()
        .put("routing", new JsonObject().put("autoAccept", true)
            .put("contentSkills", new JsonObject().put("es", new JsonArray().add("hola").add("necesito").add("ayuda").add("gracias")))));
    try (AgentClient maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
        AgentClient lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
        ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      String conversation = resident.say("s", "Hola, necesito ayuda con un bache en mi calle").getString("conversationId");
      lee.put("/api/presence", new JsonObject().put("presence", "available"));
      lee.openConsole();
      assertEquals(conversation, lee.awaitAssignment(), "maria was free first, but lee speaks Spanish");
      assertEquals(0, maria.frames.all().stream().filter(f -> "entry".equals(f.getString("type"))).count());
    }
  }
}
