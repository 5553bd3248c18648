package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A supervisor works the floor on its own page by keyboard: waiting conversations with the emergency
 * first and marked in words, an alert, pushed updates that change the tables in place while focus
 * stays in them, then monitoring with a whisper and a message to the resident. axe-core audits it.
 */
class SupervisorPageInBrowserIT extends BrowserTest {
  private WebDriver browser;
  private AgentClient maria;

  @BeforeEach
  void start() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    browser = browser("supervisor");
    maria = staff("maria");
    maria.openConsole(); // online but away: residents wait
  }

  private WebElement focused() {
    return browser.switchTo().activeElement();
  }

  private String waitingRow(int n) {
    return "#floor-waiting tbody tr:nth-child(" + n + ")";
  }

  @Test
  void theFloorUpdatesInPlaceKeepsFocusAndMonitorsAnEmergency() {
    ResidentClient pothole = resident();
    pothole.helloNew();
    String potholeId = pothole.say("r1", "There is a pothole on Main Street").getString("conversationId");
    ResidentClient smoke = resident();
    smoke.helloNew();
    String smokeId = smoke.say("r1", "There is smoke coming from the apartment next door").getString("conversationId");

    browser.get("http://127.0.0.1:" + gateway.port() + "/supervisor");
    Browsers.waitFor(browser, By.id("username")).sendKeys("sam");
    focused().sendKeys(Keys.TAB);
    focused().sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    Browsers.waitForText(browser, By.id("connection"), "Connected.");
    assertEquals("main", focused().getAttribute("id"), "after sign-in focus is at the start of the floor, not lost on the body");

    Browsers.waitForText(browser, By.id("alert-list"), "Emergency");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#floor-waiting tbody tr")).size() == 2);
    WebElement first = browser.findElement(By.cssSelector(waitingRow(1)));
    assertEquals(smokeId, first.getAttribute("data-key"), "the emergency is first among the waiting");
    assertTrue(first.getText().contains("⚠ Emergency"), "the emergency is marked in words: " + first.getText());
    assertTrue(first.getAttribute("class").contains("emergency"));
    assertTrue(browser.findElement(By.id("floor-agents")).getText().contains("Maria"));
    assertTrue(browser.findElement(By.id("floor-queue")).getText().startsWith("2 waiting"));
    Axe.assertNoViolations(browser, "supervisor page, waiting conversations and an emergency alert");
    assertEquals(true, ((JavascriptExecutor) browser).executeScript(
        "const a = document.querySelector('a.skip-link'); const t = document.querySelector(a.hash); return t !== null && t.tabIndex === -1;"),
        "the skip link leads to a real target that takes focus");
    screenshot(browser, "supervisor-floor");

    // Focus on the second waiting row's Monitor button; a new resident arrives, pushed to the page.
    WebElement monitorPothole = browser.findElement(By.cssSelector(waitingRow(2) + " button[data-focus-key='monitor:" + potholeId + "']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", monitorPothole);
    installRowWatch();
    ResidentClient third = resident();
    third.helloNew();
    long sent = System.nanoTime();
    String thirdId = third.say("r1", "When is the library open?").getString("conversationId");
    new WebDriverWait(browser, Duration.ofSeconds(5)).pollingEvery(Duration.ofMillis(20))
        .until(d -> !d.findElements(By.cssSelector("#floor-waiting tr[data-key='" + thirdId + "']")).isEmpty());
    long millis = (System.nanoTime() - sent) / 1_000_000;
    assertTrue(millis < 1000, "the new waiting conversation was on the page " + millis + " ms after the resident wrote");
    assertEquals(monitorPothole, focused(), "focus stays on the same button while the table changes");
    assertEquals(List.of(), rowsReplaced(), "existing rows are changed in place, never rebuilt");

    // Maria becomes available and takes them all: rows move to "in progress", focus follows its conversation.
    assertEquals(200, maria.put("/api/presence", new JsonObject().put("presence", "available")).statusCode());
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#floor-conversations tbody tr")).size() == 3);
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> ("monitor:" + potholeId).equals(focused().getAttribute("data-focus-key"))
        && !d.findElements(By.cssSelector("#floor-conversations button[data-focus-key='monitor:" + potholeId + "']")).isEmpty());
    assertEquals(browser.findElement(By.cssSelector("#floor-conversations button[data-focus-key='monitor:" + potholeId + "']")), focused(),
        "when a conversation is taken, focus moves with it to its row in progress");
    Axe.assertNoViolations(browser, "supervisor page, conversations in progress");

    WebElement monitorSmoke = browser.findElement(By.cssSelector("#floor-conversations button[data-focus-key='monitor:" + smokeId + "']"));
    monitorSmoke.sendKeys(Keys.ENTER);
    Browsers.waitForText(browser, By.id("monitor-log"), "There is smoke coming from the apartment next door");
    assertEquals("whisper-text", focused().getAttribute("id"), "monitoring puts the cursor in the whisper box");

    focused().sendKeys("Ask if they are out of the building", Keys.ENTER);
    JsonObject whisper = maria.frames.await("the whisper", f -> "entry".equals(f.getString("type"))
        && "whisper".equals(f.getJsonObject("entry").getJsonObject("event").getString("kind")));
    assertEquals("Ask if they are out of the building", whisper.getJsonObject("entry").getJsonObject("event").getString("text"));

    browser.findElement(By.id("barge-text")).sendKeys("Please leave the building now and call 911.", Keys.ENTER);
    JsonObject fromCenter = smoke.frames.await("the step-in", f -> "Please leave the building now and call 911.".equals(f.getString("text")));
    assertEquals("center", fromCenter.getString("from"));
    Browsers.waitForText(browser, By.id("monitor-log"), "Please leave the building now and call 911.");
    assertTrue(browser.findElement(By.id("monitor-log")).getText().contains("Whisper from Sam"));
    Axe.assertNoViolations(browser, "supervisor page, monitoring");
    org.accessline.web.support.Emulation.darkMode(browser);
    Axe.assertNoViolations(browser, "supervisor page, monitoring, dark mode");
    browser.findElement(By.id("barge-text")).click();

    browser.findElement(By.id("stop-monitoring")).sendKeys(Keys.ENTER);
    assertEquals(monitorSmoke, focused(), "stopping returns focus to the Monitor button that started it");
  }

  @Test
  void anAgentIsToldThePageIsForSupervisors() {
    browser.get("http://127.0.0.1:" + gateway.port() + "/supervisor");
    Browsers.waitFor(browser, By.id("username")).sendKeys("maria");
    browser.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    Browsers.waitForText(browser, By.id("not-supervisor"), "For supervisors only");
    assertEquals("not-supervisor-heading", focused().getAttribute("id"));
    assertTrue(browser.findElement(By.id("floor")).getAttribute("hidden") != null, "the floor stays hidden");
    Axe.assertNoViolations(browser, "supervisor page, an agent signed in");
  }

  /** Marks every row now in the floor's tables, so a rebuilt row (a new node for an old key) shows. */
  private void installRowWatch() {
    ((JavascriptExecutor) browser).executeScript(
        "window.__rows = Array.from(document.querySelectorAll('#floor tbody tr')).map(tr => [tr.dataset.key, tr]);");
  }

  @SuppressWarnings("unchecked")
  private List<String> rowsReplaced() {
    return (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return window.__rows.filter(([key, tr]) => !tr.isConnected || document.querySelector('#floor tbody tr[data-key=\"' + key + '\"]') !== tr).map(([key]) => key);");
  }
}
