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
    AgentDirectory.DemoAccount demo = first.load(data, 4).orElseThrow();
    assertTrue(PasswordHasher.verify(demo.password().toCharArray(), first.find(new AgentId("demo")).orElseThrow().passwordHash()));
    assertFalse(Files.readString(data.resolve(AgentDirectory.DEMO_FILE)).contains(demo.password()));

    AgentDirectory second = new AgentDirectory(List.of());
    assertTrue(second.load(data, 4).isEmpty(), "not created or printed again");
    assertEquals(demo.account().passwordHash(), second.find(new AgentId("demo")).orElseThrow().passwordHash());
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
  void anAccountWithAPlainPasswordIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new AgentAccount(new AgentId("lee"), "Lee", "hunter2", 4));
  }
}
