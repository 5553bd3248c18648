package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.accessline.gateway.store.StaleOwnerException;

/**
 * The ownership row: which node owns the open conversations, under which epoch. A claim raises the
 * epoch under the row's lock; a fenced append reads it with a share lock in its own transaction, so
 * a claim waits for the appends already checking and every later append sees the new epoch.
 */
final class Ownership {
  /** One owner for the whole stream: a single row. */
  private static final String SCOPE = "stream";

  private Ownership() {}

  static Future<Long> claim(Pool pool, String node) {
    return pool.withTransaction(c -> c.preparedQuery("INSERT INTO stream_ownership (scope, node, epoch, claimed_at) VALUES ($1, $2, 1, now())"
            + " ON CONFLICT (scope) DO UPDATE SET node = EXCLUDED.node, epoch = stream_ownership.epoch + 1, claimed_at = now() RETURNING epoch")
        .execute(Tuple.of(SCOPE, node)).map(rows -> rows.iterator().next().getLong(0)));
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
