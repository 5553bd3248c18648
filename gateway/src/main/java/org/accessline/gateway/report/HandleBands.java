package org.accessline.gateway.report;

import java.util.Arrays;

/**
 * Handle times cut into fixed bands, so the 90th percentile can be found exactly without sorting
 * every record: counting each band ahead of time says which band holds the wanted rank, and only
 * that band's records are then read and ordered. The edges are finer where handle times usually
 * fall (a few minutes to half an hour), where a band holds most records.
 */
public final class HandleBands {
  private static final long SECOND = 1_000L;
  private static final long MINUTE = 60 * SECOND;
  /** The lower edge of each band; the last runs on without end. */
  private static final long[] EDGES = {0, 30 * SECOND, MINUTE, 90 * SECOND, 2 * MINUTE, 3 * MINUTE, 4 * MINUTE, 5 * MINUTE, 450 * SECOND,
      10 * MINUTE, 15 * MINUTE, 20 * MINUTE, 30 * MINUTE, 45 * MINUTE, 60 * MINUTE, 90 * MINUTE};
  public static final int COUNT = EDGES.length;

  private HandleBands() {}

  /** The band of a handle time; a negative one (clocks disagreeing) falls in the first. */
  public static int band(long handleMs) {
    int i = Arrays.binarySearch(EDGES, handleMs);
    if (i >= 0) return i;
    return Math.max(0, -i - 2);
  }

  /** The band of a record's handle time, or null when it has none. */
  public static Integer band(RecordFacts f) {
    Long handle = f.handleMs();
    return handle == null ? null : band(handle);
  }

  /** The same as {@link #band(long)} in SQL (H2 and PostgreSQL alike), over a handle time expression that is not null. */
  public static String sqlCase(String handle) {
    StringBuilder sql = new StringBuilder("CASE");
    for (int i = COUNT - 1; i >= 1; i--) sql.append(" WHEN ").append(handle).append(" >= ").append(EDGES[i]).append(" THEN ").append(i);
    return sql.append(" ELSE 0 END").toString();
  }

  /** Where a rank (1 = shortest) falls among per-band counts: the band, and the rank within that band. */
  public record Place(int band, long rankInBand) {}

  public static Place locate(long[] counts, long rank) {
    if (counts.length != COUNT) throw new IllegalArgumentException("one count per band");
    long before = 0;
    for (int b = 0; b < COUNT; b++) {
      if (rank <= before + counts[b]) return new Place(b, rank - before);
      before += counts[b];
    }
    throw new IllegalArgumentException("rank " + rank + " is beyond the " + before + " counted");
  }
}
