package org.accessline.web.open311;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A likely street address in what the resident wrote, to prefill the form: a house number and a
 * street with its kind ("1200 W Elm St"), or a corner ("Main and 3rd"). The resident's latest
 * mention wins, since people correct themselves. Pure; the agent always sees and may change it.
 */
public final class AddressGuess {
  private static final String KINDS = "street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|parkway|pkwy|terrace|ter|highway|hwy|circle|cir";
  private static final Pattern NUMBERED = Pattern.compile(
      "\\b\\d{1,6}[a-z]?\\s+(?:(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\\.?\\s+)?(?:[a-z0-9'.-]+\\s+){0,3}?(?:" + KINDS + ")\\b\\.?"
          + "(?:\\s*,?\\s*(?:apt|unit|#)\\s*[a-z0-9-]+)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CORNER = Pattern.compile(
      "\\b(?:corner of\\s+)?([a-z0-9'.-]+(?:\\s+(?:" + KINDS + "))?)\\s+(?:and|&|at)\\s+([a-z0-9'.-]+(?:\\s+(?:" + KINDS + "))?)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern STREETISH = Pattern.compile("(?i).*(\\b\\d+(?:st|nd|rd|th)\\b|\\b(?:" + KINDS + ")\\b).*");

  private AddressGuess() {}

  /** From the resident's messages, oldest first. */
  public static Optional<String> in(List<String> residentMessages) {
    for (int i = residentMessages.size() - 1; i >= 0; i--) {
      Optional<String> found = inOne(residentMessages.get(i));
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  static Optional<String> inOne(String text) {
    Matcher numbered = NUMBERED.matcher(text);
    String last = null;
    while (numbered.find()) last = numbered.group().strip();
    if (last != null) return Optional.of(last);
    Matcher corner = CORNER.matcher(text);
    while (corner.find()) {
      String a = corner.group(1);
      String b = corner.group(2);
      // "trash and bottles" or "me at 555" is no corner: one side at least must name a street's kind or be an ordinal.
      if (STREETISH.matcher(a).matches() || STREETISH.matcher(b).matches()) last = a + " and " + b;
    }
    return Optional.ofNullable(last);
  }
}
