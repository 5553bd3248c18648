package org.accessline.gateway.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a directory entry's words may hold when staff or an import put them in. A NUL or other
 * control character breaks exports and TTY lines; a direction override (U+202E and its kin) makes a
 * name read differently from what it is, so an entry could pass for another. Line breaks and tabs
 * are kept. Pure.
 */
public final class DirectoryText {
  private DirectoryText() {}

  /** Whether the text holds a character that has no place in a directory entry. */
  public static boolean unfit(String text) {
    return text.chars().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
  }

  public static String problem(String field) {
    return "\"" + field + "\" holds a control or text-direction character; only printable text, line breaks and tabs are taken.";
  }

  /** Each of the agency's words that is unfit, as a sentence naming the field after {@code where}. */
  public static List<String> problems(String where, Agency a) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", a.id());
    fields.put("name", a.name());
    fields.put("description", a.description());
    return named(where, fields);
  }

  public static List<String> problems(String where, ServiceEntry s) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", s.id());
    fields.put("name", s.name());
    fields.put("description", s.description());
    fields.put("serviceArea", s.serviceArea());
    fields.put("eligibility", s.eligibility());
    fields.put("accessibility", s.accessibility());
    return named(where, fields);
  }

  private static List<String> named(String where, Map<String, String> fields) {
    List<String> out = new ArrayList<>();
    fields.forEach((field, text) -> {
      if (text != null && unfit(text)) out.add(where + problem(field));
    });
    return out;
  }
}
