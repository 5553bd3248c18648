package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.accessline.channels.relay.Voices;
import org.accessline.channels.tty.AudioTools;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent works a relay call in the workspace: the etiquette banner, the assistant's words as heard
 * while they speak (shown, not announced word by word), and switching a call the line took for a
 * TTY, by keyboard; axe-core finds nothing wrong.
 */
class RelayCallInWorkspaceIT extends BrowserTest {
  private static final Duration SPEECH = Duration.ofSeconds(120);

  @BeforeAll
  static void requireVoices() {
    AudioTools.require("flite", "sox", "minimodem");
  }

  private WebDriver start(JsonObject relay, String callSid) throws Exception {
    JsonObject options = TwilioWebhookClient.gatewayOptions(new JsonObject());
    options.put("relay", relay.copy().put("enabled", true));
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4, options));
    WebDriver agent = browser("agent-profile");
    Browsers.signInAvailable(agent, gateway.port(), "maria");
    return agent;
  }

  @Test
  void theAgentSeesTheAssistantsWordsAsTheySpeakAndTheEtiquette() throws Exception {
    WebDriver agent = start(new JsonObject(), "CA" + "0123456789abcdef".repeat(2));
    FakeTwilioCall call = closeAfter(new FakeTwilioCall(gateway.vertx, gateway.port(), "CA" + "0123456789abcdef".repeat(2), "+15557650000"));
    String twiml = call.answer();
    call.plays(Voices.join(Voices.silence(400), Voices.flite("hello this is georgia relay operator two six four three", "rms", work), Voices.silence(600)));
    call.connect(twiml);
    Browsers.press(agent, By.cssSelector("#conversation-list button"));
    new WebDriverWait(agent, SPEECH).until(d -> d.findElement(By.id("relay-help")).isDisplayed());
    assertTrue(agent.findElement(By.id("relay-help")).getText().contains("Never hang up"));
    assertTrue(!agent.findElement(By.id("tty-help")).isDisplayed(), "a relay call shows the relay banner, not the TTY one");
    call.awaitMarkEchoed("greeting");

    call.plays(Voices.join(Voices.flite("my street light is out on elm street and it has been dark for a whole week", "rms", work), Voices.silence(300),
        Voices.flite("go ahead", "rms", work), Voices.silence(600)));
    new WebDriverWait(agent, SPEECH).until(d -> d.findElement(By.id("heard-so-far")).isDisplayed()
        && !d.findElement(By.id("heard-so-far-text")).getText().isBlank()
        && d.findElement(By.id("typing")).getText().contains("relay assistant is speaking"));
    assertEquals(null, agent.findElement(By.id("heard-so-far")).getAttribute("aria-live"), "the changing words are not announced one by one");
    Axe.assertNoViolations(agent, "the workspace on a relay call while the assistant speaks");

    new WebDriverWait(agent, SPEECH).until(d -> d.findElement(By.id("transcript")).getText().contains("street"));
    new WebDriverWait(agent, Duration.ofSeconds(30)).until(d -> !d.findElement(By.id("heard-so-far")).isDisplayed());
    assertTrue(agent.findElement(By.id("transcript")).getText().contains("machine-transcribed"));
  }

  @Test
  void theAgentSwitchesACallTheLineTookForATtyByKeyboard() throws Exception {
    WebDriver agent = start(new JsonObject().put("detectSpeech", false), "CA" + "fedcba9876543210".repeat(2));
    FakeTwilioCall call = closeAfter(new FakeTwilioCall(gateway.vertx, gateway.port(), "CA" + "fedcba9876543210".repeat(2), "+15557651111"));
    call.connect(call.answer());
    call.awaitMarkEchoed("greeting");
    Browsers.press(agent, By.cssSelector("#conversation-list button"));
    Browsers.waitFor(agent, By.id("tty-help"));
    assertTrue(!agent.findElement(By.id("relay-help")).isDisplayed());
    agent.findElement(By.id("switch-to-relay")).sendKeys(Keys.ENTER);
    Browsers.waitForText(agent, By.id("announcer"), "now a relay call");
    new WebDriverWait(agent, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("relay-help")).isDisplayed());
    assertTrue(!agent.findElement(By.id("switch-to-relay")).isDisplayed(), "a relay call is not switched back");
    assertEquals("reply", agent.switchTo().activeElement().getAttribute("id"), "the keyboard goes back to the reply box");
    Browsers.waitForText(agent, By.id("transcript"), "switched the call to relay");
    Axe.assertNoViolations(agent, "the workspace after switching a call to relay");
  }
}
