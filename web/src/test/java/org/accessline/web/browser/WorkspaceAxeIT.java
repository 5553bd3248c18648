package org.accessline.web.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/** axe-core finds nothing wrong in any state of the workspace: signed out, busy, each dialog, a phone, dark mode. */
class WorkspaceAxeIT extends BrowserTest {
  private WebDriver agent;

  @BeforeEach
  void start() throws IOException {
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 5, Workspace.offering(300)));
    agent = browser("profile");
  }

  private void residentWrites(String text) {
    ResidentClient resident = resident();
    resident.helloNew();
    resident.say("m1", text);
  }

  private void dialog(String opener, String dialog, String state) {
    agent.findElement(By.id(opener)).sendKeys(Keys.ENTER);
    Browsers.waitFor(agent, By.cssSelector("#" + dialog + "[open]"));
    Axe.assertNoViolations(agent, state);
    agent.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    Workspace.awaitFocus(agent, opener);
  }

  @Test
  void everyStateOfTheWorkspacePassesAxe() {
    agent.get("http://127.0.0.1:" + gateway.port() + "/agent");
    Browsers.waitFor(agent, By.id("username"));
    Axe.assertNoViolations(agent, "the workspace's sign-in");

    Browsers.signInAvailable(agent, gateway.port(), "maria");
    Browsers.waitFor(agent, By.id("empty-list"));
    Axe.assertNoViolations(agent, "the workspace with no conversations");

    String[] asks = {"Missed trash pickup on Oak Ave", "How do I renew a dog license?", "Noise complaint on 3rd Street", "Is City Hall open Friday?"};
    for (int i = 0; i < asks.length; i++) {
      residentWrites(asks[i]);
      Browsers.waitFor(agent, By.cssSelector("#offer-list button.accept")).sendKeys(Keys.ENTER);
      Workspace.awaitCount(agent, "#conversation-list button", i + 1);
    }
    residentWrites("A fifth resident waits on an offer");
    Browsers.waitFor(agent, By.cssSelector("#offer-list button.accept"));
    Browsers.waitForText(agent, By.id("transcript"), "Is City Hall open Friday?");
    screenshot(agent, "workspace");
    Axe.assertNoViolations(agent, "four conversations and an offer pending");

    dialog("open-transfer", "transfer-dialog", "the transfer dialog");
    dialog("open-escalate", "escalate-dialog", "the escalate dialog");
    dialog("open-resolve", "resolve-dialog", "the resolve dialog");
    dialog("open-settings", "settings-dialog", "the shortcuts and alerts dialog");
    dialog("open-canned", "canned-dialog", "the canned replies dialog");

    agent.findElement(By.id("reply")).sendKeys("/");
    Browsers.waitFor(agent, By.id("canned-results"));
    Axe.assertNoViolations(agent, "canned reply search from the reply box");
    agent.findElement(By.id("reply")).sendKeys(Keys.BACK_SPACE);

    ((HasCdp) agent).executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    Axe.assertNoViolations(agent, "the workspace in dark mode");
    screenshot(agent, "workspace-dark");
    ((HasCdp) agent).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));

    agent.manage().window().setSize(new Dimension(390, 844));
    Axe.assertNoViolations(agent, "the workspace at phone width");
    screenshot(agent, "workspace-phone");
  }
}
