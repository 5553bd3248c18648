package org.accessline.transcripts.export;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what should not leave the center in a redacted export. In this order:
 *
 * <ol>
 *   <li>the resident's own contact: their address as stored, and for a phone number the same digits
 *       however they are written (with or without the country code, spaces, dots, dashes, brackets);
 *   <li>email addresses;
 *   <li>payment card numbers: 13–19 digits that pass the Luhn check, spaced or dashed as people type them;
 *   <li>US Social Security numbers, 3-2-4 digits with dashes or spaces, or 9 digits written together,
 *       when they could be one (not starting 000, 666 or 9, group not 00, serial not 0000);
 *   <li>phone numbers: North American numbers of 10 digits (area and exchange codes start 2–9 and are
 *       not N11), with an optional +1 or 1 and any of the usual separators, and international numbers
 *       written with a + and 8–15 digits.
 * </ol>
 *
 * <p>Numbers that are none of these stay, so a record still reads: a 311 service request number
 * (SR-2026-0012345, 311-0012345), dates, times, amounts, street numbers, a code glued to letters or
 * dashes. The stored record is never changed; only the exported copy is masked.
 */
public final class Redaction {
  public static final String CONTACT = "[contact removed]";
  static final String EMAIL_MASK = "[email removed]";
  static final String CARD_MASK = "[card number removed]";
  static final String SSN_MASK = "[SSN removed]";
  static final String PHONE_MASK = "[phone removed]";

  private static final Pattern EMAIL = Pattern.compile("(?<![\\w.%+-])[\\w.%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");
  private static final Pattern CARD = Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])");
  /** Not part of a longer code: no letter, digit, dash, slash, dot or currency sign glued on either side. */
  private static final String ALONE_BEFORE = "(?<![\\w$€£#./-])";
  private static final String ALONE_AFTER = "(?![\\w/-]|[.,]\\d)";
  private static final Pattern SSN = Pattern.compile(ALONE_BEFORE + "(?!000|666|9\\d\\d)\\d{3}([- ]?)(?!00)\\d{2}\\1(?!0000)\\d{4}" + ALONE_AFTER);
  private static final String NANP_CODE = "[2-9](?!11)\\d\\d";
  private static final Pattern PHONE = Pattern.compile(ALONE_BEFORE.replace("[", "[+") + "(?:(?:\\+1|1)[ .-]?)?(?:\\(" + NANP_CODE + "\\) ?|" + NANP_CODE
      + "[ .-]?)" + NANP_CODE + "[ .-]?\\d{4}" + ALONE_AFTER + "|(?<![\\w+])\\+[2-9]\\d(?:[ .-]?\\d){6,13}" + ALONE_AFTER);
  /** Anything that may be a phone number written some way: digits with the separators people use. */
  private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d[\\d ().-]{5,22}\\d");

  private Redaction() {}

  public static String mask(String text) {
    return mask(text, Optional.empty());
  }

  /** Masks {@code text}; with a contact address, that resident's own address first. */
  public static String mask(String text, Optional<String> contact) {
    String out = contact.map(c -> maskContact(text, c)).orElse(text);
    out = EMAIL.matcher(out).replaceAll(EMAIL_MASK);
    out = replace(CARD, out, card -> luhn(card.replaceAll("[ -]", "")) ? CARD_MASK : card);
    out = SSN.matcher(out).replaceAll(SSN_MASK);
    return PHONE.matcher(out).replaceAll(PHONE_MASK);
  }

  private static String maskContact(String text, String address) {
    String out = text.replace(address, CONTACT);
    String digits = address.replaceAll("\\D", "");
    if (digits.length() < 7) return out;
    String national = digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
    return replace(DIGIT_RUN, out, run -> {
      String found = run.replaceAll("\\D", "");
      return found.equals(digits) || found.equals(national) || found.equals("1" + national) ? CONTACT : run;
    });
  }

  private static String replace(Pattern pattern, String text, Function<String, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m.group())));
    m.appendTail(out);
    return out.toString();
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
