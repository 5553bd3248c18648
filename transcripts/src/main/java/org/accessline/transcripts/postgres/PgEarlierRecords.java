package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
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
final class PgEarlierRecords {
  private PgEarlierRecords() {}

  static Future<List<EarlierRecord>> find(Pool pool, List<Contact> contacts, int limit) {
    if (contacts.isEmpty() || limit <= 0) return Future.succeededFuture(List.of());
    List<String> channels = contacts.stream().map(c -> c.channel().name()).toList();
    List<String> addresses = contacts.stream().map(Contact::address).toList();
    String sql = "SELECT c.num, c.id, c.channel, c.opened_at, c.resolved_at, c.disposition, c.category, c.tags,"
        + " ARRAY(SELECT a.event::json->>'agentName' FROM entries a WHERE a.conversation_num = c.num AND a.kind = 'assigned' ORDER BY a.seq)"
        + " FROM conversations c JOIN unnest($1::text[], $2::text[]) AS k(channel, contact) ON c.channel = k.channel AND c.contact = k.contact"
        + " ORDER BY c.opened_at DESC, c.num DESC LIMIT $3";
    return pool.preparedQuery(sql).execute(Tuple.of(channels.toArray(new String[0]), addresses.toArray(new String[0]), limit)).map(rows -> {
      Map<Long, EarlierRecord> out = new LinkedHashMap<>();
      for (Row r : rows) {
        List<String> agents = new ArrayList<>();
        for (String name : r.getArrayOfStrings(8)) if (name != null && !agents.contains(name)) agents.add(name);
        out.put(r.getLong(0), new EarlierRecord(new ConversationId(r.getUUID(1).toString()), new Channel(r.getString(2)), r.getOffsetDateTime(3).toInstant(),
            Optional.ofNullable(r.getOffsetDateTime(4)).map(OffsetDateTime::toInstant), Optional.ofNullable(r.getString(5)), Optional.ofNullable(r.getString(6)),
            r.getArrayOfStrings(7) == null ? List.of() : List.of(r.getArrayOfStrings(7)), agents));
      }
      return List.copyOf(out.values());
    });
  }
}
