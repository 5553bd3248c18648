package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.store.AuditChain;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.EntryChain;
import org.accessline.gateway.store.StoreReport;
import org.accessline.transcripts.seal.CheckpointLog;
import org.accessline.transcripts.seal.PurgeFact;
import org.accessline.transcripts.seal.SealCheck;
import org.accessline.transcripts.seal.SealKey;

/**
 * The PostgreSQL store's trust: the chained audit log, sealed purges, and checking records against
 * their hashes, seals and the checkpoints kept outside the database.
 */
final class PgIntegrity {
  private static final Logger LOG = LoggerFactory.getLogger(PgIntegrity.class);
  private static final String PURGE_COLUMNS = "id, opened_at, resolved_at, purged_at, purged_by, reason, seal";

  private final Vertx vertx;
  private final Pool pool;
  private final SealKey key;
  private final CheckpointLog checkpoints;

  PgIntegrity(Vertx vertx, Pool pool, SealKey key, CheckpointLog checkpoints) {
    this.vertx = vertx;
    this.pool = pool;
    this.key = key;
    this.checkpoints = checkpoints;
  }

  /** Refuses a seal key that none of the latest sealed records were sealed with (see {@link SealCheck#keyFits}). */
  Future<Void> keyFits(java.nio.file.Path keyFile) {
    return pool.query("SELECT id, head_seq, head_hash, head_seal FROM conversations WHERE head_seal IS NOT NULL ORDER BY num DESC LIMIT 20").execute()
        .compose(rows -> {
          List<SealCheck.SealedHead> latest = new ArrayList<>();
          for (Row r : rows) latest.add(new SealCheck.SealedHead(r.getUUID(0).toString(), new SealCheck.StoredHead(r.getLong(1), r.getString(2), r.getString(3))));
          if (SealCheck.keyFits(key, latest)) return Future.succeededFuture();
          return Future.failedFuture(new IllegalStateException("The PostgreSQL store will not start: the seal key in " + keyFile
              + " is not the one this database's records are sealed with (none of the " + latest.size() + " latest records' seals holds under it)."
              + " Every gateway node sharing the database needs the same seal key file; a node with another would seal its writes so that"
              + " every other node reports them altered."));
        });
  }

  /**
   * Appends one audit row after the last. Gateways sharing the database take a transaction lock
   * first, so rows are chained in the order they are numbered.
   */
  Future<Void> audit(List<AuditEvent> events) {
    return pool.withTransaction(c -> c.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'))").execute()
        .compose(r -> c.query("SELECT hash FROM audit_log ORDER BY num DESC LIMIT 1").execute())
        .compose(rows -> {
          String previous = rows.size() == 0 ? AuditChain.GENESIS : rows.iterator().next().getString(0);
          List<Tuple> inserts = new ArrayList<>(events.size());
          for (AuditEvent event : events) {
            String hash = AuditChain.hash(previous, event);
            inserts.add(Tuple.of(PostgresInteractionStore.time(event.at()), event.actor(), event.action(), event.target(), event.detail(), previous, hash));
            previous = hash;
          }
          return c.preparedQuery("INSERT INTO audit_log (at, actor, action, target, detail, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)")
              .executeBatch(inserts);
        }).mapEmpty());
  }

  /**
   * Purges due records in one transaction (entries, their text and the full-text index over it, and
   * the record's row), keeps a sealed fact of each, then vacuums so the dead rows' space is reclaimed,
   * and rebuilds the full-text index so it forgets their words.
   */
  Future<Integer> purge(Instant resolvedBefore, Instant now) {
    // Not on hold by either account: the row's flag, or a hold in the chained audit log with no release after it.
    String due = " FROM conversations WHERE resolved_at IS NOT NULL AND resolved_at < $1 AND NOT legal_hold"
        + " AND NOT EXISTS (SELECT 1 FROM audit_log h WHERE h.target = conversations.id::text AND h.action = 'hold'"
        + " AND NOT EXISTS (SELECT 1 FROM audit_log r WHERE r.target = h.target AND r.action = 'release' AND r.num > h.num))";
    return pool.withTransaction(c -> c.preparedQuery("SELECT num, id, opened_at, resolved_at" + due + " FOR UPDATE")
        .execute(Tuple.of(PostgresInteractionStore.time(resolvedBefore))).compose(rows -> {
          if (rows.size() == 0) return Future.succeededFuture(0);
          List<Long> nums = new ArrayList<>();
          List<Tuple> facts = new ArrayList<>();
          for (Row r : rows) {
            nums.add(r.getLong(0));
            PurgeFact f = new PurgeFact(r.getUUID(1).toString(), r.getOffsetDateTime(2).toInstant(), r.getOffsetDateTime(3).toInstant(), now, PurgeFact.RETENTION,
                PurgeFact.retentionReason(resolvedBefore));
            facts.add(Tuple.of(r.getUUID(1), r.getOffsetDateTime(2), r.getOffsetDateTime(3), PostgresInteractionStore.time(now), f.purgedBy(), f.reason(), key.sealPurge(f)));
          }
          Long[] gone = nums.toArray(Long[]::new);
          return c.preparedQuery("INSERT INTO purged_records (" + PURGE_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7)").executeBatch(facts)
              .compose(r -> c.preparedQuery("DELETE FROM entries WHERE conversation_num = ANY($1)").execute(Tuple.of(gone)))
              .compose(r -> c.preparedQuery("DELETE FROM service_requests WHERE conversation_id = ANY($1)")
                  .execute(Tuple.of(rows.stream().map(row -> row.getUUID(1)).toArray(java.util.UUID[]::new))))
              .compose(r -> c.preparedQuery("DELETE FROM report_fact_tags WHERE num = ANY($1)").execute(Tuple.of(gone)))
              .compose(r -> c.preparedQuery("DELETE FROM report_facts WHERE num = ANY($1)").execute(Tuple.of(gone)))
              .compose(r -> c.preparedQuery("DELETE FROM conversations WHERE num = ANY($1)").execute(Tuple.of(gone)))
              .map(r -> nums.size());
        })).compose(purged -> purged == 0 ? Future.succeededFuture(0)
            : pool.query("VACUUM entries, conversations").execute()
                // A GIN index keeps a word as a key even once no row holds it; rebuilding it (without
                // blocking writes) is what makes the word leave the index's file.
                .compose(v -> pool.query("REINDEX INDEX CONCURRENTLY entries_text_search").execute())
                .map(v -> purged));
  }

  /** The ids of purges whose seal holds: only those explain a record's absence. */
  private Future<Set<String>> sealedPurges(Optional<UUID> only) {
    String sql = "SELECT " + PURGE_COLUMNS + " FROM purged_records" + (only.isPresent() ? " WHERE id = $1" : "");
    return pool.preparedQuery(sql).execute(only.map(Tuple::of).orElseGet(Tuple::tuple)).map(rows -> {
      Set<String> ids = new HashSet<>();
      for (Row r : rows) {
        PurgeFact f = new PurgeFact(r.getUUID(0).toString(), instant(r.getOffsetDateTime(1)), instant(r.getOffsetDateTime(2)), instant(r.getOffsetDateTime(3)),
            r.getString(4), r.getString(5));
        if (key.sealedPurge(f, r.getString(6))) ids.add(f.id());
      }
      return ids;
    });
  }

  Future<Optional<EntryChain.Report>> verify(ConversationId id) {
    UUID uuid = UUID.fromString(id.value());
    return pool.preparedQuery("SELECT head_seq, head_hash, head_seal FROM conversations WHERE id = $1").execute(Tuple.of(uuid)).compose(heads -> {
      if (heads.size() == 0) {
        return sealedPurges(Optional.of(uuid)).map(purged -> purged.isEmpty() ? checkpoints.head(id.value()).map(SealCheck::missing) : Optional.<EntryChain.Report>empty());
      }
      Row h = heads.iterator().next();
      SealCheck.StoredHead stored = new SealCheck.StoredHead(h.getLong(0), h.getString(1), h.getString(2));
      return pool.preparedQuery("SELECT " + PostgresInteractionStore.COLUMNS + PostgresInteractionStore.FROM + "WHERE c.id = $1 ORDER BY e.seq").execute(Tuple.of(uuid))
          .map(rows -> {
            List<String> hashes = new ArrayList<>();
            for (Row r : rows) hashes.add(r.getString(9));
            List<Entry> entries = PostgresInteractionStore.read(rows);
            return Optional.of(SealCheck.verdict(key, id.value(), hashes, EntryChain.check(entries, hashes), stored, checkpoints.head(id.value())));
          });
    });
  }

  Future<StoreReport> verifyStore() {
    Future<AuditChain.Report> audit = pool.query("SELECT at, actor, action, target, detail, previous_hash, hash FROM audit_log ORDER BY num").execute().map(rows -> {
      AuditChain.Checker checker = new AuditChain.Checker();
      for (Row r : rows) checker.accept(event(r), r.getString(5), r.getString(6));
      return checker.result(checkpoints.audit());
    });
    Future<Set<String>> present = pool.query("SELECT id FROM conversations").execute().compose(rows -> {
      Set<String> ids = new HashSet<>();
      for (Row r : rows) ids.add(r.getUUID(0).toString());
      return sealedPurges(Optional.empty()).map(purged -> {
        ids.addAll(purged);
        return ids;
      });
    });
    return Future.all(audit, present).map(v -> new StoreReport(audit.result(), checkpoints.remembered().stream().filter(id -> !present.result().contains(id))
        .sorted().map(ConversationId::new).toList(), checkpoints.checkpoints(), checkpoints.problem()));
  }

  Future<Long> checkpoint(Instant now) {
    Future<Map<String, CheckpointLog.Head>> heads = pool.query("SELECT id, head_seq, head_hash, head_seal FROM conversations").execute().map(rows -> {
      Map<String, CheckpointLog.Head> taken = new HashMap<>();
      int refused = 0;
      for (Row r : rows) {
        String id = r.getUUID(0).toString();
        SealCheck.StoredHead head = new SealCheck.StoredHead(r.getLong(1), r.getString(2), r.getString(3));
        if (SealCheck.takeable(key, id, head, checkpoints.head(id))) taken.put(id, new CheckpointLog.Head(head.entries(), head.hash() == null ? "" : head.hash(), 0));
        else refused++;
      }
      if (refused > 0) LOG.warn(refused + " records' sealed heads do not verify; the checkpoint keeps what it saw of them before (run verify --all)");
      return taken;
    });
    Future<AuditChain.Head> audit = pool.query("SELECT hash, (SELECT count(*) FROM audit_log) FROM audit_log ORDER BY num DESC LIMIT 1").execute()
        .map(rows -> rows.size() == 0 ? new AuditChain.Head(0, AuditChain.GENESIS, 0) : new AuditChain.Head(rows.iterator().next().getLong(1), rows.iterator().next().getString(0), 0));
    Future<Set<String>> purged = sealedPurges(Optional.empty());
    return Future.all(heads, audit, purged).compose(v -> vertx.executeBlocking(() -> {
      AuditChain.Head end = audit.result();
      // A log shorter than the checkpoint before saw lost rows: keep vouching for what was seen.
      Optional<AuditChain.Head> before = checkpoints.audit();
      if (before.isPresent() && before.get().rows() > end.rows()) end = before.get();
      return checkpoints.append(now, heads.result(), purged.result(), end.rows(), end.hash());
    }));
  }

  private static AuditEvent event(Row r) {
    return new AuditEvent(r.getOffsetDateTime(0).toInstant(), r.getString(1), r.getString(2), r.getString(3), r.getString(4));
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
