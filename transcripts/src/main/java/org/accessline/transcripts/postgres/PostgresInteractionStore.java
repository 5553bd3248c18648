package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.store.OwnerClaim;
import org.accessline.gateway.store.AppendOutcome;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.CallerContext;
import org.accessline.gateway.store.CannedReplies;
import org.accessline.gateway.store.FollowUps;
import org.accessline.gateway.store.Reports;
import org.accessline.gateway.store.QualityReviews;
import org.accessline.gateway.store.EarlierRecord;
import org.accessline.gateway.store.ConversationSummary;
import org.accessline.gateway.store.EntryChain;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.RecordPage;
import org.accessline.gateway.store.RecordQuery;
import org.accessline.gateway.store.RecordSummary;
import org.accessline.gateway.store.StoreReport;
import org.accessline.transcripts.seal.CheckpointLog;
import org.accessline.transcripts.seal.RecordSeals;
import org.accessline.transcripts.seal.SealKey;

/**
 * Interaction records in PostgreSQL through the Vert.x reactive client. Each append is one
 * transaction; PostgreSQL's commit is durable (synchronous_commit), so a completed append survives a
 * crash. At start Flyway brings the schema up to date over JDBC ({@link PgSchema}), on a worker
 * thread of its own, in the configured schema.
 */
public final class PostgresInteractionStore implements InteractionStore {
  private static final String UNIQUE_VIOLATION = "23505";
  static final String COLUMNS = "c.id, e.seq, e.at, e.actor_role, e.actor_id, e.actor_name, e.kind, e.event, e.dedupe_key, e.hash";
  static final String FROM = " FROM entries e JOIN conversations c ON c.num = e.conversation_num ";
  static final String INSERT_CONVERSATION = "INSERT INTO conversations (id, channel, contact, opened_at, previous_id) VALUES ($1, $2, $3, $4, $5)";
  static final String RESOLVE = "UPDATE conversations SET resolved_at = $1, disposition = $2 WHERE num = $3";
  static final String FILE_DETAILS = "UPDATE conversations SET category = $1, tags = $2 WHERE num = $3";

  private final Vertx vertx;
  private final String uri;
  private final String schema;
  private final RecordSeals seals;
  private Pool pool;
  private final org.accessline.gateway.directory.Directory directory = PgDirectory.of(() -> pool);
  private GroupAppender appender;
  private SealKey key;
  private PgIntegrity integrity;

  /**
   * @param schema where the tables live; created if missing, so several gateways or tests can share a database
   * @param seals where this gateway keeps its seal key and checkpoint file, outside the database
   */
  public PostgresInteractionStore(Vertx vertx, String uri, String schema, RecordSeals seals) {
    if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) throw new IllegalArgumentException("store.schema must be a lower-case SQL name");
    this.vertx = vertx;
    this.uri = uri;
    this.schema = schema;
    this.seals = seals;
  }

  @Override
  public Future<Void> start() {
    PgConnectOptions connect = PgConnectOptions.fromUri(uri).addProperty("search_path", schema).addProperty("application_name", "accessline")
        .setCachePreparedStatements(true);
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(connect).using(vertx).build();
    // Flyway may wait for another gateway's migration lock: on a thread of its own, not a shared worker.
    WorkerExecutor migrations = vertx.createSharedWorkerExecutor("accessline-pg-migrations", 1);
    return onCaller(() -> migrations.executeBlocking(() -> {
      key = SealKey.loadOrCreate(seals.keyFile());
      CheckpointLog checkpoints = CheckpointLog.open(seals.checkpointFile(), key);
      PgSchema.migrate(connect, schema, key);
      return checkpoints;
    }).andThen(done -> migrations.close()).compose(checkpoints -> {
      integrity = new PgIntegrity(vertx, pool, key, checkpoints);
      appender = new GroupAppender(pool, key, this::appendAlone);
      return integrity.keyFits(seals.keyFile());
    }));
  }

  /** How the group writer has fared: shared commits, and shared transactions that fell back to one append each. */
  long[] groupCounts() {
    return new long[] {appender.sharedCommits.get(), appender.sharedFailures.get()};
  }

  @Override
  public Future<Void> close() {
    return pool == null ? Future.succeededFuture() : onCaller(() -> pool.close());
  }

  @Override
  public Future<Long> claimOwnership(OwnerClaim claim) {
    return onCaller(() -> Ownership.claim(pool, claim));
  }

  @Override
  public Future<Boolean> renewOwnership(OwnerClaim claim, long epoch) {
    return onCaller(() -> Ownership.renew(pool, claim, epoch));
  }

  @Override
  public Future<Void> releaseOwnership(OwnerClaim claim, long epoch) {
    return onCaller(() -> Ownership.release(pool, claim, epoch));
  }

  @Override
  public Future<AppendOutcome> append(List<Entry> entries) {
    List<Entry> batch = List.copyOf(entries);
    return onCaller(() -> appender.append(batch, GroupAppender.UNFENCED));
  }

  @Override
  public Future<AppendOutcome> append(List<Entry> entries, long epoch) {
    if (epoch == GroupAppender.UNFENCED) throw new IllegalArgumentException("not an epoch: " + epoch);
    List<Entry> batch = List.copyOf(entries);
    return onCaller(() -> appender.append(batch, epoch));
  }

  /**
   * One append in a transaction of its own. It stays apart from the group writer's statements on
   * purpose: its primary-key lookups plan well however small the tables were when the plan was
   * cached, where the group's joins over arrays need not (run as a group of one, StoreBenchmark's
   * rates fell by half to two thirds).
   */
  private Future<AppendOutcome> appendAlone(List<Entry> batch, long epoch) {
    return pool.withTransaction(c -> (epoch == GroupAppender.UNFENCED ? Future.<Void>succeededFuture() : Ownership.check(c, epoch))
        .compose(v -> alreadyStored(c, batch)).compose(existing -> {
      if (existing.isPresent()) return Future.succeededFuture((AppendOutcome) new AppendOutcome.AlreadyRecorded(existing.get()));
      return insert(c, batch).map(v -> (AppendOutcome) new AppendOutcome.Appended(batch));
    })).recover(e -> {
      // A retry racing the first write: the unique key stopped it, so the first one's entry is the answer.
      if (e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()) && pg.getMessage().contains("dedupe")) {
        return pool.withConnection(c -> alreadyStored(c, batch)).compose(found -> found.isPresent()
            ? Future.succeededFuture((AppendOutcome) new AppendOutcome.AlreadyRecorded(found.get())) : Future.failedFuture(e));
      }
      return Future.failedFuture(e);
    });
  }

  private Future<Optional<Entry>> alreadyStored(SqlConnection c, List<Entry> batch) {
    List<String> keys = batch.stream().flatMap(e -> e.dedupeKey().stream()).toList();
    if (keys.isEmpty()) return Future.succeededFuture(Optional.empty());
    return c.preparedQuery("SELECT " + COLUMNS + FROM + "WHERE e.dedupe_key = ANY($1) ORDER BY e.conversation_num, e.seq LIMIT 1")
        .execute(Tuple.of(keys.toArray(String[]::new))).map(rows -> read(rows).stream().findFirst());
  }

  private Future<Void> insert(SqlConnection c, List<Entry> batch) {
    Entry first = batch.get(0);
    Future<Long> num = first.event() instanceof ConversationEvent.Opened opened
        ? c.preparedQuery(INSERT_CONVERSATION + " RETURNING num").execute(conversationRow(first, opened)).map(rows -> rows.iterator().next().getLong(0))
        : c.preparedQuery("SELECT num FROM conversations WHERE id = $1").execute(Tuple.of(UUID.fromString(first.conversationId().value())))
            .compose(rows -> rows.size() == 0 ? Future.failedFuture("no conversation " + first.conversationId() + " to append to")
                : Future.succeededFuture(rows.iterator().next().getLong(0)));
    return num.compose(n -> previousHash(c, n, first).compose(previous -> {
      EntryRows rows = new EntryRows();
      List<Tuple> resolved = new ArrayList<>();
      List<Tuple> filed = new ArrayList<>();
      List<Tuple> referred = new ArrayList<>();
      String chained = previous;
      for (Entry e : batch) {
        chained = EntryChain.hash(chained, e);
        rows.add(n, e, chained);
        recordColumns(n, e, resolved, filed);
        PgReferrals.collect(n, e, referred);
      }
      Future<Void> done = rows.insert(c).compose(v -> rows.sealHeads(c, key));
      for (Tuple t : filed) done = done.compose(v -> c.preparedQuery(FILE_DETAILS).execute(t).mapEmpty());
      for (Tuple t : resolved) done = done.compose(v -> c.preparedQuery(RESOLVE).execute(t).mapEmpty());
      return done.compose(v -> PgReferrals.insert(c, referred)).compose(v -> PgReports.fold(c, java.util.Map.of(n, batch)));
    }));
  }

  static Tuple conversationRow(Entry first, ConversationEvent.Opened opened) {
    return Tuple.of(UUID.fromString(first.conversationId().value()), opened.contact().channel().name(), opened.contact().address(), time(first.at()),
        opened.previous().map(p -> UUID.fromString(p.value())).orElse(null));
  }

  /** The record's search columns an entry changes: how it was resolved, or what staff filed. */
  static void recordColumns(long num, Entry e, List<Tuple> resolved, List<Tuple> filed) {
    if (e.event() instanceof ConversationEvent.Resolved r) resolved.add(Tuple.of(time(e.at()), r.disposition(), num));
    if (e.event() instanceof ConversationEvent.DetailsSet d) filed.add(Tuple.of(d.category().orElse(null), d.tags().toArray(String[]::new), num));
  }

  private Future<String> previousHash(SqlConnection c, long num, Entry first) {
    if (first.event() instanceof ConversationEvent.Opened) return Future.succeededFuture(EntryChain.GENESIS);
    return c.preparedQuery("SELECT hash FROM entries WHERE conversation_num = $1 AND seq = $2").execute(Tuple.of(num, first.seq() - 1))
        .map(rows -> rows.size() == 0 ? EntryChain.GENESIS : rows.iterator().next().getString(0));
  }

  @Override
  public Future<List<Entry>> entries(ConversationId conversation, long afterSeq) {
    return onCaller(() -> pool.preparedQuery("SELECT " + COLUMNS + FROM + "WHERE c.id = $1 AND e.seq > $2 ORDER BY e.seq")
        .execute(Tuple.of(UUID.fromString(conversation.value()), afterSeq)).map(PostgresInteractionStore::read));
  }

  @Override
  public Future<List<List<Entry>>> openConversations() {
    return onCaller(() -> pool.query("SELECT " + COLUMNS + FROM + "WHERE c.resolved_at IS NULL ORDER BY e.conversation_num, e.seq").execute().map(rows -> {
      Map<ConversationId, List<Entry>> grouped = new LinkedHashMap<>();
      for (Entry e : read(rows)) grouped.computeIfAbsent(e.conversationId(), id -> new ArrayList<>()).add(e);
      return new ArrayList<>(grouped.values());
    }));
  }

  @Override
  public Future<Optional<ConversationId>> latestConversation(Contact contact) {
    return onCaller(() -> pool.preparedQuery("SELECT id FROM conversations WHERE channel = $1 AND contact = $2 ORDER BY opened_at DESC, resolved_at DESC NULLS FIRST LIMIT 1")
        .execute(Tuple.of(contact.channel().name(), contact.address()))
        .map(rows -> rows.size() == 0 ? Optional.<ConversationId>empty() : Optional.of(new ConversationId(rows.iterator().next().getUUID(0).toString()))));
  }

  @Override
  public Future<List<ConversationId>> following(ConversationId conversation) {
    return onCaller(() -> pool.preparedQuery("SELECT id FROM conversations WHERE previous_id = $1 ORDER BY opened_at, num")
        .execute(Tuple.of(UUID.fromString(conversation.value()))).map(rows -> {
          List<ConversationId> ids = new ArrayList<>();
          for (Row r : rows) ids.add(new ConversationId(r.getUUID(0).toString()));
          return ids;
        }));
  }

  @Override
  public Future<List<ConversationSummary>> history(Contact contact, int limit) {
    return onCaller(() -> pool.preparedQuery("SELECT id, opened_at, resolved_at, disposition FROM conversations WHERE channel = $1 AND contact = $2"
        + " ORDER BY opened_at DESC, num DESC LIMIT $3").execute(Tuple.of(contact.channel().name(), contact.address(), limit)).map(rows -> {
          List<ConversationSummary> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new ConversationSummary(new ConversationId(r.getUUID(0).toString()), r.getOffsetDateTime(1).toInstant(),
                Optional.ofNullable(r.getOffsetDateTime(2)).map(OffsetDateTime::toInstant), Optional.ofNullable(r.getString(3))));
          }
          return out;
        }));
  }

  @Override
  public Future<List<EarlierRecord>> earlierRecords(List<Contact> contacts, int limit) {
    return onCaller(() -> PgEarlierRecords.find(pool, contacts, limit));
  }

  @Override
  public Reports reports() {
    return new PgReports(() -> pool);
  }

  @Override
  public CannedReplies cannedReplies() {
    return new PgCannedReplies(() -> pool);
  }

  @Override
  public org.accessline.gateway.directory.Directory directory() {
    return directory;
  }

  @Override
  public org.accessline.gateway.store.Administration administration() {
    return new PgAdministration(() -> pool);
  }

  @Override
  public FollowUps followUps() {
    return new PgFollowUps(() -> pool);
  }

  @Override
  public org.accessline.gateway.store.ServiceRequests serviceRequests() {
    return new PgServiceRequests(() -> pool);
  }

  @Override
  public QualityReviews qualityReviews() {
    return new PgQualityReviews(() -> pool);
  }

  @Override
  public Future<Boolean> optedOut(Contact contact) {
    return onCaller(() -> pool.preparedQuery("SELECT e.event" + FROM + "WHERE c.channel = $1 AND c.contact = $2 AND e.kind = 'consent'"
        + " ORDER BY e.at DESC, e.conversation_num DESC, e.seq DESC LIMIT 1").execute(Tuple.of(contact.channel().name(), contact.address()))
        .map(rows -> rows.size() > 0 && new JsonObject(rows.iterator().next().getString(0)).getBoolean("optedOut", false)));
  }

  @Override
  public Future<Void> audit(AuditEvent event) {
    return audit(List.of(event));
  }

  /** The events in one transaction, so one commit makes them all durable: an export logs each record it sends, a page at a time. */
  @Override
  public Future<Void> audit(List<AuditEvent> events) {
    if (events.isEmpty()) return Future.succeededFuture();
    return onCaller(() -> integrity.audit(events));
  }

  @Override
  public Future<List<AuditEvent>> auditTrail(Optional<String> target, int limit) {
    String sql = "SELECT at, actor, action, target, detail FROM audit_log" + (target.isPresent() ? " WHERE target = $2" : "") + " ORDER BY num DESC LIMIT $1";
    Tuple args = target.isPresent() ? Tuple.of(limit, target.get()) : Tuple.of(limit);
    return onCaller(() -> pool.preparedQuery(sql).execute(args).map(rows -> {
      List<AuditEvent> out = new ArrayList<>();
      for (Row r : rows) out.add(new AuditEvent(r.getOffsetDateTime(0).toInstant(), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
      return out;
    }));
  }

  @Override
  public Future<Boolean> setLegalHold(ConversationId conversation, boolean hold) {
    return onCaller(() -> pool.preparedQuery("UPDATE conversations SET legal_hold = $1 WHERE id = $2")
        .execute(Tuple.of(hold, UUID.fromString(conversation.value()))).map(r -> r.rowCount() == 1));
  }

  @Override
  public Future<Boolean> onLegalHold(ConversationId conversation) {
    return onCaller(() -> pool.preparedQuery("SELECT legal_hold FROM conversations WHERE id = $1").execute(Tuple.of(UUID.fromString(conversation.value())))
        .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean(0)));
  }

  @Override
  public Future<Integer> purge(Instant resolvedBefore, Instant now) {
    return onCaller(() -> integrity.purge(resolvedBefore, now));
  }

  @Override
  public Future<Boolean> purged(ConversationId conversation) {
    return onCaller(() -> pool.preparedQuery("SELECT 1 FROM purged_records WHERE id = $1").execute(Tuple.of(UUID.fromString(conversation.value())))
        .map(rows -> rows.size() > 0));
  }

  @Override
  public Future<RecordPage> search(RecordQuery q) {
    StringBuilder sql = new StringBuilder("SELECT c.id, c.channel, c.contact, c.opened_at, c.resolved_at, c.disposition FROM conversations c WHERE true");
    List<Object> args = new ArrayList<>();
    q.openedFrom().ifPresent(t -> { args.add(time(t)); sql.append(" AND c.opened_at >= $").append(args.size()); });
    q.openedBefore().ifPresent(t -> { args.add(time(t)); sql.append(" AND c.opened_at < $").append(args.size()); });
    q.channel().ifPresent(ch -> { args.add(ch.name()); sql.append(" AND c.channel = $").append(args.size()); });
    q.contact().ifPresent(ct -> { args.add(ct); sql.append(" AND c.contact = $").append(args.size()); });
    q.disposition().ifPresent(d -> { args.add(d); sql.append(" AND c.disposition = $").append(args.size()); });
    q.agent().ifPresent(a -> {
      args.add(a.value());
      sql.append(" AND EXISTS (SELECT 1 FROM entries a WHERE a.conversation_num = c.num AND a.kind = 'assigned' AND a.event::json->>'agent' = $")
          .append(args.size()).append(")");
    });
    q.tag().ifPresent(t -> { args.add(new String[] {t}); sql.append(" AND c.tags @> $").append(args.size()); });
    q.category().ifPresent(k -> { args.add(k.toLowerCase(Locale.ROOT)); sql.append(" AND lower(c.category) = $").append(args.size()); });
    // Every word must appear somewhere in the record's messages; each is looked up in the full-text index.
    for (String word : q.words()) {
      args.add(word);
      sql.append(" AND c.num IN (SELECT m.conversation_num FROM entries m WHERE m.text IS NOT NULL"
          + " AND to_tsvector('simple', m.text) @@ plainto_tsquery('simple', $").append(args.size()).append("))");
    }
    args.add(q.limit() + 1);
    sql.append(" ORDER BY c.opened_at DESC, c.num DESC LIMIT $").append(args.size());
    args.add(q.offset());
    sql.append(" OFFSET $").append(args.size());
    return onCaller(() -> pool.preparedQuery(sql.toString()).execute(Tuple.wrap(args)).map(rows -> {
      List<RecordSummary> found = new ArrayList<>();
      for (Row r : rows) {
        found.add(new RecordSummary(new ConversationId(r.getUUID(0).toString()), r.getString(1), r.getString(2), r.getOffsetDateTime(3).toInstant(),
            Optional.ofNullable(r.getOffsetDateTime(4)).map(OffsetDateTime::toInstant), Optional.ofNullable(r.getString(5))));
      }
      boolean more = found.size() > q.limit();
      return new RecordPage(more ? found.subList(0, q.limit()) : found, more);
    }));
  }

  @Override
  public Future<List<ConversationId>> conversationIds() {
    return onCaller(() -> pool.query("SELECT id FROM conversations ORDER BY num").execute().map(rows -> {
      List<ConversationId> ids = new ArrayList<>();
      for (Row r : rows) ids.add(new ConversationId(r.getUUID(0).toString()));
      return ids;
    }));
  }

  @Override
  public Future<Optional<EntryChain.Report>> verify(ConversationId conversation) {
    return onCaller(() -> integrity.verify(conversation));
  }

  @Override
  public Future<StoreReport> verifyStore() {
    return onCaller(() -> integrity.verifyStore());
  }

  @Override
  public Future<Long> checkpoint(Instant now) {
    return onCaller(() -> integrity.checkpoint(now));
  }

  static List<Entry> read(RowSet<Row> rows) {
    List<Entry> entries = new ArrayList<>(rows.size());
    for (Row r : rows) {
      entries.add(new Entry(new ConversationId(r.getUUID(0).toString()), r.getLong(1), r.getOffsetDateTime(2).toInstant(),
          new Participant(Role.valueOf(r.getString(3).toUpperCase(Locale.ROOT)), r.getString(4), r.getString(5)),
          ConversationEvent.fromJson(new JsonObject(r.getString(7))), Optional.ofNullable(r.getString(8))));
    }
    return entries;
  }

  static OffsetDateTime time(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  /** Completes on the caller's context, as every store future must. */
  static <T> Future<T> onCaller(Supplier<Future<T>> work) {
    CallerContext<T> reply = new CallerContext<>();
    Future<T> running;
    try {
      running = work.get();
    } catch (RuntimeException e) {
      running = Future.failedFuture(e);
    }
    running.onComplete(reply::complete);
    return reply.future();
  }
}
