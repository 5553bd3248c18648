package org.accessline.transcripts.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.transcripts.seal.CheckpointLog;
import org.accessline.transcripts.seal.SealCheck;
import org.accessline.transcripts.seal.SealKey;

/** Each record's sealed head in the embedded store: its entry count, last hash and their seal, on its conversations row. */
final class Heads {
  private static final Logger LOG = LoggerFactory.getLogger(Heads.class);

  private Heads() {}

  /** Seals the record's new head; runs in the append's own transaction. */
  static void seal(Connection c, SealKey key, long num, String id, long entries, String lastHash) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("UPDATE conversations SET head_seq = ?, head_hash = ?, head_seal = ? WHERE num = ?")) {
      st.setLong(1, entries);
      st.setString(2, lastHash);
      st.setString(3, key.sealHead(id, entries, lastHash));
      st.setLong(4, num);
      st.executeUpdate();
    }
  }

  static SealCheck.StoredHead stored(ResultSet rs, int from) throws SQLException {
    long entries = rs.getLong(from);
    return new SealCheck.StoredHead(rs.wasNull() ? null : entries, rs.getString(from + 1), rs.getString(from + 2));
  }

  /** Seals every record's head as found, for records written before heads were sealed (a migration step). */
  static void sealExisting(Connection c, SealKey key) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT c.num, c.id, e.seq, e.hash FROM conversations c JOIN entries e ON e.conversation_num = c.num"
            + " WHERE e.seq = (SELECT MAX(l.seq) FROM entries l WHERE l.conversation_num = c.num)")) {
      while (rs.next()) seal(c, key, rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4));
    }
  }

  /**
   * Every head whose seal holds and that has not shrunk since the checkpoint before, by record id:
   * what the next checkpoint may take. A head that fails is left out, so the checkpoint keeps what it
   * saw before.
   */
  static Map<String, CheckpointLog.Head> verified(Connection c, SealKey key, CheckpointLog checkpoints) throws SQLException {
    Map<String, CheckpointLog.Head> heads = new HashMap<>();
    int refused = 0;
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, head_seq, head_hash, head_seal FROM conversations")) {
      while (rs.next()) {
        String id = rs.getString(1);
        SealCheck.StoredHead head = stored(rs, 2);
        if (SealCheck.takeable(key, id, head, checkpoints.head(id))) heads.put(id, new CheckpointLog.Head(head.entries(), head.hash() == null ? "" : head.hash(), 0));
        else refused++;
      }
    }
    if (refused > 0) LOG.warn(refused + " records' sealed heads do not verify; the checkpoint keeps what it saw of them before (run verify --all)");
    return heads;
  }
}
