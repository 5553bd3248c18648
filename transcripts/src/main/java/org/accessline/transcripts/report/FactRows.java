package org.accessline.transcripts.report;

import java.util.Arrays;
import java.util.List;
import org.accessline.gateway.report.HandleBands;
import org.accessline.gateway.report.RecordFacts;

/** A record's facts as a {@code report_facts} row, in {@link #COLUMNS} order, for both stores. */
public final class FactRows {
  public static final String COLUMNS = "num, channel, queue, agent, category, opened_ms, queued_ms, answered_ms, first_reply_ms, ended_ms,"
      + " abandoned, transfers, escalations, emergency, handle_band";
  public static final int COUNT = 15;

  private FactRows() {}

  public static Object[] values(long num, RecordFacts f) {
    return new Object[] {num, f.channel(), f.queue(), f.agent(), f.category(), f.openedMs(), f.queuedMs(), f.answeredMs(), f.firstReplyMs(),
        f.endedMs(), f.abandoned(), f.transfers(), f.escalations(), f.emergency(), band(f)};
  }

  /** The handle time's band, which the 90th percentile reads by; a SMALLINT column. */
  private static Short band(RecordFacts f) {
    Integer band = HandleBands.band(f);
    return band == null ? null : band.shortValue();
  }

  /** The facts from a row read in {@link #COLUMNS} order (the band, derived, is not read back), with the record's tags. */
  public static RecordFacts read(Object[] row, List<String> tags) {
    return new RecordFacts((String) row[1], (String) row[2], (String) row[3], (String) row[4], tags, number(row[5]), optional(row[6]),
        optional(row[7]), optional(row[8]), optional(row[9]), (Boolean) row[10], (int) number(row[11]), (int) number(row[12]), (Boolean) row[13]);
  }

  /** Whether the facts' tags changed, so the tag rows need writing. */
  public static boolean tagsChanged(RecordFacts before, RecordFacts after) {
    return before == null ? !after.tags().isEmpty() : !before.tags().equals(after.tags());
  }

  private static long number(Object o) {
    return ((Number) o).longValue();
  }

  private static Long optional(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }

  public static String placeholders() {
    String[] marks = new String[COUNT];
    Arrays.fill(marks, "?");
    return String.join(", ", marks);
  }
}
