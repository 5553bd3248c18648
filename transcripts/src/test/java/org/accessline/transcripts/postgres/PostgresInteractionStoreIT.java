package org.accessline.transcripts.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.OwnerClaim;
import org.accessline.gateway.store.OwnerStillActiveException;
import org.accessline.transcripts.StoreTrustContract;
import org.accessline.transcripts.seal.RecordSeals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL ({@code ACCESSLINE_TEST_PG}, default
 * postgresql://postgres@127.0.0.1:5432/test), each test in a schema of its own. Outside CI it skips
 * with a clear message when no server answers; with CI=true it must run.
 */
class PostgresInteractionStoreIT extends StoreTrustContract {
  private static final String URI = TestPostgres.URI;
  private final String schema = TestPostgres.freshSchema("contract");
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path sealDir;

  @BeforeAll
  static void requireServer() {
    TestPostgres.require();
  }

  @Override
  protected InteractionStore openStore() {
    PostgresInteractionStore pg = new PostgresInteractionStore(vertx, URI, schema, RecordSeals.in(sealDir));
    pg.start().await();
    return pg;
  }

  @Override
  protected void alterEvent(ConversationId conversation, long seq, String from, String to) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI).addProperty("search_path", schema)).using(vertx).build();
    try {
      int changed = pool.preparedQuery("UPDATE entries SET event = replace(event, $1, $2) WHERE seq = $3 AND conversation_num = (SELECT num FROM conversations WHERE id = $4)")
          .execute(Tuple.of(from, to, seq, UUID.fromString(conversation.value()))).await().rowCount();
      assertEquals(1, changed);
    } finally {
      pool.close().await();
    }
  }

  private Pool direct() {
    return PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI).addProperty("search_path", schema)).using(vertx).build();
  }

  @Override
  protected int change(String sql, Object... args) {
    StringBuilder numbered = new StringBuilder();
    int n = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?') numbered.append('$').append(++n);
      else numbered.append(ch);
    }
    Tuple values = Tuple.tuple();
    for (Object a : args) values.addValue(a instanceof String s && s.matches("[0-9a-f]{8}-[0-9a-f-]{27}") ? UUID.fromString(s) : a);
    Pool pool = direct();
    try {
      return pool.preparedQuery(numbered.toString()).execute(values).await().rowCount();
    } finally {
      pool.close().await();
    }
  }

  /**
   * Looks for the word in every row of every table of the schema, in the full-text index, and in the
   * raw pages of every table, index and TOAST table (pageinspect), as a copy of the data files would.
   */
  @Override
  protected void assertNowhereInTheDatabase(String word) {
    Pool pool = direct();
    try {
      try {
        pool.query("CREATE EXTENSION IF NOT EXISTS pageinspect SCHEMA public").execute().await();
      } catch (Exception raced) {
        pool.query("CREATE EXTENSION IF NOT EXISTS pageinspect SCHEMA public").execute().await();
      }
      var tables = pool.preparedQuery("SELECT tablename FROM pg_tables WHERE schemaname = $1").execute(Tuple.of(schema)).await();
      for (var t : tables) {
        String table = t.getString(0);
        long rows = pool.preparedQuery("SELECT count(*) FROM " + table + " x WHERE x::text LIKE $1").execute(Tuple.of("%" + word + "%")).await().iterator().next().getLong(0);
        assertEquals(0, rows, table + " still holds \"" + word + "\"");
      }
      assertEquals(0L, pool.preparedQuery("SELECT count(*) FROM entries WHERE text IS NOT NULL AND to_tsvector('simple', text) @@ plainto_tsquery('simple', $1)")
          .execute(Tuple.of(word)).await().iterator().next().getLong(0));
      var relations = pool.preparedQuery("SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1"
          + " AND c.relkind IN ('r', 'i') UNION SELECT t.reltoastrelid::regclass::text FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace"
          + " WHERE n.nspname = $1 AND t.reltoastrelid <> 0").execute(Tuple.of(schema)).await();
      for (var r : relations) {
        String rel = r.getString(0);
        long pages = pool.preparedQuery("SELECT count(*) FROM generate_series(0, (pg_relation_size($1::text::regclass) / 8192)::int - 1) b"
            + " WHERE position(convert_to($2::text, 'UTF8') IN public.get_raw_page($3::text, b)) > 0").execute(Tuple.of(rel, word, rel)).await().iterator().next().getLong(0);
        assertEquals(0L, pages, "the data file of " + rel + " still holds \"" + word + "\"");
      }
    } finally {
      pool.close().await();
    }
  }

  @AfterEach
  void dropSchema() {
    TestPostgres.dropSchema(schema);
  }

  @Test
  void anOwnerThatRenewsIsNotTakenOverUntilItFallsSilentOrLetsGo() {
    java.time.Duration lease = java.time.Duration.ofSeconds(30);
    java.time.Duration gone = java.time.Duration.ofMillis(600);
    OwnerClaim a = new OwnerClaim("node-a", "a", java.util.Set.of("a", "b"), lease, gone);
    OwnerClaim bSeeingA = new OwnerClaim("node-b", "b", java.util.Set.of("a", "b"), lease, gone);
    OwnerClaim bAlone = new OwnerClaim("node-b", "b", java.util.Set.of("b"), lease, gone);
    long first = store.claimOwnership(a).await();
    assertTrue(store.renewOwnership(a, first).await());
    assertInstanceOf(OwnerStillActiveException.class, assertThrows(RuntimeException.class, () -> store.claimOwnership(bSeeingA).await()));
    assertInstanceOf(OwnerStillActiveException.class, assertThrows(RuntimeException.class, () -> store.claimOwnership(bAlone).await()),
        "a holder this node cannot see, that still renews, was cut off from it, not lost");
    assertTrue(store.renewOwnership(a, first).await(), "a refused claim changes nothing");

    try {
      Thread.sleep(700);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    long second = store.claimOwnership(bAlone).await();
    assertEquals(first + 1, second, "silent for longer than it may be, and gone from the claimant's cluster: taken over");
    assertFalse(store.renewOwnership(a, first).await(), "the old holder learns it was taken over");
    store.releaseOwnership(a, first).await();
    assertInstanceOf(OwnerStillActiveException.class, assertThrows(RuntimeException.class, () -> store.claimOwnership(a).await()),
        "the old holder's release let go of nothing");
    store.releaseOwnership(bAlone, second).await();
    assertEquals(second + 1, store.claimOwnership(a).await(), "let go by its holder: taken at once");
  }

  @Test
  void aNodeGivenAnotherSealKeyIsRefusedAtStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path otherKeyDir) {
    store.append(opening(ConversationId.random(), "sealed-with-the-first-key")).await();
    PostgresInteractionStore other = new PostgresInteractionStore(vertx, URI, schema, RecordSeals.in(otherKeyDir));
    try {
      IllegalStateException refused = assertThrows(IllegalStateException.class, () -> other.start().await());
      assertTrue(refused.getMessage().contains("is not the one this database's records are sealed with"), refused.getMessage());
    } finally {
      other.close().await();
    }
    PostgresInteractionStore same = new PostgresInteractionStore(vertx, URI, schema, RecordSeals.in(sealDir));
    same.start().await();
    same.close().await();
  }

  @Test
  void partsHandedOutBeforeTheStoreStartedWorkOnceItHas() {
    PostgresInteractionStore pg = new PostgresInteractionStore(vertx, URI, schema, RecordSeals.in(sealDir));
    var quality = pg.qualityReviews();
    var canned = pg.cannedReplies();
    var administration = pg.administration();
    var followUps = pg.followUps();
    pg.start().await();
    try {
      assertEquals(List.of(), quality.scorecards().await());
      assertEquals(List.of(), canned.visibleTo("maria").await());
      assertEquals(Optional.empty(), administration.account("nobody").await());
      assertEquals(List.of(), followUps.pending().await());
    } finally {
      pg.close().await();
    }
  }

  @Test
  void migrationsAreRecordedOnceAndAStartOnAMigratedSchemaChangesNothing() {
    store.close().await();
    store = openStore();
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI).addProperty("search_path", schema)).using(vertx).build();
    try {
      assertEquals(15, pool.query("SELECT count(*) FROM flyway_schema_history WHERE type = 'SQL' AND success").execute().await().iterator().next().getLong(0).intValue());
      assertEquals(java.util.stream.IntStream.rangeClosed(1, 15).mapToObj(String::valueOf).toList(), pool.query("SELECT version FROM flyway_schema_history WHERE type = 'SQL' ORDER BY installed_rank").execute()
          .await().stream().map(r -> r.getString(0)).toList());
    } finally {
      pool.close().await();
    }
  }

  @Test
  void upgradingChainsTheAuditRowsAndSealsTheRecordsAndPurgesFoundThen() throws Exception {
    ConversationId id = ConversationId.random();
    store.append(opening(id, "before-seals")).await();
    store.close().await();
    // Back to the schema before seals, with rows written by that version.
    for (String sql : java.util.List.of("DELETE FROM flyway_schema_history WHERE version IN ('4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15')",
        "DROP TABLE follow_up_notices, calibration_sessions, evaluation_comments, evaluation_answers, evaluations, scorecard_versions, report_fact_tags, report_facts,"
        + " staff_accounts, record_categories, service_requests, follow_ups, consent_ledger, referrals, directory_languages, directory_hours, directory_services,"
        + " directory_closures, directory_agencies CASCADE",
        "DROP TABLE canned_replies", "DROP TABLE stream_ownership", "DROP TABLE stream_lease", "ALTER TABLE audit_log DROP COLUMN previous_hash, DROP COLUMN hash",
        "ALTER TABLE conversations DROP COLUMN head_seq, DROP COLUMN head_hash, DROP COLUMN head_seal",
        "ALTER TABLE purged_records DROP COLUMN opened_at, DROP COLUMN resolved_at, DROP COLUMN purged_by, DROP COLUMN reason, DROP COLUMN seal",
        "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (now(), 'sam', 'read', 'r', 'one'), (now(), 'sam', 'read', 'r', 'two')",
        "INSERT INTO purged_records (id, purged_at) VALUES ('" + ConversationId.random().value() + "', now())")) {
      change(sql);
    }
    store = openStore();
    var whole = store.verifyStore().await();
    assertEquals(org.accessline.gateway.store.AuditChain.Report.Status.INTACT, whole.audit().status(), whole.audit().detail());
    assertEquals(2, whole.audit().rows());
    assertEquals(org.accessline.gateway.store.EntryChain.Report.Status.INTACT, store.verify(id).await().orElseThrow().status());
    store.audit(new org.accessline.gateway.store.AuditEvent(T0, "lee", "read", "r", "three")).await();
    assertEquals(3, store.verifyStore().await().audit().rows());
  }

  @Test
  void appendsWaitingTogetherShareATransactionAndNoneFallsBack() {
    int count = 100;
    java.util.List<io.vertx.core.Future<org.accessline.gateway.store.AppendOutcome>> all = new java.util.ArrayList<>();
    java.util.List<ConversationId> ids = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) ids.add(ConversationId.random());
    for (int i = 0; i < count; i++) all.add(store.append(opening(ids.get(i), "group-" + i)));
    io.vertx.core.Future.all(all).await();
    all.clear();
    for (ConversationId id : ids) {
      all.add(store.append(java.util.List.of(new org.accessline.gateway.conversation.Entry(id, 4, T0.plusSeconds(9),
          org.accessline.gateway.conversation.Participant.resident(CONTACT), new org.accessline.gateway.conversation.ConversationEvent.MessagePosted("and more"),
          java.util.Optional.empty()))));
    }
    io.vertx.core.Future.all(all).await();
    long[] counts = ((PostgresInteractionStore) store).groupCounts();
    org.junit.jupiter.api.Assertions.assertTrue(counts[0] > 0, "some appends were committed together");
    assertEquals(0, counts[1], "no shared transaction failed and fell back to one append at a time");
    assertEquals(count, store.conversationIds().await().size());
    for (ConversationId id : ids) assertEquals(java.util.Optional.empty(), store.verify(id).await().orElseThrow().firstBadSeq());
  }
}
