package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;
import org.accessline.transcripts.seal.SealKey;

/**
 * Entries to insert, gathered column by column so any number of them go in as one statement over
 * arrays: PostgreSQL then plans and runs one insert, not one per row.
 */
final class EntryRows {
  private static final String INSERT = "INSERT INTO entries (conversation_num, seq, at, actor_role, actor_id, actor_name, kind, event, dedupe_key, hash, text)"
      + " SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::text[],"
      + " $9::varchar[], $10::text[], $11::text[])";

  private final List<Long> nums = new ArrayList<>();
  private final List<Long> seqs = new ArrayList<>();
  private final List<OffsetDateTime> ats = new ArrayList<>();
  private final List<String> roles = new ArrayList<>();
  private final List<String> actorIds = new ArrayList<>();
  private final List<String> actorNames = new ArrayList<>();
  private final List<String> kinds = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final List<String> dedupeKeys = new ArrayList<>();
  private final List<String> hashes = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  /** Each conversation's last entry among these rows: its new head, to seal. */
  private final java.util.Map<Long, Entry> lastOf = new java.util.LinkedHashMap<>();
  private final java.util.Map<Long, String> lastHashOf = new java.util.HashMap<>();

  void add(long num, Entry e, String hash) {
    nums.add(num);
    seqs.add(e.seq());
    ats.add(PostgresInteractionStore.time(e.at()));
    roles.add(e.actor().role().name().toLowerCase(Locale.ROOT));
    actorIds.add(e.actor().id());
    actorNames.add(e.actor().displayName());
    kinds.add(e.event().kind());
    events.add(e.event().toJson().encode());
    dedupeKeys.add(e.dedupeKey().orElse(null));
    hashes.add(hash);
    texts.add(e.event() instanceof ConversationEvent.MessagePosted m ? m.text() : null);
    lastOf.put(num, e);
    lastHashOf.put(num, hash);
  }

  /**
   * Seals each conversation's new head in the same transaction. One primary-key update per
   * conversation, sent as one batch: a join over arrays could be planned as a scan of every record.
   */
  Future<Void> sealHeads(SqlConnection c, SealKey key) {
    List<Tuple> heads = new ArrayList<>(lastOf.size());
    lastOf.forEach((num, e) -> heads.add(Tuple.of(e.seq(), lastHashOf.get(num), key.sealHead(e.conversationId().value(), e.seq(), lastHashOf.get(num)), num)));
    return c.preparedQuery(SEAL_HEAD).executeBatch(heads).mapEmpty();
  }

  static final String SEAL_HEAD = "UPDATE conversations SET head_seq = $1, head_hash = $2, head_seal = $3 WHERE num = $4";

  Future<Void> insert(SqlConnection c) {
    return c.preparedQuery(INSERT).execute(Tuple.of(nums.toArray(Long[]::new), seqs.toArray(Long[]::new), ats.toArray(OffsetDateTime[]::new),
        roles.toArray(String[]::new), actorIds.toArray(String[]::new), actorNames.toArray(String[]::new), kinds.toArray(String[]::new),
        events.toArray(String[]::new)).addValue(dedupeKeys.toArray(String[]::new)).addValue(hashes.toArray(String[]::new))
        .addValue(texts.toArray(String[]::new))).mapEmpty();
  }
}
