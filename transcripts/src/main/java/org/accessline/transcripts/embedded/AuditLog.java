package org.accessline.transcripts.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.store.AuditChain;
import org.accessline.gateway.store.AuditEvent;

/** The embedded store's audit log rows, each chained to the one before it. */
final class AuditLog {
  private AuditLog() {}

  /** Appends the events in their order after the current last row; the caller makes sure no other append runs meanwhile. */
  static void append(Connection c, List<AuditEvent> events) throws SQLException {
    String previous;
    try (Statement st = c.createStatement(); ResultSet last = st.executeQuery("SELECT hash FROM audit_log ORDER BY num DESC LIMIT 1")) {
      previous = last.next() ? last.getString(1) : AuditChain.GENESIS;
    }
    try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_log (at, actor, action, target, detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEvent event : events) {
        String hash = AuditChain.hash(previous, event);
        st.setTimestamp(1, Timestamp.from(event.at()));
        st.setString(2, event.actor());
        st.setString(3, event.action());
        st.setString(4, event.target());
        st.setString(5, event.detail());
        st.setString(6, previous);
        st.setString(7, hash);
        st.addBatch();
        previous = hash;
      }
      st.executeBatch();
    }
  }

  /** How many rows the log has, and the last one's hash. */
  static AuditChain.Head head(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet last = st.executeQuery("SELECT hash, (SELECT COUNT(*) FROM audit_log) FROM audit_log ORDER BY num DESC LIMIT 1")) {
      return last.next() ? new AuditChain.Head(last.getLong(2), last.getString(1), 0) : new AuditChain.Head(0, AuditChain.GENESIS, 0);
    }
  }

  /** Walks the whole log in its order. */
  static AuditChain.Report check(Connection c, Optional<AuditChain.Head> checkpointed) throws SQLException {
    AuditChain.Checker checker = new AuditChain.Checker();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT at, actor, action, target, detail, previous_hash, hash FROM audit_log ORDER BY num")) {
      while (rs.next()) checker.accept(event(rs), rs.getString(6), rs.getString(7));
    }
    return checker.result(checkpointed);
  }

  /** Chains the rows written before the log was chained, in their order (a migration step). */
  static void chainExisting(Connection c) throws SQLException {
    String previous = AuditChain.GENESIS;
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT at, actor, action, target, detail, num FROM audit_log ORDER BY num");
        PreparedStatement update = c.prepareStatement("UPDATE audit_log SET previous_hash = ?, hash = ? WHERE num = ?")) {
      while (rs.next()) {
        String hash = AuditChain.hash(previous, event(rs));
        update.setString(1, previous);
        update.setString(2, hash);
        update.setLong(3, rs.getLong(6));
        update.addBatch();
        previous = hash;
      }
      update.executeBatch();
    }
  }

  private static AuditEvent event(ResultSet rs) throws SQLException {
    return new AuditEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
  }
}
