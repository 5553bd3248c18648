package org.accessline.web.bench;

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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How the agent's page keeps up under load, measured in headless Chromium against the real gateway:
 * with four open conversations of 200 entries each, the time from the agent socket's frame reaching
 * the page to the message's text being in the DOM (p50/p99, for 200 messages to the open
 * conversation), and the JavaScript heap after 1,000 more messages. The same run measures the
 * console as it was before the workspace (its files taken from git at {@link #BASELINE}) as the
 * baseline. Not a test: run it with the command in BENCHMARKS.md.
 */
class WorkspaceBenchmark {
  static final String BASELINE = "c74a143";
  private static final String[] OLD_FILES = {"agent.html", "agent.js", "staff.js", "tty.js", "supervisor.js"};
  private static final int HISTORY = 200;
  private static final int MEASURED = 200;
  private static final int MORE = 1000;

  /** Runs before any page script: notes when each socket frame naming a "bench-N" token arrives and when that token is first in the DOM. */
  private static final String PROBE = """
      window.bench = { frames: {}, shown: {} };
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
      new MutationObserver(records => {
        const now = performance.now();
        for (const r of records) for (const node of r.addedNodes) {
          const text = node.textContent || '';
          if (!text.includes('bench-')) continue;
          for (const m of text.matchAll(/bench-\\d+/g)) if (!(m[0] in window.bench.shown)) window.bench.shown[m[0]] = now;
        }
      }).observe(document, { childList: true, subtree: true });
      """;

  @TempDir Path work;

  record Result(String page, double p50, double p99, double max, int measured, double heapMb) {}

  @Test
  void measure() throws Exception {
    Browsers.require();
    List<Result> results = new ArrayList<>();
    Path oldConsole = Path.of("webroot", "old-console");
    try {
      installOldConsole(oldConsole);
      try {
        results.add(run("old console (" + BASELINE + ")", "/old-console/agent.html", "baseline"));
      } catch (RuntimeException e) {
        System.out.println("The baseline could not be measured: " + e.getMessage().lines().findFirst().orElse(""));
      }
      results.add(run("workspace", "/agent", "workspace"));
    } finally {
      for (String f : OLD_FILES) Files.deleteIfExists(oldConsole.resolve(f));
      Files.deleteIfExists(oldConsole);
      Files.deleteIfExists(oldConsole.getParent());
    }
    StringBuilder out = new StringBuilder("| page | frame → DOM p50 | p99 | max | messages timed | JS heap after 1,000 more |\n|---|---|---|---|---|---|\n");
    for (Result r : results) {
      out.append(String.format("| %s | %.1f ms | %.1f ms | %.1f ms | %d | %.1f MB |%n", r.page, r.p50, r.p99, r.max, r.measured, r.heapMb));
    }
    System.out.println(out);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "workspace-benchmark.md"), out);
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
    JsonObject options = new JsonObject().put("residentBurst", 10_000).put("residentMessagesPerSecond", 10_000.0);
    try (TestGateway gateway = new TestGateway(work.resolve(name), Duration.ofSeconds(30), 4, options)) {
      WebDriver driver = Browsers.open(work.resolve(name + "-profile"));
      List<ResidentClient> residents = new ArrayList<>();
      try {
        ((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
        Browsers.signInAvailable(driver, gateway.port(), "maria");
        if (!path.equals("/agent")) {
          driver.get("http://127.0.0.1:" + gateway.port() + path);
          new org.openqa.selenium.support.ui.Select(Browsers.waitFor(driver, By.id("presence"))).selectByValue("available");
        }
        for (int r = 0; r < 4; r++) {
          ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port());
          residents.add(resident);
          resident.helloNew();
          for (int i = 0; i < HISTORY; i++) resident.say("h" + i, "Earlier message " + i + " from resident " + r);
        }
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("#conversation-list button")).size() == 4);
        Browsers.press(driver, By.cssSelector("#conversation-list li:first-child button"));
        String firstConversation = driver.findElement(By.cssSelector("#conversation-list li:first-child button")).getAttribute("data-conversation");
        ResidentClient open = residents.stream().filter(r -> firstConversation.equals(conversationOf(r))).findFirst().orElseThrow();
        Browsers.waitForText(driver, By.id("transcript"), "Earlier message " + (HISTORY - 1));
        Thread.sleep(1000);
        for (int i = 0; i < MEASURED; i++) {
          open.say("m" + i, "bench-" + i);
          Thread.sleep(20);
        }
        int k = MEASURED;
        for (int i = 0; i < MORE; i++) residents.get(i % 4).say("x" + i, "bench-" + (k++));
        Thread.sleep(2000);
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("return window.bench;");
        @SuppressWarnings("unchecked") Map<String, Number> frames = (Map<String, Number>) seen.get("frames");
        @SuppressWarnings("unchecked") Map<String, Number> shown = (Map<String, Number>) seen.get("shown");
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
          Number f = frames.get("bench-" + i);
          Number s = shown.get("bench-" + i);
          if (f != null && s != null) latencies.add(s.doubleValue() - f.doubleValue());
        }
        Collections.sort(latencies);
        ((HasCdp) driver).executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        ((HasCdp) driver).executeCdpCommand("Performance.enable", Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) ((HasCdp) driver).executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics");
        double heap = metrics.stream().filter(m -> "JSHeapUsedSize".equals(m.get("name"))).mapToDouble(m -> ((Number) m.get("value")).doubleValue()).findFirst().orElse(-1);
        return new Result(label, pct(latencies, 0.50), pct(latencies, 0.99), latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1),
            latencies.size(), heap / (1024 * 1024));
      } finally {
        residents.forEach(ResidentClient::close);
        driver.quit();
      }
    }
  }

  private static String conversationOf(ResidentClient resident) {
    return resident.frames.await("an acknowledgement", f -> "ack".equals(f.getString("type"))).getString("conversationId");
  }

  private static double pct(List<Double> sorted, double p) {
    if (sorted.isEmpty()) return -1;
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
