package org.accessline.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.store.StaffAccount;
import org.junit.jupiter.api.Test;

class SeedPlanTest {
  private static final String HASH = "pbkdf2-sha256$1000$c2FsdA$aGFzaA";
  private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

  private static StaffAccount stored(String name, String role, String by, boolean disabled) {
    return new StaffAccount(name, name, HASH, role, Set.of(), 4, Set.of(), disabled, 3, AT, by, AT, "ada");
  }

  private static AgentAccount configured(String name, Role role) {
    return new AgentAccount(new AgentId(name), name, HASH, 4, role, Set.of(), Set.of());
  }

  @Test
  void anEmptyStoreWithNoStaffConfiguredGetsTheThreeDemoAccounts() {
    assertEquals(List.of(SeedPlan.Demo.values()), SeedPlan.decide(List.of(), List.of()).demoToCreate());
  }

  @Test
  void onceAnAdministratorMadeRealAccountsNoDemoAccountIsRecreated() {
    SeedPlan plan = SeedPlan.decide(List.of(), List.of(stored("demo-admin", "admin", StaffAccounts.FIRST_START, false), stored("maria", "agent", "demo-admin", false)));
    assertEquals(List.of(), plan.demoToCreate());
  }

  @Test
  void aDisabledDemoAccountIsNotMissingSoItIsNotRecreated() {
    SeedPlan plan = SeedPlan.decide(List.of(), List.of(stored("demo", "agent", StaffAccounts.FIRST_START, true)));
    assertEquals(List.of(SeedPlan.Demo.SUPERVISOR, SeedPlan.Demo.ADMIN), plan.demoToCreate());
  }

  @Test
  void configuredAccountsAreSeededOnlyWhereAbsentAndNeverChangeAStoredOne() {
    SeedPlan plan = SeedPlan.decide(List.of(configured("ada", Role.ADMIN), configured("maria", Role.ADMIN)),
        List.of(stored("maria", "agent", StaffAccounts.CONFIGURATION, false), stored("demo", "agent", StaffAccounts.FIRST_START, false)));
    assertEquals(List.of("ada"), plan.seed().stream().map(a -> a.username().value()).toList());
    assertEquals(1, plan.disagreements().size(), "a file cannot promote an account the database keeps: it is reported instead");
    assertEquals(List.of("demo"), plan.disable().stream().map(StaffAccount::username).toList());
    assertEquals(List.of(), plan.demoToCreate());
  }

  @Test
  void aConfiguredAccountTheDatabaseDisabledStaysDisabled() {
    SeedPlan plan = SeedPlan.decide(List.of(configured("lee", Role.AGENT)), List.of(stored("lee", "agent", StaffAccounts.CONFIGURATION, true)));
    assertEquals(List.of(), plan.seed());
    assertEquals(List.of("lee: the configuration differs (disabled in the database); the database's account is kept; change it on the admin page"),
        plan.disagreements());
  }
}
