package org.accessline.web.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/** Puts a Chromium window in the conditions a page must work under: a phone's screen, the dark scheme, downloads kept. */
public final class Emulation {
  private Emulation() {}

  /** A phone's viewport in CSS pixels (375 x 667 is an iPhone SE). */
  public static void phone(WebDriver driver, int width, int height) {
    cdp(driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
  }

  /** Answers {@code prefers-color-scheme: dark}, as a device set to dark mode does. */
  public static void darkMode(WebDriver driver) {
    cdp(driver).executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
  }

  /** Keeps downloads in {@code folder} without asking. */
  public static void downloadsTo(WebDriver driver, Path folder) {
    cdp(driver).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
  }

  /**
   * Starts recording every change inside {@code selector}'s subtree; {@link #changes} reads them back
   * as "added:<tag>", "removed:<tag>", "attributes:<name>" or "text".
   */
  public static void watchMutations(WebDriver driver, String selector) {
    js(driver).executeScript("""
        window.__changes = [];
        if (window.__watcher) window.__watcher.disconnect();
        window.__watcher = new MutationObserver(records => records.forEach(r => {
          if (r.type === 'childList') {
            r.addedNodes.forEach(n => window.__changes.push('added:' + (n.nodeName || '').toLowerCase()));
            r.removedNodes.forEach(n => window.__changes.push('removed:' + (n.nodeName || '').toLowerCase()));
          } else if (r.type === 'attributes') window.__changes.push('attributes:' + r.attributeName);
          else window.__changes.push('text');
        }));
        window.__watcher.observe(document.querySelector(arguments[0]), { childList: true, subtree: true, attributes: true, characterData: true });
        """, selector);
  }

  @SuppressWarnings("unchecked")
  public static List<String> changes(WebDriver driver) {
    return (List<String>) js(driver).executeScript("return window.__changes.slice()");
  }

  public static JavascriptExecutor js(WebDriver driver) {
    return (JavascriptExecutor) driver;
  }

  private static HasCdp cdp(WebDriver driver) {
    return (HasCdp) driver;
  }
}
