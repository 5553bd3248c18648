package org.accessline.transcripts.export;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what should not leave the center in an export: payment card numbers (13–19 digits that pass
 * the Luhn check, spaced or dashed as people type them) and US Social Security numbers. The stored
 * record is never changed; only the exported copy is masked.
 */
public final class Redaction {
  private static final Pattern CARD = Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])");
  private static final Pattern SSN = Pattern.compile("(?<!\\d)(?!000|666|9\\d\\d)\\d{3}[- ](?!00)\\d{2}[- ](?!0000)\\d{4}(?!\\d)");

  private Redaction() {}

  public static String mask(String text) {
    Matcher card = CARD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (card.find()) {
      String digits = card.group().replaceAll("[ -]", "");
      card.appendReplacement(out, Matcher.quoteReplacement(luhn(digits) ? "[card number removed]" : card.group()));
    }
    card.appendTail(out);
    return SSN.matcher(out.toString()).replaceAll("[SSN removed]");
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
