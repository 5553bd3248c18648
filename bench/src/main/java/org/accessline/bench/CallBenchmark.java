package org.accessline.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.channels.tty.BaudotDemodulator;
import org.accessline.channels.tty.BaudotModulator;
import org.accessline.channels.tty.ModemSettings;
import org.accessline.channels.tty.MuLaw;
import org.accessline.channels.tty.StreamFrame;
import org.accessline.channels.tty.StreamFrames;
import org.accessline.channels.tty.TtyCallSettings;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.Role;
import org.accessline.web.Application;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.support.TwilioWebhookClient;

/**
 * Concurrent real-time TTY calls through the whole gateway. For each call count it starts the real
 * application (embedded store, production defaults, a Twilio account configured), and runs
 * {@link CallLoadClient} in a JVM of its own against it; then it looks up every caller's text in the
 * store. In the same run, the demodulator alone on the same audio gives the floor the call path
 * stands on.
 *
 * <p>Options: --calls 100,300,500,700 (the counts to run, one after another), --ramp-ms 5000 (calls
 * arrive evenly over this time), --loops 2 (the load client's event loops), --client-jvm "-Xmx512m".
 */
public final class CallBenchmark {
  private static final String PASSWORD = "bench-password";
  /** Each agent takes up to 50 units; a TTY call is given one unit here, so an agent takes 50 calls. */
  private static final int CAPACITY = 50;

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>(Map.of("calls", "100,300,500,700", "ramp-ms", "5000", "loops", "2", "client-jvm", "-Xmx512m"));
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    System.out.printf("Real-time TTY calls through the whole gateway on loopback: %d cores, %s, Java %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), System.getProperty("java.version"));
    modemAlone();
    frameReading();
    List<String> rows = new ArrayList<>();
    for (String n : o.get("calls").split(",")) rows.add(run(Integer.parseInt(n.strip()), o));
    System.out.println();
    System.out.println("| calls | exact (in store) | garbled / missing | turn latency: last character -> console, p50 / p99 / max (1.2 s of it is the line's turn-end quiet) "
        + "| gateway's part: quiet complete -> console, p50 / p99 / max | client pacing lag p50 / p99 / max | gateway CPU | client CPU |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  /** The demodulator on one caller's audio, as many times as fits in two seconds: real-time streams per core. */
  private static void modemAlone() {
    byte[] audio = MuLaw.encode(new BaudotModulator(ModemSettings.US_TTY).modulate("CALLER 123 NEEDS A BULK PICKUP ON ELM ST GA"));
    int[] chars = new int[1];
    for (int warm = 0; warm < 20; warm++) decode(audio, chars);
    long began = threadCpu();
    long audioSamples = 0;
    while (threadCpu() - began < 2_000_000_000L) {
      decode(audio, chars);
      audioSamples += audio.length;
    }
    double cpu = (threadCpu() - began) / 1e9;
    System.out.printf("  demodulator alone, 20 ms frames, one thread: %,.0f real-time streams per core (thread CPU time)%n", audioSamples / 8000.0 / cpu);
  }

  /** One media message read as the call path did before (a JSON tree and the JDK's base64) and as it does now. */
  private static void frameReading() {
    byte[] audio = new byte[SimulatedCall.FRAME];
    new java.util.Random(1).nextBytes(audio);
    String message = "{\"event\":\"media\",\"sequenceNumber\":\"3\",\"streamSid\":\"MZ18ad3ab5a668481ce02b83e7395059f0\",\"media\":{\"track\":\"inbound\","
        + "\"chunk\":\"1\",\"timestamp\":\"5\",\"payload\":\"" + java.util.Base64.getEncoder().encodeToString(audio) + "\"}}";
    StreamFrames frames = new StreamFrames();
    long[] sink = new long[1];
    Runnable tree = () -> {
      JsonObject m = new JsonObject(message);
      if ("media".equals(m.getString("event"))) sink[0] += java.util.Base64.getDecoder().decode(m.getJsonObject("media").getString("payload")).length;
    };
    Runnable streaming = () -> {
      if (frames.parse(message) instanceof StreamFrame.Media media) sink[0] += media.length();
    };
    double before = nanosPer(tree);
    double now = nanosPer(streaming);
    System.out.printf("  one media message: JSON tree + JDK base64 (before) %,.0f ns and %,d bytes allocated; StreamFrames %,.0f ns and %,d bytes (one thread, CPU time)%n",
        before, bytesPer(tree), now, bytesPer(streaming));
  }

  private static long bytesPer(Runnable read) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long began = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100_000; i++) read.run();
    return (threads.getThreadAllocatedBytes(id) - began) / 100_000;
  }

  private static double nanosPer(Runnable read) {
    for (int i = 0; i < 200_000; i++) read.run();
    int n = 0;
    long began = threadCpu();
    while (threadCpu() - began < 1_000_000_000L) {
      for (int i = 0; i < 10_000; i++) read.run();
      n += 10_000;
    }
    return (threadCpu() - began) / (double) n;
  }

  /** CPU time, not wall time: other processes on a shared machine do not count against the code measured. */
  private static long threadCpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static void decode(byte[] audio, int[] chars) {
    BaudotDemodulator demodulator = new BaudotDemodulator(ModemSettings.US_TTY);
    for (int from = 0; from < audio.length; from += SimulatedCall.FRAME) {
      demodulator.acceptMuLaw(audio, from, Math.min(SimulatedCall.FRAME, audio.length - from), e -> chars[0]++);
    }
  }

  private static String run(int calls, Map<String, String> o) throws Exception {
    int agents = (calls + CAPACITY - 1) / CAPACITY + 1;
    Path data = Files.createTempDirectory("accessline-calls");
    Vertx server = Vertx.vertx();
    TtyCallSettings tty = TtyCallSettings.defaults("Fairview 311");
    Application app = Application.start(server, config(data, agents)).await();
    System.out.printf("%n%d calls arriving over %s ms; %d agents of capacity %d; gateway on 127.0.0.1:%d, embedded store in %s%n",
        calls, o.get("ramp-ms"), agents, CAPACITY, app.port(), data);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : o.get("client-jvm").split("\\s+")) if (!option.isBlank()) command.add(option);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), CallLoadClient.class.getName(), "--port", String.valueOf(app.port()),
        "--calls", String.valueOf(calls), "--agents", String.valueOf(agents), "--password", PASSWORD, "--ramp-ms", o.get("ramp-ms"),
        "--turn-end-ms", String.valueOf(tty.turnEnd().toMillis()), "--loops", o.get("loops")));
    Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<Long> cpuEachSecond = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread sampler = new Thread(() -> {
      try {
        while (client.isAlive()) {
          cpuEachSecond.add(os.getProcessCpuTime());
          Thread.sleep(1000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    Map<String, String> result = new HashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("RESULT ")) {
          for (String pair : line.substring(7).split(" ")) result.put(pair.split("=")[0], pair.split("=")[1]);
        } else {
          System.out.println(line);
        }
      }
    }
    client.waitFor();
    sampler.interrupt();
    double busiest = 0;
    for (int i = 5; i < cpuEachSecond.size(); i++) busiest = Math.max(busiest, (cpuEachSecond.get(i) - cpuEachSecond.get(i - 5)) / 5e9);
    double gatewayCpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
    double wall = (System.nanoTime() - wallBefore) / 1e9;
    long stored = storedExact(app, calls);
    System.out.printf("  gateway CPU %.1f s over %.1f s (%.0f%% of one core; busiest 5 s: %.0f%%); callers' texts exact in the store: %d of %d%n",
        gatewayCpu, wall, 100 * gatewayCpu / wall, 100 * busiest, stored, calls);
    app.stop().await();
    server.close().await();
    return String.format("| %d | %s (%d) | %s / %s | %s / %s / %s ms | %s / %s / %s ms | %s / %s / %s ms | %.0f%% (busiest 5 s %.0f%%) | %s s |", calls, result.get("exact"), stored,
        result.get("garbled"), result.get("missing"), result.get("p50"), result.get("p99"), result.get("max"),
        result.get("own50"), result.get("own99"), result.get("ownMax"),
        result.get("lagP50"), result.get("lagP99"), result.get("lagMax"), 100 * gatewayCpu / wall, 100 * busiest, result.get("clientCpu"));
  }

  private static long storedExact(Application app, int calls) {
    long exact = 0;
    for (int i = 0; i < calls; i++) {
      String expected = "CALLER " + i + " NEEDS A BULK PICKUP ON ELM ST GA";
      Optional<org.accessline.gateway.conversation.ConversationId> id = app.store().latestConversation(new Contact(Channel.TTY, String.format("+1555%07d", i))).await();
      if (id.isEmpty()) continue;
      boolean found = app.store().entries(id.get(), 0).await().stream()
          .anyMatch(e -> e.actor().role() == Role.RESIDENT && e.text().filter(expected::equals).isPresent());
      if (found) exact++;
    }
    return exact;
  }

  private static AccesslineConfig config(Path data, int agents) {
    // Cheap hashes, so that signing agents in does not dominate the set-up.
    String hash = PasswordHasher.hash(PASSWORD.toCharArray(), 1_000);
    JsonArray accounts = new JsonArray();
    for (int a = 0; a < agents; a++) accounts.add(new JsonObject().put("username", "agent" + a).put("passwordHash", hash).put("capacity", CAPACITY));
    return AccesslineConfig.fromJson(TwilioWebhookClient.gatewayOptions(new JsonObject())
        .put("httpHost", "127.0.0.1").put("httpPort", 0).put("dataDir", data.toString())
        .put("routing", new JsonObject().put("autoAccept", true).put("weights", new JsonObject().put("tty", 1)))
        .put("agentCapacity", CAPACITY).put("agents", accounts), Map.of());
  }
}
