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
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.accessline.channels.sms.DeliveryPlan;
import org.accessline.channels.sms.OptingOut;
import org.accessline.channels.sms.SmsAdapter;
import org.accessline.channels.sms.SmsIntakeLimit;
import org.accessline.channels.relay.RelayCalls;
import org.accessline.channels.relay.RelaySpeech;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.channels.twilio.TwilioRest;
import org.accessline.channels.twilio.WebhookGate;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.channels.webchat.WebChatAdapter;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.signal.StreamSignalCodec;
import org.accessline.gateway.stream.ConversationStream;
import org.accessline.web.admin.RecordCategories;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.auth.PasswordChecks;
import org.accessline.web.auth.SignInThrottle;
import org.accessline.web.cluster.CallStreams;
import org.accessline.web.cluster.SharedSessions;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.web.quality.QualitySeed;
import org.accessline.transcripts.seal.SealKey;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.supervision.FloorFeed;
import org.accessline.web.dashboard.DashboardFeed;
import org.accessline.web.supervision.SupervisorApi;
import org.accessline.web.followups.FollowUpScheduler;
import org.accessline.web.ops.ManagementVerticle;
import org.accessline.web.ops.MetricsEndpoint;
import org.accessline.web.ops.NodeMetrics;
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
  private final List<AgentDirectory.DemoAccount> demoAccounts;
  private final StreamHost stream;
  private final Optional<SmsAdapter> sms;
  private final WebhookGate twilioGate;
  private final Duration drainWithin;
  private final String host;
  private final boolean demoOnly;
  private final PasswordChecks passwordChecks;
  private final Optional<Integer> managementPort;
  private final Optional<MetricsEndpoint> metrics;
  /** The speech engines of relay calls, loading or loaded; empty with relay off. */
  private Optional<Future<RelaySpeech>> relaySpeech = Optional.empty();
  /** Twilio asks for longer pauses than this only when something is wrong; such a text is marked failed. */
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(10);

  private Application(Vertx vertx, InteractionStore store, List<Supplier<Future<Void>>> deployments, int port, List<AgentDirectory.DemoAccount> demoAccounts,
      StreamHost stream, Optional<SmsAdapter> sms, WebhookGate twilioGate, Duration drainWithin, String host, boolean demoOnly,
      PasswordChecks passwordChecks, Optional<Integer> managementPort, Optional<MetricsEndpoint> metrics) {
    this.managementPort = managementPort;
    this.metrics = metrics;
    this.host = host;
    this.demoOnly = demoOnly;
    this.passwordChecks = passwordChecks;
    this.vertx = vertx;
    this.store = store;
    this.deployments = deployments;
    this.port = port;
    this.demoAccounts = demoAccounts;
    this.stream = stream;
    this.sms = sms;
    this.twilioGate = twilioGate;
    this.drainWithin = drainWithin;
  }

  /** A gateway without metrics, whatever the configuration says: for a Vert.x instance made elsewhere. */
  public static Future<Application> start(Vertx vertx, AccesslineConfig config) {
    return start(vertx, config, NodeMetrics.off());
  }

  /** A gateway reporting to {@code metrics}, whose {@link NodeMetrics#vertx()} made {@code vertx}. */
  public static Future<Application> start(Vertx vertx, AccesslineConfig config, NodeMetrics metrics) {
    if (config.cluster().enabled() && !vertx.isClustered()) {
      return Future.failedFuture("cluster.enabled needs a Vert.x that has joined the cluster (ClusterNode.join)");
    }
    Clock clock = Clock.systemUTC();
    return vertx.executeBlocking(() -> residentNamesKey(config)).compose(namesKey -> {
      InteractionStore store = Stores.open(vertx, config);
      AgentDirectory directory = new AgentDirectory(store::administration);
      List<AgentDirectory.DemoAccount> demo = new ArrayList<>();
      RecordCategories categories = new RecordCategories(store::administration, config.workspace());
      ConversationViews views = new ConversationViews(namesKey::mac, config.limits());
      TtyCalls ttyCalls = new TtyCalls(config.tty().intake(), clock::millis, metrics.meter());
      List<ChannelAdapter> adapters = new ArrayList<>(List.of(new WebChatAdapter(), ttyCalls));
      // The model loads in the background; a relay call that comes first keeps its audio until it is ready.
      Optional<Future<RelaySpeech>> speech = config.relay().map(relay -> RelaySpeech.load(vertx, relay, config.dataDir()));
      if (speech.isPresent()) adapters.add(ttyCalls.relayAdapter());
      TwilioIntake twilio = new TwilioIntake(new WebhookGate(), new SmsIntakeLimit(config.smsSettings()), new OptingOut());
      Optional<SmsAdapter> sms = config.twilio().flatMap(account -> config.smsSender().map(sender -> new SmsAdapter(vertx, account,
          TwilioRest.client(account, config.twilioApiBaseUrl(), config.smsSettings().answerTimeout()), sender,
          new DeliveryPlan(config.smsFirstRetry(), config.smsAttempts(), LONGEST_RETRY_AFTER), config.smsSettings().answerTimeout(), twilio.optingOut(), metrics.meter())));
      sms.ifPresent(adapters::add);
      ConversationStream.Settings streamSettings = new ConversationStream.Settings(config.handbackGrace(), config.emergencies(), config.limits(),
          config.queueUpdates(), config.routing());
      // Signals cross nodes in a cluster, so every node must read them, owner of the stream or not.
      StreamSignalCodec.register(vertx);
      StreamHost stream = config.cluster().enabled()
          ? StreamHost.clustered(vertx, store, config.cluster(), config.operations().nodeId(),
              epoch -> new ConversationStream(store, streamSettings, clock, adapters, metrics.meter(), OptionalLong.of(epoch)), config.smsSettings().answerTimeout())
          : StreamHost.single(vertx, new ConversationStream(store, streamSettings, clock, adapters, metrics.meter()));
      PasswordChecks checks = PasswordChecks.standard(vertx);
      Optional<CallStreams> callStreams = config.cluster().enabled() ? config.twilio().map(account -> new CallStreams(ttyCalls, stream.intake(), account,
          TwilioRest.client(account, config.twilioApiBaseUrl(), config.smsSettings().answerTimeout()), config.cluster().callHold())) : Optional.empty();
      config.relay().ifPresent(relay -> ttyCalls.speechOn(new RelayCalls(stream.intake(), ttyCalls, relay, speech.get()), relay.relayOnlyNumbers(), relay.detectSpeech()));
      AgentSessions sessions = sessions(vertx, config, clock);
      Optional<MetricsEndpoint> endpoint = metrics.registry().map(r -> new MetricsEndpoint(r, stream.desk(), config, sessions, ttyCalls::active, clock));
      Optional<Integer> managementPort = config.operations().metricsPort();
      Optional<org.accessline.web.open311.Open311Parts> open311 = org.accessline.web.open311.Open311Parts.of(vertx, config.open311(), store, clock,
          config.cluster().enabled());
      FollowUpScheduler.Notices notices = config.cluster().enabled()
          ? FollowUpScheduler.Notices.claimedIn(store.followUps(), config.operations().nodeId(), clock) : FollowUpScheduler.Notices.EVERY;
      DashboardFeed dashboard = new DashboardFeed(vertx, stream.desk(), store, config.routing(), config.dashboard(), clock, views);
      Services services = new Services(config, stream.desk(), stream.intake(), store, directory, sessions, ttyCalls, twilio,
          new SignInApi.Guards(new SignInThrottle(), checks, config.clientLimits().trustedProxies()), Services.residentGuard(vertx, stream.intake(), config), clock,
          views, new FloorFeed(vertx, new SupervisorApi(stream.desk(), directory, config.maxMessageBytes(), config.routing(), clock, views)::floorJson),
          endpoint.filter(e -> managementPort.isEmpty()), dashboard, categories, open311.map(o -> o.api()));
      List<ManagementVerticle> management = new ArrayList<>(1);
      List<Supplier<Future<Void>>> deployments = new ArrayList<>();
      io.vertx.core.Handler<String> deployed = id -> deployments.add(() -> vertx.undeploy(id));
      List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
      // One server instance per core; instances of one deployment share the port, even a random one.
      DeploymentOptions perCore = new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors()));
      // The checkpoint writer goes first so it stops last, after every append has been made.
      String[] host = new String[1];
      return store.start()
          .compose(v -> directory.start(vertx, store, config.agents(), config.dataDir(), config.agentCapacity(), clock)).map(made -> {
            demo.addAll(made);
            directory.follow(vertx);
            host[0] = listenHost(config, directory);
            return null;
          }).compose(v -> categories.start(vertx))
          .compose(v -> QualitySeed.ensure(store.qualityReviews(), clock))
          // Before any report: the store counts service levels ahead against the configured targets (rebuilding its counts if they changed).
          .compose(v -> store.reports().measureAgainst(config.reports().targets()))
          .compose(v -> vertx.deployVerticle(new CheckpointVerticle(store, config.checkpointEvery(), clock))).onSuccess(deployed)
          .compose(v -> stream.start()).onSuccess(v -> deployments.add(stream::stop))
          .compose(v -> dashboard.start()).onSuccess(v -> deployments.add(() -> {
            dashboard.stop();
            return Future.succeededFuture();
          }))
          .compose(v -> callStreams.isEmpty() ? Future.succeededFuture() : vertx.deployVerticle(callStreams.get()).onSuccess(deployed))
          .compose(v -> vertx.deployVerticle(oneAtATime(config, "follow-up scheduler",
              () -> new FollowUpScheduler(store.followUps(), notices, clock, config.followUps().overdueAfter())))).onSuccess(deployed)
          .compose(v -> open311.isEmpty() ? Future.succeededFuture()
              : vertx.deployVerticle(oneAtATime(config, "service request outbox", () -> open311.get().outbox().verticle())).onSuccess(deployed))
          .compose(v -> vertx.deployVerticle(() -> {
            HttpVerticle server = new HttpVerticle(services, host[0], config.httpPort());
            servers.add(server);
            return server;
          }, perCore)).onSuccess(deployed)
          .compose(v -> endpoint.isEmpty() || managementPort.isEmpty() ? Future.succeededFuture()
              : vertx.deployVerticle(management(management, endpoint.get(), config)).onSuccess(deployed))
          .compose(v -> config.retention().isZero() ? Future.succeededFuture()
              : vertx.deployVerticle(new RetentionVerticle(services.recordAccess())).onSuccess(deployed))
          .map(v -> new Application(vertx, store, deployments, servers.get(0).actualPort(), demo, stream, sms, twilio.gate(),
              config.smsSettings().answerTimeout(), host[0], directory.onlyDemo(), checks,
              management.stream().findFirst().map(ManagementVerticle::actualPort), endpoint).withRelaySpeech(speech).withCallStreams(callStreams))
          .onFailure(e -> {
            checks.close();
            endpoint.ifPresent(MetricsEndpoint::close);
            speech.ifPresent(f -> f.onSuccess(RelaySpeech::close));
          });
    });
  }

  /** Work one node does at a time: in a cluster, whichever node holds its lease; in one process, that process. */
  private static io.vertx.core.Deployable oneAtATime(AccesslineConfig config, String name, Supplier<io.vertx.core.Deployable> work) {
    return config.cluster().enabled() ? new org.accessline.web.cluster.ClusterSingleton(name.replace(' ', '-'), config.cluster(), work) : work.get();
  }

  /** Staff sessions: in this process, or shared by every node of the cluster so that losing one signs nobody out. */
  private static AgentSessions sessions(Vertx vertx, AccesslineConfig config, Clock clock) {
    return config.cluster().enabled() ? new AgentSessions(config.sessionLifetime(), clock, SharedSessions.of(vertx))
        : new AgentSessions(config.sessionLifetime(), clock);
  }

  /** The key behind web chat visitors' names; created on the first start, and the same file on every node. */
  private static SealKey residentNamesKey(AccesslineConfig config) {
    try {
      return SealKey.loadOrCreate(config.workspace().residentNamesKeyFile(config.dataDir()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ManagementVerticle management(List<ManagementVerticle> made, MetricsEndpoint endpoint, AccesslineConfig config) {
    ManagementVerticle verticle = new ManagementVerticle(endpoint, config.operations().metricsHost(), config.operations().metricsPort().orElseThrow());
    made.add(verticle);
    return verticle;
  }

  /**
   * {@code httpHost} "auto" listens on every interface once staff accounts exist, but only on
   * loopback while a first-start demo account (whose password was printed in a terminal) can sign in.
   */
  static String listenHost(AccesslineConfig config, AgentDirectory directory) {
    if (!config.httpHost().equals(AccesslineConfig.AUTO_HOST)) return config.httpHost();
    return directory.onlyDemo() ? "127.0.0.1" : "0.0.0.0";
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

  /** The management port serving {@code /metrics}, when one is configured. */
  public Optional<Integer> managementPort() {
    return managementPort;
  }

  public Optional<AgentDirectory.DemoAccount> demoAccount() {
    return demoAccounts.stream().filter(d -> !d.account().supervisor()).findFirst();
  }

  /** The demo account of the given role made at this start, if any. */
  public Optional<AgentDirectory.DemoAccount> demoAccount(org.accessline.web.auth.Role role) {
    return demoAccounts.stream().filter(d -> d.account().role() == role).findFirst();
  }

  /** The demo accounts this start created (each password shown once): the agent and the supervisor, or whichever was missing. */
  public List<AgentDirectory.DemoAccount> demoAccounts() {
    return demoAccounts;
  }

  /**
   * Stops taking traffic, then closes the store once every pending write has finished. Twilio's
   * webhooks get 503 (so Twilio tries again) first for new texts and calls; replies on their way
   * settle and their outcomes, and delivery reports still arriving, are stored; then every webhook
   * gets 503, and only then does the store close.
   */
  private Application withRelaySpeech(Optional<Future<RelaySpeech>> speech) {
    this.relaySpeech = speech;
    return this;
  }

  /** The relay speech engines once loaded; for tests and benchmarks that wait for them. */
  public Optional<Future<RelaySpeech>> relaySpeech() {
    return relaySpeech;
  }

  private Optional<CallStreams> callStreams = Optional.empty();

  private Application withCallStreams(Optional<CallStreams> callStreams) {
    this.callStreams = callStreams;
    return this;
  }

  public Future<Void> stop() {
    callStreams.ifPresent(CallStreams::leaving);
    twilioGate.drain();
    Future<Void> drained = sms.map(a -> a.drain(drainWithin)).orElse(Future.succeededFuture())
        .compose(v -> stream.deliveriesRecorded(drainWithin))
        .onComplete(ar -> twilioGate.close());
    Future<Void> undeployed = drained;
    for (int i = deployments.size() - 1; i >= 0; i--) {
      Supplier<Future<Void>> stopOne = deployments.get(i);
      undeployed = undeployed.compose(v -> stopOne.get());
    }
    // The stream (or, in a cluster, this node's ownership) stops while the store is open, so a node lets its lease go and
    // another takes over at once, rather than after this node's silence when Vert.x closes.
    return undeployed.eventually(stream::stop).eventually(() -> sms.map(SmsAdapter::close).orElse(Future.succeededFuture())).eventually(passwordChecks::close)
        .eventually(() -> relaySpeech.map(f -> f.<Void>transform(ar -> {
          if (ar.succeeded()) ar.result().close();
          return Future.succeededFuture();
        })).orElse(Future.succeededFuture()))
        .eventually(store::close)
        .onComplete(ar -> metrics.ifPresent(MetricsEndpoint::close));
  }
}
