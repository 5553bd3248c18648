package org.accessline.gateway.store;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Accounts and categories in memory, guarding the last administrator as the real stores do. */
final class MemoryAdministration implements Administration {
  private final TreeMap<String, StaffAccount> accounts = new TreeMap<>();
  private List<String> categories = List.of();

  @Override
  public synchronized Future<List<StaffAccount>> accounts() {
    return Future.succeededFuture(List.copyOf(accounts.values()));
  }

  @Override
  public synchronized Future<Optional<StaffAccount>> account(String username) {
    return Future.succeededFuture(Optional.ofNullable(accounts.get(username)));
  }

  @Override
  public synchronized Future<List<StaffAccount>> seed(List<StaffAccount> given) {
    List<StaffAccount> inserted = new ArrayList<>();
    for (StaffAccount a : given) {
      if (accounts.containsKey(a.username())) continue;
      StaffAccount first = atVersion(a, 1);
      accounts.put(a.username(), first);
      inserted.add(first);
    }
    return Future.succeededFuture(inserted);
  }

  @Override
  public synchronized Future<Saved> create(StaffAccount account) {
    if (accounts.containsKey(account.username())) return Future.succeededFuture(new Saved.Taken());
    StaffAccount first = atVersion(account, 1);
    accounts.put(account.username(), first);
    return Future.succeededFuture(new Saved.Done(first));
  }

  @Override
  public synchronized Future<Saved> update(StaffAccount changed) {
    StaffAccount current = accounts.get(changed.username());
    if (current == null || current.version() != changed.version()) return Future.succeededFuture(new Saved.Stale());
    if (!Administration.leavesAnAdmin(List.copyOf(accounts.values()), changed)) return Future.succeededFuture(new Saved.LastAdmin());
    StaffAccount next = atVersion(changed, changed.version() + 1);
    accounts.put(next.username(), next);
    return Future.succeededFuture(new Saved.Done(next));
  }

  @Override
  public synchronized Future<List<String>> categories() {
    return Future.succeededFuture(categories);
  }

  @Override
  public synchronized Future<Void> replaceCategories(List<String> replacement) {
    categories = List.copyOf(replacement);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Boolean> seedCategories(List<String> seed) {
    if (!categories.isEmpty()) return Future.succeededFuture(false);
    categories = List.copyOf(seed);
    return Future.succeededFuture(true);
  }

  private static StaffAccount atVersion(StaffAccount a, long version) {
    return new StaffAccount(a.username(), a.displayName(), a.passwordHash(), a.role(), a.grants(), a.capacity(), a.skills(), a.disabled(), version,
        a.createdAt(), a.createdBy(), a.changedAt(), a.changedBy());
  }
}
