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
      char c = text.charAt(i);
      if (BASIC.indexOf(c) >= 0) septets++;
      else if (EXTENDED.indexOf(c) >= 0) septets += 2;
      else gsm = false;
    }
    if (gsm) return new SmsSegments("GSM-7", septets, septets <= 160 ? 1 : (septets + 152) / 153);
    int units = text.length();
    return new SmsSegments("UCS-2", units, units <= 70 ? 1 : (units + 66) / 67);
  }
}
