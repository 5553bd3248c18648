package org.accessline.web.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.accessline.web.Application;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.ops.NodeMetrics;

/** The production application on a loopback port and a temporary data directory. */
public final class TestGateway implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery staple";
  /** Cheap hashes keep sign-in fast in tests; production uses {@link PasswordHasher#DEFAULT_ITERATIONS}. */
  private static final String HASH = PasswordHasher.hash(PASSWORD.toCharArray(), 1_000);

  private final Path dataDir;
  private final Duration grace;
  private final int capacity;
  private final JsonObject overrides;
  public final Vertx vertx;
  private final NodeMetrics metrics;
  private Application app;

  public TestGateway(Path dataDir, Duration grace, int capacity) {
    this(dataDir, grace, capacity, new JsonObject());
  }

  /** With configuration options laid over the test defaults. */
  public TestGateway(Path dataDir, Duration grace, int capacity, JsonObject overrides) {
    this.dataDir = dataDir;
    this.grace = grace;
    this.capacity = capacity;
    this.overrides = overrides;
    // Made as Main makes them: Vert.x reporting to the node's registry, when metrics are on.
    this.metrics = NodeMetrics.of(config(0));
    this.vertx = metrics.vertx();
    start(0);
  }

  public static TestGateway start(Path dataDir) {
    return new TestGateway(dataDir, Duration.ofSeconds(30), 4);
  }

  private void start(int port) {
    app = Application.start(vertx, config(port), metrics).await();
  }

  private AccesslineConfig config(int port) {
    JsonArray agents = new JsonArray();
    for (String name : new String[] {"maria", "lee", "sam"}) {
      agents.add(new JsonObject().put("username", name).put("displayName", Character.toUpperCase(name.charAt(0)) + name.substring(1))
          .put("passwordHash", HASH).put("capacity", capacity).put("role", name.equals("sam") ? "supervisor" : "agent")
          // Lee also speaks Spanish, so tests can route by a skill only one agent has.
          .put("skills", name.equals("lee") ? new JsonArray().add("tty").add("relay").add("es") : new JsonArray().add("tty").add("relay")));
    }
    JsonObject json = new JsonObject().put("httpHost", "127.0.0.1").put("httpPort", port).put("dataDir", dataDir.toString())
        .put("handbackGraceSeconds", grace.toSeconds()).put("agents", agents)
        // Offers are taken at once unless a test is about offers; those set their own routing.
        .put("routing", new JsonObject().put("autoAccept", true)).mergeIn(overrides);
    AccesslineConfig config = AccesslineConfig.fromJson(json, Map.of());
    if (grace.toMillis() % 1000 != 0) config = withGrace(config, grace);
    return config;
  }

  private static AccesslineConfig withGrace(AccesslineConfig c, Duration grace) {
    return new AccesslineConfig(c.httpHost(), c.httpPort(), c.dataDir(), c.centerName(), c.agentCapacity(), grace, c.maxMessageBytes(),
        c.residentBurst(), c.residentMessagesPerSecond(), c.sessionLifetime(), c.secureCookies(), c.agents(), c.twilio(), c.tty(), c.smsSender(), c.smsHelpText(), c.twilioApiBaseUrl(), c.smsFirstRetry(), c.smsAttempts(), c.smsSettings(), c.emergencies(), c.limits(), c.queueUpdates(), c.routing(), c.storeUrl(), c.storeSchema(), c.retention(), c.sealKeyFile(), c.checkpointFile(), c.checkpointEvery(), c.clientLimits(), c.workspace(), c.operations(), c.relay(), c.cluster(), c.dashboard(), c.directory(), c.followUps(), c.open311(), c.reports(), c.quality());
  }

  /** The running gateway's store, for tests that must put old records in place. */
  public org.accessline.gateway.store.InteractionStore store() {
    return app.store();
  }

  /** Closes the store under the running gateway, as a failed disk would leave it. */
  public void breakStore() {
    app.store().close().await();
  }

  public int port() {
    return app.port();
  }

  /** The running application, for tests of what it exposes beyond its main port. */
  public Application application() {
    return app;
  }

  /** Stops the application cleanly and starts it again on the same data directory and port. */
  public void restart() {
    int port = app.port();
    app.stop().await();
    start(port);
  }

  /** Begins a clean stop, as SIGTERM does, and returns at once; the future completes once the store is closed. */
  public io.vertx.core.Future<Void> beginStop() {
    return app.stop();
  }

  /** Starts the application again on {@code port} and the same data directory, after {@link #beginStop} completed. */
  public void startAgain(int port) {
    start(port);
  }

  @Override
  public void close() {
    app.stop().await();
    vertx.close().await();
  }
}
