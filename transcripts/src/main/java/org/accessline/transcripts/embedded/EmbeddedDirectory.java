package org.accessline.transcripts.embedded;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.directory.Directory;
import org.accessline.transcripts.directory.Row;
import org.accessline.transcripts.directory.Sql;
import org.accessline.transcripts.directory.SqlDirectory;
import org.accessline.transcripts.directory.SqlRunner;

/** The directory in the embedded database, through the store's own connections. */
final class EmbeddedDirectory implements SqlRunner {
  /** H2's SQL state for a row naming a parent that does not exist. */
  private static final String NO_PARENT = "23506";
  private final EmbeddedInteractionStore store;

  private EmbeddedDirectory(EmbeddedInteractionStore store) {
    this.store = store;
  }

  static Directory of(EmbeddedInteractionStore store) {
    return new SqlDirectory(new EmbeddedDirectory(store), Sql.Dialect.H2);
  }

  /** The referral's row for reports, written by the append in the entry's own transaction. */
  static void referred(Connection c, long num, Entry e, ConversationEvent.Referred r) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO referrals (conversation_num, seq, referred_at, agency_id, agency_name, service_id, service_name) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      st.setLong(1, num);
      st.setLong(2, e.seq());
      st.setTimestamp(3, Timestamp.from(e.at()));
      st.setString(4, r.agencyId());
      st.setString(5, r.agencyName());
      st.setString(6, r.serviceId());
      st.setString(7, r.serviceName());
      st.executeUpdate();
    }
  }

  @Override
  public Future<List<Row>> query(Sql sql) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement(sql.text())) {
        bind(st, sql.args());
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) values[i] = rs.getObject(i + 1);
            out.add(new Row(values));
          }
        }
        return out;
      }
    });
  }

  @Override
  public boolean soleWriter() {
    // The embedded database's file is locked by the one process that opened it.
    return true;
  }

  @Override
  public Future<Void> transaction(List<Sql> statements) {
    return store.write(c -> {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        run(c, statements);
        c.commit();
        return null;
      } catch (SQLException e) {
        c.rollback();
        if (NO_PARENT.equals(e.getSQLState())) throw new Directory.UnknownAgency("?");
        throw e;
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    });
  }

  /** Runs the statements in order, batching each run of the same statement. */
  private static void run(Connection c, List<Sql> statements) throws SQLException {
    int i = 0;
    while (i < statements.size()) {
      String text = statements.get(i).text();
      try (PreparedStatement st = c.prepareStatement(text)) {
        int j = i;
        while (j < statements.size() && statements.get(j).text().equals(text)) {
          bind(st, statements.get(j).args());
          st.addBatch();
          j++;
        }
        st.executeBatch();
        i = j;
      }
    }
  }

  private static void bind(PreparedStatement st, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) st.setObject(i + 1, args.get(i));
  }
}
