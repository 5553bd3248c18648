package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;
import org.accessline.gateway.store.OwnerClaim;
import org.accessline.gateway.store.OwnerStillActiveException;
import org.accessline.gateway.store.StaleOwnerException;

/**
 * The ownership row: which node owns the open conversations, under which epoch; and its lease row:
 * which process holds it and when it last renewed. A claim raises the epoch under both rows' locks,
 * if the claim's rule lets it. A fenced append reads the epoch with a share lock in its own
 * transaction, so a claim waits for the appends already checking and every later append sees the
 * new epoch; renewing touches only the lease row, so it never waits on appends.
 */
final class Ownership {
  /** One owner for the whole stream: a single row. */
  private static final String SCOPE = "stream";

  private Ownership() {}

  /** Takes both rows under their locks and lets the claim's rule, against the database's own clock, decide. */
  static Future<Long> claim(Pool pool, OwnerClaim claim) {
    return pool.withTransaction(c -> c.preparedQuery("INSERT INTO stream_ownership (scope, node, epoch, claimed_at) VALUES ($1, $2, 0, now())"
            + " ON CONFLICT (scope) DO NOTHING").execute(Tuple.of(SCOPE, claim.node()))
        .compose(v -> c.preparedQuery("INSERT INTO stream_lease (scope, epoch) VALUES ($1, 0) ON CONFLICT (scope) DO NOTHING").execute(Tuple.of(SCOPE)))
        // Only the lease row is locked to decide: a refused claim (a node back from a pause retries) never holds up the appends reading the epoch.
        .compose(v -> c.preparedQuery("SELECT o.node, l.holder, CAST(EXTRACT(EPOCH FROM (now() - l.renewed_at)) * 1000 AS BIGINT)"
            + " FROM stream_ownership o JOIN stream_lease l ON l.scope = o.scope WHERE o.scope = $1 FOR UPDATE OF l").execute(Tuple.of(SCOPE)))
        .compose(rows -> {
          Row row = rows.iterator().next();
          Optional<String> holder = Optional.ofNullable(row.getString(1));
          Optional<Duration> silent = Optional.ofNullable(row.getLong(2)).map(ms -> Duration.ofMillis(Math.max(0, ms)));
          if (!claim.takesOverFrom(holder, silent)) return Future.failedFuture(new OwnerStillActiveException(row.getString(0), silent.orElse(Duration.ZERO)));
          return c.preparedQuery("UPDATE stream_ownership SET node = $2, epoch = epoch + 1, claimed_at = now() WHERE scope = $1 RETURNING epoch")
              .execute(Tuple.of(SCOPE, claim.node())).map(r -> r.iterator().next().getLong(0))
              .compose(epoch -> c.preparedQuery("UPDATE stream_lease SET holder = $2, epoch = $3, renewed_at = now() WHERE scope = $1")
                  .execute(Tuple.of(SCOPE, claim.holder(), epoch)).map(epoch));
        }));
  }

  static Future<Boolean> renew(Pool pool, OwnerClaim claim, long epoch) {
    return pool.preparedQuery("UPDATE stream_lease SET renewed_at = now() WHERE scope = $1 AND holder = $2 AND epoch = $3")
        .execute(Tuple.of(SCOPE, claim.holder(), epoch)).map(rows -> rows.rowCount() == 1);
  }

  static Future<Void> release(Pool pool, OwnerClaim claim, long epoch) {
    return pool.preparedQuery("UPDATE stream_lease SET holder = NULL, renewed_at = NULL WHERE scope = $1 AND holder = $2 AND epoch = $3")
        .execute(Tuple.of(SCOPE, claim.holder(), epoch)).mapEmpty();
  }

  /** Fails with {@link StaleOwnerException} unless every one of {@code epochs} is the current epoch. */
  static Future<Void> check(SqlConnection c, long... epochs) {
    return c.preparedQuery("SELECT epoch FROM stream_ownership WHERE scope = $1 FOR SHARE").execute(Tuple.of(SCOPE)).compose(rows -> {
      long current = rows.size() == 0 ? 0 : rows.iterator().next().getLong(0);
      for (long epoch : epochs) if (epoch != current) return Future.failedFuture(new StaleOwnerException(epoch, current));
      return Future.succeededFuture();
    });
  }
}
