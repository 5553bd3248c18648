package org.accessline.transcripts.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.accessline.transcripts.seal.SealKey;

/**
 * Versioned schema changes, applied in order at startup and recorded in {@code schema_version}. A
 * released script is never edited; a change is a new script with the next number.
 */
final class Migrations {
  static final List<String> SCRIPTS = List.of("V1__interaction_records.sql", "V2__entry_hashes.sql", "V3__retention_and_audit.sql",
      "V4__record_links_and_details.sql", "V5__audit_chain_and_seals.sql");

  private Migrations() {}

  /** Brings the schema up to date and returns the version it is now at. */
  static int apply(Connection connection, SealKey key) throws SQLException {
    return apply(connection, SCRIPTS.size(), key);
  }

  /**
   * Brings the schema up to {@code target} (for testing an upgrade from an older version). The seal
   * key seals what was stored before seals were kept, as it is found then.
   */
  static int apply(Connection connection, int target, SealKey key) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
    int current = currentVersion(connection);
    if (current > SCRIPTS.size()) {
      throw new SQLException("the data directory holds schema version " + current + ", newer than this build knows (" + SCRIPTS.size() + ")");
    }
    for (int version = current + 1; version <= target; version++) {
      String script = SCRIPTS.get(version - 1);
      boolean auto = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        for (String sql : read(script).split(";")) if (!sql.isBlank()) st.execute(sql);
        if (script.startsWith("V4__")) fileDetailsOnRecords(connection);
        if (script.startsWith("V5__")) {
          AuditLog.chainExisting(connection);
          Heads.sealExisting(connection, key);
          Retention.sealExisting(connection, key);
        }
        try (PreparedStatement record = connection.prepareStatement("INSERT INTO schema_version VALUES (?, ?, CURRENT_TIMESTAMP)")) {
          record.setInt(1, version);
          record.setString(2, script);
          record.executeUpdate();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(auto);
      }
    }
    return Math.max(current, target);
  }

  /** Copies each record's latest filed category and tags onto it, for records filed before V4 kept them there. */
  private static void fileDetailsOnRecords(Connection connection) throws SQLException {
    java.util.Map<Long, String> latest = new java.util.HashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT conversation_num, event FROM entries WHERE kind = 'details' ORDER BY conversation_num, seq")) {
      while (rs.next()) latest.put(rs.getLong(1), rs.getString(2));
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE conversations SET category = ?, tags = ? WHERE num = ?")) {
      for (var e : latest.entrySet()) {
        EntryRows.bindDetails(update, (org.accessline.gateway.conversation.ConversationEvent.DetailsSet)
            org.accessline.gateway.conversation.ConversationEvent.fromJson(new io.vertx.core.json.JsonObject(e.getValue())));
        update.setLong(3, e.getKey());
        update.executeUpdate();
      }
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream(script)) {
      if (in == null) throw new IllegalStateException("migration script missing from the build: " + script);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
