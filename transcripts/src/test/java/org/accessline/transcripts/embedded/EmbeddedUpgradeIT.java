package org.accessline.transcripts.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.AuditChain;
import org.accessline.gateway.store.EntryChain;
import org.accessline.transcripts.BeforeFlyway;
import org.accessline.transcripts.seal.SealKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by the release before Flyway opens with this one: Flyway's history is
 * started at the version that release had applied, nothing is applied twice, every record still
 * verifies, and a changed script stops the store.
 */
class EmbeddedUpgradeIT {
  @TempDir Path dir;
  private EmbeddedInteractionStore store;

  @AfterEach
  void close() {
    if (store != null) store.close().await();
  }

  private EmbeddedInteractionStore open() {
    EmbeddedInteractionStore opened = new EmbeddedInteractionStore(dir);
    opened.start().await();
    return opened;
  }

  private void oldReleasesDirectory() throws Exception {
    BeforeFlyway.copy("embedded", dir, "accessline.mv.db", "seal.key", "checkpoints.log");
  }

  /** Flyway's versioned history as "version type description success", oldest first (without its marker for the table's creation). */
  private static List<String> history(Connection c) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement(); var rs = st.executeQuery(
        "SELECT \"version\", \"type\", \"description\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4));
    }
    return rows;
  }

  private List<String> history() throws SQLException {
    try (Connection c = DriverManager.getConnection(new EmbeddedInteractionStore(dir).jdbcUrl())) {
      return history(c);
    }
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void theOldReleasesDirectoryIsBaselinedAtItsVersionAndKeepsEveryRecord() throws Exception {
    oldReleasesDirectory();
    store = open();
    BeforeFlyway.assertRecordsKept(store);
    assertEquals(List.of("5 BASELINE schema_version 5, from the release before Flyway true", "6 SQL canned replies true", "7 SQL resource directory true", "8 SQL follow ups and consent true", "9 SQL service requests true", "10 SQL staff accounts true", "11 SQL report facts true", "12 SQL quality review true", "13 SQL follow up notices true", "14 SQL report rollup true"), history());
    try (Connection c = DriverManager.getConnection(store.jdbcUrl())) {
      assertEquals(14, count(c, "SELECT COUNT(*) FROM schema_version"), "the old version table is kept, and learns the versions applied since");
    }
    BeforeFlyway.assertWritesContinue(store);
  }

  /**
   * The release before Flyway reads only {@code schema_version}: on a directory a Flyway build made,
   * an empty table there had it try to create every table again. Each applied version is written
   * there too, so an older build sees how new the store is (and refuses one newer than it knows).
   */
  @Test
  void aNewDirectoryRecordsItsVersionsWhereTheReleaseBeforeFlywayLooks() throws Exception {
    store = open();
    store.close().await();
    store = open();
    try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement st = c.createStatement();
        var rs = st.executeQuery("SELECT version, script FROM schema_version ORDER BY version")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) rows.add(rs.getInt(1) + " " + rs.getString(2));
      assertEquals(List.of("1 V1__interaction_records.sql", "2 V2__entry_hashes.sql", "3 V3__retention_and_audit.sql",
          "4 V4__record_links_and_details.sql", "5 V5__audit_chain_and_seals.sql", "6 V6__canned_replies.sql", "7 V7__resource_directory.sql", "8 V8__follow_ups_and_consent.sql", "9 V9__service_requests.sql", "10 V10__staff_accounts.sql", "11 V11__report_facts.sql", "12 V12__quality_review.sql", "13 V13__follow_up_notices.sql", "14 V14__report_rollup.sql"), rows, "the names the release before Flyway wrote, once each");
    }
  }

  @Test
  void aSecondOpenOfTheUpgradedDirectoryChangesNothing() throws Exception {
    oldReleasesDirectory();
    store = open();
    store.close().await();
    List<String> once = history();
    store = open();
    assertEquals(once, history());
    BeforeFlyway.assertRecordsKept(store);
    assertEquals(0, EmbeddedSchema.migrate(store.jdbcUrl(), null).migrationsExecuted);
  }

  /**
   * A directory the old release left at V3 (as one that had not yet started a V4 build would be):
   * the baseline is V3, and V4 and V5 then run with their Java steps, once.
   */
  @Test
  void aDirectoryTheOldReleaseLeftAtVersion3TakesV4AndV5() throws Exception {
    SealKey key = SealKey.loadOrCreate(dir.resolve("seal.key"));
    String url = new EmbeddedInteractionStore(dir).jdbcUrl();
    EmbeddedSchema.migrate(url, key, "3");
    ConversationId id = ConversationId.random();
    Contact texter = new Contact(Channel.SMS, "+15550003333");
    Participant maria = Participant.agent(new AgentId("maria"), "Maria");
    List<Entry> entries = List.of(
        new Entry(id, 1, java.time.Instant.parse("2026-01-05T10:00:00Z"), Participant.resident(texter), new ConversationEvent.Opened(texter), Optional.empty()),
        new Entry(id, 2, java.time.Instant.parse("2026-01-05T10:01:00Z"), maria, new ConversationEvent.DetailsSet(Optional.of("Parks"), List.of("trees"),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty()));
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      // What the release before Flyway left: its own version table at 3, and no Flyway history.
      st.execute("DROP TABLE \"flyway_schema_history\"");
      st.execute("DROP TABLE schema_version"); // the migration to V3 above kept one; the old release's is made here, as it made it
      st.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      st.execute("INSERT INTO schema_version VALUES (1, 'V1__interaction_records.sql', CURRENT_TIMESTAMP), (2, 'V2__entry_hashes.sql', CURRENT_TIMESTAMP),"
          + " (3, 'V3__retention_and_audit.sql', CURRENT_TIMESTAMP)");
      st.executeUpdate("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (CURRENT_TIMESTAMP, 'sam', 'read', 'r', 'before V5')");
      var open = c.prepareStatement("INSERT INTO conversations (id, channel, contact, opened_at) VALUES (?, 'SMS', '+15550003333', CURRENT_TIMESTAMP)");
      open.setString(1, id.value());
      open.executeUpdate();
      var rows = c.prepareStatement(EntryRows.INSERT);
      String chained = EntryChain.GENESIS;
      for (Entry e : entries) {
        chained = EntryChain.hash(chained, e);
        EntryRows.bind(rows, 1, e, chained);
        rows.executeUpdate();
      }
    }
    store = open();
    assertEquals(List.of("3 BASELINE schema_version 3, from the release before Flyway true", "4 SQL record links and details true",
        "5 SQL audit chain and seals true", "6 SQL canned replies true", "7 SQL resource directory true", "8 SQL follow ups and consent true", "9 SQL service requests true", "10 SQL staff accounts true", "11 SQL report facts true", "12 SQL quality review true", "13 SQL follow up notices true", "14 SQL report rollup true"), history());
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(1, count(c, "SELECT COUNT(*) FROM conversations WHERE category = 'Parks'"), "V4's step filed the category");
    }
    assertEquals(EntryChain.Report.Status.INTACT, store.verify(id).await().orElseThrow().status(), "V5's step sealed the head");
    assertEquals(AuditChain.Report.Status.INTACT, store.verifyStore().await().audit().status(), "V5's step chained the audit row");
    assertEquals(1, store.verifyStore().await().audit().rows());
  }

  /** An applied script whose checksum no longer matches this build's (as if a released script had been edited) stops the store. */
  @Test
  void aChangedAppliedScriptStopsTheStoreWithAClearMessage() throws Exception {
    store = open();
    store.close().await();
    store = null;
    try (Connection c = DriverManager.getConnection(new EmbeddedInteractionStore(dir).jdbcUrl()); Statement st = c.createStatement()) {
      assertEquals(1, st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '2'"));
    }
    EmbeddedInteractionStore refused = new EmbeddedInteractionStore(dir);
    Exception e = assertThrows(Exception.class, () -> refused.start().await());
    String message = e.getMessage();
    assertTrue(message.startsWith("The embedded store will not start: the migrations applied to its database do not match this build's scripts"), message);
    assertTrue(message.contains("checksum mismatch for migration version 2"), message);
  }
}
