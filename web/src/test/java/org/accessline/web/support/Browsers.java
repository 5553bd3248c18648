package org.accessline.web.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the UI tests: the system browser and chromedriver, one profile per person.
 * With {@code CI=true} a missing browser fails the build instead of skipping.
 */
public final class Browsers {
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ACCESSLINE_CHROMIUM", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("ACCESSLINE_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Browsers() {}

  public static void require() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equals(System.getenv("CI"))) fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing; .ci/run installs them");
    assumeTrue(present, "Skipping browser test: install chromium and chromium-driver (or set ACCESSLINE_CHROMIUM / ACCESSLINE_CHROMEDRIVER)");
  }

  public static WebDriver open(Path profile) throws IOException {
    Files.createDirectories(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  public static WebElement waitFor(WebDriver driver, By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Presses Enter on the element once it shows, again if the page re-rendered it in between (the
   * console rebuilds its conversation list whenever an entry arrives).
   */
  public static void press(WebDriver driver, By by) {
    new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class).until(d -> {
          WebElement element = d.findElement(by);
          if (!element.isDisplayed()) return false;
          element.sendKeys(Keys.ENTER);
          return true;
        });
  }

  public static void waitForText(WebDriver driver, By by, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Signs an agent in on the console page by keyboard and makes them available. */
  public static void signInAvailable(WebDriver driver, int port, String username) {
    driver.get("http://127.0.0.1:" + port + "/agent");
    waitFor(driver, By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(TestGateway.PASSWORD, Keys.ENTER);
    new Select(waitFor(driver, By.id("presence"))).selectByValue("available");
  }
}
