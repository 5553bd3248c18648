package org.accessline.transcripts.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.accessline.transcripts.BeforeFlyway;
import org.accessline.transcripts.seal.RecordSeals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema written by the release before Flyway (restored from its pg_dump, into a schema of this
 * test's own) opens with this one: Flyway's history starts at the version that release had applied,
 * nothing is applied twice, every record still verifies, and a changed script stops the store.
 */
class PostgresUpgradeIT {
  private static final String URI = TestPostgres.URI;
  private static final String DUMPED_SCHEMA = "accessline_release_fixture";
  private final String schema = TestPostgres.freshSchema("before_flyway");
  @TempDir Path sealDir;
  private Vertx vertx;
  private final List<PostgresInteractionStore> stores = new ArrayList<>();

  @BeforeAll
  static void requireServer() {
    TestPostgres.require();
  }

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void cleanUp() {
    for (PostgresInteractionStore s : stores) s.close().await();
    vertx.close().await();
    TestPostgres.dropSchema(schema);
  }

  private PostgresInteractionStore store() {
    PostgresInteractionStore store = new PostgresInteractionStore(vertx, URI, schema, RecordSeals.in(sealDir));
    stores.add(store);
    return store;
  }

  private PostgresInteractionStore open() {
    PostgresInteractionStore store = store();
    store.start().await();
    return store;
  }

  private static Connection jdbc() throws SQLException {
    return PgSchema.dataSource(PgConnectOptions.fromUri(URI)).getConnection();
  }

  /** The old release's schema, tables, rows, seals and version table, as pg_dump wrote them, under this test's schema name. */
  private void restoreOldReleasesSchema() throws Exception {
    BeforeFlyway.copy("postgres", sealDir, "seal.key", "checkpoints.log");
    String dump;
    try (InputStream in = BeforeFlyway.class.getResourceAsStream("before-flyway/postgres/schema.sql")) {
      dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // psql's meta-commands (\restrict) are not SQL.
    String sql = dump.lines().filter(line -> !line.startsWith("\\")).collect(Collectors.joining("\n")).replace(DUMPED_SCHEMA, schema);
    try (Connection c = jdbc(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** Flyway's versioned history as "version type description success", oldest first. */
  private List<String> history() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = jdbc(); Statement st = c.createStatement(); var rs = st.executeQuery("SELECT version, type, description, success FROM "
        + schema + ".flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
      while (rs.next()) rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4));
    }
    return rows;
  }

  private int count(String sql) throws SQLException {
    try (Connection c = jdbc(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void theOldReleasesSchemaIsBaselinedAtItsVersionAndKeepsEveryRecord() throws Exception {
    restoreOldReleasesSchema();
    PostgresInteractionStore store = open();
    BeforeFlyway.assertRecordsKept(store);
    assertEquals(List.of("4 BASELINE schema_version 4, from the release before Flyway true", "5 SQL canned replies true", "6 SQL stream ownership true", "7 SQL resource directory true", "8 SQL follow ups and consent true", "9 SQL service requests true", "10 SQL staff accounts true", "11 SQL report facts true", "12 SQL quality review true", "13 SQL follow up notices true", "14 SQL report handle bands true", "15 SQL ownership lease true"), history());
    assertEquals(15, count("SELECT count(*) FROM " + schema + ".schema_version"), "the old version table is kept, and learns each version applied since");
    BeforeFlyway.assertWritesContinue(store);
  }

  @Test
  void aSecondStartOnTheUpgradedSchemaChangesNothing() throws Exception {
    restoreOldReleasesSchema();
    open().close().await();
    List<String> once = history();
    PostgresInteractionStore again = open();
    assertEquals(once, history());
    BeforeFlyway.assertRecordsKept(again);
  }

  /** Gateways sharing the database (here two Vert.x instances) start together on the old schema: one baseline, and both come up. */
  @Test
  void twoGatewaysUpgradingAtOnceBaselineOnce() throws Exception {
    restoreOldReleasesSchema();
    Vertx otherNode = Vertx.vertx();
    try {
      PostgresInteractionStore one = store();
      PostgresInteractionStore two = new PostgresInteractionStore(otherNode, URI, schema, RecordSeals.in(sealDir));
      try {
        Future.all(one.start(), two.start()).await();
        assertEquals(List.of("4 BASELINE schema_version 4, from the release before Flyway true", "5 SQL canned replies true", "6 SQL stream ownership true", "7 SQL resource directory true", "8 SQL follow ups and consent true", "9 SQL service requests true", "10 SQL staff accounts true", "11 SQL report facts true", "12 SQL quality review true", "13 SQL follow up notices true", "14 SQL report handle bands true", "15 SQL ownership lease true"), history());
        BeforeFlyway.assertRecordsKept(two);
      } finally {
        two.close().await();
      }
    } finally {
      otherNode.close().await();
    }
  }

  /** An applied script whose checksum no longer matches this build's (as if a released script had been edited) stops the store. */
  @Test
  void aChangedAppliedScriptStopsTheStoreWithAClearMessage() throws Exception {
    open().close().await();
    try (Connection c = jdbc(); Statement st = c.createStatement()) {
      assertEquals(1, st.executeUpdate("UPDATE " + schema + ".flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'"));
    }
    Exception e = assertThrows(Exception.class, () -> store().start().await());
    String message = e.getMessage();
    assertTrue(message.startsWith("The PostgreSQL store will not start: the migrations applied to its database do not match this build's scripts"), message);
    assertTrue(message.contains("checksum mismatch for migration version 3"), message);
  }
}
