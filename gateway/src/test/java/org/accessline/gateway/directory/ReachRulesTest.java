package org.accessline.gateway.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Contact fields of a directory entry: numbers a phone dials and web pages, nothing that runs. */
class ReachRulesTest {
  private static Reach of(String phone, String tty, String video, String text, String web, String address) {
    return new Reach(Optional.ofNullable(phone), Optional.ofNullable(tty), Optional.ofNullable(video), Optional.ofNullable(text), Optional.ofNullable(web),
        Optional.ofNullable(address));
  }

  @Test
  void numbersAsCountiesPrintThemAndE164AreTaken() {
    for (String n : List.of("+15551230000", "311", "555-0101", "(312) 555-0101", "1-800-555-0101", "312.555.0101", "+44 20 7946 0958", "555-0101 x12",
        "(312) 555-0101 ext. 4")) {
      assertEquals(List.of(), ReachRules.problems(of(n, n, n, n, null, null), Function.identity()), n);
    }
    assertEquals(List.of(), ReachRules.problems(of(null, null, "sip:frontdesk@vp.example.gov", null, "https://example.gov/a?b=c", "1 Main St\nSuite 2"),
        Function.identity()));
  }

  @Test
  void eachBadFieldIsNamed() {
    List<String> problems = ReachRules.problems(of("call us", "12", "javascript:alert(1)", "+1555123000012345", "javascript:alert(1)", "a\u0000b"),
        f -> "reach." + f);
    assertEquals(6, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("\"reach.phone\" must be a phone number"), problems.get(0));
    assertTrue(problems.get(1).startsWith("\"reach.tty\""), problems.get(1));
    assertTrue(problems.get(2).startsWith("\"reach.videoPhone\""), problems.get(2));
    assertTrue(problems.get(3).startsWith("\"reach.text\""), problems.get(3));
    assertTrue(problems.get(4).startsWith("\"reach.web\" must be an http or https address"), problems.get(4));
    assertTrue(problems.get(5).startsWith("\"reach.address\""), problems.get(5));
  }

  @Test
  void onlyHttpAndHttpsPagesAreWebAddresses() {
    for (String ok : List.of("http://example.org", "https://example.gov/path?q=1#top", "HTTPS://EXAMPLE.ORG")) assertTrue(ReachRules.isWebAddress(ok), ok);
    for (String bad : List.of("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "ftp://example.org", "//example.org",
        "example.org", "https://", "https://user:pw@example.org", "https://exa mple.org", "https://example.org/\u0007", " javascript:alert(1)")) {
      assertFalse(ReachRules.isWebAddress(bad), bad);
    }
  }
}
