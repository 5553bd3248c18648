package org.accessline.gateway.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words both stores index and search by: lower-cased, common filler dropped, and plurals folded
 * ("meals" finds "meal"). Done here, not by a database's own dictionary, so the embedded store and
 * PostgreSQL rank the same directory alike.
 */
public final class SearchWords {
  private static final Pattern BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> FILLER = Set.of("a", "an", "and", "are", "at", "be", "by", "for", "from", "i", "in", "is", "it", "me", "my", "need",
      "of", "on", "or", "our", "the", "to", "we", "with", "you", "your", "help", "get", "can", "do", "where", "how", "what");

  private SearchWords() {}

  /** Each distinct word of the text worth searching by, folded, in order of first appearance. */
  public static List<String> of(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null) return List.of();
    for (String raw : BREAK.split(text.toLowerCase(Locale.ROOT))) {
      if (raw.isEmpty() || raw.length() > 40 || FILLER.contains(raw)) continue;
      out.add(fold(raw));
    }
    return new ArrayList<>(out);
  }

  /** The folded form of one word: plural endings removed. */
  public static String fold(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
    if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) return w.substring(0, w.length() - 2);
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.substring(0, w.length() - 1);
    return w;
  }

  /** The text as the words a store indexes, joined by spaces. */
  public static String document(String... texts) {
    List<String> all = new ArrayList<>();
    for (String t : texts) all.addAll(of(t));
    return String.join(" ", new LinkedHashSet<>(all));
  }
}
