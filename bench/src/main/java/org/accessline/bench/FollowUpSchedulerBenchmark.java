package org.accessline.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpChannel;
import org.accessline.gateway.followup.Owner;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.embedded.EmbeddedInteractionStore;
import org.accessline.web.followups.FollowUpScheduler;
import org.accessline.web.staff.StaffFrames;

/**
 * The follow-up scheduler holding {@code --count} pending follow-ups (100,000) read from the embedded
 * store at start, due over {@code --spread} seconds (60) starting {@code --lead} seconds (15) after it
 * started: how late each reminder is, and how late a 10 ms probe on the same event loop runs (the
 * loop is never blocked if the probe stays on time). Baseline, same run and same due times: one
 * Vert.x timer per follow-up, as a naive scheduler would set.
 */
public final class FollowUpSchedulerBenchmark {
  private FollowUpSchedulerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = intArg(args, "--count", 100_000);
    int spread = intArg(args, "--spread", 60);
    int lead = intArg(args, "--lead", 15);
    // One event loop, so the scheduler, its probe and the frames' consumer share it as on a busy node.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setMaxEventLoopExecuteTime(200).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    EmbeddedInteractionStore store = new EmbeddedInteractionStore(Files.createTempDirectory("accessline-followup-bench"));
    store.start().toCompletionStage().toCompletableFuture().get();
    Instant base = Instant.now().plusSeconds(lead + 60L).truncatedTo(ChronoUnit.MILLIS);
    long filling = System.nanoTime();
    fill(store, count, base, spread);
    System.out.printf("filled %,d follow-ups in %.1f s%n", count, (System.nanoTime() - filling) / 1e9);
    // The fill took its time; due times start `lead` seconds from now.
    Duration shift = Duration.between(base, Instant.now().plusSeconds(lead));
    Clock shifted = Clock.offset(Clock.systemUTC(), shift.negated());

    Latencies lateness = new Latencies();
    Latencies probe = new Latencies();
    AtomicInteger told = new AtomicInteger();
    vertx.eventBus().<JsonObject>localConsumer(StaffFrames.to(new org.accessline.gateway.conversation.AgentId("bench")), m -> {
      Instant due = Instant.parse(m.body().getString("due"));
      lateness.record(Duration.between(due, shifted.instant()).toNanos() / 1000);
      told.incrementAndGet();
    });
    long probeTimer = startProbe(vertx, probe);
    long loading = System.nanoTime();
    FollowUpScheduler scheduler = new FollowUpScheduler(store.followUps(), shifted, Duration.ofDays(1));
    vertx.deployVerticle(scheduler).toCompletionStage().toCompletableFuture().get();
    System.out.printf("scheduler loaded them in %.2f s%n", (System.nanoTime() - loading) / 1e9);
    waitFor(told, count, lead + spread + 30);
    vertx.cancelTimer(probeTimer);
    report("scheduler (next-due index, one timer)", count, told.get(), lateness, probe);

    List<FollowUp> pending = store.followUps().pending().toCompletionStage().toCompletableFuture().get();
    Latencies baseLateness = new Latencies();
    Latencies baseProbe = new Latencies();
    AtomicInteger baseTold = new AtomicInteger();
    Duration again = Duration.between(base, Instant.now().plusSeconds(lead));
    Clock shiftedAgain = Clock.offset(Clock.systemUTC(), again.negated());
    long baseProbeTimer = startProbe(vertx, baseProbe);
    vertx.runOnContext(v -> {
      for (FollowUp f : pending) {
        long delay = Math.max(1, Duration.between(shiftedAgain.instant(), f.due()).toMillis());
        vertx.setTimer(delay, t -> {
          baseLateness.record(Duration.between(f.due(), shiftedAgain.instant()).toNanos() / 1000);
          baseTold.incrementAndGet();
        });
      }
    });
    waitFor(baseTold, count, lead + spread + 30);
    vertx.cancelTimer(baseProbeTimer);
    report("baseline (one Vert.x timer per follow-up)", count, baseTold.get(), baseLateness, baseProbe);
    vertx.close().toCompletionStage().toCompletableFuture().get();
    store.close();
  }

  /**
   * Writes the follow-ups in batches straight through JDBC: the benchmark is of the scheduler, and one
   * synced write per follow-up (as the API makes them) would take the fill most of an hour here.
   */
  private static void fill(EmbeddedInteractionStore store, int count, Instant base, int spread) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(store.jdbcUrl())) {
      c.setAutoCommit(false);
      try (java.sql.PreparedStatement st = c.prepareStatement("INSERT INTO follow_ups (id, origin, contact_channel, contact, via, owner, due, note, state, attempts,"
          + " next_attempt_at, created_at, created_by, updated_at) VALUES (?, ?, 'sms', ?, 'task', 'agent:bench', ?, 'call back', 'scheduled', 0, ?, ?, 'bench', ?)")) {
        for (int i = 0; i < count; i++) {
          java.sql.Timestamp due = java.sql.Timestamp.from(base.plusMillis((long) i * spread * 1000L / count));
          st.setString(1, java.util.UUID.randomUUID().toString());
          st.setString(2, ConversationId.random().value());
          st.setString(3, "+1555" + (1_000_000 + i));
          st.setTimestamp(4, due);
          st.setTimestamp(5, due);
          st.setTimestamp(6, java.sql.Timestamp.from(now));
          st.setTimestamp(7, java.sql.Timestamp.from(now));
          st.addBatch();
          if (i % 5000 == 4999) {
            st.executeBatch();
            c.commit();
          }
        }
        st.executeBatch();
        c.commit();
      }
    }
  }

  /** Every 10 ms on the event loop: how late it ran. */
  private static long startProbe(Vertx vertx, Latencies probe) {
    long[] last = {System.nanoTime()};
    Promise<Long> id = Promise.promise();
    vertx.runOnContext(v -> id.complete(vertx.setPeriodic(10, t -> {
      long now = System.nanoTime();
      probe.record(Math.max(0, now - last[0] - 10_000_000L) / 1000);
      last[0] = now;
    })));
    try {
      return id.future().toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitFor(AtomicInteger told, int count, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (told.get() < count && System.nanoTime() < deadline) Thread.sleep(100);
  }

  private static void report(String what, int count, int told, Latencies lateness, Latencies probe) {
    System.out.printf("%s: reminded %,d of %,d%n  lateness after due: %s%n  10 ms event-loop probe, late by: %s%n", what, told, count, lateness.summary(), probe.summary());
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
    return fallback;
  }
}
