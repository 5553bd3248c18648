package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An agent works a TTY call in the workspace, by keyboard: reading aids, reply preview, stopping a reply; axe-core finds nothing wrong. */
class TtyCallInConsoleIT extends BrowserTest {
  private WebDriver agent;
  private FakeTwilioCall call;

  @BeforeAll
  static void requireModem() {
    FakeTwilioCall.require();
  }

  @BeforeEach
  void start() throws IOException {
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4, TwilioWebhookClient.gatewayOptions(new JsonObject())));
    agent = browser("agent-profile");
    call = closeAfter(new FakeTwilioCall(gateway.vertx, gateway.port(), "CA" + "00112233445566778899aabbccddeeff", "+15557654321"));
  }

  private WebElement waitFor(By by) {
    return Browsers.waitFor(agent, by);
  }

  private void waitForText(By by, String text) {
    Browsers.waitForText(agent, by, text);
  }

  @Test
  void theAgentReadsTheCallerWithHelpPreviewsTheReplyAndCanStopOne() throws Exception {
    Browsers.signInAvailable(agent, gateway.port(), "maria");

    call.connect(call.answer());
    call.awaitMarkEchoed("greeting");
    call.types("PLS SEND INFO ABT BULK PICKUP Q GA", work);
    Browsers.press(agent, By.cssSelector("#conversation-list button"));
    waitForText(By.id("transcript"), "PLS SEND INFO ABT BULK PICKUP Q GA");
    String reading = waitFor(By.cssSelector("#transcript .reading")).getText();
    assertTrue(reading.contains("PLS (please)") && reading.contains("PICKUP?") && reading.contains("GA (go ahead"), reading);
    assertTrue(waitFor(By.id("tty-help")).getText().contains("GA (go ahead)"));
    agent.findElement(By.cssSelector("#tty-help summary")).sendKeys(Keys.ENTER);
    assertTrue(waitFor(By.id("tty-glossary")).getText().contains("OIC"));
    Axe.assertNoViolations(agent, "the workspace on a TTY call with the glossary open");

    WebElement reply = agent.findElement(By.id("reply"));
    reply.sendKeys("Yes: see fairview.gov/bulk & call #311");
    waitForText(By.id("tty-preview-text"), "YES: SEE FAIRVIEW.GOV/BULK AND CALL NBR 311 GA");
    String preview = agent.findElement(By.id("tty-preview-text")).getText();
    assertTrue(preview.contains("s to send") && preview.contains("spelled out") && preview.contains("GA was added"), preview);
    assertTrue(preview.contains("on a new line"), "the preview says the reply starts on a fresh line: " + preview);
    reply.sendKeys(Keys.ENTER);
    waitFor(By.id("tty-sending"));
    waitForText(By.id("transcript"), "delivered: Sent to the caller's TTY as: YES: SEE FAIRVIEW.GOV/BULK AND CALL NBR 311 GA");
    new WebDriverWait(agent, Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(By.id("tty-sending")));

    reply.sendKeys("This one is long and the agent thinks better of it while it is still going out to the caller.", Keys.ENTER);
    waitFor(By.id("tty-stop")).sendKeys(Keys.ENTER);
    waitForText(By.id("transcript"), "undelivered: Stopped by the agent while it was being sent.");
    waitForText(By.id("announcer"), "Stopped 1 reply.");
  }
}
