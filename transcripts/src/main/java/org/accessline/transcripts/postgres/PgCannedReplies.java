package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.util.function.Supplier;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.accessline.gateway.store.CannedReplies;
import org.accessline.gateway.store.CannedReply;

/** Canned replies in PostgreSQL, beside the records. */
final class PgCannedReplies implements CannedReplies {
  private static final String COLUMNS = "id, scope, owner, title, shortcut, text, tty_text, updated_at, updated_by";
  /** PostgreSQL's SQL state for a unique key broken. */
  private static final String DUPLICATE_KEY = "23505";
  /** Read when used: the store hands these out before it has started and made its pool. */
  private final Supplier<Pool> pool;

  PgCannedReplies(Supplier<Pool> pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<CannedReply>> visibleTo(String agent) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("SELECT " + COLUMNS + " FROM canned_replies WHERE owner = '' OR owner = $1 ORDER BY lower(title), id")
        .execute(Tuple.of(agent)).map(PgCannedReplies::rows));
  }

  @Override
  public Future<Optional<CannedReply>> find(String id) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("SELECT " + COLUMNS + " FROM canned_replies WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(id))).map(rows -> rows(rows).stream().findFirst()));
  }

  @Override
  public Future<Void> save(CannedReply r) {
    Tuple args = Tuple.wrap(new ArrayList<>(java.util.Arrays.asList(UUID.fromString(r.id()), r.scope().wireName(), r.owner().orElse(""), r.title(), r.shortcut(),
        r.text(), r.ttyText().orElse(null), PostgresInteractionStore.time(r.updatedAt()), r.updatedBy())));
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("INSERT INTO canned_replies (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        + " ON CONFLICT (id) DO UPDATE SET title = $4, shortcut = $5, text = $6, tty_text = $7, updated_at = $8, updated_by = $9")
        .execute(args).<Void>mapEmpty().recover(e -> e instanceof PgException pg && DUPLICATE_KEY.equals(pg.getSqlState())
            ? Future.failedFuture(new ShortcutTaken(r.shortcut())) : Future.failedFuture(e)));
  }

  @Override
  public Future<Boolean> delete(String id) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("DELETE FROM canned_replies WHERE id = $1").execute(Tuple.of(UUID.fromString(id)))
        .map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<Integer> countOwnedBy(String agent) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("SELECT COUNT(*) FROM canned_replies WHERE owner = $1").execute(Tuple.of(agent))
        .map(rows -> rows.iterator().next().getLong(0).intValue()));
  }

  private static List<CannedReply> rows(RowSet<Row> rows) {
    List<CannedReply> out = new ArrayList<>();
    for (Row r : rows) {
      CannedReply.Scope scope = CannedReply.Scope.parse(r.getString(1)).orElseThrow();
      out.add(new CannedReply(r.getUUID(0).toString(), scope, scope == CannedReply.Scope.SHARED ? Optional.empty() : Optional.of(r.getString(2)),
          r.getString(3), r.getString(4), r.getString(5), Optional.ofNullable(r.getString(6)), r.getOffsetDateTime(7).toInstant(), r.getString(8)));
    }
    return out;
  }
}
