package org.accessline.gateway.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.EntryJson;

/**
 * Tamper evidence: each stored entry carries SHA-256 over its canonical JSON and the previous
 * entry's hash, so changing, removing or reordering any entry breaks every hash after it. Pure;
 * stores compute it when they write, and anyone can check it from the rows alone.
 */
public final class EntryChain {
  /** What the first entry of a conversation chains from. */
  public static final String GENESIS = "";

  private EntryChain() {}

  public static String hash(String previous, Entry entry) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(EntryJson.toJson(entry).encode().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * What checking a conversation found. {@code checkpoint} names the latest checkpoint kept outside
   * the database that vouches for the record (or that it broke), when there is one.
   */
  public record Report(Status status, int entries, Optional<Long> firstBadSeq, String detail, Optional<Long> checkpoint) {
    /**
     * TRUNCATED: entries were removed from the end. MISSING: a checkpoint knows the record but the
     * database does not, and no sealed purge explains it.
     */
    public enum Status { INTACT, ALTERED, TRUNCATED, MISSING, UNSEALED }

    public Report(Status status, int entries, Optional<Long> firstBadSeq, String detail) {
      this(status, entries, firstBadSeq, detail, Optional.empty());
    }
  }

  /**
   * @param stored each entry's stored hash, in sequence; null for entries written before the store
   *     kept hashes
   */
  public static Report check(List<Entry> entries, List<String> stored) {
    String previous = GENESIS;
    boolean sealed = false;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      String kept = stored.get(i);
      if (e.seq() != i + 1) return new Report(Report.Status.ALTERED, entries.size(), Optional.of((long) i + 1), "entry #" + (i + 1) + " is missing");
      if (kept == null) {
        if (sealed) return new Report(Report.Status.ALTERED, entries.size(), Optional.of(e.seq()), "entry #" + e.seq() + " lost its hash");
        continue;
      }
      sealed = true;
      String expected = hash(previous, e);
      if (!expected.equals(kept)) {
        return new Report(Report.Status.ALTERED, entries.size(), Optional.of(e.seq()), "entry #" + e.seq() + " does not match its hash");
      }
      previous = kept;
    }
    if (!sealed && !entries.isEmpty()) return new Report(Report.Status.UNSEALED, entries.size(), Optional.empty(), "recorded before entries were hashed");
    return new Report(Report.Status.INTACT, entries.size(), Optional.empty(), "every entry matches its hash");
  }
}
