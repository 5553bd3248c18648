package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import org.accessline.gateway.store.StaffAccount;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.support.AgentClient;
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
 * An administrator works the admin page by keyboard alone: creates an account and reads its
 * password once, makes an agent a directory editor and disables another, and changes the
 * categories; axe-core finds nothing wrong. An agent who opens the page is told it is not theirs.
 */
class AdminPageInBrowserIT extends BrowserTest {
  private static final String HASH = PasswordHasher.hash(TestGateway.PASSWORD.toCharArray(), 1_000);
  private WebDriver browser;

  @BeforeEach
  void start() throws IOException {
    JsonArray agents = new JsonArray();
    for (String[] a : new String[][] {{"ada", "admin"}, {"maria", "agent"}, {"lee", "agent"}}) {
      agents.add(new JsonObject().put("username", a[0]).put("passwordHash", HASH).put("role", a[1]));
    }
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4, new JsonObject().put("agents", agents)));
    browser = browser("profile");
  }

  private void signIn(String username) {
    browser.get("http://127.0.0.1:" + gateway.port() + "/admin");
    Browsers.waitFor(browser, By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
  }

  private String active() {
    WebDriver d = browser;
    return d.switchTo().activeElement().getAttribute("id");
  }

  @Test
  void anAdministratorManagesAccountsAndCategoriesByKeyboard() {
    AgentClient lee = staff("lee");
    signIn("ada");
    Browsers.waitForText(browser, By.cssSelector("#accounts tbody"), "maria");
    assertEquals("accounts-heading", active(), "signing in lands on the accounts");
    Axe.assertNoViolations(browser, "admin page, accounts listed");

    // A new account: the form is the next thing after the table's Edit buttons.
    browser.findElement(By.id("account-username")).sendKeys("");
    assertEquals("account-username", active());
    browser.switchTo().activeElement().sendKeys("kim", Keys.TAB, "Kim Lee", Keys.TAB);
    assertEquals("account-role", active());
    browser.switchTo().activeElement().sendKeys("s"); // Supervisor
    browser.switchTo().activeElement().sendKeys(Keys.TAB, Keys.TAB, "es", Keys.TAB, Keys.SPACE); // skills, then the directory editor grant
    browser.switchTo().activeElement().sendKeys(Keys.TAB, Keys.TAB, Keys.ENTER); // past quality reviewer, to Create account
    Browsers.waitFor(browser, By.id("new-password-value"));
    Browsers.waitForText(browser, By.id("new-password"), "kim");
    assertEquals("new-password", active(), "the new password is where focus goes, so it is read out");
    String password = browser.findElement(By.id("new-password-value")).getText();
    assertTrue(password.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"), password);
    Axe.assertNoViolations(browser, "admin page, new password shown");
    Browsers.press(browser, By.id("new-password-done"));
    assertEquals("", browser.findElement(By.id("new-password-value")).getText(), "shown once, then gone from the page");
    StaffAccount kim = gateway.store().administration().account("kim").await().orElseThrow();
    assertEquals("supervisor", kim.role());
    assertEquals(java.util.Set.of("directory-editor"), kim.grants());
    assertEquals("ada", kim.createdBy());
    assertEquals(200, new AgentClient(gateway.vertx, gateway.port()).signIn("kim", password).statusCode());

    // Disable Lee, who is signed in: his session ends.
    Browsers.press(browser, By.cssSelector("button[aria-label='Edit lee']"));
    assertEquals("account-name", active());
    browser.findElement(By.id("account-disabled")).sendKeys(Keys.SPACE);
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    Browsers.waitForText(browser, By.id("status"), "Saved lee.");
    Browsers.waitForText(browser, By.cssSelector("#accounts tbody"), "Disabled");
    assertEquals(401, lee.get("/api/me").statusCode());

    // The categories, one per line.
    org.openqa.selenium.WebElement categories = browser.findElement(By.id("categories"));
    categories.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "Potholes", Keys.ENTER, "Noise");
    categories.sendKeys(Keys.TAB, Keys.ENTER);
    Browsers.waitForText(browser, By.id("status"), "Saved 2 categories.");
    assertEquals(java.util.List.of("Potholes", "Noise"), gateway.store().administration().categories().await());
    assertTrue(browser.findElement(By.id("queues-why")).getText().contains("restart"), "the page says queues are config-only");
    Axe.assertNoViolations(browser, "admin page after changes");
  }

  @Test
  void anAgentIsToldThePageIsNotTheirs() {
    signIn("maria");
    Browsers.waitFor(browser, By.id("not-admin-heading"));
    assertEquals("not-admin-heading", active());
    assertFalse(browser.findElement(By.id("admin")).isDisplayed());
    Axe.assertNoViolations(browser, "admin page, not an administrator");
  }
}
