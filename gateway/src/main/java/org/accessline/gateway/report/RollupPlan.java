package org.accessline.gateway.report;

import java.util.Set;

/**
 * Whether a report can be answered from the per-quarter-hour rollup rather than from every record's
 * facts: only when each quarter-hour falls wholly into one group and one local bucket of the report,
 * and the rollup's service level counts were made against the report's own answer times. Agent,
 * category and tag groupings are not in the rollup (a record's tags would multiply its rows), so
 * they read the facts.
 */
public final class RollupPlan {
  private static final Set<Grouping> ROLLED_UP = Set.of(Grouping.NONE, Grouping.CHANNEL, Grouping.QUEUE);

  private RollupPlan() {}

  /** @param measured the answer times the rollup counts against; null when it has none yet */
  public static boolean usable(ReportQuery query, AnswerTargets measured) {
    if (measured == null || !ROLLED_UP.contains(query.grouping())) return false;
    if (!onQuarter(query.from().toEpochMilli()) || !onQuarter(query.to().toEpochMilli())) return false;
    for (ReportQuery.OffsetStep step : query.offsetSteps()) {
      if (!onQuarter(step.offsetMillis())) return false;
      if (step.untilMillis() != Long.MAX_VALUE && !onQuarter(step.untilMillis())) return false;
    }
    return measured.equals(AnswerTargets.of(query.targets()));
  }

  private static boolean onQuarter(long millis) {
    return Math.floorMod(millis, Contribution.QUARTER_MS) == 0;
  }
}
