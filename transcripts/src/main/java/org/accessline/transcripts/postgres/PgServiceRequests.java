package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.ServiceRequest;
import org.accessline.gateway.store.ServiceRequests;

/** Service requests in PostgreSQL, beside the records. */
final class PgServiceRequests implements ServiceRequests {
  private static final String COLUMNS = "id, conversation_id, service_code, service_name, form, state, token, service_request_id, status, status_notes, errors,"
      + " attempts, next_attempt_at, last_problem, created_by, created_at, updated_at";
  /** Read at each call: the store makes its pool when it starts, and these are handed out before that. */
  private final java.util.function.Supplier<Pool> pool;

  PgServiceRequests(java.util.function.Supplier<Pool> pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> save(ServiceRequest r) {
    Tuple args = Tuple.wrap(new ArrayList<>(Arrays.asList(UUID.fromString(r.id()), UUID.fromString(r.conversation().value()), r.serviceCode(), r.serviceName(),
        r.form(), r.state().wireName(), r.token().orElse(null), r.serviceRequestId().orElse(null), r.status().orElse(null), r.statusNotes().orElse(null),
        r.errors(), r.attempts(), PostgresInteractionStore.time(r.nextAttemptAt()), r.lastProblem().orElse(null), r.createdBy(),
        PostgresInteractionStore.time(r.createdAt()), PostgresInteractionStore.time(r.updatedAt()))));
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("INSERT INTO service_requests (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
        + " $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT (id) DO UPDATE SET state = $6, token = $7, service_request_id = $8, status = $9,"
        + " status_notes = $10, errors = $11, attempts = $12, next_attempt_at = $13, last_problem = $14, updated_at = $17")
        .execute(args).mapEmpty());
  }

  @Override
  public Future<Boolean> replace(ServiceRequest read, ServiceRequest r) {
    Tuple args = Tuple.wrap(new ArrayList<>(Arrays.asList(r.state().wireName(), r.token().orElse(null), r.serviceRequestId().orElse(null), r.status().orElse(null),
        r.statusNotes().orElse(null), r.errors(), r.attempts(), PostgresInteractionStore.time(r.nextAttemptAt()), r.lastProblem().orElse(null),
        PostgresInteractionStore.time(r.updatedAt()), UUID.fromString(read.id()), read.state().wireName(), read.attempts(),
        PostgresInteractionStore.time(read.nextAttemptAt()), PostgresInteractionStore.time(read.updatedAt()))));
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("UPDATE service_requests SET state = $1, token = $2, service_request_id = $3, status = $4,"
        + " status_notes = $5, errors = $6, attempts = $7, next_attempt_at = $8, last_problem = $9, updated_at = $10"
        + " WHERE id = $11 AND state = $12 AND attempts = $13 AND next_attempt_at = $14 AND updated_at = $15").execute(args).map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<Optional<ServiceRequest>> find(String id) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("SELECT " + COLUMNS + " FROM service_requests WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(id))).map(rows -> rows(rows).stream().findFirst()));
  }

  @Override
  public Future<List<ServiceRequest>> forConversation(ConversationId conversation) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("SELECT " + COLUMNS + " FROM service_requests WHERE conversation_id = $1 ORDER BY created_at, id")
        .execute(Tuple.of(UUID.fromString(conversation.value()))).map(PgServiceRequests::rows));
  }

  @Override
  public Future<List<ServiceRequest>> due(Instant now, int limit) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("SELECT " + COLUMNS + " FROM service_requests WHERE state IN ('sending', 'awaiting_id', 'open')"
        + " AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2").execute(Tuple.of(PostgresInteractionStore.time(now), limit)).map(PgServiceRequests::rows));
  }

  private static List<ServiceRequest> rows(RowSet<Row> rows) {
    List<ServiceRequest> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new ServiceRequest(r.getUUID(0).toString(), new ConversationId(r.getUUID(1).toString()), r.getString(2), r.getString(3), r.getString(4),
          ServiceRequest.State.parse(r.getString(5)).orElseThrow(), Optional.ofNullable(r.getString(6)), Optional.ofNullable(r.getString(7)),
          Optional.ofNullable(r.getString(8)), Optional.ofNullable(r.getString(9)), r.getString(10), r.getInteger(11), r.getOffsetDateTime(12).toInstant(),
          Optional.ofNullable(r.getString(13)), r.getString(14), r.getOffsetDateTime(15).toInstant(), r.getOffsetDateTime(16).toInstant()));
    }
    return out;
  }
}
