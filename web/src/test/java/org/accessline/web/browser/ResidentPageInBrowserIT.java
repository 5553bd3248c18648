package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.Emulation;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The resident's chat page in headless Chromium: audited by axe-core empty, mid-conversation, at a
 * phone's width and in dark mode; its log only ever grows by one node per message; and a resident
 * using only the keyboard writes, sends, reads the reply and saves a copy, with focus checked at each step.
 */
class ResidentPageInBrowserIT extends BrowserTest {
  private WebDriver browser;
  private AgentClient maria;

  @BeforeEach
  void start() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    browser = browser("resident");
    maria = staff("maria").available();
  }

  private void openChat() {
    browser.get("http://127.0.0.1:" + gateway.port() + "/");
    Browsers.waitForText(browser, By.id("connection"), "Connected.");
  }

  private WebElement focused() {
    return browser.switchTo().activeElement();
  }

  private long count(String css) {
    return browser.findElements(By.cssSelector(css)).size();
  }

  private String reply(String conversation, String text) {
    assertEquals(201, maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", text)).statusCode());
    Browsers.waitForText(browser, By.id("transcript"), text);
    return text;
  }

  @Test
  void everyStatePassesAxeAndEachMessageAddsOneNodeToTheLog() {
    openChat();
    Axe.assertNoViolations(browser, "resident page, empty");

    browser.findElement(By.id("message")).sendKeys("The bus shelter on 5th Street has broken glass", Keys.ENTER);
    String conversation = maria.awaitAssignment();
    Browsers.waitForText(browser, By.id("transcript"), "Maria has joined the conversation.");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> count("#transcript li.pending") == 0);
    assertEquals(1, count("#transcript li.from-resident"), "the resident's own message is in the log once, sent");

    Emulation.watchMutations(browser, "#transcript-list");
    reply(conversation, "Thank you, I have reported it to Transit.");
    pause(300);
    assertEquals(List.of("added:li"), Emulation.changes(browser), "a reply adds exactly one list item and changes nothing else in the log");

    Emulation.watchMutations(browser, "#transcript-list");
    browser.findElement(By.id("message")).sendKeys("Thanks!", Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> count("#transcript li.pending") == 0);
    pause(300);
    List<String> changes = Emulation.changes(browser);
    assertEquals(1, changes.stream().filter("added:li"::equals).count(), "the resident's message enters the log once: " + changes);
    assertTrue(changes.stream().noneMatch(c -> c.equals("removed:li")), "no list item leaves the log: " + changes);

    WebElement reply = browser.findElement(By.cssSelector("#transcript li.from-center"));
    assertTrue(reply.findElement(By.cssSelector(".who")).getText().contains("Maria"), "the center's bubble names who wrote it");
    assertTrue(reply.findElement(By.cssSelector("time")).getAttribute("datetime").matches("\\d{4}-.*"), "times are <time datetime>");
    assertTrue(browser.findElement(By.cssSelector("#transcript li.from-resident .who")).getText().contains("You"));
    String residentSide = (String) Emulation.js(browser).executeScript("return getComputedStyle(document.querySelector('#transcript li.from-resident')).marginLeft");
    assertTrue(!"0px".equals(residentSide), "the resident's bubbles sit on the other side from the center's");
    Axe.assertNoViolations(browser, "resident page, mid-conversation");
    assertFocusRingsVisible("light");

    typingIsAnnouncedOncePerBurst(conversation);

    Emulation.phone(browser, 375, 667);
    pause(200);
    assertComposerOnScreen();
    Axe.assertNoViolations(browser, "resident page, phone width");
    screenshot(browser, "resident-phone");

    Emulation.darkMode(browser);
    pause(200);
    assertEquals("rgb(18, 18, 18)", Emulation.js(browser).executeScript("return getComputedStyle(document.body).backgroundColor"));
    Axe.assertNoViolations(browser, "resident page, dark mode, phone width");
    assertFocusRingsVisible("dark");
    screenshot(browser, "resident-dark");

    // How loud the log was as each bubble came in, noted from before the page's own scripts run.
    ((org.openqa.selenium.chromium.ChromiumDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
        "window.liveAtAdd = []; document.addEventListener('DOMContentLoaded', () => new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => {"
        + " if (n.nodeName === 'LI') window.liveAtAdd.push(document.getElementById('transcript').getAttribute('aria-live')); })))"
        + ".observe(document.getElementById('transcript-list'), {childList: true}));"));
    browser.navigate().refresh();
    Browsers.waitForText(browser, By.id("transcript"), "Thank you, I have reported it to Transit.");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "polite".equals(d.findElement(By.id("transcript")).getAttribute("aria-live")));
    List<?> replayed = (List<?>) Emulation.js(browser).executeScript("return window.liveAtAdd");
    assertTrue(!replayed.isEmpty() && replayed.stream().allMatch("off"::equals), "a reload replays the history quietly, not as news: " + replayed);
    Browsers.waitForText(browser, By.id("transcript"), "Thanks!");
    pause(500);
    assertEquals(2, count("#transcript li.from-resident"), "after a reload each of the resident's messages shows once");
    assertEquals(0, count("#transcript li.pending"));
  }

  private void typingIsAnnouncedOncePerBurst(String conversation) {
    Emulation.watchMutations(browser, "#announcer");
    for (boolean active : new boolean[] {true, false, true, false, true}) {
      maria.sendConsole(new JsonObject().put("type", "typing").put("conversationId", conversation).put("active", active));
      pause(1200); // the gateway passes on a change of typing state at most once a second
    }
    Browsers.waitForText(browser, By.id("typing"), "Maria is typing");
    pause(300);
    long filled = Emulation.changes(browser).stream().filter("added:#text"::equals).count();
    assertEquals(1, filled, "one burst of typing is announced once, however often it pauses: " + Emulation.changes(browser));
    reply(conversation, "Anything else?");
    assertEquals("", browser.findElement(By.id("typing")).getText(), "the reply ends the typing notice");
    assertEquals("", browser.findElement(By.id("announcer")).getText(), "nor is a stale \"is typing\" left for a screen reader to find");
  }

  /** The focus ring stands out at 3:1 or more from what it is drawn on: the page, the log, the header. */
  private void assertFocusRingsVisible(String scheme) {
    for (String selector : new String[] {"#message", "#send", "#transcript", "#save-copy"}) {
      double ratio = Emulation.focusRingContrast(browser, selector);
      assertTrue(ratio >= 3.0, scheme + ": the focus ring on " + selector + " is " + ratio + ":1 against its background");
    }
    browser.findElement(By.id("message")).click();
  }

  private void assertComposerOnScreen() {
    Object fits = Emulation.js(browser).executeScript("""
        const h = window.innerHeight;
        const box = document.getElementById('message').getBoundingClientRect();
        const send = document.getElementById('send').getBoundingClientRect();
        return [box.top >= 0 && box.bottom <= h && send.bottom <= h, document.documentElement.scrollHeight <= h, h];""");
    Object layout = Emulation.js(browser).executeScript("return Array.from(document.querySelectorAll('header, main > *')).map(e => e.id + e.className + '=' + Math.round(e.getBoundingClientRect().height)).join(' ')");
    assertEquals(List.of(true, true, 667L), fits, "on a 375x667 phone the message box and Send show without scrolling the page: " + layout);
  }

  @Test
  void aResidentWritesSendsReadsTheReplyAndSavesACopyByKeyboardOnly() throws IOException {
    Path downloads = Files.createDirectories(work.resolve("downloads"));
    Emulation.downloadsTo(browser, downloads);
    openChat();

    focused().sendKeys(Keys.TAB);
    assertEquals("skip-link", focused().getAttribute("class"), "the first Tab stop is the skip link");
    focused().sendKeys(Keys.ENTER);
    assertEquals("message", focused().getAttribute("id"), "the skip link leads to the message box");

    focused().sendKeys("Is the library open on Monday?");
    focused().sendKeys(Keys.ENTER);
    assertEquals("message", focused().getAttribute("id"), "after sending, the cursor stays in the message box");
    assertEquals("", focused().getAttribute("value"));
    String conversation = maria.awaitAssignment();
    String answer = reply(conversation, "Yes, from 9 to 5.");

    focused().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    assertEquals("transcript", focused().getAttribute("id"), "Shift+Tab from the box reaches the conversation log");
    assertEquals("log", focused().getAttribute("role"));
    List<WebElement> items = focused().findElements(By.cssSelector("li"));
    WebElement last = items.get(items.size() - 1);
    assertTrue(last.getText().contains(answer) && last.getText().contains("Maria"), "the reply is the log's last item, with its author: " + last.getText());
    focused().sendKeys(Keys.END); // the log scrolls by keyboard

    focused().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    assertEquals("save-copy", focused().getAttribute("id"));
    focused().sendKeys(Keys.ENTER);
    assertEquals("save-copy", focused().getAttribute("id"), "saving a copy leaves focus on the button");
    Browsers.waitForText(browser, By.id("announcer"), "A copy of the conversation was saved as conversation-");

    Path copy = awaitDownload(downloads);
    String text = Files.readString(copy);
    assertTrue(text.contains("You: Is the library open on Monday?"), text);
    assertTrue(text.contains("Maria: Yes, from 9 to 5."), text);
    assertTrue(text.lines().anyMatch(l -> l.matches("\\[.*\\d{1,2}:\\d{2}.*] Maria: Yes, from 9 to 5\\.")), "each line carries its date and time: " + text);
  }

  private static Path awaitDownload(Path folder) throws IOException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < until) {
      try (Stream<Path> files = Files.list(folder)) {
        List<Path> done = files.filter(p -> p.getFileName().toString().endsWith(".txt")).toList();
        if (!done.isEmpty()) return done.get(0);
      }
      pause(100);
    }
    throw new AssertionError("no copy was downloaded to " + folder);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
