package org.accessline.web.support;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the agent workspace's browser tests share: where the keyboard is, and a gateway that offers before assigning. */
public final class Workspace {
  private Workspace() {}

  /** Options for a gateway where each conversation is offered and waits for Accept, and a declined one may come straight back. */
  public static JsonObject offering(int acceptTimeoutSeconds) {
    return new JsonObject().put("routing", new JsonObject().put("autoAccept", false).put("acceptTimeoutSeconds", acceptTimeoutSeconds)
        .put("declineCooldownSeconds", 0));
  }

  /** The id (or, without one, a short description) of the element with the keyboard focus. */
  public static String focused(WebDriver driver) {
    return String.valueOf(((JavascriptExecutor) driver).executeScript(
        "const a = document.activeElement; return a === document.body ? 'body' : (a.id || a.tagName.toLowerCase() + '.' + a.className);"));
  }

  /** Waits until the focus is on the element with {@code id}; fails naming where it is instead. */
  public static void awaitFocus(WebDriver driver, String id) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> id.equals(focused(d)));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("focus should be on #" + id + " but is on " + focused(driver), e);
    }
  }

  /** Waits until the focused element passes {@code test}, which is described in the failure. */
  public static WebElement awaitFocus(WebDriver driver, String description, Function<WebElement, Boolean> test) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
        WebElement active = d.switchTo().activeElement();
        return test.apply(active) ? active : null;
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("focus should be on " + description + " but is on " + focused(driver), e);
    }
  }

  public static int count(WebDriver driver, String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  public static void awaitCount(WebDriver driver, String css, int n) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(css)).size() == n);
  }
}
