package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A resident's page and an agent's console in two separate headless Chromium profiles, driven by
 * keyboard where a person would use it. Runs against the system Chromium and chromedriver; with
 * {@code CI=true} a missing browser fails the build instead of skipping.
 */
class ResidentAndAgentInBrowsersIT extends BrowserTest {
  private WebDriver residentBrowser;
  private WebDriver agentBrowser;

  @BeforeEach
  void start() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    residentBrowser = browser("resident-profile");
    agentBrowser = browser("agent-profile");
  }

  /** Runs before the windows close, so the last screen of each is kept. */
  @AfterEach
  void keepLastScreens() {
    screenshot(residentBrowser, "resident");
    screenshot(agentBrowser, "agent");
  }

  private String url(String path) {
    return "http://127.0.0.1:" + gateway.port() + path;
  }

  private static WebElement waitFor(WebDriver driver, By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static void waitForText(WebDriver driver, By by, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  @Test
  void aResidentAndAnAgentExchangeMessagesAndBothSeeThem() {
    agentBrowser.get(url("/agent"));
    waitFor(agentBrowser, By.id("username")).sendKeys("maria");
    agentBrowser.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    waitFor(agentBrowser, By.id("presence"));
    new Select(agentBrowser.findElement(By.id("presence"))).selectByValue("available");

    residentBrowser.get(url("/"));
    waitForText(residentBrowser, By.id("connection"), "Connected.");
    residentBrowser.findElement(By.id("message")).sendKeys("My recycling was not picked up", Keys.ENTER);
    waitForText(residentBrowser, By.id("transcript"), "Maria has joined the conversation.");

    waitFor(agentBrowser, By.cssSelector("#conversation-list button"));
    waitForText(agentBrowser, By.cssSelector("#conversation-list button .badge"), "1");
    Browsers.press(agentBrowser, By.cssSelector("#conversation-list button"));
    waitForText(agentBrowser, By.id("transcript"), "My recycling was not picked up");
    assertTrue(agentBrowser.findElements(By.cssSelector("#conversation-list .badge")).stream().noneMatch(WebElement::isDisplayed),
        "opening a conversation clears its unread count");

    WebElement reply = agentBrowser.findElement(By.id("reply"));
    assertEquals(reply, agentBrowser.switchTo().activeElement(), "opening a conversation puts the cursor in the reply box");
    reply.sendKeys("Sorry about that. A truck will come tomorrow.", Keys.ENTER);
    waitForText(residentBrowser, By.id("transcript"), "Sorry about that. A truck will come tomorrow.");
    waitForText(agentBrowser, By.id("transcript"), "Sorry about that. A truck will come tomorrow.");

    residentBrowser.findElement(By.id("message")).sendKeys("Thank you!", Keys.ENTER);
    waitForText(agentBrowser, By.id("transcript"), "Thank you!");

    // A reload keeps the same conversation and shows it again.
    residentBrowser.navigate().refresh();
    waitForText(residentBrowser, By.id("transcript"), "Sorry about that. A truck will come tomorrow.");
    waitForText(residentBrowser, By.id("transcript"), "Thank you!");
    List<WebElement> pending = residentBrowser.findElements(By.cssSelector("#transcript li.pending"));
    assertTrue(pending.isEmpty(), "every message was acknowledged");

    agentBrowser.findElement(By.id("open-resolve")).click();
    new Select(agentBrowser.findElement(By.id("disposition"))).selectByVisibleText("Service request created");
    agentBrowser.findElement(By.id("resolve-submit")).click();
    waitForText(residentBrowser, By.id("transcript"), "This conversation has been closed.");
  }

  @Test
  void anAgentWorksTwoConversationsAtOnceWithUnreadCountsAndEachReplyReachesTheRightResident() {
    agentBrowser.get(url("/agent"));
    waitFor(agentBrowser, By.id("username")).sendKeys("maria");
    agentBrowser.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    new Select(waitFor(agentBrowser, By.id("presence"))).selectByValue("available");

    residentBrowser.get(url("/"));
    waitForText(residentBrowser, By.id("connection"), "Connected.");
    residentBrowser.findElement(By.id("message")).sendKeys("Where do I pay a parking ticket?", Keys.ENTER);
    waitForText(residentBrowser, By.id("transcript"), "has joined the conversation.");
    Browsers.press(agentBrowser, By.cssSelector("#conversation-list button"));
    waitForText(agentBrowser, By.id("transcript"), "Where do I pay a parking ticket?");

    try (ResidentClient second = ResidentClient.connect(gateway.vertx, gateway.port())) {
      second.helloNew();
      second.say("s1", "Is the landfill open Sunday?");
      new WebDriverWait(agentBrowser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#conversation-list button")).size() == 2);
      waitForText(agentBrowser, By.cssSelector("#conversation-list li:nth-child(2) .badge"), "1");
      assertEquals("false", agentBrowser.findElement(By.cssSelector("#conversation-list li:nth-child(2) button")).getAttribute("aria-current"));

      second.say("s2", "And what about holidays?");
      waitForText(agentBrowser, By.cssSelector("#conversation-list li:nth-child(2) .badge"), "2");
      assertFalse(agentBrowser.findElement(By.id("transcript")).getText().contains("landfill"), "the open conversation shows only its own messages");

      Browsers.press(agentBrowser, By.cssSelector("#conversation-list li:nth-child(2) button"));
      waitForText(agentBrowser, By.id("transcript"), "And what about holidays?");
      agentBrowser.findElement(By.id("reply")).sendKeys("Yes, 8 to 4 on Sundays and holidays.", Keys.ENTER);
      second.frames.await("the reply", f -> "Yes, 8 to 4 on Sundays and holidays.".equals(f.getString("text")));

      Browsers.press(agentBrowser, By.cssSelector("#conversation-list li:nth-child(1) button"));
      agentBrowser.findElement(By.id("reply")).sendKeys("At City Hall or online.", Keys.ENTER);
      waitForText(residentBrowser, By.id("transcript"), "At City Hall or online.");
      assertFalse(residentBrowser.findElement(By.id("transcript")).getText().contains("8 to 4"), "each reply reaches only its own resident");
    }
  }

  @Test
  void bothPagesExposeLabelsAndLiveRegionsToScreenReaders() {
    for (WebDriver driver : List.of(residentBrowser, agentBrowser)) {
      driver.get(url(driver == residentBrowser ? "/" : "/agent.html"));
      waitFor(driver, By.tagName("main"));
      if (driver == residentBrowser) {
        WebElement log = driver.findElement(By.id("transcript"));
        assertEquals("log", log.getAttribute("role"));
        assertEquals("polite", log.getAttribute("aria-live"));
      } else {
        // The workspace gives each open conversation a log of its own inside #transcript.
        assertEquals("polite", driver.findElement(By.id("typing")).getAttribute("aria-live"));
        assertEquals("polite", driver.findElement(By.id("announcer")).getAttribute("aria-live"));
      }
      for (WebElement field : driver.findElements(By.cssSelector("input:not([type=hidden]), textarea, select"))) {
        String id = field.getAttribute("id");
        assertFalse(driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(), "field " + id + " has a label");
      }
      assertFalse(driver.findElements(By.cssSelector("[role='alert']")).isEmpty(), "errors are announced");
      assertFalse(driver.findElements(By.cssSelector("a.skip-link")).isEmpty(), "a skip link leads past the header");
    }
  }
}
