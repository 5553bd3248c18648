package org.accessline.web.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How the agent's page keeps up under load, measured in headless Chromium against the real gateway:
 * with four open conversations of 200 entries each, the time from the agent socket's frame reaching
 * the page to the message's text being in the DOM, and to the next painted frame after that (p50/p99,
 * for 200 messages to the open conversation); then the JavaScript heap after 1,000 more messages
 * spread over the four. The same run measures the console as it was before the workspace (its files
 * taken from git at {@link #BASELINE}) as the baseline. Not a test (its name keeps it out of the
 * build's test runs): run it with the command in BENCHMARKS.md.
 */
class WorkspaceBenchmark {
  static final String BASELINE = "c74a143";
  private static final String[] OLD_FILES = {"agent.html", "agent.js", "staff.js", "tty.js", "supervisor.js"};
  private static final int RESIDENTS = 4;
  private static final int HISTORY = 200;
  private static final int MEASURED = 200;
  private static final int MORE = 1000;

  /**
   * Runs before any page script. Notes when each socket frame naming a "bench-N" token is delivered
   * to the page, when that token is first in the DOM (a mutation observer's callback runs right after
   * the page's handler), and when the frame after that has been rendered (a task posted from the next
   * animation frame callback runs after that frame's paint).
   */
  private static final String PROBE = """
      window.bench = { frames: {}, shown: {}, painted: {}, longFrames: [] };
      new PerformanceObserver(list => list.getEntries().forEach(f => window.bench.longFrames.push({ start: f.startTime, duration: f.duration,
        render: f.renderStart ? f.startTime + f.duration - f.renderStart : 0,
        styleAndLayout: f.styleAndLayoutStart ? f.startTime + f.duration - f.styleAndLayoutStart : 0,
        scripts: f.scripts.map(s => ({ invoker: s.invoker, duration: s.duration, forced: s.forcedStyleAndLayoutDuration })) })))
        .observe({ type: 'long-animation-frame', buffered: true });
      const Native = window.WebSocket;
      window.WebSocket = function (...args) {
        const socket = new Native(...args);
        socket.addEventListener('message', ev => {
          const now = performance.now();
          for (const m of String(ev.data).matchAll(/bench-\\d+/g)) if (!(m[0] in window.bench.frames)) window.bench.frames[m[0]] = now;
        });
        return socket;
      };
      window.WebSocket.prototype = Native.prototype;
      Object.assign(window.WebSocket, { OPEN: 1, CLOSED: 3, CONNECTING: 0, CLOSING: 2 });
      let waitingForPaint = [];
      const afterPaint = new MessageChannel();
      afterPaint.port1.onmessage = () => {
        const now = performance.now();
        for (const token of waitingForPaint) window.bench.painted[token] = now;
        waitingForPaint = [];
      };
      new MutationObserver(records => {
        const now = performance.now();
        const before = waitingForPaint.length;
        for (const r of records) for (const node of r.addedNodes) {
          const text = node.textContent || '';
          if (!text.includes('bench-')) continue;
          for (const m of text.matchAll(/bench-\\d+/g)) if (!(m[0] in window.bench.shown)) {
            window.bench.shown[m[0]] = now;
            waitingForPaint.push(m[0]);
          }
        }
        if (before === 0 && waitingForPaint.length > 0) requestAnimationFrame(() => afterPaint.port2.postMessage(0));
      }).observe(document, { childList: true, subtree: true });
      """;

  @TempDir Path work;

  record Result(String page, Stats dom, Stats painted, int measured, Stats burstPainted, int burstTimed, int delivered, double heapMb, long nodes) {}

  record Stats(double p50, double p99, double max) {
    static Stats of(List<Double> values) {
      List<Double> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      return new Stats(pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
    }
  }

  @Test
  void measure() throws Exception {
    Browsers.require();
    List<Result> results = new ArrayList<>();
    Path oldConsole = Path.of("webroot", "old-console");
    try {
      installOldConsole(oldConsole);
      results.add(run("old console (" + BASELINE + ")", "/old-console/agent.html", "baseline"));
      results.add(run("workspace", "/agent", "workspace"));
    } finally {
      for (String f : OLD_FILES) Files.deleteIfExists(oldConsole.resolve(f));
      Files.deleteIfExists(oldConsole);
      Files.deleteIfExists(oldConsole.getParent());
    }
    StringBuilder out = new StringBuilder("""
        | page | frame → DOM p50 / p99 / max | frame → painted p50 / p99 / max | timed | during the burst: frame → painted p50 / p99 / max (timed) | of the 1,000, in the DOM | JS heap after GC | DOM nodes |
        |---|---|---|---|---|---|---|---|
        """);
    for (Result r : results) {
      out.append(String.format("| %s | %.1f / %.1f / %.1f ms | %.1f / %.1f / %.1f ms | %d | %.1f / %.1f / %.1f ms (%d) | %d | %.1f MB | %,d |%n", r.page,
          r.dom.p50, r.dom.p99, r.dom.max, r.painted.p50, r.painted.p99, r.painted.max, r.measured,
          r.burstPainted.p50, r.burstPainted.p99, r.burstPainted.max, r.burstTimed, r.delivered, r.heapMb, r.nodes));
    }
    out.append("load average before / after: ").append(loadBefore).append(" / ").append(loadAverage()).append('\n');
    System.out.println(out);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "workspace-benchmark.md"), out);
  }

  private final String loadBefore = loadAverage();

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The console's files at the baseline commit, under a path of their own that the gateway serves from its working directory. */
  private static void installOldConsole(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    for (String f : OLD_FILES) {
      Process git = new ProcessBuilder("git", "show", BASELINE + ":web/src/main/resources/webroot/" + f).redirectErrorStream(true).start();
      String text = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (git.waitFor() != 0) throw new IllegalStateException("git show failed for " + f + ": " + text);
      if (f.endsWith(".html")) text = text.replaceAll("src=\"/([a-z]+\\.js)\"", "src=\"/old-console/$1\"");
      Files.writeString(dir.resolve(f), text);
    }
  }

  private Result run(String label, String path, String name) throws Exception {
    // Every simulated resident writes from 127.0.0.1, far faster than a person: the per-resident and
    // per-address allowances are lifted, or all but the first conversation would get slow_down.
    JsonObject options = new JsonObject().put("residentBurst", 10_000).put("residentMessagesPerSecond", 10_000.0)
        .put("residentAddressBurst", 100_000).put("residentAddressMessagesPerSecond", 100_000.0);
    try (TestGateway gateway = new TestGateway(work.resolve(name), Duration.ofSeconds(30), RESIDENTS, options)) {
      WebDriver driver = Browsers.open(work.resolve(name + "-profile"));
      List<ResidentClient> residents = new ArrayList<>();
      try {
        ((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
        Browsers.signInAvailable(driver, gateway.port(), "maria");
        if (!path.equals("/agent")) {
          driver.get("http://127.0.0.1:" + gateway.port() + path);
          new Select(Browsers.waitFor(driver, By.id("presence"))).selectByValue("available");
        }
        for (int r = 0; r < RESIDENTS; r++) {
          ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port());
          residents.add(resident);
          resident.helloNew();
          for (int i = 0; i < HISTORY; i++) acked(resident, "h" + i, "Earlier message " + i + " from resident " + r);
        }
        new WebDriverWait(driver, Duration.ofSeconds(60))
            .until(d -> d.findElements(By.cssSelector("#conversation-list button")).size() == RESIDENTS);
        String first = driver.findElement(By.cssSelector("#conversation-list li:first-child button")).getAttribute("data-conversation");
        Browsers.press(driver, By.cssSelector("#conversation-list button[data-conversation='" + first + "']"));
        int openIndex = indexOf(residents, first);
        ResidentClient open = residents.get(openIndex);
        Browsers.waitForText(driver, By.id("transcript"), "Earlier message " + (HISTORY - 1) + " from resident " + openIndex);
        Thread.sleep(1000);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        double from = ((Number) js.executeScript("return performance.now();")).doubleValue();
        for (int i = 0; i < MEASURED; i++) {
          acked(open, "m" + i, "bench-" + i);
          Thread.sleep(20);
        }
        double to = ((Number) js.executeScript("return performance.now();")).doubleValue();
        printLongFrames(label, js, from, to);
        int k = MEASURED;
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < MORE; i++) {
          if (i % RESIDENTS == openIndex) burst.add("bench-" + k);
          acked(residents.get(i % RESIDENTS), "x" + i, "bench-" + (k++));
        }
        int total = k;
        double burstEnd = ((Number) js.executeScript("return performance.now();")).doubleValue();
        printLongFrames(label + ", the burst", js, to, burstEnd);
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> ((Number) js.executeScript(
            "return Object.keys(window.bench.frames).length;")).intValue() >= total);
        js.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => setTimeout(done, 500));");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Number>> seen = (Map<String, Map<String, Number>>) js.executeScript("return window.bench;");
        List<String> timed = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) timed.add("bench-" + i);
        List<Double> dom = between(seen.get("frames"), seen.get("shown"), timed);
        List<Double> painted = between(seen.get("frames"), seen.get("painted"), timed);
        List<Double> burstPainted = between(seen.get("frames"), seen.get("painted"), burst);
        int delivered = (int) seen.get("shown").keySet().stream().filter(t -> Integer.parseInt(t.substring(6)) >= MEASURED).count();
        HasCdp cdp = (HasCdp) driver;
        cdp.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        cdp.executeCdpCommand("Performance.enable", Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) cdp.executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics");
        double heap = metric(metrics, "JSHeapUsedSize");
        long nodes = ((Number) js.executeScript("return document.getElementsByTagName('*').length;")).longValue();
        return new Result(label, Stats.of(dom), Stats.of(painted), dom.size(), Stats.of(burstPainted), burstPainted.size(), delivered,
            heap / (1024 * 1024), nodes);
      } finally {
        residents.forEach(ResidentClient::close);
        driver.quit();
      }
    }
  }

  /** The frames of 50 ms or more between two moments, and what took their time: for finding a cause, not a result. */
  private static void printLongFrames(String label, JavascriptExecutor js, double from, double to) {
    Object summary = js.executeScript("""
        const [from, to] = [arguments[0], arguments[1]];
        const frames = window.bench.longFrames.filter(f => f.start >= from && f.start <= to);
        const sum = f => Math.round(frames.reduce((n, x) => n + f(x), 0));
        const forced = x => x.scripts.reduce((n, s) => n + s.forced, 0);
        return [frames.length + ' frames of 50 ms or more in ' + Math.round(to - from) + ' ms: ' + sum(x => x.duration) + ' ms in all, '
            + sum(forced) + ' ms of it layout forced by scripts, ' + sum(x => x.render) + ' ms rendering']
          .concat(frames.sort((a, b) => b.duration - a.duration).slice(0, 5).map(f => Math.round(f.duration) + ' ms (rendering '
            + Math.round(f.render) + '): ' + f.scripts.length + ' scripts, ' + Math.round(forced(f)) + ' ms forced layout, longest '
            + (f.scripts.sort((a, b) => b.duration - a.duration)[0] || {}).invoker));""", from, to);
    System.out.println("Long animation frames, " + label + ":");
    ((List<?>) summary).forEach(f -> System.out.println("  " + f));
  }

  private static List<Double> between(Map<String, Number> from, Map<String, Number> to, List<String> tokens) {
    List<Double> out = new ArrayList<>();
    for (String t : tokens) if (from.get(t) != null && to.get(t) != null) out.add(to.get(t).doubleValue() - from.get(t).doubleValue());
    return out;
  }

  /** Sends and waits for the durable acknowledgement; a refusal would leave the page with less to show, so it stops the run. */
  private static void acked(ResidentClient resident, String clientId, String text) {
    JsonObject answer = resident.say(clientId, text);
    assertEquals("ack", answer.getString("type"), () -> "the gateway refused a benchmark message: " + answer);
  }

  private static int indexOf(List<ResidentClient> residents, String conversationId) {
    for (int i = 0; i < residents.size(); i++) {
      if (conversationId.equals(residents.get(i).frames.awaitType("ack").getString("conversationId"))) return i;
    }
    throw new IllegalStateException("no resident has conversation " + conversationId);
  }

  private static double metric(List<Map<String, Object>> metrics, String name) {
    return metrics.stream().filter(m -> name.equals(m.get("name"))).mapToDouble(m -> ((Number) m.get("value")).doubleValue()).findFirst().orElse(-1);
  }

  private static double pct(List<Double> sorted, double p) {
    if (sorted.isEmpty()) return -1;
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
