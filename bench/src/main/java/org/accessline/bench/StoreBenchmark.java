package org.accessline.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.RecordQuery;
import org.accessline.transcripts.embedded.EmbeddedInteractionStore;
import org.accessline.transcripts.postgres.PostgresInteractionStore;

/**
 * Both interaction stores, measured the same way: durable appends per second from many concurrent
 * conversations (one message per append, as residents write; then 50 per append, as a batching
 * importer would), filling the store to {@code --entries}; then full-text search latency over it.
 *
 * <p>Options: --entries N (1000000), --conversations C (200), --seconds S (20), --searches Q (200),
 * --pg URL (postgresql://postgres@127.0.0.1:5432/test; "none" skips PostgreSQL), --embedded no (skips the embedded store).
 */
public final class StoreBenchmark {
  /** Twenty everyday words and two thousand rarer ones, so a word is in about one message in 250, as in real text. */
  private static final String[] WORDS = vocabulary();

  private static String[] vocabulary() {
    List<String> words = new ArrayList<>(List.of("pothole", "streetlight", "trash", "recycling", "water", "bill", "noise", "parking", "permit", "tree",
        "sidewalk", "snow", "plow", "graffiti", "library", "park", "bus", "flooding", "sewer", "animal"));
    for (int i = 0; i < 2000; i++) words.add("term" + i);
    return words.toArray(String[]::new);
  }

  private final Vertx vertx = Vertx.vertx();
  private final Random random = new Random(7);
  private final int conversations;
  private final long seconds;
  private final int targetEntries;
  private final int searches;

  StoreBenchmark(int conversations, long seconds, int targetEntries, int searches) {
    this.conversations = conversations;
    this.seconds = seconds;
    this.targetEntries = targetEntries;
    this.searches = searches;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>(Map.of("entries", "1000000", "conversations", "200", "seconds", "20", "searches", "200",
        "pg", "postgresql://postgres@127.0.0.1:5432/test"));
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    StoreBenchmark b = new StoreBenchmark(Integer.parseInt(o.get("conversations")), Long.parseLong(o.get("seconds")),
        Integer.parseInt(o.get("entries")), Integer.parseInt(o.get("searches")));
    System.out.printf("Interaction stores: %d concurrent conversations, %d s per append run, filled to %,d entries, %d searches; %d cores%n",
        b.conversations, b.seconds, b.targetEntries, b.searches, Runtime.getRuntime().availableProcessors());
    if (!o.getOrDefault("embedded", "yes").equals("no")) {
      b.measure("embedded (H2 file, group commit + fsync)", new EmbeddedInteractionStore(Files.createTempDirectory("accessline-store-bench")));
    }
    if (!o.get("pg").equals("none")) {
      String schema = "bench_" + Long.toHexString(System.nanoTime());
      b.measure("PostgreSQL (group commit: appends waiting together share a transaction)", new PostgresInteractionStore(b.vertx, o.get("pg"), schema,
          org.accessline.transcripts.seal.RecordSeals.in(Files.createTempDirectory("accessline-store-bench-seals"))));
      System.out.println("(PostgreSQL schema " + schema + " is left for inspection; drop it when done.)");
    }
    b.vertx.close().await();
  }

  void measure(String name, InteractionStore store) {
    store.start().await();
    System.out.println(name + ":");
    List<Lane> lanes = new ArrayList<>();
    ids.clear();
    for (int i = 0; i < conversations; i++) {
      store.append(opening(i)).await();
      lanes.add(new Lane(ids.get(i)));
    }
    AtomicLong appended = new AtomicLong();
    Latencies appendLatency = new Latencies();
    double single = run(store, lanes, 1, seconds, appended, appendLatency);
    System.out.printf("  1 entry per append:   %,9.0f durable entries/s   append %s%n", single, appendLatency.summary());
    Latencies batchLatency = new Latencies();
    long before = appended.get();
    double batched = run(store, lanes, 50, seconds, appended, batchLatency);
    System.out.printf("  50 entries per append: %,9.0f durable entries/s   append %s%n", batched, batchLatency.summary());
    long total = appended.get() + 3L * conversations;
    while (total < targetEntries) {
      run(store, lanes, 50, 10, appended, new Latencies());
      total = appended.get() + 3L * conversations;
    }
    System.out.printf("  filled to %,d entries%n", total);
    Latencies search = new Latencies();
    for (int i = 0; i < searches; i++) {
      String words = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
      RecordQuery q = new RecordQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(words), 50, 0);
      long t0 = System.nanoTime();
      store.search(q).await();
      search.record((System.nanoTime() - t0) / 1000);
    }
    System.out.printf("  full-text search (2 words, first page of 50): %s%n", search.summary());
    store.close().await();
  }

  /** One conversation's writer: appends one after another, as the stream does. */
  private final class Lane {
    final ConversationId id;
    long nextSeq = 4;

    Lane(ConversationId id) {
      this.id = id;
    }
  }

  private final List<ConversationId> ids = new ArrayList<>();

  private List<Entry> opening(int n) {
    ConversationId id = ConversationId.random();
    ids.add(id);
    Contact c = new Contact(Channel.SMS, String.format("+1555%07d", n));
    Instant now = Instant.now();
    return List.of(new Entry(id, 1, now, Participant.resident(c), new ConversationEvent.Opened(c), Optional.empty()),
        new Entry(id, 2, now, Participant.SYSTEM, new ConversationEvent.Queued(now, "waiting"), Optional.empty()),
        new Entry(id, 3, now, Participant.resident(c), new ConversationEvent.MessagePosted(message()), Optional.empty()));
  }

  private String message() {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < 8; w++) s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    return s.toString();
  }

  /** Every lane appends {@code perAppend} entries at a time for {@code runSeconds}; returns entries per second. */
  private double run(InteractionStore store, List<Lane> lanes, int perAppend, long runSeconds, AtomicLong appended, Latencies latencies) {
    long end = System.nanoTime() + runSeconds * 1_000_000_000L;
    AtomicLong count = new AtomicLong();
    Promise<Void> done = Promise.promise();
    AtomicLong running = new AtomicLong(lanes.size());
    long start = System.nanoTime();
    vertx.runOnContext(v -> lanes.forEach(lane -> next(store, lane, perAppend, end, count, latencies, running, done)));
    done.future().await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    appended.addAndGet(count.get());
    return count.get() / elapsed;
  }

  private void next(InteractionStore store, Lane lane, int perAppend, long end, AtomicLong count, Latencies latencies, AtomicLong running, Promise<Void> done) {
    if (System.nanoTime() >= end) {
      if (running.decrementAndGet() == 0) done.complete();
      return;
    }
    List<Entry> batch = new ArrayList<>(perAppend);
    Instant now = Instant.now();
    for (int i = 0; i < perAppend; i++) {
      batch.add(new Entry(lane.id, lane.nextSeq++, now, Participant.resident(new Contact(Channel.SMS, "+15550000000")),
          new ConversationEvent.MessagePosted(message()), Optional.empty()));
    }
    long t0 = System.nanoTime();
    store.append(batch).onComplete(ar -> {
      if (ar.failed()) {
        System.err.println("append failed: " + ar.cause());
        lane.nextSeq -= perAppend;
      } else {
        count.addAndGet(perAppend);
        latencies.record((System.nanoTime() - t0) / 1000);
      }
      next(store, lane, perAppend, end, count, latencies, running, done);
    });
  }
}
