package org.accessline.channels.sms;

/**
 * How many SMS a text takes. GSM-7 fits 160 characters in one message and 153 in each part of a
 * longer one (the extension characters count twice); anything outside GSM-7 sends the whole text as
 * UCS-2: 70, then 67 per part, counted in UTF-16 units.
 */
public record SmsSegments(String encoding, int units, int segments) {
  private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENDED = "^{}\\[~]|€\f";

  public static SmsSegments of(String text) {
    int septets = 0;
    boolean gsm = true;
    for (int i = 0; i < text.length() && gsm; i++) {
      int width = septetsOf(text.charAt(i));
      if (width == 0) gsm = false;
      septets += width;
    }
    if (gsm) return new SmsSegments("GSM-7", septets, septets <= 160 ? 1 : parts(text, 153, true));
    int units = text.length();
    return new SmsSegments("UCS-2", units, units <= 70 ? 1 : parts(text, 67, false));
  }

  private static int septetsOf(char c) {
    if (BASIC.indexOf(c) >= 0) return 1;
    return EXTENDED.indexOf(c) >= 0 ? 2 : 0;
  }

  /**
   * Parts of a long text, filled as a phone splits them: an escaped GSM character or a UTF-16
   * surrogate pair is never cut in two, so one at a part's edge moves whole to the next part.
   */
  private static int parts(String text, int perPart, boolean gsm) {
    int parts = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int width = gsm ? septetsOf(c) : Character.isHighSurrogate(c) && i + 1 < text.length() ? 2 : 1;
      if (used + width > perPart) {
        parts++;
        used = 0;
      }
      used += width;
      if (!gsm && width == 2) i++;
    }
    return parts;
  }
}
