package org.accessline.transcripts.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.StoreTrustContract;
import org.accessline.transcripts.seal.SealKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file store, and what only it has: its migration record in the file. */
class EmbeddedInteractionStoreIT extends StoreTrustContract implements org.accessline.transcripts.AdministrationStoreContract {
  @TempDir Path dir;

  @Override
  protected InteractionStore openStore() {
    EmbeddedInteractionStore embedded = new EmbeddedInteractionStore(dir);
    embedded.start().await();
    return embedded;
  }

  @Override
  protected void alterEvent(ConversationId conversation, long seq, String from, String to) throws Exception {
    try (Connection c = DriverManager.getConnection(((EmbeddedInteractionStore) store).jdbcUrl())) {
      var st = c.prepareStatement("UPDATE entries SET event = REPLACE(event, ?, ?) WHERE seq = ? AND conversation_num = (SELECT num FROM conversations WHERE id = ?)");
      st.setString(1, from);
      st.setString(2, to);
      st.setLong(3, seq);
      st.setString(4, conversation.value());
      assertEquals(1, st.executeUpdate());
    }
  }

  private SealKey key() throws java.io.IOException {
    return SealKey.loadOrCreate(dir.resolve("seal.key"));
  }

  @Override
  protected int change(String sql, Object... args) throws Exception {
    try (Connection c = DriverManager.getConnection(((EmbeddedInteractionStore) store).jdbcUrl()); var st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) st.setObject(i + 1, args[i]);
      return st.executeUpdate();
    }
  }

  /** Reads every file of the database byte by byte, as anyone who copies the data directory could, while the store is still open. */
  @Override
  protected void assertNowhereInTheDatabase(String word) throws Exception {
    byte[] needle = word.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (var files = java.nio.file.Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("accessline")).toList()) {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        assertEquals(-1, indexOf(bytes, needle), file + " still holds \"" + word + "\"");
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  @Test
  void appendsArrivingWhileAPurgeCompactsTheFileWaitAndAreAllStored() throws Exception {
    recorded(CONTACT, T0, "an old request", "maria", "Information provided");
    ConversationId open = ConversationId.random();
    store.append(opening(open, "open-during-purge")).await();
    var purge = store.purge(T0.plusSeconds(86_400), T0.plusSeconds(86_400 * 31));
    List<io.vertx.core.Future<org.accessline.gateway.store.AppendOutcome>> during = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      during.add(store.append(List.of(new Entry(open, 4 + i, T0.plusSeconds(10 + i), org.accessline.gateway.conversation.Participant.resident(CONTACT),
          new org.accessline.gateway.conversation.ConversationEvent.MessagePosted("during " + i), java.util.Optional.of("during-" + i)))));
      if (i % 10 == 0) store.audit(new org.accessline.gateway.store.AuditEvent(T0, "sam", "read", open.value(), "during the purge")).await();
    }
    assertEquals(1, purge.await());
    io.vertx.core.Future.all(during).await();
    assertEquals(53, store.entries(open, 0).await().size());
    assertEquals(org.accessline.gateway.store.EntryChain.Report.Status.INTACT, store.verify(open).await().orElseThrow().status());
    assertTrue(store.verifyStore().await().intact());
  }

  @Test
  void theWordsAreInTheFileBeforeThePurge() throws Exception {
    recorded(CONTACT, T0, "a rhododendronflux report", "maria", "Information provided");
    org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class, () -> assertNowhereInTheDatabase("rhododendronflux"),
        "the file scan would see the word if it were there");
  }

  @Test
  void theSealKeyIsCreatedForItsOwnerOnlyAndNeverWrittenToTheDatabase() throws Exception {
    Path keyFile = dir.resolve("seal.key");
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(keyFile)));
    recorded(CONTACT, T0, "keyed", "maria", "Information provided");
    store.checkpoint(T0.plusSeconds(60)).await();
    assertNowhereInTheDatabase(java.nio.file.Files.readString(keyFile).strip());
    java.nio.file.Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> SealKey.loadOrCreate(keyFile));
    assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
  }

  @Test
  void upgradingChainsTheAuditRowsAndSealsTheRecordsFoundThen() throws Exception {
    Path older = dir.resolve("older");
    java.nio.file.Files.createDirectories(older);
    String url = "jdbc:h2:file:" + older.resolve("accessline").toAbsolutePath();
    ConversationId id = ConversationId.random();
    assertEquals("4", EmbeddedSchema.migrate(url, null, "4").targetSchemaVersion);
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().executeUpdate("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (CURRENT_TIMESTAMP, 'sam', 'read', 'r', 'one')");
      c.createStatement().executeUpdate("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (CURRENT_TIMESTAMP, 'sam', 'read', 'r', 'two')");
      var open = c.prepareStatement("INSERT INTO conversations (id, channel, contact, opened_at) VALUES (?, 'SMS', '+15550001111', CURRENT_TIMESTAMP)");
      open.setString(1, id.value());
      open.executeUpdate();
      var rows = c.prepareStatement(EntryRows.INSERT);
      String chained = org.accessline.gateway.store.EntryChain.GENESIS;
      for (Entry e : opening(id, "older")) {
        chained = org.accessline.gateway.store.EntryChain.hash(chained, e);
        EntryRows.bind(rows, 1, e, chained);
        rows.executeUpdate();
      }
    }
    store.close().await();
    store = new EmbeddedInteractionStore(older, org.accessline.transcripts.seal.RecordSeals.in(older));
    store.start().await();
    assertEquals(org.accessline.gateway.store.AuditChain.Report.Status.INTACT, store.verifyStore().await().audit().status());
    assertEquals(2, store.verifyStore().await().audit().rows());
    assertEquals(org.accessline.gateway.store.EntryChain.Report.Status.INTACT, store.verify(id).await().orElseThrow().status());
  }

  @Test
  void migrationsAreRecordedAndNotReapplied() throws Exception {
    String url = ((EmbeddedInteractionStore) store).jdbcUrl();
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(SCRIPTS, appliedVersions(c));
      var again = EmbeddedSchema.migrate(url, key());
      assertEquals(0, again.migrationsExecuted);
      assertEquals(LATEST, again.initialSchemaVersion);
      assertEquals(SCRIPTS, appliedVersions(c));
    }
  }

  /** The embedded store's scripts' versions, in order. */
  private static final java.util.List<String> SCRIPTS = java.util.stream.IntStream.rangeClosed(1, 14).mapToObj(String::valueOf).toList();
  private static final String LATEST = SCRIPTS.get(SCRIPTS.size() - 1);

  /** The versions Flyway's history holds as applied by their scripts, in order. */
  static java.util.List<String> appliedVersions(Connection c) throws java.sql.SQLException {
    var rs = c.createStatement().executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"");
    java.util.List<String> versions = new java.util.ArrayList<>();
    while (rs.next()) {
      versions.add(rs.getString(1));
      assertTrue(rs.getBoolean(2));
    }
    return versions;
  }

  @Test
  void upgradingToRecordLinksFilesEachRecordsLatestCategoryAndTags() throws Exception {
    Path older = dir.resolve("older");
    java.nio.file.Files.createDirectories(older);
    String url = "jdbc:h2:file:" + older.resolve("records").toAbsolutePath();
    ConversationId id = ConversationId.random();
    assertEquals("3", EmbeddedSchema.migrate(url, key(), "3").targetSchemaVersion);
    try (Connection c = DriverManager.getConnection(url)) {
      var open = c.prepareStatement("INSERT INTO conversations (id, channel, contact, opened_at) VALUES (?, 'SMS', '+15550001111', CURRENT_TIMESTAMP)");
      open.setString(1, id.value());
      open.executeUpdate();
      var maria = org.accessline.gateway.conversation.Participant.agent(new org.accessline.gateway.conversation.AgentId("maria"), "Maria");
      var rows = c.prepareStatement(EntryRows.INSERT);
      long seq = 1;
      for (var details : java.util.List.of(
          new org.accessline.gateway.conversation.ConversationEvent.DetailsSet(java.util.Optional.of("Streets"), java.util.List.of("ward 3"),
              java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()),
          new org.accessline.gateway.conversation.ConversationEvent.DetailsSet(java.util.Optional.of("Parks"), java.util.List.of("ward 4", "trees"),
              java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()))) {
        EntryRows.bind(rows, 1, new org.accessline.gateway.conversation.Entry(id, seq++, java.time.Instant.now(), maria, details, java.util.Optional.empty()), "h");
        rows.executeUpdate();
      }
      assertEquals(LATEST, EmbeddedSchema.migrate(url, key()).targetSchemaVersion);
      var found = c.createStatement().executeQuery("SELECT category, tags FROM conversations");
      assertTrue(found.next());
      assertEquals("Parks", found.getString(1));
      assertEquals(java.util.List.of("ward 4", "trees"), java.util.Arrays.asList((Object[]) found.getArray(2).getArray()));
    }
  }

  @Override
  public org.accessline.gateway.store.Administration administration() {
    return store.administration();
  }

  @Override
  public void reopen() {
    store.close().await();
    store = openStore();
  }
}
