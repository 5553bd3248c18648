package org.accessline.web.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * The review journey by keyboard in a real browser: a reviewer goes from the record to the
 * evaluation, answers beside the transcript and submits; the agent reads it and disputes it; another
 * supervisor resolves the dispute. axe-core finds nothing wrong at each step.
 */
class QualityReviewInBrowserIT extends BrowserTest {
  private WebDriver browser;

  @BeforeEach
  void start() throws IOException {
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4, QualityFixtures.withRita()));
    browser = browser("profile");
  }

  private void signIn(String page, String username) {
    browser.manage().deleteAllCookies();
    browser.get("http://127.0.0.1:" + gateway.port() + page);
    Browsers.waitFor(browser, By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
  }

  private void choose(String question, String value) {
    browser.findElement(By.cssSelector("input[name='q-" + question + "'][value='" + value + "']")).sendKeys(Keys.SPACE);
  }

  @Test
  void aReviewerEvaluatesTheAgentDisputesAndASupervisorResolves() {
    String record = QualityFixtures.record(gateway.store(), "maria", Instant.now().minus(Duration.ofHours(1)), false);

    signIn("/records.html#record=" + record, "sam");
    Browsers.waitForText(browser, By.id("record-entries"), "MY STREETLIGHT IS OUT GA");
    Browsers.press(browser, By.linkText("Evaluate this record"));
    Browsers.waitFor(browser, By.id("record-id"));
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> record.equals(d.findElement(By.id("record-id")).getAttribute("value")));
    assertEquals(browser.findElement(By.id("record-id")), browser.switchTo().activeElement(), "the record's id is filled in and focused");
    Axe.assertNoViolations(browser, "review page, reviewer");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    Browsers.waitForText(browser, By.id("transcript"), "MY STREETLIGHT IS OUT GA");
    assertEquals(browser.findElement(By.id("evaluation-heading")), browser.switchTo().activeElement(), "the evaluation's heading takes focus");
    Axe.assertNoViolations(browser, "review page, a draft beside its transcript");
    QualityFixtures.goodAnswers().forEach(a -> choose(a.getKey(), (String) a.getValue()));
    Browsers.press(browser, By.id("submit"));
    Browsers.waitForText(browser, By.id("evaluation-facts"), "89.6%");
    Browsers.waitForText(browser, By.id("status"), "The evaluation is submitted.");
    assertTrue(browser.findElements(By.cssSelector("input[name='q-tone']:enabled")).isEmpty(), "a submitted evaluation shows its answers, fixed");
    screenshot(browser, "review-submitted");

    signIn("/review.html", "maria");
    Browsers.press(browser, By.cssSelector("#mine-rows button"));
    Browsers.waitForText(browser, By.id("evaluation-facts"), "Submitted, awaiting the agent");
    Browsers.waitForText(browser, By.id("transcript"), "I WILL REPORT IT GA");
    Axe.assertNoViolations(browser, "review page, the agent reads her evaluation");
    browser.findElement(By.id("dispute-reason")).sendKeys("The resident asked me not to file anything.");
    browser.findElement(By.cssSelector("#dispute-form button")).sendKeys(Keys.ENTER);
    Browsers.waitForText(browser, By.id("evaluation-facts"), "Disputed");
    Browsers.waitForText(browser, By.id("comments"), "The resident asked me not to file anything.");

    signIn("/review.html", "rita");
    Browsers.press(browser, By.cssSelector("#disputes button"));
    Browsers.waitFor(browser, By.id("resolve-note"));
    Axe.assertNoViolations(browser, "review page, a dispute to resolve");
    browser.findElement(By.cssSelector("#resolve-form input[value='false']")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("resolve-note")).sendKeys("The recording confirms it; voided.");
    browser.findElement(By.cssSelector("#resolve-form button")).sendKeys(Keys.ENTER);
    Browsers.waitForText(browser, By.id("evaluation-facts"), "Dispute resolved");
    Browsers.waitForText(browser, By.id("disputes-empty"), "No disputes are waiting.");
    Axe.assertNoViolations(browser, "review page, the dispute resolved");
  }
}
