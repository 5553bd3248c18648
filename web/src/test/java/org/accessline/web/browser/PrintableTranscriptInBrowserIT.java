package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** The printable transcript is styled by its own stylesheet: the page's policy lets it apply, and only it. */
class PrintableTranscriptInBrowserIT extends BrowserTest {
  @Test
  void thePrintableTranscriptWearsItsOwnStyles() throws IOException {
    useGateway(TestGateway.start(work.resolve("data")));
    AgentClient maria = staff("maria").available();
    ResidentClient resident = resident();
    resident.helloNew();
    String id = resident.say("r1", "A tree fell across Oak Avenue").getString("conversationId");
    maria.awaitAssignment();

    WebDriver browser = browser("supervisor");
    browser.get("http://127.0.0.1:" + gateway.port() + "/records.html");
    Browsers.waitFor(browser, By.id("username")).sendKeys("sam");
    browser.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    Browsers.waitFor(browser, By.id("q"));
    browser.get("http://127.0.0.1:" + gateway.port() + "/api/interactions/" + id + "/transcript.html");
    Browsers.waitForText(browser, By.tagName("body"), "A tree fell across Oak Avenue");
    JavascriptExecutor js = (JavascriptExecutor) browser;
    assertEquals(1L, js.executeScript("return document.styleSheets.length"), "the inline stylesheet was applied");
    assertEquals("28px", js.executeScript("return getComputedStyle(document.body).marginTop"), "body{margin:2em} at 14px");
    assertTrue(String.valueOf(js.executeScript("return getComputedStyle(document.body).fontFamily")).contains("serif"));
    screenshot(browser, "printable-transcript");
  }
}
