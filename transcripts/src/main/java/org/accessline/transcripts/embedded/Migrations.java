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

/**
 * Versioned schema changes, applied in order at startup and recorded in {@code schema_version}. A
 * released script is never edited; a change is a new script with the next number.
 */
final class Migrations {
  static final List<String> SCRIPTS = List.of("V1__interaction_records.sql", "V2__entry_hashes.sql", "V3__retention_and_audit.sql");

  private Migrations() {}

  /** Brings the schema up to date and returns the version it is now at. */
  static int apply(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
    int current = currentVersion(connection);
    if (current > SCRIPTS.size()) {
      throw new SQLException("the data directory holds schema version " + current + ", newer than this build knows (" + SCRIPTS.size() + ")");
    }
    for (int version = current + 1; version <= SCRIPTS.size(); version++) {
      String script = SCRIPTS.get(version - 1);
      boolean auto = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        for (String sql : read(script).split(";")) if (!sql.isBlank()) st.execute(sql);
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
    return SCRIPTS.size();
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
