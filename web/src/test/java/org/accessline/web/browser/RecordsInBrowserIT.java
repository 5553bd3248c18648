package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A supervisor works the records page by keyboard: searches by words and category, reads a record
 * with its times and filed details, follows the link to the resident's next record and back, checks
 * the record was not altered, and puts it on legal hold; each date field is one Tab stop, a date that
 * does not exist is refused where it was typed, no table cell splits a word, and axe-core finds
 * nothing wrong with the results or the open record.
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
    Browsers.waitFor(browser, By.id("q"));
    assertEquals(browser.findElement(By.id("q")), browser.switchTo().activeElement(), "signing in puts the cursor in the first search field");
    browser.switchTo().activeElement().sendKeys("birch");

    // Each date is one field and one Tab stop, typed as year-month-day.
    String today = java.time.LocalDate.now().toString();
    WebElement from = browser.findElement(By.id("from"));
    from.sendKeys("2026-02-30");
    from.sendKeys(Keys.TAB);
    assertEquals(browser.findElement(By.id("to")), browser.switchTo().activeElement(), "one Tab leaves the first date field for the second");
    browser.switchTo().activeElement().sendKeys(today, Keys.TAB);
    assertEquals(browser.findElement(By.id("channel")), browser.switchTo().activeElement(), "one Tab leaves the second date field");
    browser.findElement(By.id("category")).sendKeys("STREETLIGHTS", Keys.ENTER);
    Browsers.waitForText(browser, By.id("from-error"), "a date that exists");
    assertEquals(from, browser.switchTo().activeElement(), "a date that does not exist is refused where it was typed");
    assertEquals("true", from.getAttribute("aria-invalid"));
    assertTrue(browser.findElement(By.id("results")).getAttribute("hidden") != null, "nothing was searched");
    from.clear();
    from.sendKeys(today, Keys.ENTER);
    Browsers.waitForText(browser, By.id("results-status"), "Records 1 to 1.");
    assertEquals("", browser.findElement(By.id("from-error")).getText());
    String row = browser.findElement(By.id("result-rows")).getText();
    assertTrue(row.contains("Service request created") && row.contains("Web chat visitor"), "a row names the resident, not their token: " + row);
    assertTrue(browser.findElement(By.cssSelector("#result-rows time")).getAttribute("datetime").matches("\\d{4}-.*"), "times are <time datetime>");
    assertWordsWhole(browser);
    Axe.assertNoViolations(browser, "records page, search results");
    assertTrue(browser.findElement(By.id("export-csv")).getAttribute("href").contains("category=STREETLIGHTS"), "the export takes the same search");

    Browsers.press(browser, By.cssSelector("#result-rows button"));
    Browsers.waitForText(browser, By.id("record-entries"), "Thanks, I have filed a repair request.");
    String facts = browser.findElement(By.id("record-facts")).getText();
    for (String fact : new String[] {"First offered", "First assigned", "First agent reply", "Streetlights", "ward 2", "Service request created"}) {
      assertTrue(facts.contains(fact), "the record shows " + fact + ": " + facts);
    }
    assertEquals(browser.findElement(By.id("record-heading")), browser.switchTo().activeElement(), "reading a record moves focus to its heading");
    Axe.assertNoViolations(browser, "records page, a record open");
    org.accessline.web.support.Emulation.darkMode(browser);
    Axe.assertNoViolations(browser, "records page, a record open, dark mode");
    assertTrue(org.accessline.web.support.Emulation.focusRingContrast(browser, "#verify") >= 3.0, "the focus ring shows in dark mode");
    assertEquals(true, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "const a = document.querySelector('a.skip-link'); const t = document.querySelector(a.hash); return t !== null && t.tabIndex === -1;"),
        "the skip link leads to a real target that takes focus");
    browser.findElement(By.id("record-heading")).click();

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

    Browsers.press(browser, By.id("back-to-results"));
    assertEquals("Read", browser.switchTo().activeElement().getText(), "back to the results returns to the row's Read button");
  }

  /** No table cell breaks a word across lines: every word is as wide on screen as it is unbroken. */
  private static void assertWordsWhole(WebDriver browser) {
    Object split = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
        const broken = [];
        document.querySelectorAll('#results td, #results th').forEach(cell => {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const re = /\\S+/g; let m;
            while ((m = re.exec(node.data))) {
              const range = document.createRange();
              range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
              if (range.getClientRects().length > 1) broken.push(m[0]);
            }
          }
        });
        return broken;""");
    assertEquals(java.util.List.of(), split, "words split across lines in the results table");
  }
}
