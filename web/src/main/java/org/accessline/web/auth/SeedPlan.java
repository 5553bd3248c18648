package org.accessline.web.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.accessline.gateway.store.StaffAccount;

/**
 * What a start does with the configured accounts, given those already in the store. The store is the
 * record once an account is in it: the configuration adds accounts that are not there yet and never
 * changes one that is, so an administrator's change on the admin page is not undone by a restart,
 * and a disagreement is written to the audit log instead. The demo accounts exist only while no
 * staff are configured; configuring staff disables them.
 *
 * @param seed configured accounts the store does not have yet
 * @param disagreements for each configured account the store keeps differently, what differs
 * @param disable enabled first-start demo accounts, once staff are configured
 * @param demoToCreate the demo accounts to make now (none once staff exist)
 */
public record SeedPlan(List<AgentAccount> seed, List<String> disagreements, List<StaffAccount> disable, List<Demo> demoToCreate) {
  /** One of the demo accounts a first start makes. */
  public enum Demo {
    AGENT("demo", "Demo Agent", Role.AGENT),
    SUPERVISOR("demo-supervisor", "Demo Supervisor", Role.SUPERVISOR),
    ADMIN("demo-admin", "Demo Administrator", Role.ADMIN);

    public final String username;
    public final String displayName;
    public final Role role;

    Demo(String username, String displayName, Role role) {
      this.username = username;
      this.displayName = displayName;
      this.role = role;
    }
  }

  public static SeedPlan decide(List<AgentAccount> configured, List<StaffAccount> stored) {
    Map<String, StaffAccount> byName = stored.stream().collect(Collectors.toMap(StaffAccount::username, Function.identity()));
    if (!configured.isEmpty()) {
      List<AgentAccount> seed = new ArrayList<>();
      List<String> disagreements = new ArrayList<>();
      for (AgentAccount a : configured) {
        StaffAccount kept = byName.get(a.username().value());
        if (kept == null) seed.add(a);
        else differences(a, kept).ifPresent(disagreements::add);
      }
      List<StaffAccount> disable = stored.stream().filter(s -> !s.disabled() && StaffAccounts.FIRST_START.equals(s.createdBy())).toList();
      return new SeedPlan(seed, disagreements, disable, List.of());
    }
    boolean onlyDemo = stored.stream().allMatch(s -> StaffAccounts.FIRST_START.equals(s.createdBy()));
    List<Demo> missing = !onlyDemo ? List.of() : java.util.Arrays.stream(Demo.values()).filter(d -> !byName.containsKey(d.username)).toList();
    return new SeedPlan(List.of(), List.of(), List.of(), missing);
  }

  private static Optional<String> differences(AgentAccount configured, StaffAccount kept) {
    AgentAccount k = StaffAccounts.account(kept);
    List<String> out = new ArrayList<>();
    if (configured.role() != k.role()) out.add("role " + configured.role().wireName() + " (kept " + k.role().wireName() + ")");
    if (!configured.grants().equals(k.grants())) out.add("grants");
    if (!configured.displayName().equals(k.displayName())) out.add("displayName");
    if (configured.capacity() != k.capacity()) out.add("capacity");
    if (!configured.skills().equals(k.skills())) out.add("skills");
    if (kept.disabled()) out.add("disabled in the database");
    if (out.isEmpty()) return Optional.empty();
    return Optional.of(configured.username().value() + ": the configuration differs (" + String.join(", ", out)
        + "); the database's account is kept; change it on the admin page");
  }
}
