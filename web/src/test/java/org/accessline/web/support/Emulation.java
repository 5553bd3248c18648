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

  /**
   * The contrast ratio (WCAG) between the focus ring of the element {@code selector} and the background
   * the ring is drawn on (the nearest ancestor with an opaque background): the outline when the browser
   * draws it, else the stylesheet's ring colour at the element; -1 when the element cannot take focus.
   */
  public static double focusRingContrast(WebDriver driver, String selector) {
    Object ratio = js(driver).executeScript("""
        const target = document.querySelector(arguments[0]);
        target.focus();
        if (document.activeElement !== target) return -1;
        // The ring is the stylesheet's --focus colour where the element is (a script's focus may not draw it).
        const probe = document.createElement('span');
        probe.style.color = 'var(--focus)';
        target.parentElement.appendChild(probe);
        const focusColour = getComputedStyle(probe).color;
        probe.remove();
        const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
        const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
        const ring = rgb(target.matches(':focus-visible') ? getComputedStyle(target).outlineColor : focusColour);
        let node = target.parentElement, behind = [255, 255, 255];
        while (node) {
          const c = rgb(getComputedStyle(node).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { behind = c.slice(0, 3); break; }
          node = node.parentElement;
        }
        const [a, b] = [lum(ring), lum(behind)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);""", selector);
    return ((Number) ratio).doubleValue();
  }

  public static JavascriptExecutor js(WebDriver driver) {
    return (JavascriptExecutor) driver;
  }

  private static HasCdp cdp(WebDriver driver) {
    return (HasCdp) driver;
  }
}
