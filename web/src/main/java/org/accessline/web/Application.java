package org.accessline.web;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.accessline.channels.sms.SmsAdapter;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.channels.twilio.TwilioRest;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.channels.webchat.WebChatAdapter;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.stream.ConversationStream;
import org.accessline.transcripts.embedded.EmbeddedInteractionStore;
import org.accessline.transcripts.postgres.PostgresInteractionStore;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.config.AccesslineConfig;

/** A running gateway: store, stream and HTTP servers, started and stopped together. */
public final class Application {

  private final Vertx vertx;
  private final InteractionStore store;
  private final List<String> deployments;
  private final int port;
  private final Optional<AgentDirectory.DemoAccount> demoAccount;

  private Application(Vertx vertx, InteractionStore store, List<String> deployments, int port, Optional<AgentDirectory.DemoAccount> demoAccount) {
    this.vertx = vertx;
    this.store = store;
    this.deployments = deployments;
    this.port = port;
    this.demoAccount = demoAccount;
  }

  public static Future<Application> start(Vertx vertx, AccesslineConfig config) {
    AgentDirectory directory = new AgentDirectory(config.agents());
    return vertx.executeBlocking(() -> {
      try {
        return directory.ensureDemoAccount(config.dataDir(), config.agentCapacity());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).compose(demo -> {
      InteractionStore store = openStore(vertx, config);
      TtyCalls ttyCalls = new TtyCalls();
      List<ChannelAdapter> adapters = new ArrayList<>(List.of(new WebChatAdapter(), ttyCalls));
      config.twilio().ifPresent(account -> config.smsSender().ifPresent(sender -> adapters.add(new SmsAdapter(vertx, store, account,
          TwilioRest.client(account, config.twilioApiBaseUrl()), sender, config.smsFirstRetry(), config.smsAttempts()))));
      ConversationStream stream = new ConversationStream(store, new ConversationStream.Settings(config.handbackGrace(), config.emergencies(), config.limits(), config.queueUpdates(), config.routing()), Clock.systemUTC(), adapters);
      Services services = new Services(config, stream, store, directory, new AgentSessions(config.sessionLifetime(), Clock.systemUTC()), ttyCalls,
          Services.residentGuard(vertx, stream, config));
      List<String> deployments = new ArrayList<>();
      List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
      // One server instance per core; instances of one deployment share the port, even a random one.
      DeploymentOptions perCore = new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors()));
      return store.start()
          .compose(v -> vertx.deployVerticle(stream)).onSuccess(deployments::add)
          .compose(v -> vertx.deployVerticle(() -> {
            HttpVerticle server = new HttpVerticle(services, config.httpPort());
            servers.add(server);
            return server;
          }, perCore)).onSuccess(deployments::add)
          .compose(v -> config.retention().isZero() ? Future.succeededFuture()
              : vertx.deployVerticle(new RetentionVerticle(services.recordAccess())).onSuccess(deployments::add))
          .map(v -> new Application(vertx, store, deployments, servers.get(0).actualPort(), demo));
    });
  }

  /** The interaction store this gateway writes to. */
  public InteractionStore store() {
    return store;
  }

  /** PostgreSQL when a store URL is configured, else the embedded file store in the data directory. */
  static InteractionStore openStore(Vertx vertx, AccesslineConfig config) {
    return config.storeUrl().<InteractionStore>map(url -> new PostgresInteractionStore(vertx, url, config.storeSchema()))
        .orElseGet(() -> new EmbeddedInteractionStore(config.dataDir()));
  }

  public int port() {
    return port;
  }

  public Optional<AgentDirectory.DemoAccount> demoAccount() {
    return demoAccount;
  }

  /** Stops taking traffic, then closes the store once every pending write has finished. */
  public Future<Void> stop() {
    Future<Void> undeployed = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      undeployed = undeployed.compose(v -> vertx.undeploy(id));
    }
    return undeployed.eventually(store::close);
  }
}
