package org.accessline.bench;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.Directory;
import org.accessline.gateway.directory.Opening;
import org.accessline.gateway.directory.Reach;
import org.accessline.gateway.directory.ServiceEntry;
import org.accessline.gateway.directory.Synonyms;
import org.accessline.gateway.directory.Verification;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.embedded.EmbeddedInteractionStore;
import org.accessline.transcripts.postgres.PostgresInteractionStore;

/**
 * Directory search over a large directory, on each store: the services are imported in chunks, then
 * searches of one or two words (a third of them "open now", a quarter "TTY available", with synonyms)
 * are timed one after another, and, in the same run as the baseline, reads of one service by its id.
 *
 * <p>Options: --services N (10000), --searches Q (1000), --pg URL (postgresql://postgres@127.0.0.1:5432/test; "none" skips PostgreSQL).
 */
public final class DirectoryBenchmark {
  private static final String[] COMMON = {"trash", "food", "housing", "clinic", "pothole", "shelter", "bus", "library", "water", "tax", "permit",
      "senior", "youth", "legal", "job", "rent", "utility", "park", "noise", "animal"};
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"), ZoneId.of("America/Denver"),
      ZoneId.of("America/Los_Angeles"));
  private static final Synonyms SYNONYMS = new Synonyms(List.of(List.of("trash", "garbage", "refuse"), List.of("food", "meal", "pantry"),
      List.of("housing", "shelter", "rent")));

  private final Random random = new Random(11);

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>(Map.of("services", "10000", "searches", "1000", "pg", "postgresql://postgres@127.0.0.1:5432/test"));
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    int services = Integer.parseInt(o.get("services"));
    int searches = Integer.parseInt(o.get("searches"));
    Vertx vertx = Vertx.vertx();
    try {
      System.out.printf("Directory search: %d services, %d searches each, %d cores, Java %s%n", services, searches, Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      EmbeddedInteractionStore embedded = new EmbeddedInteractionStore(Files.createTempDirectory("directory-bench"));
      new DirectoryBenchmark().run("embedded (H2)", embedded, services, searches);
      if (!o.get("pg").equals("none")) {
        String schema = "directory_bench_" + Long.toHexString(System.nanoTime());
        PostgresInteractionStore pg = new PostgresInteractionStore(vertx, o.get("pg"), schema,
            org.accessline.transcripts.seal.RecordSeals.in(Files.createTempDirectory("directory-bench-seal")));
        new DirectoryBenchmark().run("PostgreSQL (schema " + schema + ", dropped by hand afterwards)", pg, services, searches);
      }
    } finally {
      vertx.close().await();
    }
  }

  void run(String name, InteractionStore store, int services, int searches) {
    store.start().await();
    Directory directory = store.directory();
    long began = System.nanoTime();
    int agencies = Math.max(1, services / 20);
    List<Agency> allAgencies = new ArrayList<>();
    for (int a = 0; a < agencies; a++) {
      allAgencies.add(new Agency("ag" + a, "Agency " + word() + " " + a, "", ZONES.get(a % ZONES.size()),
          List.of(LocalDate.of(2026, 12, 25)), Reach.NONE, Instant.now(), "bench"));
    }
    directory.importAll(allAgencies, List.of()).await();
    List<ServiceEntry> chunk = new ArrayList<>();
    for (int s = 0; s < services; s++) {
      chunk.add(service(s, "ag" + (s % agencies)));
      if (chunk.size() == 500 || s == services - 1) {
        directory.importAll(List.of(), chunk).await();
        chunk.clear();
      }
    }
    System.out.printf("%n%s: imported %d services of %d agencies in %.1f s%n", name, services, agencies, (System.nanoTime() - began) / 1e9);
    for (int i = 0; i < 100; i++) directory.search(query()).await();
    Latencies search = new Latencies();
    Latencies lookup = new Latencies();
    long found = 0;
    for (int i = 0; i < searches; i++) {
      var q = query();
      long t = System.nanoTime();
      found += directory.search(q).await().size();
      search.record((System.nanoTime() - t) / 1000);
      String id = "svc" + random.nextInt(services);
      t = System.nanoTime();
      directory.service(id).await();
      lookup.record((System.nanoTime() - t) / 1000);
    }
    System.out.printf("  search (up to 20 results, %.1f on average): %s%n", found / (double) searches, search.summary());
    System.out.printf("  baseline, one service by id:              %s%n", lookup.summary());
    store.close().await();
  }

  private org.accessline.gateway.directory.DirectoryQuery query() {
    String text = COMMON[random.nextInt(COMMON.length)] + (random.nextInt(3) == 0 ? " " + word() : "");
    Optional<Instant> open = random.nextInt(3) == 0 ? Optional.of(Instant.now()) : Optional.empty();
    return SYNONYMS.query(text, open, random.nextInt(5) == 0 ? Optional.of("es") : Optional.empty(), random.nextInt(4) == 0, 20);
  }

  private String word() {
    return "w" + random.nextInt(3000);
  }

  private ServiceEntry service(int s, String agency) {
    String name = COMMON[random.nextInt(COMMON.length)] + " " + word() + " service " + s;
    String description = "Helps with " + COMMON[random.nextInt(COMMON.length)] + " and " + word() + " " + word() + " " + word();
    List<Opening> week = new ArrayList<>();
    int opens = 6 + random.nextInt(6);
    for (DayOfWeek d : DayOfWeek.values()) if (random.nextInt(7) < 5) week.add(new Opening(d, LocalTime.of(opens, 0), LocalTime.of(opens + 8, 0)));
    Reach reach = new Reach(Optional.of("555-" + s), random.nextInt(4) == 0 ? Optional.of("555-9" + s) : Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of(s + " Main Street"));
    return new ServiceEntry("svc" + s, agency, name, description, "District " + s % 9, "", random.nextInt(3) == 0 ? List.of("en", "es") : List.of("en"), week,
        reach, "", Optional.of(new Verification(LocalDate.of(2026, 1, 1 + s % 28), "bench")), Instant.now(), "bench");
  }
}
