package org.accessline.transcripts.seal;

import java.util.List;
import java.util.Optional;
import org.accessline.gateway.store.EntryChain;
import org.accessline.gateway.store.EntryChain.Report;
import org.accessline.gateway.store.EntryChain.Report.Status;

/**
 * Judges a record from its stored rows, its sealed head and the latest checkpoint that saw it. Pure:
 * both stores read the rows and ask this.
 */
public final class SealCheck {
  /** A record's head as its row in the database keeps it; any part may be null if someone removed it. */
  public record StoredHead(Long entries, String hash, String seal) {}

  private SealCheck() {}

  /** A stored head with the record it belongs to. */
  public record SealedHead(String recordId, StoredHead head) {}

  /**
   * Whether {@code key} is the key these records were sealed with: true when none is sealed yet, or
   * when the seal of any of them holds. A node given another key would seal what it writes so that
   * every other node calls it altered; one altered record among many is tampering, reported by
   * verification, not a wrong key.
   */
  public static boolean keyFits(SealKey key, List<SealedHead> latest) {
    if (latest.isEmpty()) return true;
    for (SealedHead h : latest) {
      StoredHead stored = h.head();
      if (stored.entries() != null && stored.seal() != null && key.verifies(SealKey.headText(h.recordId(), stored.entries(), stored.hash()), stored.seal())) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param hashes each stored entry's hash, in sequence (as {@link EntryChain#check} took them)
   * @param chain what {@link EntryChain#check} found over the same rows
   */
  public static Report verdict(SealKey key, String recordId, List<String> hashes, Report chain, StoredHead stored, Optional<CheckpointLog.Head> checkpoint) {
    int count = hashes.size();
    Optional<Long> since = checkpoint.map(CheckpointLog.Head::checkpoint);
    String lastHash = count == 0 || hashes.get(count - 1) == null ? "" : hashes.get(count - 1);
    if (chain.status() == Status.ALTERED) return with(chain, since);
    if (stored.entries() == null || stored.seal() == null) {
      return new Report(Status.ALTERED, count, Optional.empty(), "its seal was removed from the database", since);
    }
    if (!key.verifies(SealKey.headText(recordId, stored.entries(), stored.hash()), stored.seal())) {
      return new Report(Status.ALTERED, count, Optional.empty(), "its sealed head (entry count and last hash) was changed without the seal key", since);
    }
    if (stored.entries() > count) {
      return new Report(Status.TRUNCATED, count, Optional.of((long) count + 1),
          "sealed with " + stored.entries() + " entries, " + count + " remain: entries were deleted from its end", since);
    }
    if (stored.entries() < count || !lastHash.equals(stored.hash() == null ? "" : stored.hash())) {
      return new Report(Status.ALTERED, count, Optional.of(Math.min(stored.entries() + 1, count)),
          "its entries no longer end where its seal says: they were rewritten and their hashes recomputed", since);
    }
    if (checkpoint.isPresent()) {
      CheckpointLog.Head seen = checkpoint.get();
      String where = " since checkpoint #" + seen.checkpoint();
      if (seen.entries() > count) {
        return new Report(Status.TRUNCATED, count, Optional.of((long) count + 1), "checkpoint #" + seen.checkpoint() + " saw " + seen.entries()
            + " entries, " + count + " remain: entries were deleted from its end" + where, since);
      }
      String hashThen = hashes.get((int) seen.entries() - 1);
      if (!seen.hash().equals(hashThen == null ? "" : hashThen)) {
        return new Report(Status.ALTERED, count, Optional.of(seen.entries()), "its first " + seen.entries() + " entries differ from what checkpoint #"
            + seen.checkpoint() + " saw: rewritten" + where, since);
      }
      return new Report(chain.status(), count, Optional.empty(), chain.detail() + "; its seal holds; checkpoint #" + seen.checkpoint() + " vouches for its first "
          + seen.entries() + " entries", since);
    }
    return new Report(chain.status(), count, Optional.empty(), chain.detail() + "; its seal holds; no checkpoint has seen it yet", since);
  }

  /** Whether a checkpoint may take this head: its seal holds, and it has not shrunk since the checkpoint before. */
  public static boolean takeable(SealKey key, String recordId, StoredHead head, Optional<CheckpointLog.Head> before) {
    return head.entries() != null && head.seal() != null && key.verifies(SealKey.headText(recordId, head.entries(), head.hash()), head.seal())
        && before.map(b -> b.entries() <= head.entries()).orElse(true);
  }

  /** A record a checkpoint knows that the database lost, with no sealed purge to explain it. */
  public static Report missing(CheckpointLog.Head seen) {
    return new Report(Status.MISSING, 0, Optional.of(1L), "checkpoint #" + seen.checkpoint() + " saw it with " + seen.entries()
        + " entries; the database no longer has it and no sealed purge explains it: deleted outright", Optional.of(seen.checkpoint()));
  }

  private static Report with(Report chain, Optional<Long> since) {
    return new Report(chain.status(), chain.entries(), chain.firstBadSeq(), chain.detail(), since);
  }
}
