package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An agent works by keyboard alone: signs in, accepts two offers with the shortcut, switches between
 * the conversations, replies with a canned reply, files the record's details, transfers one and
 * resolves the other, with the focus checked after every step.
 */
class WorkspaceKeyboardIT extends BrowserTest {
  private WebDriver agent;

  @BeforeEach
  void start() throws IOException {
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4, Workspace.offering(300)));
    agent = browser("profile");
  }

  private void keys(CharSequence... keys) {
    agent.switchTo().activeElement().sendKeys(keys);
  }

  private static String shortcut(CharSequence key) {
    return Keys.chord(Keys.ALT, Keys.SHIFT, key);
  }

  private ResidentClient residentWrites(String text) {
    ResidentClient resident = resident();
    resident.helloNew();
    resident.say("m1", text);
    return resident;
  }

  @Test
  void anAgentWorksTwoConversationsByKeyboardAlone() {
    AgentClient api = staff("maria");
    int created = api.post("/api/canned-replies", new JsonObject().put("title", "Pickup day").put("shortcut", "pickup")
        .put("text", "Hello {resident}, pickup in your area is on Tuesdays.").put("scope", "personal")).statusCode();
    assertTrue(created == 200 || created == 201, "the canned reply was saved: " + created);

    agent.get("http://127.0.0.1:" + gateway.port() + "/agent");
    Browsers.waitFor(agent, By.id("username")).sendKeys("maria", Keys.TAB, TestGateway.PASSWORD, Keys.ENTER);
    Workspace.awaitFocus(agent, "presence");
    keys("Available");
    Browsers.waitForText(agent, By.id("empty-list"), "No conversations right now");

    ResidentClient first = residentWrites("When is pickup on Birch Lane?");
    Browsers.waitFor(agent, By.cssSelector("#offer-list button.accept"));
    Workspace.awaitFocus(agent, "presence");
    keys(shortcut("a"));
    Workspace.awaitFocus(agent, "reply");
    Browsers.waitForText(agent, By.id("transcript"), "When is pickup on Birch Lane?");

    residentWrites("Can I get a new recycling bin?");
    Browsers.waitFor(agent, By.cssSelector("#offer-list button.accept"));
    keys(shortcut("a"));
    Workspace.awaitFocus(agent, "reply");
    Browsers.waitForText(agent, By.id("transcript"), "Can I get a new recycling bin?");
    Workspace.awaitCount(agent, "#conversation-list button", 2);

    // Switch back to the first resident: the list is in urgency-then-wait order, so it is on top.
    keys(shortcut(Keys.ARROW_UP));
    Workspace.awaitFocus(agent, "reply");
    Browsers.waitForText(agent, By.id("transcript"), "When is pickup on Birch Lane?");

    keys("/pick");
    Browsers.waitFor(agent, By.cssSelector("#canned-list button"));
    keys(Keys.ARROW_DOWN);
    Workspace.awaitFocus(agent, "a canned reply", e -> e.getAttribute("class").contains("canned-choice"));
    keys(Keys.ENTER);
    Workspace.awaitFocus(agent, "reply");
    String filled = agent.findElement(By.id("reply")).getAttribute("value");
    assertTrue(filled.startsWith("Hello ") && filled.endsWith("pickup in your area is on Tuesdays.") && !filled.contains("{resident}"), filled);
    keys(Keys.ENTER);
    first.frames.await("the canned reply", f -> filled.equals(f.getString("text")));
    Workspace.awaitFocus(agent, "reply");

    // The details form is in the context panel, reached with Tab.
    for (int i = 0; i < 40 && !"detail-category".equals(Workspace.focused(agent)); i++) keys(Keys.TAB);
    Workspace.awaitFocus(agent, "detail-category");
    keys(Keys.TAB, "pickup, schedule");
    for (int i = 0; i < 10 && !"detail-open311".equals(Workspace.focused(agent)); i++) keys(Keys.TAB);
    keys("SR-1042", Keys.ENTER);
    Browsers.waitForText(agent, By.id("details-status"), "Details saved on the record.");
    Workspace.awaitFocus(agent, "detail-open311");
    Browsers.waitForText(agent, By.id("transcript"), "Open311 SR-1042");

    keys(shortcut("m"));
    Workspace.awaitFocus(agent, "reply");
    keys(shortcut("p"));
    Workspace.awaitFocus(agent, "transfer-to");
    keys("The queue, for someone with \"es\"", Keys.TAB, "Prefers Spanish", Keys.ENTER);
    Browsers.waitForText(agent, By.id("announcer"), "Passed on.");
    WebElement next = Workspace.awaitFocus(agent, "the remaining conversation", e -> e.getAttribute("class").contains("conv"));
    Workspace.awaitCount(agent, "#conversation-list button", 1);

    next.sendKeys(Keys.ENTER);
    Workspace.awaitFocus(agent, "reply");
    Browsers.waitForText(agent, By.id("transcript"), "Can I get a new recycling bin?");
    keys(shortcut("r"));
    Workspace.awaitFocus(agent, "disposition");
    keys("Information provided", Keys.TAB);
    Workspace.awaitFocus(agent, "resolve-submit");
    keys(Keys.ENTER);
    Workspace.awaitCount(agent, "#conversation-list button", 0);
    Workspace.awaitFocus(agent, "list-heading");
    assertEquals("No conversations right now. New ones are offered to you here as residents write.",
        agent.findElement(By.id("empty-list")).getText());
  }
}
