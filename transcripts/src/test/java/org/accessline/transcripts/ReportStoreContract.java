package org.accessline.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.report.Bucket;
import org.accessline.gateway.report.Grouping;
import org.accessline.gateway.report.Metric;
import org.accessline.gateway.report.Report;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.report.ServiceLevelTargets;
import org.accessline.gateway.store.InteractionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports on a seeded set of records with answers worked out by hand, the same on every store: a
 * conversation over midnight, a transfer, a TTY caller who hung up in the queue, a web chat closed
 * while waiting, and records just outside the range. The center is in New York (UTC-5 in November).
 */
public abstract class ReportStoreContract {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant FROM = local("2026-11-22T00:00");
  private static final Instant TO = local("2026-11-24T00:00");
  private static final Participant MARIA = Participant.agent(new AgentId("maria"), "Maria");
  private static final Participant KEN = Participant.agent(new AgentId("ken"), "Ken");

  protected Vertx vertx;
  protected InteractionStore store;

  /** A started, empty store. */
  protected abstract InteractionStore openStore();

  /** The counts the store keeps ahead of reports, as comparable rows (rows all zero left out), or empty when it keeps none. */
  protected Optional<List<String>> countsKeptAhead() {
    return Optional.empty();
  }

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    store = openStore();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  private static Instant local(String at) {
    return LocalDateTime.parse(at).atZone(NEW_YORK).toInstant();
  }

  /** Appends one record's entries, in batches split where {@code null} stands, as the stream writes them over time. */
  private void record(Contact contact, Instant opened, Object... steps) {
    ConversationId id = ConversationId.random();
    List<Entry> batch = new ArrayList<>();
    batch.add(new Entry(id, 1, opened, Participant.resident(contact), new ConversationEvent.Opened(contact), Optional.empty()));
    batch.add(new Entry(id, 2, opened, Participant.SYSTEM, new ConversationEvent.Queued(opened, "waiting"), Optional.empty()));
    long seq = 3;
    for (int i = 0; i < steps.length; i += 3) {
      if (steps[i] == null) {
        store.append(batch).await();
        batch = new ArrayList<>();
        i -= 2;
        continue;
      }
      long seconds = (Integer) steps[i];
      Participant who = (Participant) steps[i + 1];
      Object what = steps[i + 2];
      Optional<String> key = Optional.empty();
      ConversationEvent event;
      if (what instanceof String ended) {
        event = new ConversationEvent.Noted("The caller hung up.");
        key = Optional.of(ended);
      } else {
        event = (ConversationEvent) what;
      }
      batch.add(new Entry(id, seq++, opened.plusSeconds(seconds), who, event, key));
    }
    if (!batch.isEmpty()) store.append(batch).await();
  }

  private static ConversationEvent.Assigned assigned(Participant agent) {
    return new ConversationEvent.Assigned(new AgentId(agent.id()), agent.displayName());
  }

  private static ConversationEvent.DetailsSet filed(String category, String... tags) {
    return new ConversationEvent.DetailsSet(Optional.ofNullable(category), List.of(tags), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  private static final ConversationEvent.MessagePosted REPLY = new ConversationEvent.MessagePosted("How can I help?");

  private void seed() {
    // 1. A text answered in 10 s (within 20 s), first reply at 30 s, escalated to a supervisor, handled 300 s.
    record(new Contact(Channel.SMS, "+15550000001"), local("2026-11-22T09:00"),
        10, Participant.SYSTEM, assigned(MARIA), null,
        20, Participant.resident(new Contact(Channel.SMS, "+15550000001")), new ConversationEvent.MessagePosted("A pothole"), null,
        30, MARIA, REPLY, 35, MARIA, new ConversationEvent.Escalated(ConversationEvent.Escalated.SUPERVISOR, "needs a supervisor"), null,
        300, MARIA, filed("Streets", "pothole"), 310, MARIA, new ConversationEvent.Resolved("Service request filed"));
    // 2. A web chat moved to housing, answered by Ken at 40 s, transferred to Maria, handled 600 s from Ken's answer.
    record(new Contact(Channel.WEBCHAT, "chat-2"), local("2026-11-22T09:30"),
        5, Participant.SYSTEM, new ConversationEvent.QueueChanged("housing", "topic"), 40, Participant.SYSTEM, assigned(KEN), null,
        60, KEN, REPLY, 100, KEN, new ConversationEvent.Transferred(new AgentId("ken"), Optional.of(new AgentId("maria")), "over to you"),
        100, Participant.SYSTEM, assigned(MARIA), null,
        600, MARIA, filed("Housing", "pothole", "noise"), 640, MARIA, new ConversationEvent.Resolved("Information provided"));
    // 3. A TTY caller who hung up after 90 s in the queue (the TTY target is 60 s); later filed by an agent.
    record(new Contact(Channel.TTY, "+15550000003"), local("2026-11-22T10:00"),
        90, Participant.SYSTEM, "tty:CA0003:ended", null,
        200, Participant.SYSTEM, assigned(MARIA), 260, MARIA, new ConversationEvent.Resolved("Caller hung up"));
    // 4. Over midnight: a text answered at 60 s, an emergency, first reply at 120 s, resolved at 00:20 the next day.
    record(new Contact(Channel.SMS, "+15550000004"), local("2026-11-22T23:50"),
        60, Participant.SYSTEM, assigned(MARIA), 70, Participant.SYSTEM, new ConversationEvent.Escalated(ConversationEvent.Escalated.EMERGENCY, "fire"),
        null, 120, MARIA, REPLY, null, 1800, MARIA, new ConversationEvent.Resolved("Referred to 911"));
    // 5. A web chat closed while waiting, after 10 s: abandoned within its target.
    record(new Contact(Channel.WEBCHAT, "chat-5"), local("2026-11-23T08:00"),
        10, MARIA, new ConversationEvent.Resolved("Closed while waiting"));
    // Outside the range on either side.
    record(new Contact(Channel.SMS, "+15550000006"), TO, 5, Participant.SYSTEM, assigned(MARIA));
    record(new Contact(Channel.SMS, "+15550000007"), FROM.minusSeconds(60), 5, Participant.SYSTEM, assigned(MARIA));
  }

  private Report run(Bucket bucket, Grouping grouping) {
    return run(bucket, grouping, ServiceLevelTargets.defaults());
  }

  private Report run(Bucket bucket, Grouping grouping, ServiceLevelTargets targets) {
    return run(FROM, TO, bucket, grouping, targets);
  }

  /**
   * The report with the store told its targets (so a store that keeps counts ahead answers from
   * them), after checking that the same report from every record's facts is identical: a range
   * starting 1 ms later moves no record (none arrived at that instant) but fits no rollup.
   */
  private Report run(Instant from, Instant to, Bucket bucket, Grouping grouping, ServiceLevelTargets targets) {
    store.reports().measureAgainst(targets).await();
    Report ahead = store.reports().run(new ReportQuery(from, to, NEW_YORK, bucket, grouping, targets)).await();
    Report facts = store.reports().run(new ReportQuery(from.plusMillis(1), to, NEW_YORK, bucket, grouping, targets)).await();
    assertEquals(facts.rows(), ahead.rows(), "the same rows either way");
    assertEquals(facts.heatmap(), ahead.heatmap(), "the same heatmap either way");
    return ahead;
  }

  /** The figures of each row as "group@bucket" → metric key → value, for comparing whole reports. */
  private static Map<String, Map<String, Double>> table(Report report, Metric... metrics) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (Report.Row row : report.rows()) {
      Map<String, Double> figures = new LinkedHashMap<>();
      for (Metric m : metrics) row.figure(m).ifPresent(v -> figures.put(m.key(), Math.round(v * 1000) / 1000.0));
      out.put(row.group() + "@" + row.bucketStart(), figures);
    }
    return out;
  }

  private static Map<String, Double> figures(Object... pairs) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) out.put(((Metric) pairs[i]).key(), ((Number) pairs[i + 1]).doubleValue());
    return out;
  }

  @Test
  void everyMetricByDayHasItsKnownAnswer() {
    seed();
    Map<String, Map<String, Double>> expected = new LinkedHashMap<>();
    expected.put("@2026-11-22T00:00", figures(Metric.OFFERED, 4, Metric.HANDLED, 3, Metric.ABANDONED, 1, Metric.ABANDONMENT_RATE, 0.25,
        Metric.SERVICE_LEVEL, 0.25, Metric.FIRST_RESPONSE, 70_000, Metric.HANDLE_AVERAGE, 880_000, Metric.HANDLE_P90, 1_740_000,
        Metric.WAIT_AVERAGE, 50_000, Metric.TRANSFERS, 1, Metric.ESCALATIONS, 1, Metric.EMERGENCIES, 1));
    // Nothing answered and nobody left after the target: no service level, no handle or response times.
    expected.put("@2026-11-23T00:00", figures(Metric.OFFERED, 1, Metric.HANDLED, 0, Metric.ABANDONED, 1, Metric.ABANDONMENT_RATE, 1.0,
        Metric.WAIT_AVERAGE, 10_000, Metric.TRANSFERS, 0, Metric.ESCALATIONS, 0, Metric.EMERGENCIES, 0));
    assertEquals(expected, table(run(Bucket.DAY, Grouping.NONE), Metric.values()));
  }

  @Test
  void groupsByChannelQueueAgentCategoryAndTag() {
    seed();
    assertEquals(Map.of("sms@2026-11-22T00:00", figures(Metric.OFFERED, 2, Metric.HANDLED, 2, Metric.SERVICE_LEVEL, 0.5),
        "tty@2026-11-22T00:00", figures(Metric.OFFERED, 1, Metric.HANDLED, 0, Metric.SERVICE_LEVEL, 0.0),
        "webchat@2026-11-22T00:00", figures(Metric.OFFERED, 1, Metric.HANDLED, 1, Metric.SERVICE_LEVEL, 0.0),
        "webchat@2026-11-23T00:00", figures(Metric.OFFERED, 1, Metric.HANDLED, 0)),
        table(run(Bucket.DAY, Grouping.CHANNEL), Metric.OFFERED, Metric.HANDLED, Metric.SERVICE_LEVEL));
    assertEquals(List.of("housing@2026-11-16T00:00", "sms@2026-11-16T00:00", "tty@2026-11-16T00:00", "webchat@2026-11-23T00:00"),
        List.copyOf(table(run(Bucket.WEEK, Grouping.QUEUE), Metric.OFFERED).keySet()), "weeks start on Monday; 22 November 2026 is a Sunday");
    assertEquals(Map.of("@2026-11-16T00:00", figures(Metric.OFFERED, 1), "@2026-11-23T00:00", figures(Metric.OFFERED, 1),
        "maria@2026-11-16T00:00", figures(Metric.OFFERED, 3)),
        table(run(Bucket.WEEK, Grouping.AGENT), Metric.OFFERED), "the agent who last held it; one who only filed an abandoned call did not answer it");
    assertEquals(Map.of("@2026-11-16T00:00", figures(Metric.OFFERED, 2), "@2026-11-23T00:00", figures(Metric.OFFERED, 1),
        "Housing@2026-11-16T00:00", figures(Metric.OFFERED, 1), "Streets@2026-11-16T00:00", figures(Metric.OFFERED, 1)),
        table(run(Bucket.WEEK, Grouping.CATEGORY), Metric.OFFERED));
    assertEquals(Map.of("@2026-11-16T00:00", figures(Metric.OFFERED, 2, Metric.TRANSFERS, 0), "@2026-11-23T00:00", figures(Metric.OFFERED, 1, Metric.TRANSFERS, 0),
        "noise@2026-11-16T00:00", figures(Metric.OFFERED, 1, Metric.TRANSFERS, 1), "pothole@2026-11-16T00:00", figures(Metric.OFFERED, 2, Metric.TRANSFERS, 1)),
        table(run(Bucket.WEEK, Grouping.TAG), Metric.OFFERED, Metric.TRANSFERS));
  }

  @Test
  void quarterHoursAndHoursAreLocalAndTheHeatmapCountsByLocalDayAndHour() {
    seed();
    assertEquals(List.of("@2026-11-22T09:00", "@2026-11-22T09:30", "@2026-11-22T10:00", "@2026-11-22T23:45", "@2026-11-23T08:00"),
        List.copyOf(table(run(Bucket.QUARTER_HOUR, Grouping.NONE), Metric.OFFERED).keySet()));
    Report hours = run(Bucket.HOUR, Grouping.NONE);
    assertEquals(figures(Metric.OFFERED, 2), table(hours, Metric.OFFERED).get("@2026-11-22T09:00"));
    long[][] heat = new long[7][24];
    heat[6][9] = 2;
    heat[6][10] = 1;
    heat[6][23] = 1;
    heat[0][8] = 1;
    assertEquals(new Report.Heatmap(heat), hours.heatmap());
  }

  @Test
  void aQueuesOwnTargetWinsOverItsChannels() {
    seed();
    ServiceLevelTargets housingSlow = new ServiceLevelTargets(ServiceLevelTargets.defaults().fallback(), ServiceLevelTargets.defaults().byChannel(),
        Map.of("housing", new ServiceLevelTargets.Target(80, Duration.ofSeconds(60))));
    assertEquals(figures(Metric.SERVICE_LEVEL, 0.5), table(run(Bucket.DAY, Grouping.NONE, housingSlow), Metric.SERVICE_LEVEL).get("@2026-11-22T00:00"));
  }

  @Test
  void daysFollowTheClockChange() {
    // Clocks went forward at 02:00 on 8 March 2026: 00:30 on the 9th is 04:30 UTC, not 05:30.
    record(new Contact(Channel.SMS, "+15550000010"), local("2026-03-08T00:30"));
    record(new Contact(Channel.SMS, "+15550000011"), local("2026-03-09T00:30"));
    Report days = run(local("2026-03-07T00:00"), local("2026-03-11T00:00"), Bucket.DAY, Grouping.NONE, ServiceLevelTargets.defaults());
    assertEquals(List.of("@2026-03-08T00:00", "@2026-03-09T00:00"), List.copyOf(table(days, Metric.OFFERED).keySet()));
  }

  @Test
  void anEmptyRangeHasNoRows() {
    seed();
    Report none = run(local("2025-01-01T00:00"), local("2025-01-02T00:00"), Bucket.HOUR, Grouping.TAG, ServiceLevelTargets.defaults());
    assertEquals(List.of(), none.rows());
    assertEquals(Report.Heatmap.empty(), none.heatmap());
  }

  @Test
  void everyReportIsTheSameFromTheCountsKeptAheadAsFromTheFacts() {
    seed();
    for (Bucket bucket : Bucket.values()) {
      for (Grouping grouping : Grouping.values()) run(bucket, grouping);
    }
  }

  @Test
  void changingTheTargetsRecountsTheServiceLevel() {
    seed();
    ServiceLevelTargets housingSlow = new ServiceLevelTargets(ServiceLevelTargets.defaults().fallback(), ServiceLevelTargets.defaults().byChannel(),
        Map.of("housing", new ServiceLevelTargets.Target(80, Duration.ofSeconds(60))));
    Map<String, ServiceLevelTargets.Target> strictSms = new LinkedHashMap<>(ServiceLevelTargets.defaults().byChannel());
    strictSms.put("sms", new ServiceLevelTargets.Target(80, Duration.ofSeconds(5)));
    ServiceLevelTargets smsStrict = new ServiceLevelTargets(ServiceLevelTargets.defaults().fallback(), strictSms, Map.of());
    assertEquals(figures(Metric.SERVICE_LEVEL, 0.25), table(run(Bucket.DAY, Grouping.NONE), Metric.SERVICE_LEVEL).get("@2026-11-22T00:00"));
    assertEquals(figures(Metric.SERVICE_LEVEL, 0.5), table(run(Bucket.DAY, Grouping.NONE, housingSlow), Metric.SERVICE_LEVEL).get("@2026-11-22T00:00"));
    assertEquals(figures(Metric.SERVICE_LEVEL, 0.0), table(run(Bucket.DAY, Grouping.NONE, smsStrict), Metric.SERVICE_LEVEL).get("@2026-11-22T00:00"),
        "the text answered in 10 s misses a 5 s target");
    assertEquals(figures(Metric.SERVICE_LEVEL, 0.25), table(run(Bucket.DAY, Grouping.NONE), Metric.SERVICE_LEVEL).get("@2026-11-22T00:00"));
  }

  @Test
  void factsChangingKeepTheCountsAheadAsARebuildWouldCountThem() {
    ServiceLevelTargets targets = ServiceLevelTargets.defaults();
    store.reports().measureAgainst(targets).await();
    seed();
    // Moved to another queue after it was answered, in batches of its own.
    record(new Contact(Channel.WEBCHAT, "chat-8"), local("2026-11-22T11:00"), null,
        50, Participant.SYSTEM, assigned(KEN), null, 70, Participant.SYSTEM, new ConversationEvent.QueueChanged("housing", "topic"), null,
        400, KEN, new ConversationEvent.Resolved("Information provided"));
    // Resolved, then taken up again as a follow-up in another queue and answered by someone else.
    record(new Contact(Channel.SMS, "+15550000009"), local("2026-11-22T12:07"), 10, Participant.SYSTEM, assigned(MARIA), null,
        200, MARIA, new ConversationEvent.Resolved("Information provided"), null,
        7200, Participant.SYSTEM, new ConversationEvent.QueueChanged("follow-up", "due"), 7300, Participant.SYSTEM, assigned(KEN), 7400, KEN, REPLY);
    // A relay caller who hung up after 30 s, within the target: abandoned but not held against the service level.
    record(new Contact(Channel.RELAY, "+15550000012"), local("2026-11-22T13:59"), null, 30, Participant.SYSTEM, "relay:CA0012:ended");
    Optional<List<String>> kept = countsKeptAhead();
    List<Report> reports = new ArrayList<>();
    for (Grouping grouping : List.of(Grouping.NONE, Grouping.CHANNEL, Grouping.QUEUE)) reports.add(run(Bucket.QUARTER_HOUR, grouping));
    ServiceLevelTargets other = new ServiceLevelTargets(new ServiceLevelTargets.Target(80, Duration.ofSeconds(1)), Map.of(), Map.of());
    store.reports().measureAgainst(other).await();
    store.reports().measureAgainst(targets).await();
    assertEquals(kept, countsKeptAhead(), "kept as records were written, the counts are those a rebuild from the facts makes");
    List<Report> rebuilt = new ArrayList<>();
    for (Grouping grouping : List.of(Grouping.NONE, Grouping.CHANNEL, Grouping.QUEUE)) rebuilt.add(run(Bucket.QUARTER_HOUR, grouping));
    for (int i = 0; i < reports.size(); i++) assertEquals(reports.get(i).rows(), rebuilt.get(i).rows());
    // Records purged take their counts with them.
    assertEquals(4, store.purge(local("2026-11-22T12:00"), local("2026-12-30T00:00")).await());
    kept = countsKeptAhead();
    store.reports().measureAgainst(other).await();
    store.reports().measureAgainst(targets).await();
    assertEquals(kept, countsKeptAhead(), "a purge takes the records out of the counts as a rebuild would");
    run(Bucket.HOUR, Grouping.CHANNEL);
  }

  @Test
  void manyHandleTimesWithTiesGiveTheSamePercentileBothWays() {
    Channel[] channels = {Channel.SMS, Channel.WEBCHAT, Channel.TTY};
    for (int i = 0; i < 60; i++) {
      // From 10 s to about 30 minutes, over several bands, each time taken by two or three records.
      int handled = (i * 37 % 23) * 80 + 10;
      record(new Contact(channels[i % 3], "+1555000" + (1000 + i)), local("2026-11-22T08:00").plusSeconds(i * 420L), 10, Participant.SYSTEM, assigned(MARIA),
          null, 10 + handled, MARIA, new ConversationEvent.Resolved("Information provided"));
    }
    for (Bucket bucket : List.of(Bucket.HOUR, Bucket.DAY)) {
      for (Grouping grouping : List.of(Grouping.NONE, Grouping.CHANNEL)) {
        assertEquals(true, table(run(bucket, grouping), Metric.HANDLE_P90).values().stream().allMatch(f -> f.containsKey(Metric.HANDLE_P90.key())));
      }
    }
  }
}
