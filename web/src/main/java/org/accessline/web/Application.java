package org.accessline.web;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.accessline.channels.sms.DeliveryPlan;
import org.accessline.channels.sms.OptingOut;
import org.accessline.channels.sms.SmsAdapter;
import org.accessline.channels.sms.SmsIntakeLimit;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.channels.twilio.TwilioRest;
import org.accessline.channels.twilio.WebhookGate;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.channels.webchat.WebChatAdapter;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.signal.StreamSignalCodec;
import org.accessline.gateway.stream.ConversationStream;
import java.util.OptionalLong;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.auth.PasswordChecks;
import org.accessline.web.auth.SignInThrottle;
import org.accessline.web.cluster.SharedSessions;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.records.CheckpointVerticle;
import org.accessline.web.records.RetentionVerticle;
import org.accessline.web.records.Stores;
import org.accessline.web.staff.SignInApi;

/** A running gateway: store, stream and HTTP servers, started and stopped together. */
public final class Application {

  private final Vertx vertx;
  private final InteractionStore store;
  /** How to stop what was started, in the order started: stopped in reverse. */
  private final List<Supplier<Future<Void>>> deployments;
  private final int port;
  private final Optional<AgentDirectory.DemoAccount> demoAccount;
  private final StreamHost stream;
  private final Optional<SmsAdapter> sms;
  private final WebhookGate twilioGate;
  private final Duration drainWithin;
  private final String host;
  private final boolean demoOnly;
  private final PasswordChecks passwordChecks;
  /** Twilio asks for longer pauses than this only when something is wrong; such a text is marked failed. */
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(10);

  private Application(Vertx vertx, InteractionStore store, List<Supplier<Future<Void>>> deployments, int port, Optional<AgentDirectory.DemoAccount> demoAccount,
      StreamHost stream, Optional<SmsAdapter> sms, WebhookGate twilioGate, Duration drainWithin, String host, boolean demoOnly,
      PasswordChecks passwordChecks) {
    this.host = host;
    this.demoOnly = demoOnly;
    this.passwordChecks = passwordChecks;
    this.vertx = vertx;
    this.store = store;
    this.deployments = deployments;
    this.port = port;
    this.demoAccount = demoAccount;
    this.stream = stream;
    this.sms = sms;
    this.twilioGate = twilioGate;
    this.drainWithin = drainWithin;
  }

  public static Future<Application> start(Vertx vertx, AccesslineConfig config) {
    if (config.cluster().enabled() && !vertx.isClustered()) {
      return Future.failedFuture("cluster.enabled needs a Vert.x that has joined the cluster (ClusterNode.join)");
    }
    Clock clock = Clock.systemUTC();
    AgentDirectory directory = new AgentDirectory(config.agents());
    return vertx.executeBlocking(() -> {
      try {
        return directory.load(config.dataDir(), config.agentCapacity());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).compose(demo -> {
      InteractionStore store = Stores.open(vertx, config);
      TtyCalls ttyCalls = new TtyCalls(config.tty().intake(), clock::millis);
      List<ChannelAdapter> adapters = new ArrayList<>(List.of(new WebChatAdapter(), ttyCalls));
      TwilioIntake twilio = new TwilioIntake(new WebhookGate(), new SmsIntakeLimit(config.smsSettings()), new OptingOut());
      Optional<SmsAdapter> sms = config.twilio().flatMap(account -> config.smsSender().map(sender -> new SmsAdapter(vertx, account,
          TwilioRest.client(account, config.twilioApiBaseUrl(), config.smsSettings().answerTimeout()), sender,
          new DeliveryPlan(config.smsFirstRetry(), config.smsAttempts(), LONGEST_RETRY_AFTER), config.smsSettings().answerTimeout(), twilio.optingOut())));
      sms.ifPresent(adapters::add);
      ConversationStream.Settings streamSettings = new ConversationStream.Settings(config.handbackGrace(), config.emergencies(), config.limits(),
          config.queueUpdates(), config.routing());
      // Signals cross nodes in a cluster, so every node must read them, owner of the stream or not.
      StreamSignalCodec.register(vertx);
      StreamHost streamHost = config.cluster().enabled()
          ? StreamHost.clustered(vertx, store, config.cluster(), epoch -> new ConversationStream(store, streamSettings, clock, adapters, OptionalLong.of(epoch)),
              config.smsSettings().answerTimeout())
          : StreamHost.single(vertx, new ConversationStream(store, streamSettings, clock, adapters));
      PasswordChecks checks = PasswordChecks.standard(vertx);
      Services services = new Services(config, streamHost.desk(), streamHost.intake(), store, directory, sessions(vertx, config, clock), ttyCalls, twilio,
          new SignInApi.Guards(new SignInThrottle(), checks, config.clientLimits().trustedProxies()), Services.residentGuard(vertx, streamHost.intake(), config), clock);
      String host = listenHost(config, directory);
      List<Supplier<Future<Void>>> deployments = new ArrayList<>();
      io.vertx.core.Handler<String> deployed = id -> deployments.add(() -> vertx.undeploy(id));
      List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
      // One server instance per core; instances of one deployment share the port, even a random one.
      DeploymentOptions perCore = new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors()));
      // The checkpoint writer goes first so it stops last, after every append has been made.
      return store.start()
          .compose(v -> auditRoleChanges(vertx, store, directory, clock))
          .compose(v -> vertx.deployVerticle(new CheckpointVerticle(store, config.checkpointEvery(), clock))).onSuccess(deployed)
          .compose(v -> streamHost.start()).onSuccess(v -> deployments.add(streamHost::stop))
          .compose(v -> vertx.deployVerticle(() -> {
            HttpVerticle server = new HttpVerticle(services, host, config.httpPort());
            servers.add(server);
            return server;
          }, perCore)).onSuccess(deployed)
          .compose(v -> config.retention().isZero() ? Future.succeededFuture()
              : vertx.deployVerticle(new RetentionVerticle(services.recordAccess())).onSuccess(deployed))
          .map(v -> new Application(vertx, store, deployments, servers.get(0).actualPort(), demo, streamHost, sms, twilio.gate(),
              config.smsSettings().answerTimeout(), host, directory.onlyDemo(), checks))
          .onFailure(e -> checks.close());
    });
  }

  /** Staff sessions: in this process, or shared by every node of the cluster so that losing one signs nobody out. */
  private static AgentSessions sessions(Vertx vertx, AccesslineConfig config, Clock clock) {
    return config.cluster().enabled() ? new AgentSessions(config.sessionLifetime(), clock, SharedSessions.of(vertx))
        : new AgentSessions(config.sessionLifetime(), clock);
  }

  /**
   * {@code httpHost} "auto" listens on every interface once staff accounts are configured, but only
   * on loopback while the demo account (whose password was printed in a terminal) is all there is.
   */
  static String listenHost(AccesslineConfig config, AgentDirectory directory) {
    if (!config.httpHost().equals(AccesslineConfig.AUTO_HOST)) return config.httpHost();
    return directory.onlyDemo() ? "127.0.0.1" : "0.0.0.0";
  }

  /** Roles come from the configuration; a change between starts is written to the audit log. */
  private static Future<Void> auditRoleChanges(Vertx vertx, InteractionStore store, AgentDirectory directory, Clock clock) {
    return vertx.executeBlocking(directory::roleChanges).compose(changes -> {
      Future<Void> chain = Future.succeededFuture();
      for (String change : changes) {
        chain = chain.compose(v -> store.audit(new AuditEvent(clock.instant(), "configuration", "role_change", "staff", change)));
      }
      return chain;
    });
  }

  /** The address the gateway listens on. */
  public String host() {
    return host;
  }

  /** Whether only the demo account exists (so the gateway keeps to loopback unless httpHost says otherwise). */
  public boolean demoOnly() {
    return demoOnly;
  }

  /** The interaction store this gateway writes to. */
  public InteractionStore store() {
    return store;
  }

  public int port() {
    return port;
  }

  public Optional<AgentDirectory.DemoAccount> demoAccount() {
    return demoAccount;
  }

  /**
   * Stops taking traffic, then closes the store once every pending write has finished. Twilio's
   * webhooks get 503 (so Twilio tries again) first for new texts and calls; replies on their way
   * settle and their outcomes, and delivery reports still arriving, are stored; then every webhook
   * gets 503, and only then does the store close.
   */
  public Future<Void> stop() {
    twilioGate.drain();
    Future<Void> drained = sms.map(a -> a.drain(drainWithin)).orElse(Future.succeededFuture())
        .compose(v -> stream.deliveriesRecorded(drainWithin))
        .onComplete(ar -> twilioGate.close());
    Future<Void> undeployed = drained;
    for (int i = deployments.size() - 1; i >= 0; i--) {
      Supplier<Future<Void>> stopOne = deployments.get(i);
      undeployed = undeployed.compose(v -> stopOne.get());
    }
    return undeployed.eventually(() -> sms.map(SmsAdapter::close).orElse(Future.succeededFuture())).eventually(passwordChecks::close).eventually(store::close);
  }
}
