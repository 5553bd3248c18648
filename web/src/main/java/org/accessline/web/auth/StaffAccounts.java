package org.accessline.web.auth;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.store.StaffAccount;

/** Between the store's account rows and the accounts that sign in. */
public final class StaffAccounts {
  /** Who made an account the configuration file seeded. */
  public static final String CONFIGURATION = "configuration";
  /** Who made the demo accounts of a first start with no staff configured. */
  public static final String FIRST_START = "first-start";

  private StaffAccounts() {}

  public static AgentAccount account(StaffAccount row) {
    Set<Grant> grants = new HashSet<>();
    row.grants().forEach(g -> Grant.parse(g).ifPresent(grants::add));
    return new AgentAccount(new AgentId(row.username()), row.displayName(), row.passwordHash(), row.capacity(), Role.parse(row.role()).orElse(Role.AGENT),
        grants, row.skills());
  }

  public static StaffAccount row(AgentAccount a, boolean disabled, Instant at, String by) {
    return new StaffAccount(a.username().value(), a.displayName(), a.passwordHash(), a.role().wireName(), wireGrants(a.grants()), a.capacity(), a.skills(),
        disabled, 1, at, by, at, by);
  }

  public static Set<String> wireGrants(Set<Grant> grants) {
    return grants.stream().map(Grant::wireName).collect(Collectors.toSet());
  }
}
