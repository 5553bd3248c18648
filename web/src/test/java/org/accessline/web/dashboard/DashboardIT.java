package org.accessline.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard over the staff socket: a supervisor's console opened as the dashboard gets its
 * frames, today's figures follow answers and resolutions and are the same after a restart (read back
 * from the store), and an agent who asks for the dashboard gets none of it.
 */
class DashboardIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient maria;
  private AgentClient sam;

  @BeforeEach
  void start() {
    gateway = TestGateway.start(dataDir);
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
  }

  @AfterEach
  void stop() {
    maria.close();
    sam.close();
    gateway.close();
  }

  private static JsonObject named(JsonArray list, String key, String value) {
    for (int i = 0; i < list.size(); i++) if (value.equals(list.getJsonObject(i).getString(key))) return list.getJsonObject(i);
    return null;
  }

  private static Predicate<JsonObject> dashboardWhere(Predicate<JsonObject> test) {
    return f -> "dashboard".equals(f.getString("type")) && test.test(f);
  }

  private static Predicate<JsonObject> handledByMaria(int n) {
    return dashboardWhere(f -> {
      JsonObject m = named(f.getJsonArray("agents"), "id", "maria");
      JsonObject chat = named(f.getJsonArray("channels"), "name", "webchat");
      return m != null && m.getLong("handledToday") == n && chat != null && chat.getLong("answeredToday") == n;
    });
  }

  @Test
  void todaysFiguresFollowTheFloorAndSurviveARestart() {
    sam.openDashboard();
    JsonObject first = sam.frames.awaitType("dashboard");
    assertEquals("general", first.getJsonArray("queues").getJsonObject(0).getString("name"));
    assertTrue(first.getValue("quality") == null || first.getJsonObject("quality").getString("summary").startsWith("No evaluations were submitted"),
        "no quality averages until reviews exist (none at all before the store has been read)");
    assertTrue(sam.frames.ofType("floor").isEmpty(), "a dashboard console is not sent the floor as well");

    maria.available();
    try (ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      resident.say("r1", "Is the pool open on Sunday?");
      String conversation = maria.awaitAssignment();
      assertEquals(200, maria.post("/api/conversations/" + conversation + "/resolve", new JsonObject().put("disposition", "Information provided")).statusCode());
    }
    JsonObject counted = sam.frames.await("maria's handled conversation", handledByMaria(1));
    JsonObject chat = named(counted.getJsonArray("channels"), "name", "webchat");
    assertEquals(100, chat.getInteger("serviceLevel"), "answered at once: within 20 s");
    assertEquals(80, chat.getInteger("targetPercent"));
    assertEquals(20, chat.getInteger("targetSeconds"));

    gateway.restart();
    try (AgentClient samAgain = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
        AgentClient mariaAgain = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria")) {
      mariaAgain.openConsole();
      samAgain.openDashboard();
      samAgain.frames.await("today read back from the store", handledByMaria(1), 5000);
    }
  }

  @Test
  void anAgentAskingForTheDashboardGetsTheirOwnConsoleOnly() throws InterruptedException {
    maria.openDashboard();
    try (ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      resident.say("r1", "There is smoke in the stairwell");
      Thread.sleep(1500);
    }
    assertTrue(maria.frames.ofType("dashboard").isEmpty(), "no dashboard frame reached an agent");
    assertTrue(maria.frames.ofType("floor").isEmpty(), "nor the floor");
  }
}
