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

/** An agent accepts an offered conversation by keyboard; the screen reader is told of the offer. */
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
    Browsers.waitForText(agent, By.id("offer-now"), "New web chat offered to you");
    assertTrue(Browsers.waitFor(agent, By.id("offer-list")).getText().contains("Accept within"));
    agent.findElement(By.xpath("//ul[@id='offer-list']//button[text()='Accept']")).sendKeys(Keys.ENTER);
    Browsers.press(agent, By.cssSelector("#conversation-list button"));
    Browsers.waitForText(agent, By.id("transcript"), "Can I reserve the park pavilion?");
    assertTrue(agent.findElement(By.id("offers")).getAttribute("hidden") != null, "the offer is gone once accepted");
  }
}
