package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;

/** The referral rows reports count, written in the same transaction as their entries. */
final class PgReferrals {
  private static final String INSERT = "INSERT INTO referrals (conversation_num, seq, referred_at, agency_id, agency_name, service_id, service_name)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7)";

  private PgReferrals() {}

  static void collect(long num, Entry e, List<Tuple> rows) {
    if (e.event() instanceof ConversationEvent.Referred r) {
      rows.add(Tuple.of(num, e.seq(), PostgresInteractionStore.time(e.at()), r.agencyId(), r.agencyName(), r.serviceId(), r.serviceName()));
    }
  }

  static Future<Void> insert(SqlConnection c, List<Tuple> rows) {
    return rows.isEmpty() ? Future.succeededFuture() : c.preparedQuery(INSERT).executeBatch(rows).mapEmpty();
  }
}
