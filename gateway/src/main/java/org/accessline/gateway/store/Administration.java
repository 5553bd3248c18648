package org.accessline.gateway.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * What administrators keep beside the records: the staff accounts and the categories a record may
 * be filed under. Every future completes on the caller's context, and a write only once it is
 * durable. The store itself refuses a change that would leave no enabled administrator, so two
 * administrators demoting each other at once cannot both succeed.
 */
public interface Administration {

  /** Every account, enabled or not, by username. */
  Future<List<StaffAccount>> accounts();

  Future<Optional<StaffAccount>> account(String username);

  /** Inserts those whose username is free (as given, version 1); returns the ones inserted. An existing account is never changed. */
  Future<List<StaffAccount>> seed(List<StaffAccount> accounts);

  /** A new account, at version 1. */
  Future<Saved> create(StaffAccount account);

  /** Replaces the account whose version is {@code changed.version()}; the stored one gets the next version. */
  Future<Saved> update(StaffAccount changed);

  /** The categories in their order; empty until seeded. */
  Future<List<String>> categories();

  /** Replaces the whole list. */
  Future<Void> replaceCategories(List<String> categories);

  /** Sets the list only if none is stored yet; true if it did. */
  Future<Boolean> seedCategories(List<String> categories);

  /**
   * Whether {@code changed}, replacing its namesake among {@code all}, keeps an enabled administrator
   * where there was one. A change to an account that was not one never takes the last away (an
   * installation with no administrator yet still upgrades its staff's password hashes).
   */
  static boolean leavesAnAdmin(List<StaffAccount> all, StaffAccount changed) {
    boolean wasAdmin = all.stream().anyMatch(a -> a.username().equals(changed.username()) && a.enabledAdmin());
    return !wasAdmin || changed.enabledAdmin() || all.stream().anyMatch(a -> !a.username().equals(changed.username()) && a.enabledAdmin());
  }

  /** What became of a create or an update. */
  sealed interface Saved {
    record Done(StaffAccount account) implements Saved {}

    /** The username is already an account (create). */
    record Taken() implements Saved {}

    /** No such account, or it changed since the copy the change was made on (update). */
    record Stale() implements Saved {}

    /** The change would leave no enabled administrator, so nothing was changed. */
    record LastAdmin() implements Saved {}
  }
}
