package org.accessline.web.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.stream.ConversationStream;
import org.accessline.transcripts.embedded.EmbeddedInteractionStore;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.auth.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that runs out closes its console at that moment and takes the agent off the floor. The
 * gateway's sessions last hours; this one is given three seconds, through the same constructor.
 */
class SessionExpiryIT {
  @TempDir Path dir;

  @Test
  void anExpiredSessionClosesItsConsoleAndTakesTheAgentOffTheFloor() throws Exception {
    Vertx vertx = Vertx.vertx();
    EmbeddedInteractionStore store = new EmbeddedInteractionStore(dir);
    try {
      store.start().await();
      ConversationStream stream = new ConversationStream(store, new ConversationStream.Settings(Duration.ofSeconds(30)), Clock.systemUTC(), List.of());
      vertx.deployVerticle(stream).await();
      AgentSessions sessions = new AgentSessions(Duration.ofSeconds(3), Clock.systemUTC());
      AgentAccount maria = new AgentAccount(new AgentId("maria"), "Maria", PasswordHasher.hash("pw".toCharArray(), 1_000), 4);
      AtomicReference<AgentSessions.Session> session = new AtomicReference<>();
      HttpServer server = vertx.createHttpServer()
          .requestHandler(req -> req.toWebSocket().onSuccess(ws -> new AgentConsoleSession(vertx, stream, sessions, session.get(), ws,
              new org.accessline.web.residents.ConversationViews(text -> "0".repeat(64), org.accessline.gateway.escalation.LimitPolicy.standard()),
              new org.accessline.web.supervision.FloorFeed(vertx, () -> io.vertx.core.Future.succeededFuture(new io.vertx.core.json.JsonObject()))).start()))
          .listen(0, "127.0.0.1").await();
      session.set(sessions.session(sessions.open(maria)).orElseThrow());

      CountDownLatch snapshot = new CountDownLatch(1);
      var client = vertx.createWebSocketClient();
      var socket = client.webSocket();
      socket.textMessageHandler(text -> {
        if (text.contains("\"snapshot\"")) snapshot.countDown();
      });
      WebSocket console = socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.actualPort()).setURI("/")).await();
      assertTrue(snapshot.await(10, TimeUnit.SECONDS), "the console started");
      assertEquals(Presence.AVAILABLE, stream.setPresence(maria.profile(), Presence.AVAILABLE).await());

      for (int i = 0; i < 100 && !console.isClosed(); i++) Thread.sleep(50);
      assertTrue(console.isClosed(), "the console closed when the session ran out");
      assertEquals(AgentConsoleSession.SESSION_ENDED, console.closeStatusCode());
      assertEquals("Your session has expired.", console.closeReason());
      assertEquals(Presence.AWAY, stream.presence(maria.username()).await());
      assertTrue(sessions.find("anything").isEmpty());
      client.close().await();
      server.close().await();
    } finally {
      vertx.close().await();
      store.close().await();
    }
  }
}
