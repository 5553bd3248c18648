package org.accessline.transcripts.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.InteractionStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file store, and what only it has: its migration record in the file. */
class EmbeddedInteractionStoreIT extends InteractionStoreContract {
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

  @Test
  void migrationsAreRecordedAndNotReapplied() throws Exception {
    try (Connection c = DriverManager.getConnection(((EmbeddedInteractionStore) store).jdbcUrl())) {
      assertEquals(Migrations.SCRIPTS.size(), Migrations.currentVersion(c));
      assertEquals(Migrations.SCRIPTS.size(), Migrations.apply(c));
      assertTrue(Migrations.currentVersion(c) >= 1);
    }
  }

  @Test
  void upgradingToRecordLinksFilesEachRecordsLatestCategoryAndTags() throws Exception {
    Path older = dir.resolve("older");
    java.nio.file.Files.createDirectories(older);
    String url = "jdbc:h2:file:" + older.resolve("records").toAbsolutePath();
    ConversationId id = ConversationId.random();
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(3, Migrations.apply(c, 3));
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
      assertEquals(Migrations.SCRIPTS.size(), Migrations.apply(c));
      var found = c.createStatement().executeQuery("SELECT category, tags FROM conversations");
      assertTrue(found.next());
      assertEquals("Parks", found.getString(1));
      assertEquals(java.util.List.of("ward 4", "trees"), java.util.Arrays.asList((Object[]) found.getArray(2).getArray()));
    }
  }
}
