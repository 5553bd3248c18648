package org.accessline.web.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing out ends the console too: its socket closes, the agent leaves the floor, and nothing more reaches them. */
class SignOutIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void start() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(1), 4);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    gateway.close();
  }

  private <T extends AutoCloseable> T keep(T resource) {
    open.add(resource);
    return resource;
  }

  private AgentClient agent(String name) {
    return keep(new AgentClient(gateway.vertx, gateway.port()).signedIn(name));
  }

  /** Opens a console whose socket the test can watch, and makes the agent available. */
  private static WebSocket availableConsole(AgentClient agent) {
    WebSocket socket = agent.tryConsole().await();
    agent.frames.awaitType("snapshot");
    assertEquals(200, agent.put("/api/presence", new JsonObject().put("presence", "available")).statusCode());
    return socket;
  }

  private static void signOut(AgentClient agent) {
    assertEquals(204, agent.request(HttpMethod.DELETE, "/api/session").putHeader("Content-Type", "application/json").send().await().statusCode());
  }

  private static void awaitClosed(WebSocket socket) throws InterruptedException {
    for (int i = 0; i < 100 && !socket.isClosed(); i++) Thread.sleep(50);
    assertTrue(socket.isClosed(), "the console socket was closed by the gateway");
    assertEquals(AgentConsoleSession.SESSION_ENDED, socket.closeStatusCode());
  }

  private static boolean mentions(AgentClient agent, String text) {
    return agent.frames.all().stream().anyMatch(f -> f.encode().contains(text));
  }

  @Test
  void signingOutClosesTheConsoleTakesTheAgentOffTheFloorAndHandsTheirConversationsBack() throws Exception {
    AgentClient maria = agent("maria");
    WebSocket console = availableConsole(maria);
    ResidentClient first = keep(ResidentClient.connect(gateway.vertx, gateway.port()));
    first.helloNew();
    String held = first.say("a1", "My recycling was not picked up").getString("conversationId");
    assertEquals(held, maria.awaitAssignment());

    signOut(maria);
    awaitClosed(console);
    assertEquals(401, maria.get("/api/me").statusCode());

    AgentClient lee = agent("lee");
    availableConsole(lee);
    ResidentClient second = keep(ResidentClient.connect(gateway.vertx, gateway.port()));
    second.helloNew();
    String fresh = second.say("b1", "A pothole on Elm Street").getString("conversationId");
    // The new conversation, and the one maria held once the hand-back grace ends, both go to the colleague on the floor, in either order.
    for (String id : List.of(fresh, held)) {
      lee.frames.await("conversation " + id + " assigned to lee", f -> "entry".equals(f.getString("type"))
          && id.equals(f.getJsonObject("entry").getString("conversationId"))
          && "assigned".equals(f.getJsonObject("entry").getJsonObject("event").getString("kind")));
    }

    first.say("a2", "Hello? Is anyone there");
    lee.frames.await("the resident's next message", f -> f.encode().contains("Hello? Is anyone there"));
    assertFalse(mentions(maria, "Hello? Is anyone there"), "nothing reaches the closed console");
    assertFalse(mentions(maria, "A pothole on Elm Street"), "no new conversation was offered to maria");

    AgentClient mariaAgain = agent("maria");
    assertEquals("away", mariaAgain.get("/api/me").bodyAsJsonObject().getString("presence"), "she is off the floor until she says otherwise");
  }

  @Test
  void signingOutInOneBrowserLeavesTheOtherSignedInAndOnTheFloor() throws Exception {
    AgentClient office = agent("maria");
    AgentClient laptop = agent("maria");
    WebSocket officeConsole = availableConsole(office);
    WebSocket laptopConsole = availableConsole(laptop);

    signOut(office);
    awaitClosed(officeConsole);
    assertFalse(laptopConsole.isClosed(), "the other session's console stays open");
    assertEquals("available", laptop.get("/api/me").bodyAsJsonObject().getString("presence"));

    ResidentClient resident = keep(ResidentClient.connect(gateway.vertx, gateway.port()));
    resident.helloNew();
    String conversation = resident.say("c1", "Where do I renew a parking permit").getString("conversationId");
    assertEquals(conversation, laptop.awaitAssignment());
  }
}
