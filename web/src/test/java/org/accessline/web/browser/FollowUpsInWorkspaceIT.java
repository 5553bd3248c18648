package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.accessline.web.support.Axe;
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

/** A follow-up made, listed and done in the workspace by keyboard alone, with axe passing at each step. */
class FollowUpsInWorkspaceIT extends BrowserTest {
  private WebDriver agent;

  @BeforeEach
  void start() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    agent = browser("profile");
  }

  @Test
  void aFollowUpIsScheduledListedAndDoneByKeyboard() {
    Browsers.signInAvailable(agent, gateway.port(), "maria");
    Browsers.waitFor(agent, By.id("empty-list"));
    Axe.assertNoViolations(agent, "the workspace with its follow-up list empty");
    ResidentClient resident = resident();
    resident.helloNew();
    resident.say("m1", "My recycling bin was not emptied");
    Browsers.waitFor(agent, By.cssSelector("#conversation-list button")).sendKeys(Keys.ENTER);
    Browsers.waitForText(agent, By.id("transcript"), "My recycling bin was not emptied");

    agent.findElement(By.id("follow-up-new")).sendKeys(Keys.ENTER);
    Browsers.waitFor(agent, By.cssSelector("#follow-up-dialog[open]"));
    Workspace.awaitFocus(agent, "follow-up-due");
    Axe.assertNoViolations(agent, "the new follow-up dialog");
    agent.findElement(By.id("follow-up-channel")).sendKeys("A task");
    agent.findElement(By.id("follow-up-note")).sendKeys("Check the bin was emptied on Thursday");
    agent.findElement(By.cssSelector("#follow-up-form button[type=submit]")).sendKeys(Keys.ENTER);
    Browsers.waitForText(agent, By.id("announcer"), "Follow-up scheduled.");
    Workspace.awaitCount(agent, "#follow-up-list li", 1);
    String item = agent.findElement(By.cssSelector("#follow-up-list li")).getText();
    assertTrue(item.contains("task") && item.contains("Check the bin was emptied on Thursday"), item);
    assertTrue(agent.findElement(By.id("follow-ups-empty")).getAttribute("hidden") != null);
    Axe.assertNoViolations(agent, "one follow-up listed");

    agent.findElement(By.cssSelector("#follow-up-list li button")).sendKeys(Keys.ENTER);
    Browsers.waitFor(agent, By.cssSelector("#follow-up-do-dialog[open]"));
    Workspace.awaitFocus(agent, "follow-up-do-text");
    Axe.assertNoViolations(agent, "the do-it dialog");
    agent.switchTo().activeElement().sendKeys("Crew confirmed it was emptied");
    agent.findElement(By.cssSelector("#follow-up-do-form button[type=submit]")).sendKeys(Keys.ENTER);
    Browsers.waitForText(agent, By.id("announcer"), "Follow-up done.");
    Workspace.awaitCount(agent, "#follow-up-list li", 0);
    Workspace.awaitFocus(agent, "follow-ups-heading");
    assertEquals("false", String.valueOf(agent.findElement(By.id("follow-ups-empty")).getAttribute("hidden") != null));
  }
}
