package org.accessline.transcripts.embedded;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import java.time.Instant;
import org.accessline.gateway.store.AppendOutcome;
import org.accessline.gateway.store.OwnerClaim;
import org.accessline.gateway.store.StaleOwnerException;
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
 * The default store: an H2 database file in the data directory. Writes go through one
 * {@link GroupCommitWriter}; reads use a small pool of their own connections. No JDBC call ever
 * runs on an event loop.
 */
public final class EmbeddedInteractionStore implements InteractionStore {
  private static final int READERS = 2;

  private final Path directory;
  private final RecordSeals seals;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  /** Audit rows are chained, so they are appended one at a time. */
  private final Object auditAppends = new Object();
  private ExecutorService readPool;
  private GroupCommitWriter writer;
  private final java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();
  private SealKey key;
  private Integrity integrity;
  private final CannedReplies cannedReplies = new EmbeddedCannedReplies(this);
  private final org.accessline.gateway.directory.Directory resourceDirectory = EmbeddedDirectory.of(this);
  private final org.accessline.gateway.store.Administration administration = new EmbeddedAdministration(this);
  private final FollowUps followUps = new EmbeddedFollowUps(this);
  private final org.accessline.gateway.store.ServiceRequests serviceRequests = new EmbeddedServiceRequests(this);
  private final EmbeddedReports reports = new EmbeddedReports(this);
  private final QualityReviews qualityReviews = new EmbeddedQualityReviews(this);

  /** The store with its seal key and checkpoint file in the data directory too. */
  public EmbeddedInteractionStore(Path directory) {
    this(directory, RecordSeals.in(directory));
  }

  public EmbeddedInteractionStore(Path directory, RecordSeals seals) {
    this.directory = directory;
    this.seals = seals;
  }

  /** The JDBC URL of the database file, also handy for inspecting it with H2's own tools. */
  public String jdbcUrl() {
    // WRITE_DELAY=0 makes every commit reach the file before it returns, so an acknowledged entry
    // survives the process being killed.
    return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("accessline") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  @Override
  public Future<Void> start() {
    CallerContext<Void> reply = new CallerContext<>();
    AtomicInteger threads = new AtomicInteger();
    readPool = Executors.newFixedThreadPool(READERS, r -> {
      Thread t = new Thread(r, "accessline-store-reader-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    readPool.execute(() -> {
      try {
        Files.createDirectories(directory);
        key = SealKey.loadOrCreate(seals.keyFile());
        integrity = new Integrity(key, CheckpointLog.open(seals.checkpointFile(), key));
        // Opened first so the database stays open across the migration: H2 closes a file when its
        // last connection does, and a file closed and reopened here was later corrupted by the
        // compaction after a purge (SHUTDOWN COMPACT reopened it with a "Double mark").
        Connection writeConnection = DriverManager.getConnection(jdbcUrl());
        EmbeddedSchema.migrate(jdbcUrl(), key);
        reports.load(writeConnection);
        for (int i = 0; i < READERS; i++) readers.add(DriverManager.getConnection(jdbcUrl()));
        writer = new GroupCommitWriter(writeConnection, key, reports);
        writer.start();
        reply.succeed(null);
      } catch (Exception e) {
        reply.fail(e);
      }
    });
    return reply.future();
  }

  @Override
  public Future<Void> close() {
    CallerContext<Void> reply = new CallerContext<>();
    Thread closer = new Thread(() -> {
      try {
        if (writer != null) writer.stop();
        readPool.shutdown();
        readPool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        for (Connection c : readers) c.close();
        readers.clear();
        reply.succeed(null);
      } catch (Exception e) {
        reply.fail(e);
      }
    }, "accessline-store-close");
    closer.start();
    return reply.future();
  }

  /** One process writes the embedded store, so ownership is trivially its own: each claim only outdates the ones before. */
  @Override
  public Future<Long> claimOwnership(OwnerClaim claim) {
    return Future.succeededFuture(epoch.incrementAndGet());
  }

  @Override
  public Future<AppendOutcome> append(List<Entry> entries, long fence) {
    long current = epoch.get();
    if (fence != current) return Future.failedFuture(new StaleOwnerException(fence, current));
    return append(entries);
  }

  @Override
  public Future<AppendOutcome> append(List<Entry> entries) {
    CallerContext<AppendOutcome> reply = new CallerContext<>();
    writer.submit(List.copyOf(entries), reply);
    return reply.future();
  }

  @Override
  public Future<List<Entry>> entries(ConversationId conversation, long afterSeq) {
    return read(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "SELECT " + EntryRows.COLUMNS + EntryRows.FROM + "WHERE c.id = ? AND e.seq > ? ORDER BY e.seq")) {
        st.setString(1, conversation.value());
        st.setLong(2, afterSeq);
        try (ResultSet rs = st.executeQuery()) {
          return EntryRows.read(rs);
        }
      }
    });
  }

  @Override
  public Future<Void> audit(AuditEvent event) {
    return audit(List.of(event));
  }

  /** The events in one transaction and one sync: an export logs each record it sends, a page at a time. */
  @Override
  public Future<Void> audit(List<AuditEvent> events) {
    if (events.isEmpty()) return Future.succeededFuture();
    return write(c -> {
      synchronized (auditAppends) {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          AuditLog.append(c, events);
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(auto);
        }
      }
      return null;
    });
  }

  @Override
  public Future<List<AuditEvent>> auditTrail(Optional<String> target, int limit) {
    return read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT at, actor, action, target, detail FROM audit_log"
          + (target.isPresent() ? " WHERE target = ?" : "") + " ORDER BY num DESC LIMIT ?")) {
        int i = 1;
        if (target.isPresent()) st.setString(i++, target.get());
        st.setInt(i, limit);
        List<AuditEvent> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) out.add(new AuditEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
        return out;
      }
    });
  }

  @Override
  public Future<Boolean> setLegalHold(ConversationId conversation, boolean hold) {
    return write(c -> {
      try (PreparedStatement st = c.prepareStatement("UPDATE conversations SET legal_hold = ? WHERE id = ?")) {
        st.setBoolean(1, hold);
        st.setString(2, conversation.value());
        return st.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Future<Boolean> onLegalHold(ConversationId conversation) {
    return read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT legal_hold FROM conversations WHERE id = ?")) {
        st.setString(1, conversation.value());
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    });
  }

  /**
   * Purges with the database to itself, then compacts the file so the purged text leaves the disk
   * too (see {@link Retention#purgeAndCompact}). Appends wait meanwhile, and are committed once it is done.
   */
  @Override
  public Future<Integer> purge(Instant resolvedBefore, Instant now) {
    CallerContext<Integer> reply = new CallerContext<>();
    writer.exclusive(c -> Retention.purgeAndCompact(c, key, reports, resolvedBefore, now, readers, READERS, this::jdbcUrl, reply), reply);
    return reply.future();
  }

  @Override
  public Future<Boolean> purged(ConversationId conversation) {
    return read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM purged_records WHERE id = ?")) {
        st.setString(1, conversation.value());
        try (ResultSet rs = st.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** Work on the writer's connection between two groups of appends, committed before it answers. */
  <T> Future<T> exclusive(Query<T> query) {
    CallerContext<T> reply = new CallerContext<>();
    writer.exclusive(c -> {
      T result = query.run(c);
      c.commit();
      reply.succeed(result);
      return c;
    }, reply);
    return reply.future();
  }

  /** A write outside the append path (audit, hold, purge), made durable before it answers. */
  <T> Future<T> write(Query<T> query) {
    return read(c -> {
      T result = query.run(c);
      try (var st = c.createStatement()) {
        st.execute("CHECKPOINT SYNC");
      }
      return result;
    });
  }

  @Override
  public Future<RecordPage> search(RecordQuery q) {
    return read(c -> {
      StringBuilder sql = new StringBuilder("SELECT c.id, c.channel, c.contact, c.opened_at, c.resolved_at, c.disposition FROM conversations c WHERE 1 = 1");
      List<Object> args = new ArrayList<>();
      q.openedFrom().ifPresent(t -> { sql.append(" AND c.opened_at >= ?"); args.add(Timestamp.from(t)); });
      q.openedBefore().ifPresent(t -> { sql.append(" AND c.opened_at < ?"); args.add(Timestamp.from(t)); });
      q.channel().ifPresent(ch -> { sql.append(" AND c.channel = ?"); args.add(ch.name()); });
      q.contact().ifPresent(ct -> { sql.append(" AND c.contact = ?"); args.add(ct); });
      q.disposition().ifPresent(d -> { sql.append(" AND c.disposition = ?"); args.add(d); });
      q.agent().ifPresent(a -> {
        sql.append(" AND EXISTS (SELECT 1 FROM entries a WHERE a.conversation_num = c.num AND a.kind = 'assigned' AND a.event LIKE ? ESCAPE '!')");
        args.add("%\"agent\":\"" + likeEscaped(a.value()) + "\"%");
      });
      q.tag().ifPresent(t -> { sql.append(" AND ARRAY_CONTAINS(c.tags, ?)"); args.add(t); });
      q.category().ifPresent(k -> { sql.append(" AND LOWER(c.category) = ?"); args.add(k.toLowerCase(java.util.Locale.ROOT)); });
      for (String word : q.words()) {
        sql.append(" AND c.num IN (SELECT w.conversation_num FROM record_words w WHERE w.word = ?)");
        args.add(word);
      }
      sql.append(" ORDER BY c.opened_at DESC, c.num DESC LIMIT ? OFFSET ?");
      args.add(q.limit() + 1);
      args.add(q.offset());
      try (PreparedStatement st = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) st.setObject(i + 1, args.get(i));
        List<RecordSummary> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            found.add(new RecordSummary(new ConversationId(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant), Optional.ofNullable(rs.getString(6))));
          }
        }
        boolean more = found.size() > q.limit();
        return new RecordPage(more ? found.subList(0, q.limit()) : found, more);
      }
    });
  }

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Override
  public Future<List<ConversationId>> conversationIds() {
    return read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT id FROM conversations ORDER BY num"); ResultSet rs = st.executeQuery()) {
        List<ConversationId> ids = new ArrayList<>();
        while (rs.next()) ids.add(new ConversationId(rs.getString(1)));
        return ids;
      }
    });
  }

  @Override
  public Future<Optional<EntryChain.Report>> verify(ConversationId conversation) {
    return read(c -> integrity.verify(c, conversation));
  }

  @Override
  public Future<StoreReport> verifyStore() {
    return read(integrity::verifyStore);
  }

  @Override
  public Future<Long> checkpoint(Instant now) {
    return read(c -> integrity.checkpoint(c, now));
  }

  @Override
  public Future<List<List<Entry>>> openConversations() {
    return read(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "SELECT " + EntryRows.COLUMNS + EntryRows.FROM + "WHERE c.resolved_at IS NULL ORDER BY e.conversation_num, e.seq");
          ResultSet rs = st.executeQuery()) {
        Map<ConversationId, List<Entry>> grouped = new LinkedHashMap<>();
        for (Entry e : EntryRows.read(rs)) grouped.computeIfAbsent(e.conversationId(), id -> new ArrayList<>()).add(e);
        return new ArrayList<>(grouped.values());
      }
    });
  }

  @Override
  public Future<List<ConversationSummary>> history(Contact contact, int limit) {
    return read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT id, opened_at, resolved_at, disposition FROM conversations"
          + " WHERE channel = ? AND contact = ? ORDER BY opened_at DESC, num DESC LIMIT ?")) {
        st.setString(1, contact.channel().name());
        st.setString(2, contact.address());
        st.setInt(3, limit);
        List<ConversationSummary> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(new ConversationSummary(new ConversationId(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant), Optional.ofNullable(rs.getString(4))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public Future<List<EarlierRecord>> earlierRecords(List<Contact> contacts, int limit) {
    return read(c -> EmbeddedEarlierRecords.find(c, contacts, limit));
  }

  @Override
  public org.accessline.gateway.directory.Directory directory() {
    return resourceDirectory;
  }

  @Override
  public CannedReplies cannedReplies() {
    return cannedReplies;
  }

  @Override
  public org.accessline.gateway.store.Administration administration() {
    return administration;
  }

  @Override
  public FollowUps followUps() {
    return followUps;
  }

  @Override
  public org.accessline.gateway.store.ServiceRequests serviceRequests() {
    return serviceRequests;
  }

  @Override
  public Reports reports() {
    return reports;
  }

  @Override
  public QualityReviews qualityReviews() {
    return qualityReviews;
  }

  @Override
  public Future<Boolean> optedOut(Contact contact) {
    return read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT e.event FROM entries e JOIN conversations c ON c.num = e.conversation_num"
          + " WHERE c.channel = ? AND c.contact = ? AND e.kind = 'consent' ORDER BY e.at DESC, e.conversation_num DESC, e.seq DESC LIMIT 1")) {
        st.setString(1, contact.channel().name());
        st.setString(2, contact.address());
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() && new JsonObject(rs.getString(1)).getBoolean("optedOut", false);
        }
      }
    });
  }

  @Override
  public Future<Optional<ConversationId>> latestConversation(Contact contact) {
    return read(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "SELECT id FROM conversations WHERE channel = ? AND contact = ? ORDER BY opened_at DESC, resolved_at DESC NULLS FIRST LIMIT 1")) {
        st.setString(1, contact.channel().name());
        st.setString(2, contact.address());
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? Optional.of(new ConversationId(rs.getString(1))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Future<List<ConversationId>> following(ConversationId conversation) {
    return read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT id FROM conversations WHERE previous_id = ? ORDER BY opened_at, num")) {
        st.setString(1, conversation.value());
        List<ConversationId> ids = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) ids.add(new ConversationId(rs.getString(1)));
        }
        return ids;
      }
    });
  }

  interface Query<T> {
    T run(Connection connection) throws SQLException;
  }

  <T> Future<T> read(Query<T> query) {
    CallerContext<T> reply = new CallerContext<>();
    readPool.execute(() -> {
      Connection c = null;
      try {
        c = readers.take();
        reply.succeed(query.run(c));
      } catch (Exception e) {
        reply.fail(e);
      } finally {
        if (c != null) readers.add(c);
      }
    });
    return reply.future();
  }

  /** Writes one batch's rows on the writer's connection; the caller owns the transaction. */
  static void insert(Connection c, List<Entry> entries, WordIndexCache indexed, SealKey key, EmbeddedReports reports) throws SQLException {
    Entry first = entries.get(0);
    if (first.event() instanceof ConversationEvent.Opened opened) {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO conversations (id, channel, contact, opened_at, previous_id) VALUES (?, ?, ?, ?, ?)")) {
        st.setString(1, first.conversationId().value());
        st.setString(2, opened.contact().channel().name());
        st.setString(3, opened.contact().address());
        st.setTimestamp(4, Timestamp.from(first.at()));
        st.setString(5, opened.previous().map(ConversationId::value).orElse(null));
        st.executeUpdate();
      }
    }
    long num = conversationNum(c, first.conversationId());
    String previous = first.event() instanceof ConversationEvent.Opened ? EntryChain.GENESIS : hashAt(c, num, first.seq() - 1);
    try (PreparedStatement st = c.prepareStatement(EntryRows.INSERT)) {
      for (Entry e : entries) {
        previous = EntryChain.hash(previous, e);
        EntryRows.bind(st, num, e, previous);
        st.addBatch();
      }
      st.executeBatch();
    }
    Heads.seal(c, key, num, first.conversationId().value(), entries.get(entries.size() - 1).seq(), previous);
    indexWords(c, num, entries, indexed);
    reports.fold(c, num, entries);
    for (Entry e : entries) {
      if (e.event() instanceof ConversationEvent.DetailsSet d) {
        try (PreparedStatement st = c.prepareStatement("UPDATE conversations SET category = ?, tags = ? WHERE num = ?")) {
          EntryRows.bindDetails(st, d);
          st.setLong(3, num);
          st.executeUpdate();
        }
      }
      if (e.event() instanceof ConversationEvent.Referred r) EmbeddedDirectory.referred(c, num, e, r);
      if (e.event() instanceof ConversationEvent.Resolved r) {
        try (PreparedStatement st = c.prepareStatement("UPDATE conversations SET resolved_at = ?, disposition = ? WHERE num = ?")) {
          st.setTimestamp(1, Timestamp.from(e.at()));
          st.setString(2, r.disposition());
          st.setLong(3, num);
          st.executeUpdate();
        }
      }
    }
  }

  /** Each distinct word of the batch's messages, once per record: the index that search reads instead of every message. */
  private static void indexWords(Connection c, long num, List<Entry> entries, WordIndexCache indexed) throws SQLException {
    java.util.Set<String> words = new java.util.HashSet<>();
    for (Entry e : entries) {
      String text = EntryRows.searchText(e);
      if (text == null) continue;
      for (String w : WORD_BREAK.split(text)) if (!w.isEmpty() && w.length() <= 64 && !indexed.known(num, w)) words.add(w);
    }
    if (words.isEmpty()) return;
    try (PreparedStatement st = c.prepareStatement("MERGE INTO record_words (word, conversation_num) KEY (word, conversation_num) VALUES (?, ?)")) {
      for (String w : words) {
        st.setString(1, w);
        st.setLong(2, num);
        st.addBatch();
        indexed.written(num, w);
      }
      st.executeBatch();
    }
  }

  private static final java.util.regex.Pattern WORD_BREAK = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  /** The hash the next entry chains from: the entry before it, found by its key; entries written before hashes were kept chain from the start. */
  private static String hashAt(Connection c, long num, long seq) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT hash FROM entries WHERE conversation_num = ? AND seq = ?")) {
      st.setLong(1, num);
      st.setLong(2, seq);
      try (ResultSet rs = st.executeQuery()) {
        String hash = rs.next() ? rs.getString(1) : null;
        return hash == null ? EntryChain.GENESIS : hash;
      }
    }
  }

  private static long conversationNum(Connection c, ConversationId id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT num FROM conversations WHERE id = ?")) {
      st.setString(1, id.value());
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) throw new SQLException("no conversation " + id + " to append to");
        return rs.getLong(1);
      }
    }
  }

  /** The stored entry carrying one of the batch's dedupe keys, if any. */
  static Optional<Entry> alreadyStored(Connection c, List<Entry> entries) throws SQLException {
    for (Entry e : entries) {
      if (e.dedupeKey().isEmpty()) continue;
      try (PreparedStatement st = c.prepareStatement("SELECT " + EntryRows.COLUMNS + EntryRows.FROM + "WHERE e.dedupe_hash = ? AND e.dedupe_key = ?")) {
        st.setLong(1, EntryRows.dedupeHash(e.dedupeKey().get()));
        st.setString(2, e.dedupeKey().get());
        try (ResultSet rs = st.executeQuery()) {
          List<Entry> found = EntryRows.read(rs);
          if (!found.isEmpty()) return Optional.of(found.get(0));
        }
      }
    }
    return Optional.empty();
  }
}
