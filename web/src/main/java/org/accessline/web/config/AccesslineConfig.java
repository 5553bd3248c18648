package org.accessline.web.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.accessline.web.quality.QualitySettings;
import java.util.HashMap;
import org.accessline.channels.sms.SmsSender;
import org.accessline.channels.sms.SmsSettings;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.escalation.EmergencyPolicy;
import org.accessline.gateway.escalation.LimitPolicy;
import org.accessline.gateway.escalation.TimeLimits;
import org.accessline.gateway.routing.ContentSkills;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.QueueUpdates;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.channels.relay.RelaySettings;
import org.accessline.channels.tty.ModemSettings;
import org.accessline.channels.tty.TtyCallSettings;
import org.accessline.channels.tty.TtyIntakeSettings;
import org.accessline.channels.twilio.TwilioAccount;
import org.accessline.web.auth.AgentAccount;

/**
 * Every option of the gateway. Defaults, then the JSON file, then {@code ACCESSLINE_*} environment
 * variables, each overriding the one before. The README lists each option.
 */
public record AccesslineConfig(
    String httpHost,
    int httpPort,
    Path dataDir,
    String centerName,
    int agentCapacity,
    Duration handbackGrace,
    int maxMessageBytes,
    int residentBurst,
    double residentMessagesPerSecond,
    Duration sessionLifetime,
    boolean secureCookies,
    List<AgentAccount> agents,
    /** Set with the public base URL, it turns on the Twilio channels. */
    Optional<TwilioAccount> twilio,
    TtyCallSettings tty,
    /** Set with a Twilio account, it turns on the SMS channel. */
    Optional<SmsSender> smsSender,
    String smsHelpText,
    /** Where the SDK's REST calls go, if not to Twilio: an egress proxy or a local stand-in. */
    Optional<String> twilioApiBaseUrl,
    /** A 429 or 5xx from Twilio's API is tried again after this, then twice as long each time. */
    Duration smsFirstRetry,
    int smsAttempts,
    /** Twilio's answer timeout for a reply, and the per-number intake rate. */
    SmsSettings smsSettings,
    EmergencyPolicy emergencies,
    LimitPolicy limits,
    QueueUpdates queueUpdates,
    RoutingSettings routing,
    /** A PostgreSQL URL (postgresql://user@host:5432/db) to keep records there; empty for the embedded store in dataDir. */
    Optional<String> storeUrl,
    String storeSchema,
    /** How long a resolved record is kept before the daily purge; zero keeps records forever. */
    Duration retention,
    /** The key that seals records' heads, outside the database; empty for {@code seal.key} in dataDir. */
    Optional<Path> sealKeyFile,
    /** The append-only checkpoint file of every record's sealed head; empty for {@code checkpoints.log} in dataDir. */
    Optional<Path> checkpointFile,
    Duration checkpointEvery,
    ClientLimits clientLimits,
    WorkspaceSettings workspace,
    /** Logging, the node's id, and metrics. */
    Operations operations,
    /** Relay calls on the TTY line (speech recognition and a voice); empty when off. */
    Optional<RelaySettings> relay,
    /** Several nodes as one cluster over a shared PostgreSQL store; off by default. */
    ClusterSettings cluster,
    /** The live dashboard: the center's time zone and service-level targets. */
    org.accessline.web.dashboard.DashboardConfig dashboard,
    /** The resource directory's synonyms and how long an entry stays verified. */
    DirectoryConfig directory,
    /** Follow-ups: when one is overdue, how a failed attempt is retried, the web chat link a text carries. */
    FollowUpConfig followUps,
    /** The city's Open311 GeoReport v2 endpoint for service requests; off by default. */
    Open311Config open311,
    /** The reports' time zone and service level targets. */
    org.accessline.web.reports.ReportsConfig reports,
    /** Quality review: the weekly sample's size and key. */
    QualitySettings quality) {

  public AccesslineConfig {
    if (httpHost == null || httpHost.isBlank()) throw new IllegalArgumentException("httpHost must not be empty");
    if (httpPort < 0 || httpPort > 65535) throw new IllegalArgumentException("httpPort must be 0-65535 (0 picks a free port)");
    if (dataDir == null) throw new IllegalArgumentException("dataDir must be set");
    if (centerName == null || centerName.isBlank()) throw new IllegalArgumentException("centerName must not be empty");
    if (agentCapacity < 1 || agentCapacity > 50) throw new IllegalArgumentException("agentCapacity must be 1-50");
    if (handbackGrace.isNegative()) throw new IllegalArgumentException("handbackGraceSeconds cannot be negative");
    if (maxMessageBytes < 64 || maxMessageBytes > 60_000) throw new IllegalArgumentException("maxMessageBytes must be 64-60000");
    if (residentBurst < 1 || residentBurst > 10_000) throw new IllegalArgumentException("residentBurst must be 1-10000");
    if (!(residentMessagesPerSecond > 0) || residentMessagesPerSecond > 10_000) throw new IllegalArgumentException("residentMessagesPerSecond must be above 0 and at most 10000");
    if (sessionLifetime.isNegative() || sessionLifetime.isZero()) throw new IllegalArgumentException("sessionHours must be positive");
    agents = List.copyOf(agents);
    if (twilio == null || tty == null || smsSender == null || twilioApiBaseUrl == null) throw new IllegalArgumentException("twilio, tty and sms settings must be given");
    if (smsSender.isPresent() && twilio.isEmpty()) throw new IllegalArgumentException("an SMS sender needs twilio.accountSid, twilio.authToken and publicBaseUrl");
    if (routing != null) {
      for (String skill : routing.contentSkills().cues().keySet()) {
        if (agents.stream().noneMatch(a -> a.skills().contains(skill))) {
          throw new IllegalArgumentException("routing.contentSkills." + skill + ": no agent has the skill " + skill + ", so such conversations would never be answered");
        }
      }
    }
    if (clientLimits == null || workspace == null) throw new IllegalArgumentException("client limits and workspace settings must be given");
    if (operations == null) throw new IllegalArgumentException("operations settings must be given");
    if (relay == null) throw new IllegalArgumentException("relay settings must be given or empty");
    if (retention == null || retention.isNegative()) throw new IllegalArgumentException("retention.days cannot be negative");
    if (sealKeyFile == null || checkpointFile == null) throw new IllegalArgumentException("seal.keyFile and seal.checkpointFile must be given or left out");
    if (checkpointEvery == null || checkpointEvery.toMinutes() < 1 || checkpointEvery.toMinutes() > 1440) {
      throw new IllegalArgumentException("seal.checkpointMinutes must be 1-1440");
    }
    if (sealKeyFile.isPresent() && sealKeyFile.equals(checkpointFile)) throw new IllegalArgumentException("seal.keyFile and seal.checkpointFile must be different files");
    if (storeUrl == null || storeSchema == null || !storeSchema.matches("[a-z_][a-z0-9_]{0,62}")) throw new IllegalArgumentException("store.schema must be a lower-case SQL name");
    storeUrl.filter(u -> !u.matches("postgres(ql)?://\\S+")).ifPresent(u -> {
      throw new IllegalArgumentException("store.url must be a PostgreSQL URL such as postgresql://accessline@db.example.gov:5432/accessline");
    });
    if (emergencies == null || limits == null || queueUpdates == null || routing == null) throw new IllegalArgumentException("emergency and time-limit policies must be given");
    if (smsFirstRetry == null || smsFirstRetry.isNegative() || smsFirstRetry.toMillis() > 60_000) throw new IllegalArgumentException("sms.firstRetryMillis must be 0-60000");
    if (smsAttempts < 1 || smsAttempts > 10) throw new IllegalArgumentException("sms.attempts must be 1-10");
    if (smsSettings == null) throw new IllegalArgumentException("sms settings must be given");
    if (smsHelpText == null || smsHelpText.isBlank() || smsHelpText.length() > 320) throw new IllegalArgumentException("sms.helpText must be 1-320 characters");
    if (cluster == null) throw new IllegalArgumentException("cluster settings must be given");
    if (dashboard == null) throw new IllegalArgumentException("dashboard settings must be given");
    if (followUps == null) throw new IllegalArgumentException("follow-up settings must be given");
    if (open311 == null) throw new IllegalArgumentException("open311 settings must be given");
    if (reports == null) throw new IllegalArgumentException("reports settings must be given");
    if (quality == null) throw new IllegalArgumentException("quality settings must be given");
    if (cluster.enabled() && storeUrl.isEmpty()) {
      throw new IllegalArgumentException("cluster.enabled needs store.url: the nodes of a cluster keep their records in one shared PostgreSQL database,"
          + " and the embedded store belongs to a single process");
    }
    twilioApiBaseUrl.filter(u -> !u.matches("https?://[^/?#\\s]+/?")).ifPresent(u -> {
      throw new IllegalArgumentException("twilio.apiBaseUrl must be an http(s) origin such as https://api.twilio.com");
    });
  }

  /**
   * The default {@code httpHost}: every interface once staff accounts are configured, loopback only
   * while the first start's demo account is all there is.
   */
  public static final String AUTO_HOST = "auto";

  public static AccesslineConfig defaults() {
    return new AccesslineConfig(AUTO_HOST, 8080, Path.of("data"), "Accessline", 4, Duration.ofSeconds(60), 4096, 10, 1.0, Duration.ofHours(12), false, List.of(),
        Optional.empty(), TtyCallSettings.defaults("Accessline"), Optional.empty(), helpText("Accessline"), Optional.empty(),
        Duration.ofMillis(500), 5, SmsSettings.defaults(), EmergencyPolicy.defaults(), LimitPolicy.standard(), QueueUpdates.defaults(), RoutingSettings.defaults(),
        Optional.empty(), "accessline", Duration.ZERO, Optional.empty(), Optional.empty(), Duration.ofMinutes(5), ClientLimits.defaults(), WorkspaceSettings.defaults(), Operations.defaults(),
        Optional.empty(), ClusterSettings.off(), org.accessline.web.dashboard.DashboardConfig.defaults(), DirectoryConfig.defaults(), FollowUpConfig.defaults(), Open311Config.off(), org.accessline.web.reports.ReportsConfig.defaults(), QualitySettings.defaults());
  }

  /** Where the store keeps its seal key and checkpoint file: as configured, or in the data directory. */
  public org.accessline.transcripts.seal.RecordSeals recordSeals() {
    var inData = org.accessline.transcripts.seal.RecordSeals.in(dataDir);
    return new org.accessline.transcripts.seal.RecordSeals(sealKeyFile.orElse(inData.keyFile()), checkpointFile.orElse(inData.checkpointFile()));
  }

  private static String helpText(String centerName) {
    return centerName + ": text this number for city services. For an emergency call 911. Reply STOP to stop texts.";
  }

  /** Reads the file (if any) and the environment over the defaults. */
  public static AccesslineConfig load(Optional<Path> file, Map<String, String> env) throws IOException {
    JsonObject json = new JsonObject();
    if (file.isPresent()) json = new JsonObject(Files.readString(file.get(), StandardCharsets.UTF_8));
    return fromJson(json, env);
  }

  public static AccesslineConfig fromJson(JsonObject json, Map<String, String> env) {
    AccesslineConfig d = defaults();
    Function<String, Optional<String>> var = name -> Optional.ofNullable(env.get("ACCESSLINE_" + name)).filter(v -> !v.isBlank());
    int capacity = var.apply("AGENT_CAPACITY").map(Integer::parseInt).orElse(json.getInteger("agentCapacity", d.agentCapacity));
    List<AgentAccount> agents = new ArrayList<>();
    JsonArray configured = json.getJsonArray("agents", new JsonArray());
    for (int i = 0; i < configured.size(); i++) agents.add(AgentAccount.fromJson(configured.getJsonObject(i), capacity));
    return new AccesslineConfig(
        var.apply("HTTP_HOST").orElse(json.getString("httpHost", d.httpHost)),
        var.apply("HTTP_PORT").map(Integer::parseInt).orElse(json.getInteger("httpPort", d.httpPort)),
        Path.of(var.apply("DATA_DIR").orElse(json.getString("dataDir", d.dataDir.toString()))),
        centerName(json, var, d),
        capacity,
        Duration.ofSeconds(var.apply("HANDBACK_GRACE_SECONDS").map(Long::parseLong).orElse(json.getLong("handbackGraceSeconds", d.handbackGrace.toSeconds()))),
        var.apply("MAX_MESSAGE_BYTES").map(Integer::parseInt).orElse(json.getInteger("maxMessageBytes", d.maxMessageBytes)),
        var.apply("RESIDENT_BURST").map(Integer::parseInt).orElse(json.getInteger("residentBurst", d.residentBurst)),
        var.apply("RESIDENT_MESSAGES_PER_SECOND").map(Double::parseDouble).orElse(json.getDouble("residentMessagesPerSecond", d.residentMessagesPerSecond)),
        Duration.ofHours(var.apply("SESSION_HOURS").map(Long::parseLong).orElse(json.getLong("sessionHours", d.sessionLifetime.toHours()))),
        var.apply("SECURE_COOKIES").map(Boolean::parseBoolean).orElse(json.getBoolean("secureCookies", d.secureCookies)),
        agents,
        twilio(json.getJsonObject("twilio", new JsonObject()), var, json.getString("publicBaseUrl")),
        tty(json.getJsonObject("tty", new JsonObject()), var, centerName(json, var, d)).withIntake(ttyIntake(json.getJsonObject("tty", new JsonObject()), var)),
        smsSender(json.getJsonObject("twilio", new JsonObject()), var),
        var.apply("SMS_HELP_TEXT").orElse(json.getJsonObject("sms", new JsonObject()).getString("helpText", helpText(centerName(json, var, d)))),
        var.apply("TWILIO_API_BASE_URL").or(() -> Optional.ofNullable(json.getJsonObject("twilio", new JsonObject()).getString("apiBaseUrl"))),
        Duration.ofMillis(json.getJsonObject("sms", new JsonObject()).getLong("firstRetryMillis", d.smsFirstRetry.toMillis())),
        json.getJsonObject("sms", new JsonObject()).getInteger("attempts", d.smsAttempts),
        smsSettings(json.getJsonObject("sms", new JsonObject()), var, d.smsSettings),
        emergencies(json.getJsonObject("emergency", new JsonObject()), d.emergencies),
        limits(json.getJsonObject("limits", new JsonObject()), d.limits),
        new QueueUpdates(Duration.ofSeconds(json.getJsonObject("queueUpdates", new JsonObject()).getLong("everySeconds", d.queueUpdates.every().toSeconds())),
            Duration.ofSeconds(json.getJsonObject("queueUpdates", new JsonObject()).getLong("typicalHandleSeconds", d.queueUpdates.typicalHandle().toSeconds()))),
        routing(json.getJsonObject("routing", new JsonObject()), d.routing),
        var.apply("STORE_URL").or(() -> Optional.ofNullable(json.getJsonObject("store", new JsonObject()).getString("url"))),
        var.apply("STORE_SCHEMA").orElse(json.getJsonObject("store", new JsonObject()).getString("schema", d.storeSchema)),
        Duration.ofDays(var.apply("RETENTION_DAYS").map(Long::parseLong).orElse(json.getJsonObject("retention", new JsonObject()).getLong("days", 0L))),
        var.apply("SEAL_KEY_FILE").or(() -> Optional.ofNullable(json.getJsonObject("seal", new JsonObject()).getString("keyFile"))).map(Path::of),
        var.apply("SEAL_CHECKPOINT_FILE").or(() -> Optional.ofNullable(json.getJsonObject("seal", new JsonObject()).getString("checkpointFile"))).map(Path::of),
        Duration.ofMinutes(var.apply("SEAL_CHECKPOINT_MINUTES").map(Long::parseLong)
            .orElse(json.getJsonObject("seal", new JsonObject()).getLong("checkpointMinutes", d.checkpointEvery.toMinutes()))),
        clientLimits(json, var, d.clientLimits),
        workspace(json, var, d.workspace), Operations.fromJson(json, var),
        RelayConfig.fromJson(json.getJsonObject("relay", new JsonObject()), var, centerName(json, var, d)),
        ClusterSettings.fromJson(json.getJsonObject("cluster", new JsonObject()), var),
        org.accessline.web.dashboard.DashboardConfig.fromJson(json.getJsonObject("dashboard", new JsonObject()), var,
            org.accessline.web.reports.ReportsConfig.fromJson(json.getJsonObject("reports", new JsonObject()), var).targets()),
        DirectoryConfig.fromJson(json.getJsonObject("directory", new JsonObject()), var),
        FollowUpConfig.fromJson(json.getJsonObject("followUps", new JsonObject()), var),
        Open311Config.fromJson(json.getJsonObject("open311", new JsonObject()), var),
        org.accessline.web.reports.ReportsConfig.fromJson(json.getJsonObject("reports", new JsonObject()), var),
        QualitySettings.fromJson(json.getJsonObject("quality", new JsonObject()), var));
  }

  /** {@code records.categories} (a list in the file; a comma-separated list in the environment) and the resident names' key. */
  private static WorkspaceSettings workspace(JsonObject json, Function<String, Optional<String>> var, WorkspaceSettings d) {
    JsonObject records = json.getJsonObject("records", new JsonObject());
    List<String> categories = var.apply("RECORDS_CATEGORIES").map(v -> List.of(v.strip().split("\\s*,\\s*")))
        .orElseGet(() -> strings(records.getJsonArray("categories"), d.categories()));
    Optional<Path> keyFile = var.apply("RESIDENT_NAMES_KEY_FILE").or(() -> Optional.ofNullable(json.getJsonObject("residentNames", new JsonObject()).getString("keyFile")))
        .map(Path::of);
    return new WorkspaceSettings(categories, keyFile);
  }

  private static SmsSettings smsSettings(JsonObject json, Function<String, Optional<String>> var, SmsSettings d) {
    return new SmsSettings(
        Duration.ofMillis(var.apply("SMS_ANSWER_TIMEOUT_MILLIS").map(Long::parseLong).orElse(json.getLong("answerTimeoutMillis", d.answerTimeout().toMillis()))),
        var.apply("SMS_BURST_PER_NUMBER").map(Integer::parseInt).orElse(json.getInteger("burstPerNumber", d.burstPerNumber())),
        var.apply("SMS_PER_MINUTE_PER_NUMBER").map(Integer::parseInt).orElse(json.getInteger("perMinutePerNumber", d.perMinutePerNumber())));
  }

  private static ClientLimits clientLimits(JsonObject json, Function<String, Optional<String>> var, ClientLimits d) {
    JsonObject http = json.getJsonObject("http", new JsonObject());
    Set<String> proxies = var.apply("TRUSTED_PROXIES").map(v -> Set.of(v.strip().split("\\s*,\\s*")))
        .orElseGet(() -> Set.copyOf(strings(json.getJsonArray("trustedProxies"), List.copyOf(d.trustedProxies()))));
    return new ClientLimits(
        var.apply("RESIDENT_ADDRESS_BURST").map(Integer::parseInt).orElse(json.getInteger("residentAddressBurst", d.residentAddressBurst())),
        var.apply("RESIDENT_ADDRESS_MESSAGES_PER_SECOND").map(Double::parseDouble)
            .orElse(json.getDouble("residentAddressMessagesPerSecond", d.residentAddressMessagesPerSecond())),
        var.apply("RESIDENT_CONVERSATIONS_PER_ADDRESS").map(Integer::parseInt)
            .orElse(json.getInteger("residentConversationsPerAddress", d.residentConversationsPerAddress())),
        proxies,
        Duration.ofSeconds(var.apply("HTTP_IDLE_TIMEOUT_SECONDS").map(Long::parseLong).orElse(http.getLong("idleTimeoutSeconds", d.httpIdleTimeout().toSeconds()))),
        Duration.ofSeconds(var.apply("HTTP_HEADER_TIMEOUT_SECONDS").map(Long::parseLong).orElse(http.getLong("headerTimeoutSeconds", d.httpHeaderTimeout().toSeconds()))),
        Duration.ofSeconds(var.apply("HTTP_BODY_TIMEOUT_SECONDS").map(Long::parseLong).orElse(http.getLong("bodyTimeoutSeconds", d.httpBodyTimeout().toSeconds()))));
  }

  private static RoutingSettings routing(JsonObject json, RoutingSettings d) {
    Map<Channel, Integer> weights = new HashMap<>(d.weights());
    JsonObject given = json.getJsonObject("weights", new JsonObject());
    for (String name : given.fieldNames()) weights.put(new Channel(name), given.getInteger(name));
    return new RoutingSettings(weights, json.getBoolean("autoAccept", d.autoAccept()),
        Duration.ofSeconds(json.getLong("acceptTimeoutSeconds", d.acceptTimeout().toSeconds())),
        Duration.ofSeconds(json.getLong("declineCooldownSeconds", d.declineCooldown().toSeconds())),
        Duration.ofHours(json.getLong("affinityHours", d.affinityWindow().toHours())),
        queues(json.getJsonArray("queues"), d.queues()),
        channelQueues(json.getJsonObject("channelQueues", new JsonObject())),
        Optional.ofNullable(json.getString("overflowQueue")),
        contentSkills(json.getJsonObject("contentSkills", new JsonObject())));
  }

  private static ContentSkills contentSkills(JsonObject json) {
    Map<String, List<String>> cues = new HashMap<>();
    for (String skill : json.fieldNames()) cues.put(skill, strings(json.getJsonArray(skill), List.of()));
    return new ContentSkills(cues);
  }

  private static List<QueueDefinition> queues(JsonArray json, List<QueueDefinition> otherwise) {
    if (json == null) return otherwise;
    List<QueueDefinition> out = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      JsonObject q = json.getJsonObject(i);
      out.add(new QueueDefinition(q.getString("name"), q.getInteger("priority", 0), new java.util.HashSet<>(strings(q.getJsonArray("skills"), List.of()))));
    }
    return out;
  }

  private static Map<Channel, String> channelQueues(JsonObject json) {
    Map<Channel, String> out = new HashMap<>();
    for (String name : json.fieldNames()) out.put(new Channel(name), json.getString(name));
    return out;
  }

  private static String centerName(JsonObject json, Function<String, Optional<String>> var, AccesslineConfig d) {
    return var.apply("CENTER_NAME").orElse(json.getString("centerName", d.centerName));
  }

  /** Lists in the file replace the defaults whole, so a center can both add and remove phrases. */
  private static EmergencyPolicy emergencies(JsonObject json, EmergencyPolicy d) {
    JsonObject guidance = json.getJsonObject("guidance", new JsonObject());
    Map<Channel, String> byChannel = new HashMap<>(EmergencyPolicy.DEFAULT_GUIDANCE);
    guidance.forEach(e -> byChannel.put(new Channel(e.getKey()), String.valueOf(e.getValue())));
    return new EmergencyPolicy(strings(json.getJsonArray("phrases"), EmergencyPolicy.DEFAULT_PHRASES),
        strings(json.getJsonArray("notEmergencies"), EmergencyPolicy.DEFAULT_NOT_EMERGENCIES), byChannel, d.defaultGuidance());
  }

  /** General limits, and per channel ones that start from the built-in defaults for that channel. */
  private static LimitPolicy limits(JsonObject json, LimitPolicy d) {
    TimeLimits general = timeLimits(json, d.general());
    Map<Channel, TimeLimits> byChannel = new HashMap<>(d.byChannel());
    JsonObject channels = json.getJsonObject("channels", new JsonObject());
    for (String name : channels.fieldNames()) {
      Channel channel = new Channel(name);
      byChannel.put(channel, timeLimits(channels.getJsonObject(name), d.byChannel().getOrDefault(channel, general)));
    }
    Map<String, TimeLimits> byQueue = new HashMap<>();
    JsonObject queues = json.getJsonObject("queues", new JsonObject());
    for (String name : queues.fieldNames()) byQueue.put(name, timeLimits(queues.getJsonObject(name), general));
    return new LimitPolicy(general, byChannel, byQueue, Duration.ofMillis(json.getLong("checkMillis", d.checkEvery().toMillis())));
  }

  private static TimeLimits timeLimits(JsonObject json, TimeLimits d) {
    return new TimeLimits(Duration.ofSeconds(json.getLong("queueWaitSeconds", d.queueWait().toSeconds())),
        Duration.ofSeconds(json.getLong("firstResponseSeconds", d.firstResponse().toSeconds())),
        Duration.ofSeconds(json.getLong("nextResponseSeconds", d.nextResponse().toSeconds())));
  }

  private static List<String> strings(JsonArray array, List<String> otherwise) {
    if (array == null) return otherwise;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) out.add(array.getString(i));
    return out;
  }

  private static Optional<SmsSender> smsSender(JsonObject json, Function<String, Optional<String>> var) {
    Optional<String> from = var.apply("TWILIO_SMS_FROM").or(() -> Optional.ofNullable(json.getString("smsFrom")));
    Optional<String> service = var.apply("TWILIO_MESSAGING_SERVICE_SID").or(() -> Optional.ofNullable(json.getString("messagingServiceSid")));
    if (from.isEmpty() && service.isEmpty()) return Optional.empty();
    return Optional.of(new SmsSender(from, service));
  }

  /** All three of account, token and public URL, or none: half a Twilio setup is a mistake worth stopping for. */
  private static Optional<TwilioAccount> twilio(JsonObject json, Function<String, Optional<String>> var, String publicBaseUrl) {
    Optional<String> sid = var.apply("TWILIO_ACCOUNT_SID").or(() -> Optional.ofNullable(json.getString("accountSid")));
    Optional<String> token = var.apply("TWILIO_AUTH_TOKEN").or(() -> Optional.ofNullable(json.getString("authToken")));
    Optional<String> base = var.apply("PUBLIC_BASE_URL").or(() -> Optional.ofNullable(publicBaseUrl));
    if (sid.isEmpty() && token.isEmpty()) return Optional.empty();
    if (sid.isEmpty() || token.isEmpty() || base.isEmpty()) {
      throw new IllegalArgumentException("the Twilio channels need twilio.accountSid, twilio.authToken and publicBaseUrl together");
    }
    return Optional.of(new TwilioAccount(sid.get(), token.get(), base.get()));
  }

  private static TtyIntakeSettings ttyIntake(JsonObject json, Function<String, Optional<String>> var) {
    TtyIntakeSettings d = TtyIntakeSettings.defaults();
    return new TtyIntakeSettings(
        Duration.ofSeconds(var.apply("TTY_STREAM_TOKEN_SECONDS").map(Long::parseLong).orElse(json.getLong("streamTokenSeconds", d.streamTokenTtl().toSeconds()))),
        var.apply("TTY_CALLS_PER_NUMBER").map(Integer::parseInt).orElse(json.getInteger("callsPerNumber", d.callsPerNumber())),
        Duration.ofMinutes(var.apply("TTY_CALL_WINDOW_MINUTES").map(Long::parseLong).orElse(json.getLong("callWindowMinutes", d.callWindow().toMinutes()))));
  }

  private static TtyCallSettings tty(JsonObject json, Function<String, Optional<String>> var, String centerName) {
    TtyCallSettings d = TtyCallSettings.defaults(centerName);
    return new TtyCallSettings(
        var.apply("TTY_GREETING").orElse(json.getString("greeting", d.greeting())),
        Duration.ofMillis(json.getLong("greetingDelayMillis", d.greetingDelay().toMillis())),
        Duration.ofMillis(json.getLong("guardMillis", d.guard().toMillis())),
        Duration.ofMillis(json.getLong("echoGuardMillis", d.echoGuard().toMillis())),
        Duration.ofMillis(json.getLong("pauseMillis", d.pause().toMillis())),
        Duration.ofMillis(json.getLong("turnEndMillis", d.turnEnd().toMillis())),
        json.getInteger("wrapColumns", d.wrapColumns()),
        var.apply("TTY_APPEND_GA").map(Boolean::parseBoolean).orElse(json.getBoolean("appendGa", d.appendGa())),
        Duration.ofMinutes(var.apply("TTY_IDLE_HANGUP_MINUTES").map(Long::parseLong).orElse(json.getLong("idleHangupMinutes", d.idleHangup().toMinutes()))),
        ModemSettings.ShiftAfterSpace.parse(var.apply("TTY_SHIFT_AFTER_SPACE").orElse(json.getString("shiftAfterSpace", d.shiftAfterSpace().configName()))));
  }
}
