package org.accessline.channels.sms;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The carrier keywords a message may consist of. They match the whole trimmed body, in any case. */
public enum SmsKeyword {
  STOP, START, HELP;

  private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
  private static final Set<String> OPT_IN = Set.of("START", "UNSTOP");

  public static Optional<SmsKeyword> of(String body) {
    String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
    if (OPT_OUT.contains(word)) return Optional.of(STOP);
    if (OPT_IN.contains(word)) return Optional.of(START);
    if (word.equals("HELP")) return Optional.of(HELP);
    return Optional.empty();
  }
}
