package org.accessline.web.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * Audits the page as it stands with axe-core, the independent accessibility checker, and fails on
 * any violation of any rule it runs (WCAG 2.x A and AA and its best practices), naming the state
 * audited, each rule, its impact and the elements that break it.
 */
public final class Axe {
  private Axe() {}

  public static void assertNoViolations(WebDriver driver, String state) {
    Results results = new AxeBuilder().analyze(driver);
    if (results.isErrored()) fail("axe-core could not audit " + state + ": " + results.getErrorMessage());
    List<Rule> violations = results.getViolations();
    if (violations.isEmpty()) return;
    fail(violations.size() + " axe-core violation(s) on " + state + ":\n" + violations.stream().map(Axe::describe).collect(Collectors.joining("\n")));
  }

  private static String describe(Rule rule) {
    String nodes = rule.getNodes().stream().limit(5).map(Axe::describe).collect(Collectors.joining("; "));
    return "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " -> " + nodes;
  }

  private static String describe(CheckedNode node) {
    return String.valueOf(node.getTarget()) + (node.getFailureSummary() == null ? "" : " [" + node.getFailureSummary().replace('\n', ' ') + "]");
  }
}
