package org.accessline.transcripts.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.store.CallerContext;
import org.accessline.transcripts.seal.PurgeFact;
import org.accessline.transcripts.seal.SealKey;

/**
 * Purging in the embedded store: a record's entries (with their text and attachments' details),
 * its word index rows and its row go; a sealed fact of the purge stays.
 */
final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  /**
   * Due, and not on hold by either account: the row's flag, or a hold in the chained audit log with no
   * release after it, so clearing the flag in the database alone does not get a held record purged.
   */
  private static final String DUE = " FROM conversations WHERE resolved_at IS NOT NULL AND resolved_at < ? AND NOT legal_hold"
      + " AND NOT EXISTS (SELECT 1 FROM audit_log h WHERE h.target = conversations.id AND h.action = 'hold'"
      + " AND NOT EXISTS (SELECT 1 FROM audit_log r WHERE r.target = h.target AND r.action = 'release' AND r.num > h.num))";

  private Retention() {}

  /** Purges in the caller's transaction; returns how many records went. */
  static int purge(Connection c, SealKey key, EmbeddedReports reports, Instant resolvedBefore, Instant now) throws SQLException {
    List<PurgeFact> facts = new ArrayList<>();
    List<Long> nums = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("SELECT num, id, opened_at, resolved_at" + DUE)) {
      st.setTimestamp(1, Timestamp.from(resolvedBefore));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          nums.add(rs.getLong(1));
          facts.add(new PurgeFact(rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), now, PurgeFact.RETENTION,
              PurgeFact.retentionReason(resolvedBefore)));
        }
      }
    }
    try (PreparedStatement fact = c.prepareStatement("INSERT INTO purged_records (id, opened_at, resolved_at, purged_at, purged_by, reason, seal) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (PurgeFact f : facts) {
        fact.setString(1, f.id());
        fact.setTimestamp(2, Timestamp.from(f.openedAt()));
        fact.setTimestamp(3, Timestamp.from(f.resolvedAt()));
        fact.setTimestamp(4, Timestamp.from(f.purgedAt()));
        fact.setString(5, f.purgedBy());
        fact.setString(6, f.reason());
        fact.setString(7, key.sealPurge(f));
        fact.addBatch();
      }
      fact.executeBatch();
    }
    for (String table : List.of("entries", "record_words")) {
      try (PreparedStatement st = c.prepareStatement("DELETE FROM " + table + " WHERE conversation_num = ?")) {
        for (long num : nums) {
          st.setLong(1, num);
          st.addBatch();
        }
        st.executeBatch();
      }
    }
    // A service request holds what the resident said and where: it goes with its record.
    try (PreparedStatement st = c.prepareStatement("DELETE FROM service_requests WHERE conversation_id = ?")) {
      for (PurgeFact f : facts) {
        st.setString(1, f.id());
        st.addBatch();
      }
      st.executeBatch();
    }
    reports.forget(c, nums);
    for (String table : List.of("report_fact_tags", "report_facts")) {
      try (PreparedStatement st = c.prepareStatement("DELETE FROM " + table + " WHERE num = ?")) {
        for (long num : nums) {
          st.setLong(1, num);
          st.addBatch();
        }
        st.executeBatch();
      }
    }
    try (PreparedStatement st = c.prepareStatement("DELETE FROM conversations WHERE num = ?")) {
      for (long num : nums) {
        st.setLong(1, num);
        st.addBatch();
      }
      st.executeBatch();
    }
    return nums.size();
  }

  /**
   * Purges on the writer's connection holding every reader connection, so nothing else touches the
   * database; then, if anything went, closes it with {@code SHUTDOWN COMPACT}, which rewrites the file:
   * H2 otherwise keeps replaced pages, purged text included, in the file. Returns the connection the
   * writer goes on with.
   */
  static Connection purgeAndCompact(Connection c, SealKey key, EmbeddedReports reports, Instant resolvedBefore, Instant now, BlockingQueue<Connection> readers, int readerCount,
      Supplier<String> url, CallerContext<Integer> reply) throws Exception {
    List<Connection> held = new ArrayList<>();
    for (int i = 0; i < readerCount; i++) held.add(readers.take());
    Connection current = c;
    try {
      int purged;
      try {
        purged = purge(c, key, reports, resolvedBefore, now);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
      if (purged > 0) {
        for (Connection r : held) r.close();
        held.clear();
        try (Statement st = c.createStatement()) {
          st.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
          // The records are gone from the tables either way; only their old pages may linger until the next compaction.
          LOG.warn("purged " + purged + " records, but compacting the database file failed", e);
          c.close();
        }
        current = DriverManager.getConnection(url.get());
      }
      reply.succeed(purged);
      return current;
    } finally {
      while (held.size() < readerCount) held.add(DriverManager.getConnection(url.get()));
      readers.addAll(held);
    }
  }

  /** The ids of purges whose seal holds: only those explain a record's absence. */
  static Set<String> sealedPurges(Connection c, SealKey key, Optional<String> only) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (PreparedStatement st = c.prepareStatement("SELECT id, opened_at, resolved_at, purged_at, purged_by, reason, seal FROM purged_records"
        + (only.isPresent() ? " WHERE id = ?" : ""))) {
      if (only.isPresent()) st.setString(1, only.get());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          PurgeFact f = new PurgeFact(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getString(5),
              rs.getString(6));
          if (key.sealedPurge(f, rs.getString(7))) ids.add(f.id());
        }
      }
    }
    return ids;
  }

  /** Seals the purges recorded before purges were sealed, as found (a migration step). */
  static void sealExisting(Connection c, SealKey key) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, purged_at FROM purged_records");
        PreparedStatement update = c.prepareStatement("UPDATE purged_records SET purged_by = ?, reason = ?, seal = ? WHERE id = ?")) {
      while (rs.next()) {
        PurgeFact f = new PurgeFact(rs.getString(1), null, null, rs.getTimestamp(2).toInstant(), PurgeFact.RETENTION, "purged before purges were sealed");
        update.setString(1, f.purgedBy());
        update.setString(2, f.reason());
        update.setString(3, key.sealPurge(f));
        update.setString(4, f.id());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
