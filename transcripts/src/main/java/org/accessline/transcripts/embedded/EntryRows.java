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
  static final String COLUMNS = "conversation_id, seq, at, actor_role, actor_id, actor_name, kind, event, dedupe_key";
  static final String INSERT = "INSERT INTO entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private EntryRows() {}

  static void bind(PreparedStatement st, Entry e) throws SQLException {
    st.setString(1, e.conversationId().value());
    st.setLong(2, e.seq());
    st.setTimestamp(3, Timestamp.from(e.at()));
    st.setString(4, e.actor().role().name().toLowerCase(Locale.ROOT));
    st.setString(5, e.actor().id());
    st.setString(6, e.actor().displayName());
    st.setString(7, e.event().kind());
    st.setString(8, e.event().toJson().encode());
    st.setString(9, e.dedupeKey().orElse(null));
  }

  static List<Entry> read(ResultSet rs) throws SQLException {
    List<Entry> entries = new ArrayList<>();
    while (rs.next()) {
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
