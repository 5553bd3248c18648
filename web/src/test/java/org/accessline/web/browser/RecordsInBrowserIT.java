package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
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

/**
 * A supervisor works the records page by keyboard: searches by words and category, reads a record
 * with its times and filed details, follows the link to the resident's next record and back, checks
 * the record was not altered, and puts it on legal hold.
 */
class RecordsInBrowserIT extends BrowserTest {
  private WebDriver browser;
  private AgentClient maria;
  private AgentClient sam;
  private ResidentClient resident;

  @BeforeEach
  void start() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    browser = browser("profile");
    maria = staff("maria").available();
    sam = staff("sam");
    resident = resident();
  }

  @Test
  void aSupervisorFindsReadsFollowsChecksAndHoldsARecord() {
    resident.helloNew();
    resident.say("r1", "The streetlight on Birch Lane has been out for a week");
    String first = maria.awaitAssignment();
    maria.post("/api/conversations/" + first + "/messages", new JsonObject().put("text", "Thanks, I have filed a repair request."));
    maria.put("/api/conversations/" + first + "/details", new JsonObject().put("category", "Streetlights").put("tags", new JsonArray().add("ward 2")));
    maria.post("/api/conversations/" + first + "/resolve", new JsonObject().put("disposition", "Service request created"));
    resident.awaitEntry("resolved", "the first conversation closing");
    String second = resident.say("r2", "Is there a number for the repair?").getString("conversationId");

    browser.get("http://127.0.0.1:" + gateway.port() + "/records.html");
    Browsers.waitFor(browser, By.id("username")).sendKeys("sam");
    browser.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    Browsers.waitFor(browser, By.id("q")).sendKeys("birch");
    browser.findElement(By.id("category")).sendKeys("STREETLIGHTS", Keys.ENTER);
    Browsers.waitForText(browser, By.id("results-status"), "Records 1 to 1.");
    assertTrue(browser.findElement(By.id("result-rows")).getText().contains("Service request created"));
    assertTrue(browser.findElement(By.id("export-csv")).getAttribute("href").contains("category=STREETLIGHTS"), "the export takes the same search");

    Browsers.press(browser, By.cssSelector("#result-rows button"));
    Browsers.waitForText(browser, By.id("record-entries"), "Thanks, I have filed a repair request.");
    String facts = browser.findElement(By.id("record-facts")).getText();
    for (String fact : new String[] {"First offered", "First assigned", "First agent reply", "Streetlights", "ward 2", "Service request created"}) {
      assertTrue(facts.contains(fact), "the record shows " + fact + ": " + facts);
    }
    assertEquals(browser.findElement(By.id("record-heading")), browser.switchTo().activeElement(), "reading a record moves focus to its heading");

    Browsers.press(browser, By.xpath("//div[@id='record-links']/button[contains(., 'followed')]"));
    Browsers.waitForText(browser, By.id("record-entries"), "Is there a number for the repair?");
    assertTrue(browser.getCurrentUrl().endsWith("#record=" + second));
    Browsers.press(browser, By.xpath("//div[@id='record-links']/button[contains(., 'previous')]"));
    Browsers.waitForText(browser, By.id("record-entries"), "Thanks, I have filed a repair request.");

    Browsers.press(browser, By.id("verify"));
    Browsers.waitForText(browser, By.id("verify-result"), "Intact");

    browser.findElement(By.id("legal-hold")).sendKeys(Keys.SPACE);
    Browsers.waitForText(browser, By.id("hold-status"), "The record is on legal hold.");
    screenshot(browser, "records");
    assertEquals(true, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the page fits the window without scrolling sideways");
    assertEquals(true, sam.get("/api/interactions/" + first).bodyAsJsonObject().getBoolean("legalHold"), "the hold is stored");
    assertTrue(browser.findElement(By.id("print-transcript")).getAttribute("href").endsWith("/api/interactions/" + first + "/transcript.html?redact=true"));

    JsonArray trail = sam.get("/api/audit?record=" + first).bodyAsJsonObject().getJsonArray("events");
    assertTrue(trail.stream().map(JsonObject.class::cast).anyMatch(e -> "hold".equals(e.getString("action")) && "sam".equals(e.getString("actor"))),
        "the hold is in the audit log: " + trail);
    Browsers.waitForText(browser, By.id("record-audit"), "sam, hold");
    assertTrue(browser.findElement(By.id("record-audit")).getText().contains("sam, verify"), "the page lists who checked the record too");
  }
}
