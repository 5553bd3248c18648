package org.accessline.channels.tty;

import java.text.Normalizer;
import java.util.Map;

/**
 * Turns any text into what a TTY can print. Letters become upper case; accents are dropped; the
 * symbols a TTY lacks are spelled out or replaced:
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>in</th><th>sent</th></tr>
 *   <tr><td>{@code @}</td><td>{@code  AT }</td></tr>
 *   <tr><td>{@code #}</td><td>{@code  NBR }</td></tr>
 *   <tr><td>{@code &}</td><td>{@code  AND }</td></tr>
 *   <tr><td>{@code %}</td><td>{@code  PCT }</td></tr>
 *   <tr><td>{@code *}</td><td>{@code  STAR }</td></tr>
 *   <tr><td>{@code < [ {}}</td><td>{@code (}</td></tr>
 *   <tr><td>{@code > ] }}</td><td>{@code )}</td></tr>
 *   <tr><td>{@code _ ~} and dashes</td><td>{@code -}</td></tr>
 *   <tr><td>{@code \ |}</td><td>{@code /}</td></tr>
 *   <tr><td>{@code `}, curly single quotes</td><td>{@code '}</td></tr>
 *   <tr><td>curly double quotes</td><td>{@code "}</td></tr>
 *   <tr><td>tab</td><td>space</td></tr>
 *   <tr><td>line break (LF, CR LF or CR)</td><td>CR LF</td></tr>
 *   <tr><td>anything else</td><td>{@code ?}</td></tr>
 * </table>
 *
 * <p>Runs of spaces that the spelled-out words produce are collapsed to one.
 */
public final class TtyText {
  private static final Map<Character, String> SPELLED = Map.ofEntries(
      Map.entry('@', " AT "), Map.entry('#', " NBR "), Map.entry('&', " AND "), Map.entry('%', " PCT "), Map.entry('*', " STAR "),
      Map.entry('<', "("), Map.entry('[', "("), Map.entry('{', "("), Map.entry('>', ")"), Map.entry(']', ")"), Map.entry('}', ")"),
      Map.entry('_', "-"), Map.entry('~', "-"), Map.entry('\u2013', "-"), Map.entry('\u2014', "-"), Map.entry('\\', "/"), Map.entry('|', "/"),
      Map.entry('`', "'"), Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201C', "\""), Map.entry('\u201D', "\""),
      Map.entry('\t', " "), Map.entry('^', "?"));

  private TtyText() {}

  public static String toTty(String text) {
    String plain = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(plain.length());
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
      if (c == '\n') {
        out.append("\r\n");
        continue;
      }
      char upper = Character.toUpperCase(c);
      if (Baudot.encode(upper) != null && upper != Baudot.BELL) out.append(upper);
      else out.append(SPELLED.getOrDefault(c, "?"));
    }
    return out.toString().replaceAll(" {2,}", " ");
  }

  /** Whether every character can be sent as it is. */
  public static boolean isTty(String text) {
    return toTty(text).equals(text);
  }
}
