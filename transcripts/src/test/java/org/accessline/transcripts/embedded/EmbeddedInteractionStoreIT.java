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
}
