package org.accessline.web.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.Workspace;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A service request from the workspace by keyboard alone, with axe passing at each step: the form from the service's questions, refused answers shown by their fields, the request followed to closed and a follow-up offered. */
class ServiceRequestInBrowserIT extends BrowserTest {

  @Test
  void anAgentMakesAServiceRequestByKeyboardAndFollowsItToClosed() throws IOException {
    Vertx cityVertx = Vertx.vertx();
    FakeGeoReport city = new FakeGeoReport(cityVertx);
    city.start();
    closeAfter(() -> {
      city.stop();
      cityVertx.close().await();
    });
    JsonObject open311 = new JsonObject().put("baseUrl", city.baseUrl()).put("apiKey", FakeGeoReport.API_KEY).put("format", "xml").put("pollSeconds", 0.3);
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4, Workspace.offering(300).put("open311", open311)));
    WebDriver agent = browser("maria");
    Browsers.signInAvailable(agent, gateway.port(), "maria");
    ResidentClient resident = resident();
    resident.helloNew();
    resident.say("m1", "Big pothole in front of 415 N Lake Shore Dr, please fix");
    Browsers.press(agent, By.cssSelector("#offer-list button.accept"));
    Browsers.waitForText(agent, By.id("transcript"), "Big pothole");
    ((JavascriptExecutor) agent).executeScript("window.followUps = []; document.addEventListener('accessline:follow-up', e => window.followUps.push(e.detail));");

    Browsers.press(agent, By.id("open311-start"));
    Workspace.awaitFocus(agent, "open311-service");
    Axe.assertNoViolations(agent, "the service request form before a service is chosen");
    agent.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    Browsers.waitFor(agent, By.id("open311-attr-WHERE"));
    assertEquals("415 N Lake Shore Dr", agent.findElement(By.id("open311-address")).getAttribute("value"), "the address is prefilled from what the resident wrote");
    assertTrue(agent.findElement(By.id("open311-description")).getAttribute("value").contains("please fix"));
    Axe.assertNoViolations(agent, "the form built from the pothole service's questions");

    agent.findElement(By.id("open311-send")).sendKeys(Keys.ENTER);
    Browsers.waitForText(agent, By.id("open311-error-WHERE"), "required");
    Workspace.awaitFocus(agent, "open311-attr-WHERE");
    assertEquals("true", agent.findElement(By.id("open311-attr-WHERE")).getAttribute("aria-invalid"));
    Axe.assertNoViolations(agent, "the form with an answer to change");
    agent.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    agent.findElement(By.id("open311-attr-DEPTH")).sendKeys("4");
    agent.findElement(By.id("open311-send")).sendKeys(Keys.ENTER);
    Browsers.waitForText(agent, By.id("open311-list"), "open, city request number");
    Workspace.awaitFocus(agent, "open311-start");
    assertEquals(1, city.posts().size());
    assertEquals("street", city.posts().get(0).get("attribute[WHERE]"));

    String id = city.requests().keySet().iterator().next();
    city.setStatus(id, "closed", "Filled by crew 7");
    Browsers.waitForText(agent, By.id("open311-list"), "closed, city request number " + id + ". Filled by crew 7");
    Browsers.waitForText(agent, By.id("announcer"), "closed");
    Axe.assertNoViolations(agent, "a closed service request with its follow-up offer");
    Browsers.press(agent, By.xpath("//li[@data-state='closed']/button"));
    new WebDriverWait(agent, Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.followUps.length")).intValue() == 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = (Map<String, Object>) ((JavascriptExecutor) agent).executeScript("return window.followUps[0]");
    String conversation = (String) detail.get("conversationId");
    assertEquals(conversation, detail.get("recordId"));
    assertTrue(((String) detail.get("note")).contains("Filled by crew 7"), detail.toString());
  }
}
