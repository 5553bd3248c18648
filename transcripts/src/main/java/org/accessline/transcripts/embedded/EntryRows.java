package org.accessline.transcripts.embedded;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.Role;

/** Maps entries to rows of the {@code entries} table and back. */
final class EntryRows {
  /** Selects an entry's columns; the query must join {@code conversations c} for the public id. */
  static final String COLUMNS = "c.id, e.seq, e.at, e.actor_role, e.actor_id, e.actor_name, e.kind, e.event, e.dedupe_key";
  static final String FROM = " FROM entries e JOIN conversations c ON c.num = e.conversation_num ";
  static final String INSERT = "INSERT INTO entries (conversation_num, seq, at, actor_role, actor_id, actor_name, kind, event, dedupe_key, dedupe_hash, hash, text)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private EntryRows() {}

  /** Binds the filed category (1) and tags (2) that the record's search columns keep. */
  static void bindDetails(PreparedStatement st, ConversationEvent.DetailsSet details) throws SQLException {
    st.setString(1, details.category().orElse(null));
    st.setObject(2, details.tags().toArray(String[]::new));
  }

  static void bind(PreparedStatement st, long conversationNum, Entry e, String hash) throws SQLException {
    st.setString(11, hash);
    st.setString(12, searchText(e));
    st.setLong(1, conversationNum);
    st.setLong(2, e.seq());
    st.setTimestamp(3, Timestamp.from(e.at()));
    st.setString(4, e.actor().role().name().toLowerCase(Locale.ROOT));
    st.setString(5, e.actor().id());
    st.setString(6, e.actor().displayName());
    st.setString(7, e.event().kind());
    st.setString(8, e.event().toJson().encode());
    st.setString(9, e.dedupeKey().orElse(null));
    if (e.dedupeKey().isPresent()) st.setLong(10, dedupeHash(e.dedupeKey().get()));
    else st.setNull(10, java.sql.Types.BIGINT);
  }

  /**
   * A 64-bit hash of a dedupe key. The index holds these numbers rather than the long keys, which
   * keeps the pages every commit rewrites small; lookups compare the full key as well.
   */
  static long dedupeHash(String key) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.nio.ByteBuffer.wrap(digest).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** A message's words, lower-case, for search; nothing for other entries. */
  static String searchText(Entry e) {
    return e.event() instanceof ConversationEvent.MessagePosted m ? m.text().toLowerCase(Locale.ROOT) : null;
  }

  static List<Entry> read(ResultSet rs) throws SQLException {
    return read(rs, row -> { });
  }

  /** Reads entries, letting {@code alsoRead} take extra columns of each row. */
  interface RowReader {
    void accept(ResultSet row) throws SQLException;
  }

  static List<Entry> read(ResultSet rs, RowReader alsoRead) throws SQLException {
    List<Entry> entries = new ArrayList<>();
    while (rs.next()) {
      alsoRead.accept(rs);
      entries.add(new Entry(
          new ConversationId(rs.getString(1)),
          rs.getLong(2),
          rs.getTimestamp(3).toInstant(),
          new Participant(Role.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getString(5), rs.getString(6)),
          ConversationEvent.fromJson(new JsonObject(rs.getString(8))),
          Optional.ofNullable(rs.getString(9))));
    }
    return entries;
  }
}
