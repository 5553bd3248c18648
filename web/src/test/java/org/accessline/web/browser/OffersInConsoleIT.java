package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An agent accepts an offered conversation by keyboard; the screen reader is told of the offer, and accepting opens it. */
class OffersInConsoleIT extends BrowserTest {
  private WebDriver agent;
  private ResidentClient resident;

  @BeforeEach
  void start() throws IOException {
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4,
        new JsonObject().put("routing", new JsonObject().put("autoAccept", false).put("acceptTimeoutSeconds", 60))));
    agent = browser("profile");
    resident = resident();
  }

  @Test
  void theAgentAcceptsAnOfferByKeyboard() {
    Browsers.signInAvailable(agent, gateway.port(), "maria");
    resident.helloNew();
    resident.say("r1", "Can I reserve the park pavilion?");
    Browsers.waitForText(agent, By.id("offer-now"), "New web chat from");
    assertTrue(Browsers.waitFor(agent, By.id("offer-list")).getText().contains("Accept within"));
    agent.findElement(By.cssSelector("#offer-list button.accept")).sendKeys(Keys.ENTER);
    // Accepting opens the conversation with the cursor in the reply box.
    Browsers.waitForText(agent, By.id("transcript"), "Can I reserve the park pavilion?");
    new WebDriverWait(agent, Duration.ofSeconds(10)).until(d -> "reply".equals(d.switchTo().activeElement().getAttribute("id")));
    assertTrue(agent.findElement(By.id("offers")).getAttribute("hidden") != null, "the offer is gone once accepted");
  }
}
