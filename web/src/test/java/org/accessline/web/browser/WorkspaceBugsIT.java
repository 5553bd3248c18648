package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Each of the console's known faults, driven in the workspace the way an agent met it. */
class WorkspaceBugsIT extends BrowserTest {
  private WebDriver agent;

  @BeforeEach
  void start() throws IOException {
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4, Workspace.offering(60)));
    agent = browser("profile");
    Browsers.signInAvailable(agent, gateway.port(), "maria");
  }

  private void accept() {
    Browsers.waitFor(agent, By.cssSelector("#offer-list button.accept")).sendKeys(Keys.ENTER);
  }

  @Test
  void aConversationPassedBackToTheQueueAndAcceptedAgainIsListed() {
    ResidentClient resident = resident();
    resident.helloNew();
    resident.say("r1", "Is the library open late?");
    accept();
    Browsers.waitForText(agent, By.id("transcript"), "Is the library open late?");
    agent.findElement(By.id("open-transfer")).sendKeys(Keys.ENTER);
    new Select(agent.findElement(By.id("transfer-to"))).selectByVisibleText("The queue (anyone)");
    agent.findElement(By.id("transfer-note")).sendKeys("Back to the queue", Keys.ENTER);
    Workspace.awaitCount(agent, "#conversation-list button", 0);
    accept();
    Workspace.awaitCount(agent, "#conversation-list button", 1);
    Browsers.waitForText(agent, By.id("transcript"), "Is the library open late?");
    Workspace.awaitFocus(agent, "reply");
  }

  @Test
  void theOfferCountdownTicks() throws InterruptedException {
    ResidentClient resident = resident();
    resident.helloNew();
    resident.say("r1", "Pothole on Elm Street");
    WebElement countdown = Browsers.waitFor(agent, By.cssSelector("#offer-list time"));
    String first = countdown.getText();
    String firstIso = countdown.getAttribute("datetime");
    Thread.sleep(2500);
    assertNotEquals(first, countdown.getText(), "the countdown moved on");
    assertNotEquals(firstIso, countdown.getAttribute("datetime"), "its machine-readable duration moved on too");
  }

  @Test
  void twoOffersAreTellApartByTheResidentsName() {
    ResidentClient one = resident();
    one.helloNew();
    one.say("a1", "First question");
    ResidentClient two = resident();
    two.helloNew();
    two.say("b1", "Second question");
    Workspace.awaitCount(agent, "#offer-list button.accept", 2);
    List<WebElement> accepts = agent.findElements(By.cssSelector("#offer-list button.accept"));
    String a = accepts.get(0).getAccessibleName();
    String b = accepts.get(1).getAccessibleName();
    assertNotEquals(a, b, "two Accept buttons say whose conversation they take");
    assertTrue(a.startsWith("Accept the web chat from Web chat visitor "), a);
    List<WebElement> items = agent.findElements(By.cssSelector("#offer-list li"));
    assertNotEquals(items.get(0).getText(), items.get(1).getText(), "the offers read differently on screen too");
  }

  @Test
  void anAvailableAgentIsNotToldToBecomeAvailable() {
    WebElement empty = Browsers.waitFor(agent, By.id("empty-list"));
    new WebDriverWait(agent, Duration.ofSeconds(10)).until(d -> empty.getText().startsWith("No conversations right now"));
    ResidentClient resident = resident();
    resident.helloNew();
    resident.say("r1", "Thanks, that is all");
    accept();
    Browsers.waitForText(agent, By.id("transcript"), "Thanks, that is all");
    agent.findElement(By.id("open-resolve")).sendKeys(Keys.ENTER);
    new Select(agent.findElement(By.id("disposition"))).selectByVisibleText("Information provided");
    agent.findElement(By.id("resolve-submit")).sendKeys(Keys.ENTER);
    Workspace.awaitCount(agent, "#conversation-list button", 0);
    String text = Browsers.waitFor(agent, By.id("empty-list")).getText();
    assertFalse(text.contains("Set your status"), text);
    assertEquals("No conversations right now. New ones are offered to you here as residents write.", text);
  }

  @Test
  void acceptingOpensTheConversation() {
    ResidentClient resident = resident();
    resident.helloNew();
    resident.say("r1", "My bin was not emptied");
    accept();
    Browsers.waitForText(agent, By.id("transcript"), "My bin was not emptied");
    Workspace.awaitFocus(agent, "reply");
    assertEquals("true", agent.findElement(By.cssSelector("#conversation-list button")).getAttribute("aria-current"));
  }
}
