package org.accessline.transcripts.embedded;

import io.vertx.core.json.JsonObject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.EarlierRecord;

/** A resident's records across the contacts that are the same person, with the agents who held each. */
final class EmbeddedEarlierRecords {
  private EmbeddedEarlierRecords() {}

  static List<EarlierRecord> find(Connection c, List<Contact> contacts, int limit) throws SQLException {
    if (contacts.isEmpty() || limit <= 0) return List.of();
    StringBuilder sql = new StringBuilder("SELECT num, id, channel, opened_at, resolved_at, disposition, category, tags FROM conversations WHERE ");
    for (int i = 0; i < contacts.size(); i++) sql.append(i == 0 ? "" : " OR ").append("(channel = ? AND contact = ?)");
    sql.append(" ORDER BY opened_at DESC, num DESC LIMIT ?");
    Map<Long, Row> found = new LinkedHashMap<>();
    try (PreparedStatement st = c.prepareStatement(sql.toString())) {
      int n = 1;
      for (Contact contact : contacts) {
        st.setString(n++, contact.channel().name());
        st.setString(n++, contact.address());
      }
      st.setInt(n, limit);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getLong(1), new Row(new ConversationId(rs.getString(2)), new Channel(rs.getString(3)), rs.getTimestamp(4).toInstant(),
              Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant), Optional.ofNullable(rs.getString(6)),
              Optional.ofNullable(rs.getString(7)), strings(rs.getArray(8)), new ArrayList<>()));
        }
      }
    }
    if (found.isEmpty()) return List.of();
    String nums = String.join(",", found.keySet().stream().map(String::valueOf).toList());
    try (PreparedStatement st = c.prepareStatement("SELECT conversation_num, event FROM entries WHERE kind = 'assigned' AND conversation_num IN (" + nums
        + ") ORDER BY conversation_num, seq"); ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        List<String> names = found.get(rs.getLong(1)).agents();
        String name = new JsonObject(rs.getString(2)).getString("agentName");
        if (name != null && !names.contains(name)) names.add(name);
      }
    }
    return found.values().stream().map(r -> new EarlierRecord(r.id, r.channel, r.opened, r.resolved, r.disposition, r.category, r.tags, r.agents)).toList();
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) return List.of();
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) array.getArray()) out.add(String.valueOf(o));
    return out;
  }

  private record Row(ConversationId id, Channel channel, java.time.Instant opened, Optional<java.time.Instant> resolved, Optional<String> disposition,
      Optional<String> category, List<String> tags, List<String> agents) {}
}
