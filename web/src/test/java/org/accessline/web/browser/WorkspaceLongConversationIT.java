package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * A long conversation with messages arriving fast: taking in a socket frame never measures the page
 * (a layout read after the previous entry's change would lay the page out once per message), the open
 * log still follows the newest message while the agent is at the bottom, and stays put once the agent
 * has scrolled up to read.
 */
class WorkspaceLongConversationIT extends BrowserTest {
  /** Counts reads of layout made while the page handles a socket frame; installed before any page script. */
  private static final String LAYOUT_READS = """
      window.layoutReadsInFrames = 0;
      let inFrame = false;
      const count = (proto, name) => {
        const d = Object.getOwnPropertyDescriptor(proto, name);
        Object.defineProperty(proto, name, { ...d, get() { if (inFrame) window.layoutReadsInFrames++; return d.get.call(this); } });
      };
      ['scrollHeight', 'scrollTop', 'clientHeight', 'clientWidth', 'scrollWidth'].forEach(n => count(Element.prototype, n));
      ['offsetHeight', 'offsetWidth', 'offsetTop', 'offsetLeft', 'innerText'].forEach(n => count(HTMLElement.prototype, n));
      const rect = Element.prototype.getBoundingClientRect;
      Element.prototype.getBoundingClientRect = function () { if (inFrame) window.layoutReadsInFrames++; return rect.call(this); };
      const handler = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
      Object.defineProperty(WebSocket.prototype, 'onmessage', { ...handler, set(h) {
        handler.set.call(this, ev => { inFrame = true; try { return h.call(this, ev); } finally { inFrame = false; } });
      } });
      """;

  private WebDriver agent;
  private ResidentClient resident;

  @BeforeEach
  void start() throws IOException {
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4, new JsonObject().put("residentBurst", 1000)
        .put("residentMessagesPerSecond", 1000.0).put("residentAddressBurst", 1000).put("residentAddressMessagesPerSecond", 1000.0)));
    agent = browser("profile");
    resident = resident();
  }

  private Object js(String script) {
    return ((JavascriptExecutor) agent).executeScript(script);
  }

  private static final String LOG = "document.querySelector('#transcript [role=log]:not([hidden])')";

  @Test
  void framesAreTakenInWithoutMeasuringAndTheLogFollowsOnlyAnAgentAtTheBottom() throws InterruptedException {
    ((HasCdp) agent).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LAYOUT_READS));
    Browsers.signInAvailable(agent, gateway.port(), "maria");
    resident.helloNew();
    for (int i = 0; i < 60; i++) resident.say("h" + i, "Earlier line " + i);
    Browsers.press(agent, By.cssSelector("#conversation-list button"));
    Browsers.waitForText(agent, By.id("transcript"), "Earlier line 59");
    Thread.sleep(500);
    js("window.layoutReadsInFrames = 0;");

    for (int i = 0; i < 40; i++) resident.say("b" + i, "Burst line " + i);
    Browsers.waitForText(agent, By.id("transcript"), "Burst line 39");
    Thread.sleep(500);
    assertEquals(0L, js("return window.layoutReadsInFrames;"), "no layout read while the page took in the 40 frames");
    Number gap = (Number) js("const log = " + LOG + "; return log.scrollHeight - log.scrollTop - log.clientHeight;");
    assertTrue(gap.doubleValue() < 40, "the log followed the newest message; it is " + gap + " px from the bottom");

    js(LOG + ".scrollTop = 0;");
    Thread.sleep(500);
    for (int i = 0; i < 5; i++) resident.say("r" + i, "While reading " + i);
    Browsers.waitForText(agent, By.id("transcript"), "While reading 4");
    Thread.sleep(500);
    assertEquals(0L, js("return " + LOG + ".scrollTop;"), "an agent who scrolled up to read is not pulled down by new messages");
  }
}
