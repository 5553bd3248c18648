package org.accessline.transcripts.embedded;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.store.CannedReplies;
import org.accessline.gateway.store.CannedReply;

/** Canned replies in the embedded store's database, read and written through the store's own connections. */
final class EmbeddedCannedReplies implements CannedReplies {
  private static final String COLUMNS = "id, scope, owner, title, shortcut, text, tty_text, updated_at, updated_by";
  /** H2's SQL state for a unique key broken. */
  private static final String DUPLICATE_KEY = "23505";
  private final EmbeddedInteractionStore store;

  EmbeddedCannedReplies(EmbeddedInteractionStore store) {
    this.store = store;
  }

  @Override
  public Future<List<CannedReply>> visibleTo(String agent) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM canned_replies WHERE owner = '' OR owner = ? ORDER BY LOWER(title), id")) {
        st.setString(1, agent);
        return rows(st);
      }
    });
  }

  @Override
  public Future<Optional<CannedReply>> find(String id) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM canned_replies WHERE id = ?")) {
        st.setString(1, id);
        return rows(st).stream().findFirst();
      }
    });
  }

  @Override
  public Future<Void> save(CannedReply reply) {
    return store.write(c -> {
      try (PreparedStatement st = c.prepareStatement("MERGE INTO canned_replies (" + COLUMNS + ") KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        st.setString(1, reply.id());
        st.setString(2, reply.scope().wireName());
        st.setString(3, reply.owner().orElse(""));
        st.setString(4, reply.title());
        st.setString(5, reply.shortcut());
        st.setString(6, reply.text());
        st.setString(7, reply.ttyText().orElse(null));
        st.setTimestamp(8, Timestamp.from(reply.updatedAt()));
        st.setString(9, reply.updatedBy());
        st.executeUpdate();
        return null;
      } catch (SQLException e) {
        if (DUPLICATE_KEY.equals(e.getSQLState())) throw new ShortcutTaken(reply.shortcut());
        throw e;
      }
    });
  }

  @Override
  public Future<Boolean> delete(String id) {
    return store.write(c -> {
      try (PreparedStatement st = c.prepareStatement("DELETE FROM canned_replies WHERE id = ?")) {
        st.setString(1, id);
        return st.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Future<Integer> countOwnedBy(String agent) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM canned_replies WHERE owner = ?")) {
        st.setString(1, agent);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  private static List<CannedReply> rows(PreparedStatement st) throws SQLException {
    List<CannedReply> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        CannedReply.Scope scope = CannedReply.Scope.parse(rs.getString(2)).orElseThrow();
        out.add(new CannedReply(rs.getString(1), scope, scope == CannedReply.Scope.SHARED ? Optional.empty() : Optional.of(rs.getString(3)),
            rs.getString(4), rs.getString(5), rs.getString(6), Optional.ofNullable(rs.getString(7)), rs.getTimestamp(8).toInstant(), rs.getString(9)));
      }
    }
    return out;
  }

}
