package org.accessline.gateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContributionTest {
  private static final long T0 = Instant.parse("2026-11-22T14:07:30Z").toEpochMilli();
  private static final long QUARTER = Instant.parse("2026-11-22T14:00:00Z").toEpochMilli();
  private static final AnswerTargets DEFAULTS = AnswerTargets.of(ServiceLevelTargets.defaults());

  private static RecordFacts facts(String channel, String queue, Long queued, Long answered, Long firstReply, Long ended, boolean abandoned) {
    return new RecordFacts(channel, queue, answered == null ? null : "maria", null, List.of("noise"), T0, queued, answered, firstReply, ended, abandoned, 2, 1,
        true);
  }

  @Test
  void aHandledRecordCountsAsTheMetricsSqlCountsIt() {
    Contribution c = Contribution.of(facts("sms", "sms", T0 + 1_000, T0 + 11_000, T0 + 31_000, T0 + 311_000, false), DEFAULTS);
    assertEquals(QUARTER, c.quarterMs(), "the UTC quarter-hour it arrived in");
    assertEquals(List.of(1L, 1L, 1L, 0L, 1L, 30_000L, 1L, 300_000L, 1L, 10_000L, 2L, 1L, 1L, 1L, 1L), java.util.Arrays.stream(c.counts()).limit(15).boxed().toList());
    assertEquals(1, c.count(Contribution.BAND_0 + HandleBands.band(300_000)));
    assertEquals(1, java.util.Arrays.stream(c.counts()).skip(Contribution.BAND_0).sum(), "one band counted");
  }

  @Test
  void anOpenedRecordNeverQueuedRespondsFromItsOpeningAndWaitsNowhere() {
    Contribution c = Contribution.of(new RecordFacts("webchat", "webchat", null, null, List.of(), T0, null, null, T0 + 5_000, null, false, 0, 0, false),
        DEFAULTS);
    assertEquals(1, c.count(Contribution.RECORDS));
    assertEquals(0, c.count(Contribution.OFFERED));
    assertEquals(5_000, c.count(Contribution.FIRST_REPLY_SUM));
    assertEquals(0, c.count(Contribution.WAIT_N));
    assertEquals(0, c.count(Contribution.HANDLE_N));
    assertEquals(0, c.count(Contribution.SL_COUNTED));
  }

  @Test
  void theServiceLevelIsCountedAgainstTheQueueThenTheChannelThenTheDefault() {
    RecordFacts answered30s = facts("webchat", "housing", T0, T0 + 30_000, null, null, false);
    assertEquals(0, Contribution.of(answered30s, DEFAULTS).count(Contribution.SL_MET), "webchat's 20 s");
    AnswerTargets housing = AnswerTargets.of(new ServiceLevelTargets(ServiceLevelTargets.defaults().fallback(), ServiceLevelTargets.defaults().byChannel(),
        Map.of("housing", new ServiceLevelTargets.Target(80, Duration.ofSeconds(30)))));
    assertEquals(1, Contribution.of(answered30s, housing).count(Contribution.SL_MET), "within is inclusive");
    assertEquals(30_000, housing.withinMs("housing", "tty"));
    assertEquals(60_000, housing.withinMs("tty", "tty"));
    assertEquals(20_000, housing.withinMs("other", "fax"));
  }

  @Test
  void anAbandonedRecordCountsAgainstTheServiceLevelOnlyAfterTheTarget() {
    RecordFacts leftAt90s = facts("tty", "tty", T0, null, null, T0 + 90_000, true);
    assertTrue(ServiceLevelCount.counted(leftAt90s, 60_000));
    assertFalse(ServiceLevelCount.met(leftAt90s, 60_000));
    assertFalse(ServiceLevelCount.counted(leftAt90s, 90_000), "leaving at the target is not held against it");
    assertFalse(ServiceLevelCount.counted(facts("tty", "tty", null, null, null, T0 + 90_000, true), 60_000), "never queued");
    Contribution c = Contribution.of(leftAt90s, DEFAULTS);
    assertEquals(1, c.count(Contribution.ABANDONED));
    assertEquals(1, c.count(Contribution.WAIT_N));
    assertEquals(90_000, c.count(Contribution.WAIT_SUM), "waited until it ended");
  }

  @Test
  void aChangeTakesTheOldOutAndPutsTheNewIn() {
    RecordFacts waiting = facts("webchat", "webchat", T0, null, null, null, false);
    RecordFacts answered = facts("webchat", "webchat", T0, T0 + 10_000, null, null, false);
    List<Contribution> same = Contribution.change(waiting, answered, DEFAULTS);
    assertEquals(1, same.size(), "one row, netted");
    assertEquals(0, same.get(0).count(Contribution.RECORDS));
    assertEquals(1, same.get(0).count(Contribution.HANDLED));
    assertEquals(1, same.get(0).count(Contribution.SL_MET));
    RecordFacts moved = facts("webchat", "housing", T0, T0 + 10_000, null, null, false);
    assertEquals(List.of(Contribution.of(answered, DEFAULTS).minus(), Contribution.of(moved, DEFAULTS)), Contribution.change(answered, moved, DEFAULTS));
    assertEquals(List.of(Contribution.of(moved, DEFAULTS)), Contribution.change(null, moved, DEFAULTS));
    assertEquals(List.of(Contribution.of(moved, DEFAULTS).minus()), Contribution.change(moved, null, DEFAULTS), "purged");
    RecordFacts retagged = new RecordFacts("webchat", "housing", "maria", "Housing", List.of(), T0, T0, T0 + 10_000, null, null, false, 2, 1, true);
    assertEquals(List.of(), Contribution.change(moved, retagged, DEFAULTS), "nothing counted changed");
  }

  @Test
  void minusUndoesAndOnlyOneRowsContributionsAddUp() {
    Contribution c = Contribution.of(facts("sms", "sms", T0, T0 + 1_000, null, T0 + 61_000, false), DEFAULTS);
    assertTrue(c.plus(c.minus()).isZero());
    assertEquals(c, c.minus().minus());
    Contribution other = Contribution.of(facts("sms", "housing", T0, null, null, null, false), DEFAULTS);
    assertThrows(IllegalArgumentException.class, () -> c.plus(other));
    assertThrows(IllegalArgumentException.class, () -> new Contribution(0, "sms", "sms", new long[3]));
  }

  @Test
  void answerTimesAreOverZero() {
    assertThrows(IllegalArgumentException.class, () -> new AnswerTargets(0, Map.of(), Map.of()));
  }
}
