package org.accessline.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.channels.webchat.WebChatAdapter;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.stream.ConversationStream;
import org.accessline.transcripts.embedded.EmbeddedInteractionStore;
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
      InteractionStore store = new EmbeddedInteractionStore(config.dataDir());
      ConversationStream stream = new ConversationStream(store, new ConversationStream.Settings(config.handbackGrace()), Clock.systemUTC(),
          List.of(new WebChatAdapter()));
      Services services = new Services(config, stream, store, directory, new AgentSessions(config.sessionLifetime(), Clock.systemUTC()));
      List<String> deployments = new ArrayList<>();
      HttpVerticle first = new HttpVerticle(services, config.httpPort());
      return store.start()
          .compose(v -> vertx.deployVerticle(stream)).onSuccess(deployments::add)
          .compose(v -> vertx.deployVerticle(first)).onSuccess(deployments::add)
          // Further instances join the first one's port (which may have been picked at random).
          .compose(v -> vertx.deployVerticle(new HttpVerticle(services, first.actualPort()))).onSuccess(deployments::add)
          .map(v -> new Application(vertx, store, deployments, first.actualPort(), demo));
    });
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
