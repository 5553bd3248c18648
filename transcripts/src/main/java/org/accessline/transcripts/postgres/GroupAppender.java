package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.store.AppendOutcome;
import org.accessline.gateway.store.EntryChain;
import org.accessline.transcripts.seal.SealKey;

/**
 * Commits the appends waiting at one moment in one PostgreSQL transaction, with a handful of
 * statements for all of them, so a busy floor pays for one commit and a few round trips per group
 * instead of per message. Each append is answered only after the commit. If a group's transaction
 * fails, each of its appends is retried alone, so one bad append cannot take the others down.
 *
 * <p>A conversation has at most one append in flight: a later one waits for the group before it,
 * so the hash chain always continues from a committed entry.
 */
final class GroupAppender {
  private static final int MAX_GROUP = 256;
  /** Groups committing at once: enough to overlap one group's round trips with another's. */
  private static final int GROUPS_IN_FLIGHT = 4;

  /** What an append that is not fenced carries instead of an epoch. */
  static final long UNFENCED = Long.MIN_VALUE;

  /** Writes one append in a transaction of its own, checking its epoch unless it is {@link #UNFENCED}. */
  @FunctionalInterface
  interface Alone {
    Future<AppendOutcome> write(List<Entry> entries, long epoch);
  }

  private record Pending(List<Entry> entries, long epoch, Promise<AppendOutcome> reply) {
    ConversationId conversation() {
      return entries.get(0).conversationId();
    }
  }

  private final Pool pool;
  private final SealKey key;
  private final Alone alone;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private final Set<ConversationId> writing = new HashSet<>();
  private int groupsInFlight;
  /** Shared transactions committed, and those that failed so their appends were retried alone. */
  final java.util.concurrent.atomic.AtomicLong sharedCommits = new java.util.concurrent.atomic.AtomicLong();
  final java.util.concurrent.atomic.AtomicLong sharedFailures = new java.util.concurrent.atomic.AtomicLong();

  /** @param alone writes one append in a transaction of its own */
  GroupAppender(Pool pool, SealKey key, Alone alone) {
    this.pool = pool;
    this.key = key;
    this.alone = alone;
  }

  Future<AppendOutcome> append(List<Entry> entries, long epoch) {
    Promise<AppendOutcome> reply = Promise.promise();
    synchronized (this) {
      waiting.add(new Pending(entries, epoch, reply));
    }
    drain();
    return reply.future();
  }

  private void drain() {
    List<List<Pending>> ready = new ArrayList<>();
    synchronized (this) {
      while (groupsInFlight < GROUPS_IN_FLIGHT && !waiting.isEmpty()) {
        List<Pending> group = new ArrayList<>();
        for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && group.size() < MAX_GROUP; ) {
          Pending p = it.next();
          if (writing.add(p.conversation())) {
            group.add(p);
            it.remove();
          }
        }
        if (group.isEmpty()) break;
        groupsInFlight++;
        ready.add(group);
      }
    }
    ready.forEach(this::write);
  }

  private void write(List<Pending> group) {
    Future<List<AppendOutcome>> done = group.size() == 1
        ? alone.write(group.get(0).entries(), group.get(0).epoch()).map(List::of)
        : pool.withTransaction(c -> writeTogether(c, group)).onSuccess(v -> sharedCommits.incrementAndGet()).recover(shared -> {
          sharedFailures.incrementAndGet();
          return eachAlone(group);
        });
    done.onComplete(ar -> {
      synchronized (this) {
        groupsInFlight--;
        group.forEach(p -> writing.remove(p.conversation()));
      }
      for (int i = 0; i < group.size(); i++) {
        // After a shared failure, an append that also failed alone was already answered.
        if (ar.succeeded() && ar.result().get(i) != null) group.get(i).reply().tryComplete(ar.result().get(i));
        else if (ar.failed()) group.get(i).reply().tryFail(ar.cause());
      }
      drain();
    });
  }

  /** After a shared transaction failed: each append on its own, each answered with its own outcome. */
  private Future<List<AppendOutcome>> eachAlone(List<Pending> group) {
    List<Future<AppendOutcome>> each = new ArrayList<>(group.size());
    for (Pending p : group) {
      each.add(alone.write(p.entries(), p.epoch()).onFailure(e -> p.reply().tryFail(e)));
    }
    return Future.join(each).transform(ar -> {
      List<AppendOutcome> outcomes = new ArrayList<>(group.size());
      for (Future<AppendOutcome> f : each) outcomes.add(f.succeeded() ? f.result() : null);
      return Future.succeededFuture(outcomes);
    });
  }

  private Future<List<AppendOutcome>> writeTogether(SqlConnection c, List<Pending> group) {
    // A stale append fails the shared transaction; each is then tried alone and answered for itself.
    long[] epochs = group.stream().mapToLong(Pending::epoch).filter(e -> e != UNFENCED).distinct().toArray();
    Future<Void> fenced = epochs.length == 0 ? Future.succeededFuture() : Ownership.check(c, epochs);
    return fenced.compose(v -> stored(c, group)).compose(existing -> {
      List<Pending> fresh = group.stream().filter(p -> !existing.containsKey(p)).toList();
      Future<Void> written = fresh.isEmpty() ? Future.succeededFuture()
          : numbers(c, fresh).compose(nums -> lastHashes(c, fresh, nums).compose(hashes -> insert(c, fresh, nums, hashes)));
      return written.map(v -> {
        List<AppendOutcome> outcomes = new ArrayList<>(group.size());
        for (Pending p : group) {
          Entry earlier = existing.get(p);
          outcomes.add(earlier != null ? new AppendOutcome.AlreadyRecorded(earlier) : new AppendOutcome.Appended(p.entries()));
        }
        return outcomes;
      });
    });
  }

  /** For each append with a dedupe key already stored, the first stored entry with one of its keys. */
  private static Future<Map<Pending, Entry>> stored(SqlConnection c, List<Pending> group) {
    List<String> keys = new ArrayList<>();
    for (Pending p : group) for (Entry e : p.entries()) e.dedupeKey().ifPresent(keys::add);
    if (keys.isEmpty()) return Future.succeededFuture(Map.of());
    return c.preparedQuery("SELECT " + PostgresInteractionStore.COLUMNS + PostgresInteractionStore.FROM
            + "WHERE e.dedupe_key = ANY($1) ORDER BY e.conversation_num, e.seq")
        .execute(Tuple.of(keys.toArray(String[]::new))).map(rows -> {
          List<Entry> found = PostgresInteractionStore.read(rows);
          Map<Pending, Entry> existing = new java.util.IdentityHashMap<>();
          for (Pending p : group) {
            Set<String> mine = new HashSet<>();
            for (Entry e : p.entries()) e.dedupeKey().ifPresent(mine::add);
            found.stream().filter(e -> e.dedupeKey().filter(mine::contains).isPresent()).findFirst().ifPresent(e -> existing.put(p, e));
          }
          return existing;
        });
  }

  /** Each conversation's row number: new conversations are inserted, the others looked up. */
  private static Future<Map<ConversationId, Long>> numbers(SqlConnection c, List<Pending> group) {
    List<Tuple> opened = new ArrayList<>();
    List<UUID> known = new ArrayList<>();
    for (Pending p : group) {
      Entry first = p.entries().get(0);
      if (first.event() instanceof ConversationEvent.Opened o) opened.add(PostgresInteractionStore.conversationRow(first, o));
      else known.add(UUID.fromString(p.conversation().value()));
    }
    Map<ConversationId, Long> nums = new HashMap<>();
    Future<Void> inserted = opened.isEmpty() ? Future.succeededFuture()
        : c.preparedQuery(PostgresInteractionStore.INSERT_CONVERSATION + " RETURNING id, num").executeBatch(opened).map(rows -> {
          for (RowSet<Row> set = rows; set != null; set = set.next()) for (Row r : set) nums.put(new ConversationId(r.getUUID(0).toString()), r.getLong(1));
          return null;
        });
    return inserted.compose(v -> known.isEmpty() ? Future.succeededFuture(nums)
        : c.preparedQuery("SELECT id, num FROM conversations WHERE id = ANY($1)").execute(Tuple.of(known.toArray(UUID[]::new))).compose(rows -> {
          for (Row r : rows) nums.put(new ConversationId(r.getUUID(0).toString()), r.getLong(1));
          if (nums.size() < group.size()) return Future.failedFuture("an append names a conversation that is not stored");
          return Future.succeededFuture(nums);
        }));
  }

  /** The hash each append's chain continues from: its conversation's entry just before it. */
  private static Future<Map<Long, String>> lastHashes(SqlConnection c, List<Pending> group, Map<ConversationId, Long> nums) {
    List<Long> convs = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    for (Pending p : group) {
      Entry first = p.entries().get(0);
      if (first.event() instanceof ConversationEvent.Opened) continue;
      convs.add(nums.get(p.conversation()));
      seqs.add(first.seq() - 1);
    }
    if (convs.isEmpty()) return Future.succeededFuture(Map.of());
    return c.preparedQuery("SELECT e.conversation_num, e.hash FROM entries e JOIN unnest($1::bigint[], $2::bigint[]) AS k(num, seq)"
            + " ON e.conversation_num = k.num AND e.seq = k.seq")
        .execute(Tuple.tuple().addValue(convs.toArray(Long[]::new)).addValue(seqs.toArray(Long[]::new))).map(rows -> {
          Map<Long, String> hashes = new HashMap<>();
          for (Row r : rows) hashes.put(r.getLong(0), r.getString(1));
          return hashes;
        });
  }

  private Future<Void> insert(SqlConnection c, List<Pending> group, Map<ConversationId, Long> nums, Map<Long, String> hashes) {
    EntryRows rows = new EntryRows();
    List<Tuple> resolved = new ArrayList<>();
    List<Tuple> filed = new ArrayList<>();
    List<Tuple> referred = new ArrayList<>();
    Map<Long, List<Entry>> byRecord = new java.util.LinkedHashMap<>();
    for (Pending p : group) {
      long num = nums.get(p.conversation());
      byRecord.computeIfAbsent(num, k -> new ArrayList<>()).addAll(p.entries());
      String chained = Optional.ofNullable(hashes.get(num)).orElse(EntryChain.GENESIS);
      for (Entry e : p.entries()) {
        chained = EntryChain.hash(chained, e);
        rows.add(num, e, chained);
        PostgresInteractionStore.recordColumns(num, e, resolved, filed);
        PgReferrals.collect(num, e, referred);
      }
    }
    Future<Void> done = rows.insert(c).compose(v -> rows.sealHeads(c, key));
    if (!filed.isEmpty()) done = done.compose(v -> c.preparedQuery(PostgresInteractionStore.FILE_DETAILS).executeBatch(filed).mapEmpty());
    if (!resolved.isEmpty()) done = done.compose(v -> c.preparedQuery(PostgresInteractionStore.RESOLVE).executeBatch(resolved).mapEmpty());
    return done.compose(v -> PgReferrals.insert(c, referred)).compose(v -> PgReports.fold(c, byRecord));
  }
}
