package org.accessline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.Grant;
import org.accessline.web.auth.Permission;
import org.accessline.web.auth.Role;
import org.junit.jupiter.api.Test;

class AccountRulesTest {
  private static final String HASH = "pbkdf2-sha256$1000$c2FsdA$aGFzaA";
  private static final AgentAccount ADA = new AgentAccount(new AgentId("ada"), "Ada", HASH, 4, Role.ADMIN, Set.of(), Set.of());

  private static JsonObject edit() {
    return new JsonObject().put("displayName", "Ada").put("role", "admin").put("grants", new JsonArray()).put("capacity", 4).put("skills", new JsonArray())
        .put("disabled", false).put("version", 2);
  }

  @Test
  void rolesIncludeTheOnesBelowAndGrantsAddOnePermission() {
    AgentAccount agent = new AgentAccount(new AgentId("bo"), "Bo", HASH, 4, Role.AGENT, Set.of(Grant.DIRECTORY_EDITOR), Set.of());
    assertTrue(agent.may(Permission.EDIT_DIRECTORY));
    assertFalse(agent.may(Permission.REVIEW_QUALITY));
    assertFalse(agent.may(Permission.SUPERVISE));
    assertFalse(agent.supervisor());
    AgentAccount supervisor = new AgentAccount(new AgentId("cy"), "Cy", HASH, 4, Role.SUPERVISOR, Set.of(), Set.of());
    assertTrue(supervisor.may(Permission.SUPERVISE) && supervisor.may(Permission.EDIT_DIRECTORY) && supervisor.may(Permission.REVIEW_QUALITY));
    assertFalse(supervisor.may(Permission.ADMINISTER), "a supervisor may all but administer");
    for (Permission p : Permission.values()) assertTrue(ADA.may(p));
    assertTrue(ADA.supervisor());
  }

  @Test
  void anAdministratorCannotDisableOrDemoteThemselvesButMayAnotherAdministrator() {
    assertEquals("own_account", AccountRules.refuse(ADA, "ada", AccountRules.edit(edit().put("disabled", true)).settings()).orElseThrow().code());
    assertEquals("own_account", AccountRules.refuse(ADA, "ada", AccountRules.edit(edit().put("role", "supervisor")).settings()).orElseThrow().code());
    assertTrue(AccountRules.refuse(ADA, "ada", AccountRules.edit(edit().put("displayName", "Ada L.")).settings()).isEmpty());
    assertTrue(AccountRules.refuse(ADA, "bea", AccountRules.edit(edit().put("role", "agent").put("disabled", true)).settings()).isEmpty());
  }

  @Test
  void everyMalformedFieldIsRefusedWithNothingGuessed() {
    assertThrows(IllegalArgumentException.class, () -> AccountRules.edit(edit().put("role", "root")));
    assertThrows(IllegalArgumentException.class, () -> AccountRules.edit(edit().put("grants", new JsonArray().add("superuser"))));
    assertThrows(IllegalArgumentException.class, () -> AccountRules.edit(edit().put("capacity", 0)));
    assertThrows(IllegalArgumentException.class, () -> AccountRules.edit(edit().put("capacity", "4")));
    assertThrows(IllegalArgumentException.class, () -> AccountRules.edit(edit().put("passwordHash", HASH)), "a hash cannot be set through the API");
    JsonObject noVersion = edit();
    noVersion.remove("version");
    assertThrows(IllegalArgumentException.class, () -> AccountRules.edit(noVersion));
    assertThrows(IllegalArgumentException.class, () -> AccountRules.creation(new JsonObject().put("username", "Root User"), 4));
    assertThrows(IllegalArgumentException.class, () -> AccountRules.creation(new JsonObject().put("username", "x").put("disabled", true), 4));
    AccountRules.Creation made = AccountRules.creation(new JsonObject().put("username", "lee").put("role", "agent"), 4);
    assertEquals(new AccountRules.Settings("lee", Role.AGENT, Set.of(), 4, Set.of(), false), made.settings());
  }

  @Test
  void changingWhatAnAccountMayDoOrDisablingItEndsItsSessions() {
    AgentAccount bo = new AgentAccount(new AgentId("bo"), "Bo", HASH, 4, Role.AGENT, Set.of(), Set.of());
    assertFalse(AccountRules.endsSessions(bo, false, new AccountRules.Settings("Bo B.", Role.AGENT, Set.of(), 6, Set.of("tty"), false)));
    assertTrue(AccountRules.endsSessions(bo, false, new AccountRules.Settings("Bo", Role.SUPERVISOR, Set.of(), 4, Set.of(), false)));
    assertTrue(AccountRules.endsSessions(bo, false, new AccountRules.Settings("Bo", Role.AGENT, Set.of(Grant.DIRECTORY_EDITOR), 4, Set.of(), false)));
    assertTrue(AccountRules.endsSessions(bo, false, new AccountRules.Settings("Bo", Role.AGENT, Set.of(), 4, Set.of(), true)));
  }
}
