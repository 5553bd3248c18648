package org.accessline.gateway.directory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a directory entry's ways of reaching a service must look like when staff or an import put
 * them in: numbers a phone can dial, web addresses a browser opens as a page. The values end up in
 * replies to residents and on the directory page, so a {@code javascript:} link or a stray word is
 * refused at the door. Entries already stored are read as they are; only new input is held to this.
 * Pure.
 */
public final class ReachRules {
  /**
   * E.164 (+15551230000), or a number as a county prints it: digits with spaces, dashes, dots or
   * brackets between them (311, 555-0101, (312) 555-0101, 1-800-555-0101), and an extension.
   */
  private static final Pattern PHONE = Pattern.compile("\\+?\\(?[0-9][0-9 .()-]*[0-9](\\s*(x|ext\\.?)\\s*[0-9]{1,6})?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIP = Pattern.compile("sips?:[A-Za-z0-9._~%!$&'*+=-]+@[A-Za-z0-9.-]+(:[0-9]{1,5})?");
  private static final int FEWEST_DIGITS = 3;
  private static final int MOST_DIGITS = 15;

  private ReachRules() {}

  /**
   * Each value that is not what its kind takes, as a sentence naming the field as {@code name} spells
   * it for the reader (JSON field, CSV column, HSDS property).
   */
  public static List<String> problems(Reach reach, Function<String, String> name) {
    List<String> out = new ArrayList<>();
    phone(reach.phone(), name.apply("phone"), false).ifPresent(out::add);
    phone(reach.tty(), name.apply("tty"), false).ifPresent(out::add);
    phone(reach.videoPhone(), name.apply("videoPhone"), true).ifPresent(out::add);
    phone(reach.text(), name.apply("text"), false).ifPresent(out::add);
    reach.web().filter(w -> !isWebAddress(w)).ifPresent(w -> out.add(
        "\"" + name.apply("web") + "\" must be an http or https address such as https://example.org; \"" + shown(w) + "\" is not."));
    reach.address().filter(ReachRules::hasControl).ifPresent(a -> out.add("\"" + name.apply("address") + "\" must be printable text on one or more lines."));
    return out;
  }

  /** Whether the value is a web page a browser opens: http or https, with a host, nothing else. */
  public static boolean isWebAddress(String value) {
    if (hasControl(value) || value.chars().anyMatch(Character::isWhitespace)) return false;
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty() && uri.getUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Optional<String> phone(Optional<String> value, String field, boolean sipAllowed) {
    if (value.isEmpty()) return Optional.empty();
    String v = value.get();
    if (sipAllowed && SIP.matcher(v).matches()) return Optional.empty();
    long digits = v.replaceAll("(?i)(x|ext\\.?)\\s*[0-9]+$", "").chars().filter(Character::isDigit).count();
    if (PHONE.matcher(v).matches() && digits >= FEWEST_DIGITS && digits <= MOST_DIGITS) return Optional.empty();
    String kinds = sipAllowed ? "a phone number (+15551230000, (312) 555-0101) or a sip: address" : "a phone number such as +15551230000 or (312) 555-0101";
    return Optional.of("\"" + field + "\" must be " + kinds + "; \"" + shown(v) + "\" is not.");
  }

  private static boolean hasControl(String value) {
    return value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }

  /** The value as a message may quote it: short, one line. */
  private static String shown(String value) {
    String one = value.replaceAll("\\p{Cntrl}", " ");
    return one.length() > 60 ? one.substring(0, 60) + "…" : one;
  }
}
