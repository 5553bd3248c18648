package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * A supervisor runs a report by keyboard alone: the charts are drawn by Chart.js from its WebJar,
 * each with its figures as a table and a sentence that sums the report up, the CSV link takes the
 * same report, and axe-core finds nothing wrong. An agent is told the page is for supervisors.
 */
class ReportsInBrowserIT extends BrowserTest {
  private WebDriver browser;
  private AgentClient maria;
  private ResidentClient resident;

  @BeforeEach
  void start() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    browser = browser("profile");
    maria = staff("maria").available();
    resident = resident();
  }

  @Test
  void aSupervisorRunsAReportByKeyboardAndReadsItsTables() {
    resident.helloNew();
    resident.say("r1", "The streetlight on Birch Lane is out");
    String id = maria.awaitAssignment();
    maria.post("/api/conversations/" + id + "/messages", new JsonObject().put("text", "Thanks, I have filed a repair request."));
    maria.post("/api/conversations/" + id + "/resolve", new JsonObject().put("disposition", "Service request created"));
    resident.awaitEntry("resolved", "the conversation closing");
    AgentClient sam = staff("sam");
    JsonObject draft = sam.post("/api/quality/evaluations", new JsonObject().put("record", id)).bodyAsJsonObject();
    String evaluation = "/api/quality/evaluations/" + draft.getString("id");
    assertEquals(200, sam.put(evaluation + "/answers", new JsonObject().put("answers", org.accessline.web.quality.QualityFixtures.goodAnswers())).statusCode());
    assertEquals(200, sam.post(evaluation + "/submit", new JsonObject()).statusCode());

    browser.get("http://127.0.0.1:" + gateway.port() + "/reports");
    Browsers.waitFor(browser, By.id("username")).sendKeys("sam");
    browser.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    Browsers.waitFor(browser, By.id("report-form"));
    Browsers.waitForText(browser, By.id("zone-note"), "UTC");
    Axe.assertNoViolations(browser, "reports page, before a report");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertEquals(browser.findElement(By.id("from")), browser.switchTo().activeElement(), "signing in puts the cursor in the first field");
    browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), today, Keys.TAB);
    assertEquals(browser.findElement(By.id("to")), browser.switchTo().activeElement(), "each date is one Tab stop");
    browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), today, Keys.TAB);
    assertEquals(browser.findElement(By.id("bucket")), browser.switchTo().activeElement());
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    browser.switchTo().activeElement().sendKeys("ch");
    assertEquals("channel", browser.findElement(By.id("group")).getAttribute("value"));
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);

    Browsers.waitForText(browser, By.id("summary"), "1 offered, 1 handled and 0 abandoned");
    assertEquals(browser.findElement(By.id("result-heading")), browser.switchTo().activeElement(), "the report's heading takes focus when it is ready");
    assertEquals(4, browser.findElements(By.cssSelector("#charts canvas")).size());
    assertEquals(4L, ((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('#charts canvas').length === 4"
        + " && [...document.querySelectorAll('#charts canvas')].filter(c => window.Chart.getChart(c)).length"), "Chart.js drew every chart");
    String volume = browser.findElement(By.cssSelector("#charts table")).getText();
    assertTrue(volume.contains("webchat, " + today) && volume.contains("Offered"), "each chart's figures are in a table: " + volume);
    assertTrue(browser.findElement(By.id("heatmap-summary")).getText().startsWith("Busiest:"));
    assertEquals("No referrals were made in this range.", browser.findElement(By.id("referrals-summary")).getText());
    assertTrue(browser.findElement(By.id("follow-ups-summary")).getText().startsWith("0 follow-ups done and 0 overdue"));
    assertEquals("Quality average 89.6% over 1 evaluation of 1 agent; 0 flagged.", browser.findElement(By.id("quality-summary")).getText());
    assertEquals(true, ((JavascriptExecutor) browser).executeScript("const c = document.querySelector('#work canvas'); return !!c && !!window.Chart.getChart(c);"),
        "the quality averages are a chart too");
    assertTrue(browser.findElement(By.id("work")).getText().contains("Quality review averages"), "and a table");
    assertTrue(browser.findElement(By.cssSelector("#work table")).getText().contains("Overdue"), "the follow-up figures are a table");
    assertTrue(browser.findElement(By.id("work-csv")).getAttribute("href").contains("/api/reports/work.csv?from=" + today));
    assertTrue(browser.findElement(By.id("csv")).getAttribute("href").contains("/api/reports.csv?from=" + today + "&to=" + today + "&bucket=day&group=channel"));
    Axe.assertNoViolations(browser, "reports page, a report shown");
    org.accessline.web.support.Emulation.darkMode(browser);
    Axe.assertNoViolations(browser, "reports page, a report shown, dark mode");
    screenshot(browser, "reports");
  }

  @Test
  void anAgentIsToldReportsAreForSupervisors() {
    browser.get("http://127.0.0.1:" + gateway.port() + "/reports");
    Browsers.waitFor(browser, By.id("username")).sendKeys("maria");
    browser.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    Browsers.waitForText(browser, By.id("not-supervisor-heading"), "For supervisors only");
    assertEquals(browser.findElement(By.id("not-supervisor-heading")), browser.switchTo().activeElement());
    Axe.assertNoViolations(browser, "reports page, an agent");
  }
}
