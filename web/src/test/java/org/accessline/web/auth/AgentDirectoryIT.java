package org.accessline.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.StaffAccount;
import org.accessline.transcripts.embedded.EmbeddedInteractionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts a start seeds into the store and loads, on the embedded store. */
class AgentDirectoryIT {
  @TempDir Path data;
  private Vertx vertx;
  private EmbeddedInteractionStore store;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    reopen();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  private void reopen() {
    if (store != null) store.close().await();
    store = new EmbeddedInteractionStore(data.resolve("db"));
    store.start().await();
  }

  private AgentDirectory started(List<AgentAccount> configured, List<AgentDirectory.DemoAccount> made) {
    AgentDirectory directory = new AgentDirectory(store::administration);
    made.addAll(directory.start(vertx, store, configured, data, 4, Clock.systemUTC()).await());
    return directory;
  }

  private List<AuditEvent> audit(String action) {
    return store.auditTrail(java.util.Optional.of("staff"), 1000).await().stream().filter(e -> e.action().equals(action)).toList();
  }

  @Test
  void theFirstStartCreatesDemoAccountsOnceAndStoresOnlyTheirHashes() {
    List<AgentDirectory.DemoAccount> made = new java.util.ArrayList<>();
    AgentDirectory first = started(List.of(), made);
    assertEquals(List.of("demo", "demo-supervisor", "demo-admin"), made.stream().map(d -> d.account().username().value()).toList());
    assertEquals(List.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN), made.stream().map(d -> d.account().role()).toList());
    for (AgentDirectory.DemoAccount d : made) {
      assertTrue(PasswordHasher.verify(d.password().toCharArray(), first.find(d.account().username()).orElseThrow().passwordHash()));
    }
    assertTrue(first.onlyDemo(), "the gateway keeps to loopback");

    reopen();
    List<AgentDirectory.DemoAccount> again = new java.util.ArrayList<>();
    AgentDirectory second = started(List.of(), again);
    assertEquals(List.of(), again, "not created or printed again");
    assertEquals(made.get(0).account().passwordHash(), second.find(new AgentId("demo")).orElseThrow().passwordHash());
  }

  @Test
  void anOlderDataDirectorysDemoAccountsAreImportedWithTheirPasswords() throws Exception {
    AgentAccount old = new AgentAccount(new AgentId("demo"), "Demo Agent", PasswordHasher.hash("pw".toCharArray(), 1_000), 4);
    Files.writeString(data.resolve(AgentDirectory.DEMO_FILE), new JsonArray().add(old.toJson()).encode());
    List<AgentDirectory.DemoAccount> made = new java.util.ArrayList<>();
    AgentDirectory directory = started(List.of(), made);
    assertEquals(List.of("demo-supervisor", "demo-admin"), made.stream().map(d -> d.account().username().value()).toList());
    assertEquals(old.passwordHash(), directory.find(new AgentId("demo")).orElseThrow().passwordHash(), "the agent's password is kept");
  }

  @Test
  void configuredStaffAreSeededOnceAndTheDatabaseWinsADisagreementOnTheRecord() {
    String hash = PasswordHasher.hash("pw".toCharArray(), 1_000);
    AgentAccount ada = new AgentAccount(new AgentId("ada"), "Ada", hash, 4, Role.ADMIN, Set.of(), Set.of());
    AgentAccount maria = new AgentAccount(new AgentId("maria"), "Maria", hash, 4);
    List<AgentDirectory.DemoAccount> made = new java.util.ArrayList<>();
    AgentDirectory first = started(List.of(ada, maria), made);
    assertEquals(List.of(), made, "no demo accounts with staff configured");
    assertFalse(first.onlyDemo());
    assertTrue(first.find(ada.username()).orElseThrow().may(Permission.ADMINISTER));
    assertEquals(2, audit("role_change").size());

    // An administrator made Maria a supervisor; the file still says agent and now gives her a grant too.
    StaffAccount row = store.administration().account("maria").await().orElseThrow();
    store.administration().update(row.changed("Maria", hash, "supervisor", Set.of(), 4, row.skills(), false, row.changedAt(), "ada")).await();
    reopen();
    AgentAccount reconfigured = new AgentAccount(new AgentId("maria"), "Maria", hash, 4, Role.AGENT, Set.of(Grant.QUALITY_REVIEWER), maria.skills());
    AgentDirectory second = started(List.of(ada, reconfigured), made);
    assertEquals(Role.SUPERVISOR, second.find(maria.username()).orElseThrow().role(), "the database's account is kept");
    assertEquals(List.of("maria: the configuration differs (role agent (kept supervisor), grants); the database's account is kept; change it on the admin page"),
        audit("config_ignored").stream().map(AuditEvent::detail).toList());
  }

  @Test
  void configuringStaffDisablesTheDemoAccounts() {
    List<AgentDirectory.DemoAccount> made = new java.util.ArrayList<>();
    started(List.of(), made);
    reopen();
    AgentAccount ada = new AgentAccount(new AgentId("ada"), "Ada", PasswordHasher.hash("pw".toCharArray(), 1_000), 4, Role.ADMIN, Set.of(), Set.of());
    AgentDirectory directory = started(List.of(ada), made);
    assertTrue(directory.find(new AgentId("demo")).isEmpty(), "a disabled account cannot sign in");
    assertFalse(directory.onlyDemo(), "so the gateway may listen on every interface");
    assertTrue(store.administration().account("demo-admin").await().orElseThrow().disabled());
    assertEquals(3, audit("account_change").size());
  }

  @Test
  void anUpgradedHashFromTheOldFileIsKeptAndANewUpgradeGoesToTheStore() throws Exception {
    String old = PasswordHasher.hash("pw".toCharArray(), 1_000);
    String stronger = PasswordHasher.hash("pw".toCharArray(), 2_000);
    Files.writeString(data.resolve(AgentDirectory.UPGRADES_FILE), new JsonObject().put("maria", new JsonObject().put("replaces", old).put("hash", stronger)).encode());
    AgentAccount maria = new AgentAccount(new AgentId("maria"), "Maria", old, 4, true, Set.of());
    AgentDirectory directory = started(List.of(maria), new java.util.ArrayList<>());
    assertEquals(stronger, directory.find(maria.username()).orElseThrow().passwordHash());

    String strongest = PasswordHasher.hash("pw".toCharArray(), 3_000);
    directory.upgrade(maria.username(), stronger, strongest).await();
    directory.upgrade(maria.username(), stronger, PasswordHasher.hash("pw".toCharArray(), 4_000)).await();
    assertEquals(strongest, directory.find(maria.username()).orElseThrow().passwordHash(), "a second upgrade of the same old hash is ignored");
    assertTrue(directory.find(maria.username()).orElseThrow().supervisor(), "only the hash changes");
  }

  @Test
  void anAccountWithAPlainPasswordIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new AgentAccount(new AgentId("lee"), "Lee", "hunter2", 4));
  }
}
