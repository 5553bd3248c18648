package org.accessline.gateway.quality;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which records are reviewed each week: for every agent, the same number of their records (or all
 * of them, when they handled fewer), picked by a keyed hash of the week, the agent and the record.
 * The same inputs always pick the same records, in any order given; every record of an agent has
 * the same chance; and without the key no one can tell in advance which records will be picked.
 */
public final class Sampling {
  private Sampling() {}

  /** {@code candidates}: each agent's records in the week not yet evaluated. Answers each agent's picks in pick order. */
  public static Map<String, List<String>> pick(String key, String week, Map<String, List<String>> candidates, int perAgent) {
    if (perAgent < 0) throw new IllegalArgumentException("an agent has 0 or more records sampled a week");
    Map<String, List<String>> picks = new TreeMap<>();
    candidates.forEach((agent, records) -> picks.put(agent, records.stream().distinct()
        .sorted(Comparator.comparing((String r) -> rank(key, week, agent, r)).thenComparing(r -> r)).limit(perAgent).toList()));
    return picks;
  }

  static String rank(String key, String week, String agent, String record) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(key, week, agent, record)) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (bytes.length >>> 8));
        sha.update((byte) bytes.length);
        sha.update(bytes);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
