package org.accessline.web.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/**
 * What every browser test sets up: a gateway, headless Chromium windows and the socket clients that
 * play the other people. Each is closed after the test, the newest first, even when the test fails.
 */
public abstract class BrowserTest {
  @TempDir protected Path work;
  protected TestGateway gateway;
  private final Deque<AutoCloseable> open = new ArrayDeque<>();

  @BeforeAll
  static void requireBrowser() {
    Browsers.require();
  }

  @AfterEach
  void closeEverything() throws Exception {
    Exception first = null;
    while (!open.isEmpty()) {
      try {
        open.pop().close();
      } catch (Exception e) {
        if (first == null) first = e;
      }
    }
    if (first != null) throw first;
  }

  /** Starts {@code started} as this test's gateway. */
  protected TestGateway useGateway(TestGateway started) {
    gateway = closeAfter(started);
    return started;
  }

  /** A browser window with a profile of its own under the test's folder. */
  protected WebDriver browser(String profile) throws IOException {
    WebDriver driver = Browsers.open(work.resolve(profile));
    open.push(driver::quit);
    return driver;
  }

  /** A staff member signed in over the API, with no console open yet. */
  protected AgentClient staff(String username) {
    return closeAfter(new AgentClient(gateway.vertx, gateway.port()).signedIn(username));
  }

  protected ResidentClient resident() {
    return closeAfter(ResidentClient.connect(gateway.vertx, gateway.port()));
  }

  /** Keeps what the window shows in target/screenshots/{name}.png, for a person to look at after the run. */
  protected static void screenshot(WebDriver driver, String name) {
    if (!(driver instanceof org.openqa.selenium.TakesScreenshot camera)) return;
    try {
      Path target = Path.of("target", "screenshots");
      java.nio.file.Files.createDirectories(target);
      java.nio.file.Files.copy(camera.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(), target.resolve(name + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (Exception e) {
      // A screenshot is only a debugging aid.
    }
  }

  protected <T extends AutoCloseable> T closeAfter(T resource) {
    open.push(resource);
    return resource;
  }
}
