package org.accessline.gateway.store;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Tamper evidence for the audit log: each row carries its predecessor's hash and SHA-256 over that
 * and its own canonical JSON, as record entries do. Pure; a {@link Checker} walks the rows in the
 * order the log numbered them, so the whole log need not be held at once.
 */
public final class AuditChain {
  /** What the first row of the log chains from. */
  public static final String GENESIS = "";

  private AuditChain() {}

  /** The row's hash. Times count in milliseconds, as stored times do, so a database's finer precision never changes it. */
  public static String hash(String previous, AuditEvent event) {
    JsonObject canonical = new JsonObject().put("at", event.at().toEpochMilli()).put("actor", event.actor()).put("action", event.action())
        .put("target", event.target()).put("detail", event.detail());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(canonical.encode().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The log's end as a checkpoint outside the database saw it: how many rows, and the last one's hash. */
  public record Head(long rows, String hash, long checkpoint) {}

  /** What checking the log found; {@code firstBadPosition} counts rows from 1 in the log's order. */
  public record Report(Status status, long rows, Optional<Long> firstBadPosition, String detail) {
    public enum Status { INTACT, ALTERED, DELETED, REORDERED }

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("status", status.name().toLowerCase(java.util.Locale.ROOT)).put("rows", rows).put("detail", detail);
      firstBadPosition.ifPresent(p -> json.put("firstBadPosition", p));
      return json;
    }
  }

  /**
   * Checks rows one at a time, in the log's order. A broken link is judged at the end: if the row
   * it names turns up anywhere in the log, rows were reordered; if not, one was deleted.
   */
  public static final class Checker {
    private final Map<String, Long> positionOf = new HashMap<>();
    private String previous = GENESIS;
    private long position;
    private Report altered;
    private long brokenAt;
    private String missingLink;

    /** @param storedPrevious the predecessor hash the row carries; @param stored its own stored hash (null if lost) */
    public void accept(AuditEvent event, String storedPrevious, String stored) {
      if (altered != null) return;
      position++;
      if (stored == null || storedPrevious == null || !stored.equals(hash(storedPrevious, event))) {
        if (missingLink == null) altered = new Report(Report.Status.ALTERED, position, Optional.of(position), "audit row " + position + " does not match its hash");
        else altered = linkBroken();
        return;
      }
      if (!storedPrevious.equals(previous) && missingLink == null) {
        brokenAt = position;
        missingLink = storedPrevious;
      }
      positionOf.put(stored, position);
      previous = stored;
    }

    private Report linkBroken() {
      boolean elsewhere = missingLink.equals(GENESIS) || positionOf.containsKey(missingLink);
      return elsewhere
          ? new Report(Report.Status.REORDERED, position, Optional.of(brokenAt), "audit row " + brokenAt + " follows a row that stands elsewhere in the log")
          : new Report(Report.Status.DELETED, position, Optional.of(brokenAt), "the row before audit row " + brokenAt + " was deleted (or rewritten)");
    }

    /** The verdict over every row seen, held against the latest checkpoint's view of the log's end. */
    public Report result(Optional<Head> checkpointed) {
      if (altered != null) return altered;
      if (missingLink != null) return linkBroken();
      if (checkpointed.isPresent()) {
        Head head = checkpointed.get();
        Long at = head.rows() == 0 ? Long.valueOf(0) : positionOf.get(head.hash());
        if (at == null || at != head.rows()) {
          long first = Math.min(position + 1, head.rows());
          return new Report(at == null ? Report.Status.DELETED : Report.Status.REORDERED, position, Optional.of(first),
              "checkpoint #" + head.checkpoint() + " saw " + head.rows() + " audit rows ending in " + head.hash().substring(0, Math.min(12, head.hash().length()))
                  + (at == null ? "; that row is gone" : "; that row now stands at position " + at));
        }
        return new Report(Report.Status.INTACT, position, Optional.empty(),
            "every audit row matches its hash; checkpoint #" + head.checkpoint() + " vouches for the first " + head.rows());
      }
      return new Report(Report.Status.INTACT, position, Optional.empty(), "every audit row matches its hash");
    }
  }
}
