package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** A supervisor works the floor in the console by keyboard: sees an emergency alert and the agents, monitors, whispers and steps in. */
class SupervisorInConsoleIT extends BrowserTest {
  private WebDriver supervisor;
  private AgentClient maria;
  private ResidentClient resident;

  @BeforeEach
  void start() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    supervisor = browser("profile");
    maria = staff("maria").available();
    resident = resident();
  }

  @Test
  void theSupervisorSeesTheAlertMonitorsWhispersAndStepsIn() {
    Browsers.signInAvailable(supervisor, gateway.port(), "sam");
    Browsers.waitFor(supervisor, By.id("floor"));
    resident.helloNew();
    resident.say("r1", "There is smoke coming from the apartment next door");
    maria.awaitAssignment();

    Browsers.waitForText(supervisor, By.id("alert-list"), "Emergency");
    Browsers.waitForText(supervisor, By.id("floor-agents"), "Maria");
    Browsers.waitForText(supervisor, By.id("floor-conversations"), "EMERGENCY");
    // The floor table is rebuilt on every alert and every ten seconds.
    Browsers.press(supervisor, By.cssSelector("#floor-conversations button[aria-label='Monitor conversation 1']"));
    Browsers.waitForText(supervisor, By.id("monitor-log"), "There is smoke coming from the apartment next door");
    assertEquals(supervisor.findElement(By.id("whisper-text")), supervisor.switchTo().activeElement(), "monitoring puts the cursor in the whisper box");

    supervisor.findElement(By.id("whisper-text")).sendKeys("Ask if they are out of the building", Keys.ENTER);
    JsonObject whisper = maria.frames.await("the whisper", f -> "entry".equals(f.getString("type"))
        && "whisper".equals(f.getJsonObject("entry").getJsonObject("event").getString("kind")));
    assertEquals("Ask if they are out of the building", whisper.getJsonObject("entry").getJsonObject("event").getString("text"));

    supervisor.findElement(By.id("barge-text")).sendKeys("Please leave the building now and call 911.", Keys.ENTER);
    JsonObject fromCenter = resident.frames.await("the step-in", f -> "Please leave the building now and call 911.".equals(f.getString("text")));
    assertEquals("center", fromCenter.getString("from"));
    Browsers.waitForText(supervisor, By.id("monitor-log"), "Please leave the building now and call 911.");
    assertTrue(supervisor.findElement(By.id("monitor-log")).getText().contains("Whisper from Sam"));
  }
}
