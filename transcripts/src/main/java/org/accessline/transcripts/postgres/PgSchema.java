package org.accessline.transcripts.postgres;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.accessline.gateway.store.AuditChain;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.transcripts.migration.SchemaMigrations;
import org.accessline.transcripts.seal.PurgeFact;
import org.accessline.transcripts.seal.SealKey;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL store's schema: Flyway runs the scripts in {@value #LOCATION} in the store's
 * schema over JDBC, reaching the same server, database, user and SSL mode as the reactive client.
 * After V4 it seals what was stored before seals were kept, as found then, in V4's transaction.
 * Blocking: run it on a worker, never on an event loop.
 */
final class PgSchema {
  static final String LOCATION = "classpath:db/migration/postgresql";

  private PgSchema() {}

  static MigrateResult migrate(PgConnectOptions connect, String schema, SealKey key) {
    return migrate(connect, schema, key, null);
  }

  /**
   * Up to {@code target} (null: the latest), for testing an upgrade from an older version. Gateways
   * sharing the database take turns, under a session lock on the schema's name, so the first one
   * decides alone whether the schema is new, or one the release before Flyway left to baseline.
   */
  static MigrateResult migrate(PgConnectOptions connect, String schema, SealKey key, String target) {
    PGSimpleDataSource dataSource = dataSource(connect);
    // Closing the connection releases the lock.
    try (Connection lock = dataSource.getConnection(); PreparedStatement take = lock.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
      take.setString(1, "accessline migrations " + schema);
      take.execute();
      return new SchemaMigrations("The PostgreSQL store", LOCATION, Map.of("4", c -> sealExisting(c, key)), true).migrate(dataSource, schema, target);
    } catch (SQLException e) {
      throw new IllegalStateException("The PostgreSQL store could not reach its database to migrate it: " + e.getMessage(), e);
    }
  }

  static PGSimpleDataSource dataSource(PgConnectOptions connect) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl(connect));
    // Apart from the URL, which Flyway logs.
    dataSource.setUser(connect.getUser());
    dataSource.setPassword(connect.getPassword());
    return dataSource;
  }

  /**
   * The JDBC URL of the server and database the reactive client connects to, with its SSL mode.
   * The verifying modes check the server's certificate against the JVM's trust store, as the
   * reactive client does when given no trust options of its own.
   */
  static String jdbcUrl(PgConnectOptions connect) {
    if (connect.isUsingDomainSocket()) {
      throw new IllegalArgumentException("store.url: schema migrations reach PostgreSQL over TCP (JDBC); give a host name or address, not a Unix socket");
    }
    String host = connect.getHost().contains(":") ? "[" + connect.getHost() + "]" : connect.getHost();
    SslMode ssl = connect.getSslMode();
    return "jdbc:postgresql://" + host + ":" + connect.getPort() + "/" + URLEncoder.encode(connect.getDatabase(), StandardCharsets.UTF_8)
        + "?sslmode=" + ssl.value + (ssl == SslMode.VERIFY_CA || ssl == SslMode.VERIFY_FULL ? "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory" : "")
        + "&ApplicationName=accessline-migrations";
  }

  /** Chains the audit rows and seals every record's head and every purge, as stored before V4 kept seals. */
  static void sealExisting(Connection c, SealKey key) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT at, actor, action, target, detail, num FROM audit_log ORDER BY num");
        PreparedStatement update = c.prepareStatement("UPDATE audit_log SET previous_hash = ?, hash = ? WHERE num = ?")) {
      String previous = AuditChain.GENESIS;
      while (rs.next()) {
        String hash = AuditChain.hash(previous, new AuditEvent(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)));
        update.setString(1, previous);
        update.setString(2, hash);
        update.setLong(3, rs.getLong(6));
        update.addBatch();
        previous = hash;
      }
      update.executeBatch();
    }
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.num, c.id, e.seq, e.hash FROM conversations c JOIN entries e"
        + " ON e.conversation_num = c.num WHERE e.seq = (SELECT max(l.seq) FROM entries l WHERE l.conversation_num = c.num)");
        PreparedStatement update = c.prepareStatement("UPDATE conversations SET head_seq = ?, head_hash = ?, head_seal = ? WHERE num = ?")) {
      while (rs.next()) {
        update.setLong(1, rs.getLong(3));
        update.setString(2, rs.getString(4));
        update.setString(3, key.sealHead(rs.getObject(2, UUID.class).toString(), rs.getLong(3), rs.getString(4)));
        update.setLong(4, rs.getLong(1));
        update.addBatch();
      }
      update.executeBatch();
    }
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, purged_at FROM purged_records");
        PreparedStatement update = c.prepareStatement("UPDATE purged_records SET purged_by = ?, reason = ?, seal = ? WHERE id = ?")) {
      while (rs.next()) {
        UUID id = rs.getObject(1, UUID.class);
        PurgeFact f = new PurgeFact(id.toString(), null, null, rs.getObject(2, OffsetDateTime.class).toInstant(), PurgeFact.RETENTION,
            "purged before purges were sealed");
        update.setString(1, f.purgedBy());
        update.setString(2, f.reason());
        update.setString(3, key.sealPurge(f));
        update.setObject(4, id);
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
