package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.function.Supplier;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.store.Administration;
import org.accessline.gateway.store.StaffAccount;

/**
 * Accounts and categories in PostgreSQL. Every change takes one transaction-scoped advisory lock
 * first, so changes made on different nodes at once run one after another and each sees the last:
 * two administrators demoting each other cannot both pass the last-administrator check.
 */
final class PgAdministration implements Administration {
  private static final String COLUMNS = "username, display_name, password_hash, role, grants, capacity, skills, disabled, version,"
      + " created_at, created_by, changed_at, changed_by";
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.staff_accounts'))";
  /** Read when used: the store hands these out before it has started and made its pool. */
  private final Supplier<Pool> pool;

  PgAdministration(Supplier<Pool> pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<StaffAccount>> accounts() {
    return PostgresInteractionStore.onCaller(() -> pool.get().query("SELECT " + COLUMNS + " FROM staff_accounts ORDER BY username").execute().map(PgAdministration::rows));
  }

  @Override
  public Future<Optional<StaffAccount>> account(String username) {
    return PostgresInteractionStore.onCaller(() -> one(pool.get(), username));
  }

  @Override
  public Future<List<StaffAccount>> seed(List<StaffAccount> accounts) {
    return locked(c -> {
      List<StaffAccount> inserted = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (StaffAccount a : accounts) {
        StaffAccount first = atVersion(a, 1);
        chain = chain.compose(v -> c.preparedQuery("INSERT INTO staff_accounts (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
            + " ON CONFLICT (username) DO NOTHING").execute(values(first)).map(r -> {
              if (r.rowCount() > 0) inserted.add(first);
              return null;
            }));
      }
      return chain.map(v -> inserted);
    });
  }

  @Override
  public Future<Saved> create(StaffAccount account) {
    StaffAccount first = atVersion(account, 1);
    return locked(c -> c.preparedQuery("INSERT INTO staff_accounts (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
        + " ON CONFLICT (username) DO NOTHING").execute(values(first)).map(r -> r.rowCount() > 0 ? new Saved.Done(first) : new Saved.Taken()));
  }

  @Override
  public Future<Saved> update(StaffAccount changed) {
    StaffAccount next = atVersion(changed, changed.version() + 1);
    return locked(c -> c.query("SELECT " + COLUMNS + " FROM staff_accounts").execute().map(PgAdministration::rows).compose(all -> {
      Optional<StaffAccount> current = all.stream().filter(a -> a.username().equals(changed.username())).findFirst();
      if (current.isEmpty() || current.get().version() != changed.version()) return Future.succeededFuture(new Saved.Stale());
      if (!Administration.leavesAnAdmin(all, changed)) return Future.succeededFuture(new Saved.LastAdmin());
      return c.preparedQuery("UPDATE staff_accounts SET display_name = $2, password_hash = $3, role = $4, grants = $5, capacity = $6, skills = $7,"
          + " disabled = $8, version = $9, changed_at = $10, changed_by = $11 WHERE username = $1")
          .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(next.username(), next.displayName(), next.passwordHash(), next.role(), words(next.grants()),
              next.capacity(), words(next.skills()), next.disabled(), next.version(), PostgresInteractionStore.time(next.changedAt()), next.changedBy()))))
          .map(r -> (Saved) new Saved.Done(next));
    }));
  }

  @Override
  public Future<List<String>> categories() {
    return PostgresInteractionStore.onCaller(() -> pool.get().query("SELECT name FROM record_categories ORDER BY position").execute().map(PgAdministration::names));
  }

  @Override
  public Future<Void> replaceCategories(List<String> categories) {
    return locked(c -> writeCategories(c, categories));
  }

  @Override
  public Future<Boolean> seedCategories(List<String> categories) {
    return locked(c -> c.query("SELECT name FROM record_categories").execute().compose(rows -> rows.size() > 0 ? Future.succeededFuture(false)
        : writeCategories(c, categories).map(true)));
  }

  private <T> Future<T> locked(java.util.function.Function<SqlConnection, Future<T>> work) {
    return PostgresInteractionStore.onCaller(() -> pool.get().withTransaction(c -> c.query(LOCK).execute().compose(v -> work.apply(c))));
  }

  private static Future<Void> writeCategories(SqlConnection c, List<String> categories) {
    List<Tuple> rows = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) rows.add(Tuple.of(i, categories.get(i)));
    Future<Void> deleted = c.query("DELETE FROM record_categories").execute().mapEmpty();
    return rows.isEmpty() ? deleted
        : deleted.compose(v -> c.preparedQuery("INSERT INTO record_categories (position, name) VALUES ($1, $2)").executeBatch(rows).mapEmpty());
  }

  private static Future<Optional<StaffAccount>> one(Pool pool, String username) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM staff_accounts WHERE username = $1").execute(Tuple.of(username))
        .map(rows -> rows(rows).stream().findFirst());
  }

  private static Tuple values(StaffAccount a) {
    return Tuple.wrap(new ArrayList<>(Arrays.asList(a.username(), a.displayName(), a.passwordHash(), a.role(), words(a.grants()), a.capacity(),
        words(a.skills()), a.disabled(), a.version(), PostgresInteractionStore.time(a.createdAt()), a.createdBy(),
        PostgresInteractionStore.time(a.changedAt()), a.changedBy())));
  }

  private static List<String> names(RowSet<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) out.add(r.getString(0));
    return out;
  }

  private static List<StaffAccount> rows(RowSet<Row> rows) {
    List<StaffAccount> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new StaffAccount(r.getString(0), r.getString(1), r.getString(2), r.getString(3), wordSet(r.getString(4)), r.getInteger(5),
          wordSet(r.getString(6)), r.getBoolean(7), r.getLong(8), r.getOffsetDateTime(9).toInstant(), r.getString(10),
          r.getOffsetDateTime(11).toInstant(), r.getString(12)));
    }
    out.sort(java.util.Comparator.comparing(StaffAccount::username));
    return out;
  }

  private static String words(Set<String> words) {
    return String.join(",", words.stream().sorted().toList());
  }

  private static Set<String> wordSet(String stored) {
    return stored.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(stored.split(",")));
  }

  private static StaffAccount atVersion(StaffAccount a, long version) {
    return new StaffAccount(a.username(), a.displayName(), a.passwordHash(), a.role(), a.grants(), a.capacity(), a.skills(), a.disabled(), version,
        a.createdAt(), a.createdBy(), a.changedAt(), a.changedBy());
  }
}
