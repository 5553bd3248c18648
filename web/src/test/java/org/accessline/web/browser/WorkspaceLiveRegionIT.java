package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
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

/**
 * What a screen reader hears in the workspace: a new message adds exactly one node to the open
 * conversation's log and changes nothing else there, it is announced once, and "is typing" is
 * announced once per burst of typing.
 */
class WorkspaceLiveRegionIT extends BrowserTest {
  private WebDriver agent;
  private ResidentClient resident;

  @BeforeEach
  void start() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    agent = browser("profile");
    resident = resident();
  }

  private Object js(String script) {
    return ((JavascriptExecutor) agent).executeScript(script);
  }

  @Test
  void aNewMessageAddsOneNodeAndIsAnnouncedOnceAndTypingOncePerBurst() throws InterruptedException {
    Browsers.signInAvailable(agent, gateway.port(), "maria");
    resident.helloNew();
    resident.say("r1", "The streetlight is out");
    Browsers.press(agent, By.cssSelector("#conversation-list button"));
    Browsers.waitForText(agent, By.id("transcript"), "The streetlight is out");
    Thread.sleep(500);
    js("""
        const log = document.querySelector('#transcript [role=log]:not([hidden])');
        window.seen = { log: [], announcer: [], typing: [], before: [...log.children] };
        new MutationObserver(ms => ms.forEach(m => window.seen.log.push({ type: m.type, onLog: m.target === log,
          added: m.addedNodes.length, removed: m.removedNodes.length }))).observe(log, { childList: true, subtree: true, characterData: true, attributes: true });
        const watch = (id, into) => new MutationObserver(() => { const t = document.getElementById(id).textContent; if (t) into.push(t); })
          .observe(document.getElementById(id), { childList: true, subtree: true, characterData: true });
        watch('announcer', window.seen.announcer);
        watch('typing', window.seen.typing);
        """);

    resident.send(new JsonObject().put("type", "typing").put("active", true));
    resident.send(new JsonObject().put("type", "typing").put("active", true));
    resident.send(new JsonObject().put("type", "typing").put("active", true));
    Browsers.waitForText(agent, By.id("typing"), "is typing");
    resident.say("r2", "It is on the corner of 5th and Main");
    Browsers.waitForText(agent, By.id("transcript"), "It is on the corner of 5th and Main");
    Thread.sleep(1000);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> changes = (List<Map<String, Object>>) js("return window.seen.log;");
    assertEquals(1, changes.size(), "one change to the log: " + changes);
    Map<String, Object> change = changes.get(0);
    assertEquals("childList", change.get("type"));
    assertEquals(true, change.get("onLog"));
    assertEquals(1L, change.get("added"));
    assertEquals(0L, change.get("removed"));
    assertEquals(true, js("""
        const log = document.querySelector('#transcript [role=log]:not([hidden])');
        return window.seen.before.every((node, i) => log.children[i] === node) && log.children.length === window.seen.before.length + 1;"""),
        "every earlier node is the same node, in place");
    assertEquals(List.of(), js("return window.seen.announcer;"), "the log announces the open conversation's message; nothing repeats it");
    @SuppressWarnings("unchecked")
    List<String> typing = (List<String>) js("return window.seen.typing;");
    assertEquals(1, typing.size(), "one typing announcement for the burst: " + typing);
    assertTrue(typing.get(0).endsWith("is typing…"), typing.get(0));
    assertEquals("", agent.findElement(By.id("typing")).getText(), "the message ends the typing notice");
  }
}
