package org.accessline.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.store.Administration;
import org.accessline.gateway.store.Administration.Saved;
import org.accessline.gateway.store.StaffAccount;
import org.junit.jupiter.api.Test;

/** Staff accounts and categories, the same on every store; a store's IT implements it beside the record contract. */
public interface AdministrationStoreContract {
  Instant AT = Instant.parse("2026-11-28T10:00:00.123Z");
  String HASH = "pbkdf2-sha256$600000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

  /** The administration of the store under test. */
  Administration administration();

  /** Closes the store and opens it again on the same data. */
  void reopen();

  static StaffAccount account(String username, String role, boolean disabled) {
    return new StaffAccount(username, "Name of " + username, HASH, role, Set.of("directory-editor"), 4, Set.of("tty", "es"), disabled, 1, AT, "configuration",
        AT, "configuration");
  }

  @Test
  default void seedingAddsOnlyNewAccountsAndEverythingSurvivesReopening() {
    StaffAccount ada = account("ada", StaffAccount.ADMIN, false);
    StaffAccount bo = account("bo", "agent", false);
    assertEquals(List.of(ada, bo), administration().seed(List.of(ada, bo)).await());
    StaffAccount boAgain = new StaffAccount("bo", "Someone else", HASH, StaffAccount.ADMIN, Set.of(), 9, Set.of(), false, 1, AT, "configuration", AT, "configuration");
    assertEquals(List.of(), administration().seed(List.of(boAgain)).await(), "an existing account is never changed by seeding");
    reopen();
    assertEquals(List.of(ada, bo), administration().accounts().await());
    assertEquals(Optional.of(bo), administration().account("bo").await());
    assertEquals(Optional.empty(), administration().account("nobody").await());
  }

  @Test
  default void aCreateNeedsAFreeNameAndAnUpdateTheCurrentVersion() {
    administration().seed(List.of(account("ada", StaffAccount.ADMIN, false))).await();
    assertInstanceOf(Saved.Taken.class, administration().create(account("ada", "agent", false)).await());
    Saved created = administration().create(account("cy", "agent", false)).await();
    StaffAccount cy = ((Saved.Done) created).account();
    assertEquals(1, cy.version());

    StaffAccount promoted = cy.changed("Cy", HASH, "supervisor", Set.of(), 6, Set.of("relay"), false, AT.plusSeconds(5), "ada");
    StaffAccount saved = ((Saved.Done) administration().update(promoted).await()).account();
    assertEquals(2, saved.version());
    assertEquals(Optional.of(saved), administration().account("cy").await());
    assertEquals("ada", saved.changedBy());
    assertEquals("configuration", saved.createdBy());

    assertInstanceOf(Saved.Stale.class, administration().update(promoted).await(), "made on version 1, now 2");
    assertEquals(Optional.of(saved), administration().account("cy").await());
    assertInstanceOf(Saved.Stale.class, administration().update(account("nobody", "agent", false)).await());
  }

  @Test
  default void theLastEnabledAdministratorCannotBeDemotedOrDisabled() {
    StaffAccount ada = administration().seed(List.of(account("ada", StaffAccount.ADMIN, false), account("old", StaffAccount.ADMIN, true))).await().get(0);
    assertInstanceOf(Saved.LastAdmin.class, administration().update(ada.changed(ada.displayName(), HASH, "supervisor", Set.of(), 4, Set.of(), false, AT, "ada")).await());
    assertInstanceOf(Saved.LastAdmin.class, administration().update(ada.changed(ada.displayName(), HASH, StaffAccount.ADMIN, Set.of(), 4, Set.of(), true, AT, "ada")).await());
    assertEquals(Optional.of(ada), administration().account("ada").await(), "nothing changed");
  }

  @Test
  default void twoAdministratorsDemotingEachOtherAtOnceLeaveOne() {
    List<StaffAccount> both = administration().seed(List.of(account("ada", StaffAccount.ADMIN, false), account("bea", StaffAccount.ADMIN, false))).await();
    for (int round = 0; round < 5; round++) {
      List<StaffAccount> now = administration().accounts().await();
      List<Future<Saved>> racing = now.stream().map(a -> administration().update(a.changed(a.displayName(), HASH, "agent", Set.of(), 4, Set.of(), false, AT, "x")))
          .toList();
      Future.join(racing).await();
      long admins = administration().accounts().await().stream().filter(StaffAccount::enabledAdmin).count();
      assertEquals(1, admins, "exactly one demotion may win");
      // Make both administrators again for the next round.
      for (StaffAccount a : administration().accounts().await()) {
        if (!a.enabledAdmin()) administration().update(a.changed(a.displayName(), HASH, StaffAccount.ADMIN, Set.of(), 4, Set.of(), false, AT, "x")).await();
      }
    }
    assertEquals(2, both.size());
  }

  @Test
  default void categoriesAreSeededOnceThenReplacedWholeInOrder() {
    assertEquals(List.of(), administration().categories().await());
    assertEquals(true, administration().seedCategories(List.of("Streets", "Noise")).await());
    assertEquals(false, administration().seedCategories(List.of("Other")).await());
    administration().replaceCategories(List.of("Noise", "Parks", "Streets")).await();
    reopen();
    assertEquals(List.of("Noise", "Parks", "Streets"), administration().categories().await());
  }
}
