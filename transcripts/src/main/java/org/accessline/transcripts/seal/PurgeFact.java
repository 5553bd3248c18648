package org.accessline.transcripts.seal;

import java.time.Instant;

/**
 * All that stays of a purged record: which it was, when it ran, and who purged it and why. The
 * opening and resolution times are null for purges recorded before they were kept.
 */
public record PurgeFact(String id, Instant openedAt, Instant resolvedAt, Instant purgedAt, String purgedBy, String reason) {
  /** Who purges when the retention period runs out. */
  public static final String RETENTION = "retention";

  public static String retentionReason(Instant resolvedBefore) {
    return "resolved before " + resolvedBefore + ", past the retention period";
  }
}
