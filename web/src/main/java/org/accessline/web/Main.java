package org.accessline.web;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.channels.sms.SmsWebhookRoutes;
import org.accessline.channels.tty.TtyCallRoutes;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.cluster.ClusterNode;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.ops.Logs;
import org.accessline.web.ops.NodeMetrics;
import org.accessline.web.records.RecordsVerifier;

/**
 * Starts the gateway; with {@code hash-password} prints a password hash for an agent account; with
 * {@code verify} checks interaction records' hash chains (see {@link RecordsVerifier}).
 * Configuration: {@code --config FILE}, else {@code ACCESSLINE_CONFIG}, else {@code ./accessline.json}
 * if present; environment variables override the file.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("hash-password")) {
      System.out.println(PasswordHasher.hash(readPassword()));
      return;
    }
    AccesslineConfig config = AccesslineConfig.load(configFile(args), System.getenv());
    if (args.length > 0 && args[0].equals("verify")) {
      List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
      int at = rest.indexOf("--config");
      if (at >= 0) rest.subList(at, Math.min(at + 2, rest.size())).clear();
      System.exit(RecordsVerifier.run(config, rest, System.out));
      return;
    }
    Logs.configure(config.operations().logFormat(), config.operations().nodeId());
    NodeMetrics metrics = NodeMetrics.of(config);
    Vertx vertx;
    try {
      vertx = config.cluster().enabled() ? metrics.clusteredVertx(ClusterNode.options(config.cluster()), ClusterNode.manager(config.cluster())).await()
          : metrics.vertx();
    } catch (Exception e) {
      System.err.println("Accessline could not join the cluster \"" + config.cluster().name() + "\": " + e.getMessage());
      System.exit(1);
      return;
    }
    Application app;
    try {
      app = Application.start(vertx, config, metrics).await();
    } catch (Exception e) {
      System.err.println("Accessline could not start: " + e.getMessage());
      vertx.close();
      System.exit(1);
      return;
    }
    String base = "http://" + (app.host().equals("0.0.0.0") || app.host().equals("::") ? "localhost" : app.host()) + ":" + app.port();
    System.out.println("Accessline (" + config.centerName() + ") is up. Records are kept in " + config.dataDir().toAbsolutePath() + ".");
    System.out.println("  Resident chat:    " + base + "/");
    System.out.println("  Agent workspace:  " + base + "/agent");
    System.out.println("  Supervisor floor: " + base + "/supervisor");
    System.out.println("  Records:          " + base + "/records.html");
    System.out.println("  Administration:   " + base + "/admin");
    if (config.operations().metricsEnabled()) {
      System.out.println(app.managementPort().map(p -> "  Metrics:          http://" + config.operations().metricsHost() + ":" + p + "/metrics")
          .orElse("  Metrics:          " + base + "/metrics (a supervisor's sign-in or the metrics token)"));
    }
    if (config.cluster().enabled()) {
      System.out.println("  Cluster:          node \"" + config.operations().nodeId() + "\" of \"" + config.cluster().name()
          + "\"; the open conversations are owned by one node at a time and move when it leaves.");
    }
    System.out.println(config.twilio().filter(t -> config.cluster().enabled())
        .map(t -> "  TTY calls are off in a cluster: a call's audio stream must stay with the node that owns its conversation.")
        .or(() -> config.twilio().map(t -> "  TTY calls:        point the Twilio number's voice webhook at " + t.url(TtyCallRoutes.VOICE_PATH) + " (HTTP POST)."))
        .orElse("  Twilio channels (SMS, TTY calls) are off: set ACCESSLINE_TWILIO_ACCOUNT_SID, ACCESSLINE_TWILIO_AUTH_TOKEN and ACCESSLINE_PUBLIC_BASE_URL to turn them on."));
    config.twilio().ifPresent(t -> System.out.println(config.smsSender().isPresent()
        ? "  SMS:              point the number's messaging webhook at " + t.url(SmsWebhookRoutes.INBOUND_PATH) + " (HTTP POST)."
        : "  SMS is off: set ACCESSLINE_TWILIO_SMS_FROM or ACCESSLINE_TWILIO_MESSAGING_SERVICE_SID to turn it on."));
    if (app.demoOnly() && config.httpHost().equals(AccesslineConfig.AUTO_HOST)) {
      System.out.println("  Listening on loopback (" + app.host() + ") only, while the first-start demo accounts can sign in: configure staff accounts, one of them with role admin (or disable the demo ones on the admin page), or set httpHost (ACCESSLINE_HTTP_HOST), to take connections from other machines.");
    }
    app.demoAccounts().forEach(demo -> System.out.println("  A demo " + demo.account().role().wireName()
        + " was created for this first start: username \"" + demo.account().username() + "\", password \"" + demo.password()
        + "\". Write it down: it is stored only as a hash and is not shown again."));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // An operator who sees the gateway gone should see why in its own output.
      System.out.println("Accessline is stopping: new texts and calls get 503 while replies settle and the store closes.");
      try {
        app.stop().await();
        System.out.println("Accessline stopped.");
      } catch (Exception e) {
        System.err.println("Accessline: shutdown was not clean: " + e.getMessage());
      }
      vertx.close();
    }));
  }

  private static Optional<Path> configFile(String[] args) {
    for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--config")) return Optional.of(Path.of(args[i + 1]));
    String fromEnv = System.getenv("ACCESSLINE_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(Path.of(fromEnv));
    Path local = Path.of("accessline.json");
    return Files.exists(local) ? Optional.of(local) : Optional.empty();
  }

  private static char[] readPassword() throws Exception {
    Console console = System.console();
    if (console != null) return console.readPassword("Password for the new agent: ");
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null || line.isBlank()) throw new IllegalArgumentException("give the password on standard input");
    return line.toCharArray();
  }
}
