package org.accessline.channels.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word error rate: edits (substitutions, insertions, deletions) over the reference's word count. */
public final class WordErrors {
  private WordErrors() {}

  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").split("\\s+")) if (!w.isBlank()) out.add(w);
    return out;
  }

  /** Edit distance between the two word lists. */
  public static int edits(String reference, String hypothesis) {
    List<String> r = words(reference);
    List<String> h = words(hypothesis);
    int[] previous = new int[h.size() + 1];
    int[] current = new int[h.size() + 1];
    for (int j = 0; j <= h.size(); j++) previous[j] = j;
    for (int i = 1; i <= r.size(); i++) {
      current[0] = i;
      for (int j = 1; j <= h.size(); j++) {
        int substitute = previous[j - 1] + (r.get(i - 1).equals(h.get(j - 1)) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[h.size()];
  }

  public static double rate(String reference, String hypothesis) {
    int n = words(reference).size();
    return n == 0 ? 0 : (double) edits(reference, hypothesis) / n;
  }
}
