package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.ConsentChange;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpChannel;
import org.accessline.gateway.followup.FollowUpState;
import org.accessline.gateway.followup.Owner;
import org.accessline.gateway.store.FollowUps;

import static org.accessline.transcripts.postgres.PostgresInteractionStore.onCaller;
import static org.accessline.transcripts.postgres.PostgresInteractionStore.time;

/** Follow-ups and the consent ledger in PostgreSQL, beside the records. */
final class PgFollowUps implements FollowUps {
  private static final String COLUMNS = "id, origin, contact_channel, contact, via, owner, due, note, state, attempts, last_outcome, next_attempt_at, conversation_id,"
      + " created_at, created_by, updated_at";
  private static final String PENDING = "state IN ('scheduled', 'in-progress')";
  /** Read at each call: the store makes its pool when it starts, and these are handed out before that. */
  private final java.util.function.Supplier<Pool> pool;

  PgFollowUps(java.util.function.Supplier<Pool> pool) {
    this.pool = pool;
  }

  @Override
  public Future<Boolean> create(FollowUp f) {
    Tuple args = Tuple.wrap(new ArrayList<>(Arrays.asList(f.id(), f.origin().value(), f.contact().map(ct -> ct.channel().name()).orElse(null),
        f.contact().map(Contact::address).orElse(null), f.channel().wireName(), f.owner().wire(), time(f.due()), f.note(), f.state().wireName(), f.attempts(),
        f.lastOutcome().orElse(null), time(f.nextAttemptAt()), f.conversation().map(ConversationId::value).orElse(null), time(f.createdAt()), f.createdBy(),
        time(f.updatedAt()))));
    return onCaller(() -> pool.get().preparedQuery("INSERT INTO follow_ups (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
        + " ON CONFLICT (id) DO NOTHING").execute(args).map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<Optional<FollowUp>> find(String id) {
    return onCaller(() -> pool.get().preparedQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE id = $1").execute(Tuple.of(id)).map(rows -> rows(rows).stream().findFirst()));
  }

  @Override
  public Future<Boolean> update(FollowUp f, FollowUpState expected) {
    Tuple args = Tuple.wrap(new ArrayList<>(Arrays.asList(f.state().wireName(), f.attempts(), f.lastOutcome().orElse(null), time(f.nextAttemptAt()),
        f.conversation().map(ConversationId::value).orElse(null), time(f.updatedAt()), f.id(), expected.wireName())));
    return onCaller(() -> pool.get().preparedQuery("UPDATE follow_ups SET state = $1, attempts = $2, last_outcome = $3, next_attempt_at = $4, conversation_id = $5,"
        + " updated_at = $6 WHERE id = $7 AND state = $8").execute(args).map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<Boolean> claimNotice(String followUpId, String phase, Instant due, String node, Instant at) {
    return onCaller(() -> pool.get().preparedQuery("INSERT INTO follow_up_notices (follow_up_id, phase, due, claimed_by, claimed_at) VALUES ($1, $2, $3, $4, $5)"
        + " ON CONFLICT DO NOTHING").execute(Tuple.of(followUpId, phase, time(due), node, time(at))).map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<List<FollowUp>> pending() {
    return onCaller(() -> pool.get().preparedQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE " + PENDING + " ORDER BY next_attempt_at, id").execute()
        .map(PgFollowUps::rows));
  }

  @Override
  public Future<List<FollowUp>> pendingFor(List<Owner> owners) {
    if (owners.isEmpty()) return Future.succeededFuture(List.of());
    String[] wires = owners.stream().map(Owner::wire).toArray(String[]::new);
    return onCaller(() -> pool.get().preparedQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE " + PENDING + " AND owner = ANY($1) ORDER BY next_attempt_at, id")
        .execute(Tuple.of(wires)).map(PgFollowUps::rows));
  }

  @Override
  public Future<List<FollowUp>> ofRecord(ConversationId origin) {
    return onCaller(() -> pool.get().preparedQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE origin = $1 ORDER BY created_at DESC, id").execute(Tuple.of(origin.value()))
        .map(PgFollowUps::rows));
  }

  @Override
  public Future<Counts> count(Instant from, Instant to, Optional<Owner> owner, Duration overdueAfter, Instant asOf) {
    String byOwner = owner.isPresent() ? " AND owner = $3" : "";
    Tuple args = Tuple.of(time(from), time(to));
    owner.ifPresent(o -> args.addString(o.wire()));
    // Overdue as Counts.overdue defines it, counted by the database: due plus the grace passed by asOf, and not done within it.
    String overdueByOwner = owner.isPresent() ? " AND owner = $5" : "";
    Tuple overdueArgs = Tuple.of(time(from), time(to), time(asOf.minus(overdueAfter)), (double) overdueAfter.toMillis());
    owner.ifPresent(o -> overdueArgs.addString(o.wire()));
    return onCaller(() -> pool.get().preparedQuery("SELECT COUNT(*) FROM follow_ups WHERE state = 'done' AND updated_at >= $1 AND updated_at < $2" + byOwner).execute(args)
        .compose(done -> pool.get().preparedQuery("SELECT COUNT(*) FROM follow_ups WHERE due >= $1 AND due < $2 AND due < $3"
                + " AND NOT (state = 'done' AND updated_at <= due + $4::float8 * INTERVAL '1 millisecond')" + overdueByOwner).execute(overdueArgs)
            .map(overdue -> new Counts(done.iterator().next().getLong(0), overdue.iterator().next().getLong(0)))));
  }

  @Override
  public Future<Void> recordConsent(ConsentChange c) {
    Tuple args = Tuple.wrap(new ArrayList<>(Arrays.asList(c.contact().channel().name(), c.contact().address(), c.granted(), time(c.at()), c.by(),
        c.conversation().map(ConversationId::value).orElse(null), c.how())));
    return onCaller(() -> pool.get().preparedQuery("INSERT INTO consent_ledger (channel, contact, granted, at, by_whom, conversation_id, how) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .execute(args).mapEmpty());
  }

  @Override
  public Future<Optional<ConsentChange>> latestConsent(Contact contact) {
    return ledger(contact, " ORDER BY num DESC LIMIT 1").map(all -> all.stream().findFirst());
  }

  @Override
  public Future<List<ConsentChange>> consentHistory(Contact contact) {
    return ledger(contact, " ORDER BY num");
  }

  private Future<List<ConsentChange>> ledger(Contact contact, String order) {
    return onCaller(() -> pool.get().preparedQuery("SELECT granted, at, by_whom, conversation_id, how FROM consent_ledger WHERE channel = $1 AND contact = $2" + order)
        .execute(Tuple.of(contact.channel().name(), contact.address())).map(rows -> {
          List<ConsentChange> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new ConsentChange(contact, r.getBoolean(0), r.getOffsetDateTime(1).toInstant(), r.getString(2),
                Optional.ofNullable(r.getString(3)).map(ConversationId::new), r.getString(4)));
          }
          return out;
        }));
  }

  private static List<FollowUp> rows(RowSet<Row> rows) {
    List<FollowUp> out = new ArrayList<>();
    for (Row r : rows) {
      Optional<Contact> contact = Optional.ofNullable(r.getString(2)).map(ch -> new Contact(new Channel(ch), r.getString(3)));
      out.add(new FollowUp(r.getString(0), new ConversationId(r.getString(1)), contact, FollowUpChannel.parse(r.getString(4)).orElseThrow(),
          Owner.parse(r.getString(5)).orElseThrow(), r.getOffsetDateTime(6).toInstant(), r.getString(7), FollowUpState.parse(r.getString(8)).orElseThrow(),
          r.getInteger(9), Optional.ofNullable(r.getString(10)), r.getOffsetDateTime(11).toInstant(), Optional.ofNullable(r.getString(12)).map(ConversationId::new),
          r.getOffsetDateTime(13).toInstant(), r.getString(14), r.getOffsetDateTime(15).toInstant()));
    }
    return out;
  }
}
