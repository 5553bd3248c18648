package org.accessline.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accessline.gateway.conversation.AgentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentDirectoryTest {
  @TempDir Path data;

  @Test
  void theFirstStartCreatesADemoAgentOnceAndStoresOnlyItsHash() throws Exception {
    AgentDirectory first = new AgentDirectory(List.of());
    List<AgentDirectory.DemoAccount> made = first.load(data, 4);
    assertEquals(List.of("demo", "demo-supervisor"), made.stream().map(d -> d.account().username().value()).toList(), "a demo agent and a demo supervisor");
    assertFalse(made.get(0).account().supervisor());
    assertTrue(made.get(1).account().supervisor());
    assertTrue(PasswordHasher.verify(made.get(1).password().toCharArray(), first.find(new AgentId("demo-supervisor")).orElseThrow().passwordHash()));
    AgentDirectory.DemoAccount demo = made.get(0);
    assertTrue(PasswordHasher.verify(demo.password().toCharArray(), first.find(new AgentId("demo")).orElseThrow().passwordHash()));
    assertFalse(Files.readString(data.resolve(AgentDirectory.DEMO_FILE)).contains(demo.password()));

    AgentDirectory second = new AgentDirectory(List.of());
    assertTrue(second.load(data, 4).isEmpty(), "not created or printed again");
    assertEquals(demo.account().passwordHash(), second.find(new AgentId("demo")).orElseThrow().passwordHash());
  }

  @Test
  void aDataDirectoryWithOnlyTheDemoAgentGainsTheDemoSupervisorOnceAndKeepsTheAgent() throws Exception {
    AgentAccount old = new AgentAccount(new AgentId("demo"), "Demo Agent", PasswordHasher.hash("old".toCharArray(), 1_000), 4);
    Files.writeString(data.resolve(AgentDirectory.DEMO_FILE), new io.vertx.core.json.JsonArray().add(old.toJson()).encode());
    AgentDirectory directory = new AgentDirectory(List.of());
    List<AgentDirectory.DemoAccount> made = directory.load(data, 4);
    assertEquals(List.of("demo-supervisor"), made.stream().map(d -> d.account().username().value()).toList());
    assertEquals(old.passwordHash(), directory.find(new AgentId("demo")).orElseThrow().passwordHash(), "the agent's password is kept");
    assertTrue(new AgentDirectory(List.of()).load(data, 4).isEmpty(), "printed once");
    assertTrue(directory.onlyDemo(), "still only demo accounts: the gateway keeps to loopback");
  }

  @Test
  void configuredAgentsMeanNoDemoAgent() throws Exception {
    AgentAccount maria = new AgentAccount(new AgentId("maria"), "Maria", PasswordHasher.hash("pw".toCharArray(), 1_000), 4);
    AgentDirectory directory = new AgentDirectory(List.of(maria));
    assertTrue(directory.load(data, 4).isEmpty());
    assertTrue(directory.find(new AgentId("demo")).isEmpty());
    assertFalse(Files.exists(data.resolve(AgentDirectory.DEMO_FILE)));
  }

  @Test
  void anUpgradedHashIsKeptBesideTheConfigurationUntilTheAdministratorSetsANewOne() throws Exception {
    String old = PasswordHasher.hash("pw".toCharArray(), 1_000);
    AgentAccount maria = new AgentAccount(new AgentId("maria"), "Maria", old, 4, true, java.util.Set.of("tty"));
    AgentDirectory directory = new AgentDirectory(List.of(maria));
    directory.load(data, 4);
    assertTrue(PasswordHasher.needsUpgrade(old));
    String stronger = PasswordHasher.hash("pw".toCharArray(), 2_000);
    directory.upgrade(maria.username(), old, stronger);
    AgentAccount now = directory.find(maria.username()).orElseThrow();
    assertEquals(stronger, now.passwordHash());
    assertTrue(now.supervisor(), "only the hash changes");
    directory.upgrade(maria.username(), old, PasswordHasher.hash("pw".toCharArray(), 3_000));
    assertEquals(stronger, directory.find(maria.username()).orElseThrow().passwordHash(), "a second upgrade of the same old hash is ignored");

    AgentDirectory restarted = new AgentDirectory(List.of(maria));
    restarted.load(data, 4);
    assertEquals(stronger, restarted.find(maria.username()).orElseThrow().passwordHash(), "kept across a restart");

    String reset = PasswordHasher.hash("new".toCharArray(), 1_000);
    AgentDirectory reconfigured = new AgentDirectory(List.of(new AgentAccount(maria.username(), "Maria", reset, 4)));
    reconfigured.load(data, 4);
    assertEquals(reset, reconfigured.find(maria.username()).orElseThrow().passwordHash(), "a new configured hash wins over the old upgrade");
  }

  @Test
  void theDemoAccountsUpgradeIsWrittenToItsOwnFile() throws Exception {
    AgentDirectory directory = new AgentDirectory(List.of());
    directory.load(data, 4);
    AgentAccount demo = directory.find(new AgentId("demo")).orElseThrow();
    directory.upgrade(demo.username(), demo.passwordHash(), "pbkdf2-sha256$700000$c2FsdA$aGFzaA");
    AgentDirectory restarted = new AgentDirectory(List.of());
    restarted.load(data, 4);
    assertEquals("pbkdf2-sha256$700000$c2FsdA$aGFzaA", restarted.find(demo.username()).orElseThrow().passwordHash());
    assertTrue(restarted.onlyDemo());
  }

  @Test
  void roleChangesBetweenStartsAreReported() throws Exception {
    String hash = PasswordHasher.hash("pw".toCharArray(), 1_000);
    AgentDirectory first = new AgentDirectory(List.of(new AgentAccount(new AgentId("maria"), "Maria", hash, 4), new AgentAccount(new AgentId("lee"), "Lee", hash, 4)));
    first.load(data, 4);
    assertEquals(List.of("maria: new account, agent", "lee: new account, agent"), first.roleChanges());
    AgentDirectory second = new AgentDirectory(List.of(new AgentAccount(new AgentId("maria"), "Maria", hash, 4, true, java.util.Set.of("tty"))));
    second.load(data, 4);
    assertEquals(List.of("maria: agent -> supervisor", "lee: account removed (was agent)"), second.roleChanges());
    assertEquals(List.of(), second.roleChanges(), "reported once");
  }

  @Test
  void anAccountWithAPlainPasswordIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new AgentAccount(new AgentId("lee"), "Lee", "hunter2", 4));
  }
}
