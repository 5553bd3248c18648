package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/** An agent passes a conversation to the queue for a skill from the transfer dialog, by keyboard, and the colleague who has it takes it. */
class TransferInConsoleIT extends BrowserTest {
  private WebDriver maria;
  private AgentClient lee;
  private ResidentClient resident;

  @BeforeEach
  void start() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    maria = browser("profile");
    lee = staff("lee");
    resident = resident();
  }

  @Test
  void theAgentPassesItToTheQueueForSpanishAndLeeTakesIt() {
    Browsers.signInAvailable(maria, gateway.port(), "maria");
    resident.helloNew();
    resident.say("r1", "Hola, necesito ayuda con la basura");
    Browsers.press(maria, By.cssSelector("#conversation-list button"));
    Browsers.waitForText(maria, By.id("transcript"), "Hola, necesito ayuda");
    maria.findElement(By.id("open-transfer")).sendKeys(Keys.ENTER);
    assertEquals("transfer-to", maria.switchTo().activeElement().getAttribute("id"), "the dialog opens on its first field");
    new Select(maria.findElement(By.id("transfer-to"))).selectByVisibleText("The queue, for someone with \"es\"");
    maria.findElement(By.id("transfer-note")).sendKeys("Speaks Spanish; trash pickup", Keys.ENTER);
    Browsers.waitForText(maria, By.id("announcer"), "Passed on.");
    new WebDriverWait(maria, Duration.ofSeconds(10)).until(d -> "list-heading".equals(d.switchTo().activeElement().getAttribute("id")));
    lee.available();
    String conversation = lee.awaitAssignment();
    JsonObject transferred = lee.recordEntries(conversation).stream().map(JsonObject.class::cast)
        .filter(e -> "transferred".equals(e.getJsonObject("event").getString("kind"))).findFirst().orElseThrow().getJsonObject("event");
    assertEquals("Speaks Spanish; trash pickup", transferred.getString("note"));
  }
}
