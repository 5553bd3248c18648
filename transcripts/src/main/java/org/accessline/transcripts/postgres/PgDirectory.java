package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.accessline.gateway.directory.Directory;
import org.accessline.transcripts.directory.Row;
import org.accessline.transcripts.directory.Sql;
import org.accessline.transcripts.directory.SqlDirectory;
import org.accessline.transcripts.directory.SqlRunner;

/** The directory in PostgreSQL, beside the records. */
final class PgDirectory implements SqlRunner {
  /** PostgreSQL's SQL state for a row naming a parent that does not exist. */
  private static final String NO_PARENT = "23503";
  private final Supplier<Pool> pool;

  private PgDirectory(Supplier<Pool> pool) {
    this.pool = pool;
  }

  static Directory of(Supplier<Pool> pool) {
    return new SqlDirectory(new PgDirectory(pool), Sql.Dialect.POSTGRES);
  }

  @Override
  public Future<List<Row>> query(Sql sql) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery(sql.text()).execute(Tuple.wrap(new ArrayList<>(sql.args()))).map(rows -> {
      List<Row> out = new ArrayList<>();
      for (io.vertx.sqlclient.Row r : rows) {
        Object[] values = new Object[r.size()];
        for (int i = 0; i < values.length; i++) values[i] = r.getValue(i);
        out.add(new Row(values));
      }
      return out;
    }));
  }

  @Override
  public Future<Void> transaction(List<Sql> statements) {
    return PostgresInteractionStore.onCaller(() -> pool.get().withTransaction(c -> run(c, statements))
        .recover(e -> e instanceof PgException pg && NO_PARENT.equals(pg.getSqlState()) ? Future.failedFuture(new Directory.UnknownAgency("?"))
            : Future.failedFuture(e)));
  }

  /** Runs the statements in order, batching each run of the same statement. */
  private static Future<Void> run(SqlConnection c, List<Sql> statements) {
    Future<Void> done = Future.succeededFuture();
    int i = 0;
    while (i < statements.size()) {
      String text = statements.get(i).text();
      List<Tuple> batch = new ArrayList<>();
      int j = i;
      while (j < statements.size() && statements.get(j).text().equals(text)) {
        batch.add(Tuple.wrap(new ArrayList<>(statements.get(j).args())));
        j++;
      }
      done = done.compose(v -> c.preparedQuery(text).executeBatch(batch).mapEmpty());
      i = j;
    }
    return done;
  }
}
