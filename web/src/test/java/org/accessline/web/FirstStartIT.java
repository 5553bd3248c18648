package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.config.AccesslineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While the demo account (its password printed in a terminal) is all there is, the gateway keeps to loopback. */
class FirstStartIT {
  @TempDir Path dataDir;

  private static AccesslineConfig config(JsonObject json) {
    return AccesslineConfig.fromJson(json, Map.of());
  }

  @Test
  void theFirstStartListensOnLoopbackOnly() {
    Vertx vertx = Vertx.vertx();
    try {
      Application app = Application.start(vertx, config(new JsonObject().put("httpPort", 0).put("dataDir", dataDir.toString()))).await();
      try {
        assertTrue(app.demoAccount().isPresent(), "the demo account was made");
        assertEquals(List.of("agent", "supervisor", "admin"), app.demoAccounts().stream().map(d -> d.account().role().wireName()).toList(),
            "a demo agent, supervisor and administrator");
        assertTrue(app.demoOnly());
        assertEquals("127.0.0.1", app.host());
        WebClient client = WebClient.create(vertx);
        assertEquals(200, client.get(app.port(), "127.0.0.1", "/health").send().await().statusCode());
        client.close();
      } finally {
        app.stop().await();
      }
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void configuredAccountsOrAnExplicitHostOpenIt() throws Exception {
    Vertx vertx = Vertx.vertx();
    org.accessline.transcripts.embedded.EmbeddedInteractionStore store = new org.accessline.transcripts.embedded.EmbeddedInteractionStore(dataDir.resolve("db"));
    try {
      store.start().await();
      AgentDirectory demoOnly = new AgentDirectory(store::administration);
      demoOnly.start(vertx, store, List.of(), dataDir, 4, java.time.Clock.systemUTC()).await();
      assertEquals("127.0.0.1", Application.listenHost(config(new JsonObject()), demoOnly));
      assertEquals("0.0.0.0", Application.listenHost(config(new JsonObject().put("httpHost", "0.0.0.0")), demoOnly), "httpHost set explicitly wins");
      assertEquals("192.0.2.10", Application.listenHost(config(new JsonObject().put("httpHost", "192.0.2.10")), demoOnly));

      JsonObject staff = new JsonObject().put("agents", new JsonArray().add(new JsonObject().put("username", "maria")
          .put("passwordHash", PasswordHasher.hash("pw".toCharArray(), 1_000))));
      AgentDirectory noAdmin = new AgentDirectory(store::administration);
      noAdmin.start(vertx, store, config(staff).agents(), dataDir, 4, java.time.Clock.systemUTC()).await();
      assertEquals("127.0.0.1", Application.listenHost(config(staff), noAdmin), "the demo administrator stays until an administrator is configured");

      staff.getJsonArray("agents").add(new JsonObject().put("username", "root").put("role", "admin").put("passwordHash", PasswordHasher.hash("pw".toCharArray(), 1_000)));
      AgentDirectory configured = new AgentDirectory(store::administration);
      configured.start(vertx, store, config(staff).agents(), dataDir, 4, java.time.Clock.systemUTC()).await();
      assertEquals("0.0.0.0", Application.listenHost(config(staff), configured), "with staff and an administrator configured (the demo accounts disabled), every interface");
      assertEquals("127.0.0.1", Application.listenHost(config(staff.copy().put("httpHost", "127.0.0.1")), configured));
    } finally {
      store.close().await();
      vertx.close().await();
    }
  }
}
