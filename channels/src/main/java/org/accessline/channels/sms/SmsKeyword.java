package org.accessline.channels.sms;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The keywords a whole text may consist of. Since the FCC's 2024 consent rule any reasonable way of
 * saying stop must be honoured, so a keyword matches in any case, with spaces or a hyphen inside
 * ("OPT OUT", "stop all") and with punctuation, symbols or spaces around it ("Stop.", "STOP!!").
 */
public enum SmsKeyword {
  STOP, START, HELP,
  /** Twilio re-subscribes an opted-out number that texts YES; from anyone else it is just an answer. */
  YES;

  private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
  private static final Set<String> OPT_IN = Set.of("START", "UNSTOP");
  /**
   * The opt-out words Twilio itself acts on for a long code when they are the exact text: it opts the
   * number out and sends its own confirmation, so the gateway must not send a second one.
   */
  private static final Set<String> TWILIO_HANDLES = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");

  public static Optional<SmsKeyword> of(String body) {
    String word = word(body);
    if (OPT_OUT.contains(word)) return Optional.of(STOP);
    if (OPT_IN.contains(word)) return Optional.of(START);
    if (word.equals("HELP") || word.equals("INFO")) return Optional.of(HELP);
    if (word.equals("YES")) return Optional.of(YES);
    return Optional.empty();
  }

  /** The keyword as it would be recorded: upper case, with nothing around it. */
  public static String word(String body) {
    if (body == null) return "";
    String trimmed = body.replaceAll("^[\\p{P}\\p{S}\\p{Z}\\s]+|[\\p{P}\\p{S}\\p{Z}\\s]+$", "");
    return trimmed.replaceAll("(?<=\\p{L})[\\s\\p{Z}-]+(?=\\p{L})", "").toUpperCase(Locale.ROOT);
  }

  /** Whether Twilio already confirmed this opt-out itself (the exact keyword, in any case). */
  public static boolean confirmedByTwilio(String body) {
    return body != null && TWILIO_HANDLES.contains(body.strip().toUpperCase(Locale.ROOT));
  }
}
