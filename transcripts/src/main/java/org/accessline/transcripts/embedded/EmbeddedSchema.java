package org.accessline.transcripts.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.transcripts.migration.SchemaMigrations;
import org.accessline.transcripts.seal.SealKey;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded store's schema: Flyway runs the scripts in {@value #LOCATION} on the H2 file, and
 * two versions finish in Java. After V4 each record gets its latest filed category and tags; after
 * V5 the audit rows are chained and what was stored before seals were kept is sealed, as found then.
 */
final class EmbeddedSchema {
  static final String LOCATION = "classpath:db/migration/h2";

  private EmbeddedSchema() {}

  /** Brings the database at {@code jdbcUrl} up to date. */
  static MigrateResult migrate(String jdbcUrl, SealKey key) {
    return migrate(jdbcUrl, key, null);
  }

  /**
   * Brings it up to {@code target} (null: the latest), for testing an upgrade from an older version.
   * The seal key seals what was stored before seals were kept; below V5 it is not needed.
   */
  static MigrateResult migrate(String jdbcUrl, SealKey key, String target) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(jdbcUrl);
    return new SchemaMigrations("The embedded store", LOCATION, Map.of(
        "4", EmbeddedSchema::fileDetailsOnRecords,
        "5", c -> {
          AuditLog.chainExisting(c);
          Heads.sealExisting(c, key);
          Retention.sealExisting(c, key);
        }), false).migrate(dataSource, null, target);
  }

  /** Copies each record's latest filed category and tags onto it, for records filed before V4 kept them there. */
  private static void fileDetailsOnRecords(Connection connection) throws SQLException {
    Map<Long, String> latest = new HashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT conversation_num, event FROM entries WHERE kind = 'details' ORDER BY conversation_num, seq")) {
      while (rs.next()) latest.put(rs.getLong(1), rs.getString(2));
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE conversations SET category = ?, tags = ? WHERE num = ?")) {
      for (var e : latest.entrySet()) {
        EntryRows.bindDetails(update, (ConversationEvent.DetailsSet) ConversationEvent.fromJson(new io.vertx.core.json.JsonObject(e.getValue())));
        update.setLong(3, e.getKey());
        update.executeUpdate();
      }
    }
  }
}
