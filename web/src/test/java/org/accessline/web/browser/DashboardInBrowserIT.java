package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A supervisor follows the live dashboard by keyboard: a web chat arriving changes the waiting count
 * within a second of the message being stored, an emergency becomes the first alert within a second,
 * marked in words, a symbol and a border, and its Monitor action works from the keyboard. axe-core
 * audits each state.
 */
class DashboardInBrowserIT extends BrowserTest {
  private WebDriver browser;
  private AgentClient maria;

  @BeforeEach
  void start() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    browser = browser("dashboard");
    maria = staff("maria");
    maria.openConsole(); // online but away: residents wait
  }

  private WebElement focused() {
    return browser.switchTo().activeElement();
  }

  private String channelCell(String channel, int column) {
    Object text = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "const tr = document.querySelector('#dashboard-channels tbody tr[data-key=\"' + arguments[0] + '\"]');"
            + " return tr ? tr.children[arguments[1]].textContent : '';", channel, column);
    return String.valueOf(text);
  }

  private String agentState(String id) {
    Object text = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "const tr = document.querySelector('#dashboard-agents tbody tr[data-key=\"' + arguments[0] + '\"]');"
            + " return tr ? tr.children[1].textContent : '';", id);
    return String.valueOf(text);
  }

  private long millisUntil(java.util.function.Function<WebDriver, Boolean> shown, long sent) {
    new WebDriverWait(browser, Duration.ofSeconds(5)).pollingEvery(Duration.ofMillis(20)).until(shown);
    return (System.nanoTime() - sent) / 1_000_000;
  }

  @Test
  void pushedChangesReachTheDashboardWithinASecondAndAlertsWorkByKeyboard() {
    browser.get("http://127.0.0.1:" + gateway.port() + "/dashboard");
    Browsers.waitFor(browser, By.id("username")).sendKeys("sam");
    focused().sendKeys(Keys.TAB);
    focused().sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    Browsers.waitForText(browser, By.id("connection"), "Connected.");
    assertEquals("main", focused().getAttribute("id"), "after sign-in focus is at the start of the dashboard");
    Browsers.waitForText(browser, By.id("dashboard-agents"), "Maria");
    Browsers.waitForText(browser, By.id("dashboard-queues"), "None answered yet (target 80% within 20 s)");
    Axe.assertNoViolations(browser, "dashboard, a quiet floor");

    // Frames after the first carry only the agents that changed: the page keeps everyone else.
    try (AgentClient lee = staff("lee")) {
      lee.openConsole();
      Browsers.waitForText(browser, By.id("dashboard-agents"), "Lee");
      lee.available();
      new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> agentState("lee").equals("Available") && agentState("maria").equals("Away"));
    }
    // Signed off, lee leaves the floor (or shows offline); maria's row stays as it was.
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !agentState("lee").equals("Available") && agentState("maria").equals("Away"));

    // The event is the durable write: the conversation exists once the resident is acknowledged, so the clock starts there.
    ResidentClient pothole = resident();
    pothole.helloNew();
    long sent = System.nanoTime();
    pothole.say("r1", "There is a pothole on Main Street");
    long durable = System.nanoTime();
    long waitingShown = millisUntil(d -> "1".equals(channelCell("webchat", 1)), durable);
    assertTrue(waitingShown < 1000, "the waiting count changed " + waitingShown + " ms after the resident's message was stored (acknowledged "
        + (durable - sent) / 1_000_000 + " ms after sending)");

    ResidentClient smoke = resident();
    smoke.helloNew();
    String smokeId = smoke.say("r1", "There is smoke coming from the apartment next door").getString("conversationId");
    durable = System.nanoTime();
    long alertShown = millisUntil(d -> !d.findElements(By.cssSelector("#alert-list li.emergency[data-conversation='" + smokeId + "']")).isEmpty(), durable);
    assertTrue(alertShown < 1000, "the emergency alert showed " + alertShown + " ms after the resident's message was stored");
    WebElement alert = browser.findElement(By.cssSelector("#alert-list li:first-child"));
    assertEquals(smokeId, alert.getAttribute("data-conversation"), "the emergency is the first alert");
    assertTrue(alert.getText().contains("⚠ Emergency"), "marked in words and a symbol: " + alert.getText());
    assertEquals("2", channelCell("webchat", 1));
    Browsers.waitForText(browser, By.id("alert-now"), "Emergency:");
    Axe.assertNoViolations(browser, "dashboard, waiting conversations and an emergency alert");
    screenshot(browser, "dashboard");

    // By keyboard alone: Tab from the start of the page reaches the alert's Monitor button.
    browser.findElement(By.id("main")).sendKeys(Keys.TAB);
    for (int i = 0; i < 10 && !"BUTTON".equalsIgnoreCase(focused().getTagName()); i++) focused().sendKeys(Keys.TAB);
    assertTrue(focused().getAttribute("aria-label").startsWith("Monitor"), "the first control after the start is the first alert's Monitor: "
        + focused().getAttribute("aria-label"));
    focused().sendKeys(Keys.ENTER);
    Browsers.waitForText(browser, By.id("monitor-log"), "There is smoke coming from the apartment next door");
    assertEquals("whisper-text", focused().getAttribute("id"), "monitoring puts the cursor in the whisper box");
    Axe.assertNoViolations(browser, "dashboard, monitoring");
    org.accessline.web.support.Emulation.darkMode(browser);
    Axe.assertNoViolations(browser, "dashboard, monitoring, dark mode");
  }

  @Test
  void anEvaluationSubmittedThroughTheApiIsPushedToAnOpenDashboardAndAnnouncedOnce() {
    String record = org.accessline.web.quality.QualityFixtures.record(gateway.store(), "maria", java.time.Instant.now().minusSeconds(3600), false);
    browser.get("http://127.0.0.1:" + gateway.port() + "/dashboard");
    Browsers.waitFor(browser, By.id("username")).sendKeys("sam");
    focused().sendKeys(Keys.TAB);
    focused().sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    Browsers.waitForText(browser, By.id("connection"), "Connected.");
    Browsers.waitForText(browser, By.id("quality"), "No evaluations were submitted in the last 30 days.");
    // Every text the announcer is given, so a second announcement of the same change would show.
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.heard = [];"
        + " new MutationObserver(() => { const t = document.getElementById('announcer').textContent; if (t) window.heard.push(t); })"
        + ".observe(document.getElementById('announcer'), { childList: true, characterData: true, subtree: true });");

    AgentClient sam = staff("sam");
    io.vertx.core.json.JsonObject draft = sam.post("/api/quality/evaluations", new io.vertx.core.json.JsonObject().put("record", record)).bodyAsJsonObject();
    String path = "/api/quality/evaluations/" + draft.getString("id");
    assertEquals(200, sam.put(path + "/answers", new io.vertx.core.json.JsonObject().put("answers", org.accessline.web.quality.QualityFixtures.goodAnswers())).statusCode());
    assertEquals(200, sam.post(path + "/submit", new io.vertx.core.json.JsonObject()).statusCode());
    // Generous: the machine is shared; the point is that it arrives without a reload.
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("quality")).getText().contains("average 89.6% over 1 evaluation"));
    String row = browser.findElement(By.cssSelector("#dashboard-quality tbody tr[data-key='maria']")).getText();
    assertTrue(row.contains("89.6% over 1 evaluation"), row);
    Axe.assertNoViolations(browser, "dashboard, a quality average");

    assertEquals(200, maria.post(path + "/dispute", new io.vertx.core.json.JsonObject().put("reason", "The resident asked me not to file a request.")).statusCode());
    Browsers.waitForText(browser, By.id("quality"), "1 dispute is waiting for a supervisor.");
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
        "return window.heard.filter(t => t.includes('1 dispute is waiting')).length")).intValue() >= 1);
    try {
      Thread.sleep(1500); // more frames come (the floor is looked at five times a second); none may announce it again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Object heard = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.heard.filter(t => t.startsWith('Quality'));");
    assertEquals(2, ((java.util.List<?>) heard).size(), "the submission and the dispute, each announced once: " + heard);

    // By keyboard: the quality table is a stop of its own, so it scrolls from the keyboard on a narrow screen.
    browser.findElement(By.id("main")).sendKeys(Keys.TAB);
    for (int i = 0; i < 20 && !"dashboard-quality-wrap".equals(focused().getAttribute("id")); i++) focused().sendKeys(Keys.TAB);
    assertEquals("dashboard-quality-wrap", focused().getAttribute("id"), "Tab reaches the quality table");
    Axe.assertNoViolations(browser, "dashboard, a dispute open");
  }

  @Test
  void anAgentIsToldTheDashboardIsForSupervisors() {
    browser.get("http://127.0.0.1:" + gateway.port() + "/dashboard");
    Browsers.waitFor(browser, By.id("username")).sendKeys("maria");
    browser.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    Browsers.waitForText(browser, By.id("not-supervisor"), "For supervisors only");
    assertEquals("not-supervisor-heading", focused().getAttribute("id"));
    assertTrue(browser.findElement(By.id("dashboard")).getAttribute("hidden") != null, "the dashboard stays hidden");
    Axe.assertNoViolations(browser, "dashboard, an agent signed in");
  }
}
