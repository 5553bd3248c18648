package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The directory by keyboard alone, with axe: an agent refers a resident from the workspace, and an editor keeps the directory on its page. */
class DirectoryInBrowserIT extends BrowserTest {
  private WebDriver window;

  @BeforeEach
  void start() throws IOException {
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4, Workspace.offering(300)));
    window = browser("profile");
    AgentClient sam = staff("sam");
    assertEquals(200, sam.put("/api/directory/agencies/sanitation", new JsonObject().put("name", "Department of Sanitation")
        .put("timeZone", "America/Chicago")).statusCode());
    assertEquals(200, sam.put("/api/directory/services/bulk-trash", new JsonObject().put("agencyId", "sanitation").put("name", "Bulk trash pickup")
        .put("description", "Large items at the curb").put("hours", new JsonArray().add("mon 08:00-16:00"))
        .put("reach", new JsonObject().put("phone", "555-0101").put("tty", "555-0102"))).statusCode());
  }

  private void keys(CharSequence... keys) {
    window.switchTo().activeElement().sendKeys(keys);
  }

  /** Presses Tab until the focused element is the one wanted, as a keyboard user would. */
  private void tabTo(String what, Predicate<WebElement> wanted) {
    for (int i = 0; i < 80; i++) {
      if (wanted.test(window.switchTo().activeElement())) return;
      keys(Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + what);
  }

  @Test
  void anAgentFindsAServicePreviewsTheReferralAndSendsItByKeyboardAlone() {
    window.get("http://127.0.0.1:" + gateway.port() + "/agent");
    Browsers.waitFor(window, By.id("username")).sendKeys("maria", Keys.TAB, TestGateway.PASSWORD, Keys.ENTER);
    Workspace.awaitFocus(window, "presence");
    keys("Available");
    ResidentClient resident = resident();
    resident.helloNew();
    String conversation = resident.say("m1", "My old couch has to go").getString("conversationId");
    Browsers.waitFor(window, By.cssSelector("#offer-list button.accept"));
    keys(Keys.chord(Keys.ALT, Keys.SHIFT, "a"));
    Workspace.awaitFocus(window, "reply");

    tabTo("the directory search", e -> "referral-q".equals(e.getAttribute("id")));
    keys("garbage", Keys.ENTER);
    Browsers.waitForText(window, By.id("referral-status"), "1 service found.");
    tabTo("the preview button", e -> String.valueOf(e.getAttribute("aria-label")).equals("Preview referral to Bulk trash pickup"));
    keys(Keys.ENTER);
    Workspace.awaitFocus(window, "referral-insert");
    assertTrue(window.findElement(By.id("referral-preview")).getText().startsWith("Bulk trash pickup, Department of Sanitation"));
    Axe.assertNoViolations(window, "the workspace with a referral previewed");
    keys(Keys.ENTER);
    Workspace.awaitFocus(window, "reply");
    String inserted = window.findElement(By.id("reply")).getAttribute("value");
    assertTrue(inserted.contains("TTY: 555-0102"), inserted);
    keys(Keys.ENTER);
    Browsers.waitForText(window, By.id("referral-status"), "Referral recorded on the record.");

    List<ConversationEvent.Referred> referred = gateway.store().entries(new ConversationId(conversation), 0).await().stream()
        .filter(e -> e.event() instanceof ConversationEvent.Referred).map(e -> (ConversationEvent.Referred) e.event()).toList();
    assertEquals(1, referred.size());
    assertEquals("sanitation", referred.get(0).agencyId());
    assertTrue(gateway.store().entries(new ConversationId(conversation), 0).await().stream()
        .anyMatch(e -> e.event() instanceof ConversationEvent.MessagePosted m && m.text().contains("Bulk trash pickup")), "the reply carried it");
  }

  @Test
  void anEditorSearchesViewsAndVerifiesOnTheDirectoryPageByKeyboard() {
    window.get("http://127.0.0.1:" + gateway.port() + "/directory");
    Browsers.waitFor(window, By.id("username")).sendKeys("sam", Keys.TAB, TestGateway.PASSWORD, Keys.ENTER);
    Workspace.awaitFocus(window, "q");
    Browsers.waitForText(window, By.id("stale-hint"), "never verified first");
    Axe.assertNoViolations(window, "the directory page");
    keys("trash", Keys.ENTER);
    Browsers.waitForText(window, By.id("search-status"), "1 service found.");
    tabTo("the View button", e -> "View Bulk trash pickup".equals(e.getAttribute("aria-label")));
    keys(Keys.ENTER);
    Workspace.awaitFocus(window, "service-view");
    Browsers.waitForText(window, By.id("service-facts"), "555-0102");
    tabTo("Verified today", e -> "verify".equals(e.getAttribute("id")));
    keys(Keys.ENTER);
    Browsers.waitForText(window, By.id("view-status"), "Verified today by sam.");
    Browsers.waitForText(window, By.id("stale-hint"), "Every service was verified");
    Axe.assertNoViolations(window, "the directory page with a service shown");
  }
}
