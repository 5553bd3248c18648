package org.accessline.transcripts.embedded;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.store.Administration;
import org.accessline.gateway.store.StaffAccount;

/**
 * Accounts and categories in the embedded database. Only this process opens the file, so one lock
 * makes each account change a read-check-write that no other change can interleave with.
 */
final class EmbeddedAdministration implements Administration {
  private static final String COLUMNS = "username, display_name, password_hash, role, grants, capacity, skills, disabled, version,"
      + " created_at, created_by, changed_at, changed_by";
  private final EmbeddedInteractionStore store;
  private final Object changes = new Object();

  EmbeddedAdministration(EmbeddedInteractionStore store) {
    this.store = store;
  }

  @Override
  public Future<List<StaffAccount>> accounts() {
    return store.read(EmbeddedAdministration::all);
  }

  @Override
  public Future<Optional<StaffAccount>> account(String username) {
    return store.read(c -> one(c, username));
  }

  @Override
  public Future<List<StaffAccount>> seed(List<StaffAccount> accounts) {
    return store.write(c -> inTransaction(c, () -> {
      List<StaffAccount> inserted = new ArrayList<>();
      for (StaffAccount a : accounts) {
        if (one(c, a.username()).isPresent()) continue;
        StaffAccount first = atVersion(a, 1);
        insert(c, first);
        inserted.add(first);
      }
      return inserted;
    }));
  }

  @Override
  public Future<Saved> create(StaffAccount account) {
    return store.write(c -> inTransaction(c, () -> {
      if (one(c, account.username()).isPresent()) return new Saved.Taken();
      StaffAccount first = atVersion(account, 1);
      insert(c, first);
      return new Saved.Done(first);
    }));
  }

  @Override
  public Future<Saved> update(StaffAccount changed) {
    return store.write(c -> inTransaction(c, () -> {
      Optional<StaffAccount> current = one(c, changed.username());
      if (current.isEmpty() || current.get().version() != changed.version()) return new Saved.Stale();
      if (!Administration.leavesAnAdmin(all(c), changed)) return new Saved.LastAdmin();
      StaffAccount next = atVersion(changed, changed.version() + 1);
      try (PreparedStatement st = c.prepareStatement("UPDATE staff_accounts SET display_name = ?, password_hash = ?, role = ?, grants = ?, capacity = ?,"
          + " skills = ?, disabled = ?, version = ?, changed_at = ?, changed_by = ? WHERE username = ?")) {
        st.setString(1, next.displayName());
        st.setString(2, next.passwordHash());
        st.setString(3, next.role());
        st.setString(4, words(next.grants()));
        st.setInt(5, next.capacity());
        st.setString(6, words(next.skills()));
        st.setBoolean(7, next.disabled());
        st.setLong(8, next.version());
        st.setTimestamp(9, Timestamp.from(next.changedAt()));
        st.setString(10, next.changedBy());
        st.setString(11, next.username());
        st.executeUpdate();
      }
      return new Saved.Done(next);
    }));
  }

  @Override
  public Future<List<String>> categories() {
    return store.read(EmbeddedAdministration::categoryRows);
  }

  @Override
  public Future<Void> replaceCategories(List<String> categories) {
    return store.write(c -> inTransaction(c, () -> {
      writeCategories(c, categories);
      return null;
    }));
  }

  @Override
  public Future<Boolean> seedCategories(List<String> categories) {
    return store.write(c -> inTransaction(c, () -> {
      if (!categoryRows(c).isEmpty()) return false;
      writeCategories(c, categories);
      return true;
    }));
  }

  private interface Work<T> {
    T run() throws SQLException;
  }

  private <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
    synchronized (changes) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run();
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  private static void writeCategories(Connection c, List<String> categories) throws SQLException {
    try (var st = c.createStatement()) {
      st.executeUpdate("DELETE FROM record_categories");
    }
    try (PreparedStatement st = c.prepareStatement("INSERT INTO record_categories (position, name) VALUES (?, ?)")) {
      for (int i = 0; i < categories.size(); i++) {
        st.setInt(1, i);
        st.setString(2, categories.get(i));
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  private static List<String> categoryRows(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("SELECT name FROM record_categories ORDER BY position"); ResultSet rs = st.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  private static void insert(Connection c, StaffAccount a) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("INSERT INTO staff_accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, a.username());
      st.setString(2, a.displayName());
      st.setString(3, a.passwordHash());
      st.setString(4, a.role());
      st.setString(5, words(a.grants()));
      st.setInt(6, a.capacity());
      st.setString(7, words(a.skills()));
      st.setBoolean(8, a.disabled());
      st.setLong(9, a.version());
      st.setTimestamp(10, Timestamp.from(a.createdAt()));
      st.setString(11, a.createdBy());
      st.setTimestamp(12, Timestamp.from(a.changedAt()));
      st.setString(13, a.changedBy());
      st.executeUpdate();
    }
  }

  private static List<StaffAccount> all(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM staff_accounts ORDER BY username")) {
      return rows(st);
    }
  }

  private static Optional<StaffAccount> one(Connection c, String username) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM staff_accounts WHERE username = ?")) {
      st.setString(1, username);
      return rows(st).stream().findFirst();
    }
  }

  private static List<StaffAccount> rows(PreparedStatement st) throws SQLException {
    List<StaffAccount> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(new StaffAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), wordSet(rs.getString(5)), rs.getInt(6),
            wordSet(rs.getString(7)), rs.getBoolean(8), rs.getLong(9), rs.getTimestamp(10).toInstant(), rs.getString(11),
            rs.getTimestamp(12).toInstant(), rs.getString(13)));
      }
    }
    return out;
  }

  static String words(Set<String> words) {
    return String.join(",", words.stream().sorted().toList());
  }

  static Set<String> wordSet(String stored) {
    return stored.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(stored.split(",")));
  }

  static StaffAccount atVersion(StaffAccount a, long version) {
    return new StaffAccount(a.username(), a.displayName(), a.passwordHash(), a.role(), a.grants(), a.capacity(), a.skills(), a.disabled(), version,
        a.createdAt(), a.createdBy(), a.changedAt(), a.changedBy());
  }
}
