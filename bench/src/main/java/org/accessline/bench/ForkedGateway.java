package org.accessline.bench;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.accessline.web.Main;

/**
 * One gateway process started from this jar ({@link Main} with a config file), as an operator runs
 * it, with its output in a log file beside its config, and the CPU time the kernel has charged it.
 */
final class ForkedGateway {
  /** Linux's clock ticks per second for /proc/PID/stat (USER_HZ; 100 on every mainstream build). */
  private static final double TICKS_PER_SECOND = 100.0;

  final String name;
  final int port;
  private final Process process;
  private final Path log;

  private ForkedGateway(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Writes {@code config} to {@code dir/NAME.json} and starts a gateway with it; answers once its /health answers. */
  static ForkedGateway start(String name, JsonObject config, Path dir, WebClient http) throws IOException, InterruptedException {
    int port = config.getInteger("httpPort");
    // A gateway left over from an earlier run would answer in this one's place.
    try (java.net.ServerSocket free = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      free.close();
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " is taken: is an earlier run's gateway still running?", e);
    }
    Path file = dir.resolve(name + ".json");
    Path log = dir.resolve(name + ".log");
    Files.writeString(file, config.encode());
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--config", file.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ForkedGateway gateway = new ForkedGateway(name, port, p, log);
    // Never leave a gateway behind, whatever ends the benchmark.
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) throw new IllegalStateException(name + " exited at start:\n" + gateway.logTail());
      try {
        if (http.get(gateway.port, "127.0.0.1", "/health").timeout(2_000).send().await().statusCode() == 200) return gateway;
      } catch (Exception notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new IllegalStateException(name + " did not answer /health within 120 s:\n" + gateway.logTail());
  }

  /** User plus system CPU seconds this process has used so far. */
  double cpuSeconds() {
    return cpuSeconds(process.pid());
  }

  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Stops it as an operator would (SIGTERM), and forcibly if it has not ended within 30 s. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
