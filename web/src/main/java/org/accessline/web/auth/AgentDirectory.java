package org.accessline.web.auth;

import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;

/**
 * The staff accounts: those in the configuration, plus a demo account that the first start creates
 * in the data directory when none are configured, so a new installation can be tried at once.
 */
public final class AgentDirectory {
  static final String DEMO_FILE = "agents.json";
  private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  private final Map<AgentId, AgentAccount> accounts = new LinkedHashMap<>();

  public AgentDirectory(List<AgentAccount> configured) {
    configured.forEach(a -> accounts.put(a.username(), a));
  }

  public Optional<AgentAccount> find(AgentId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  /** Every account, in the order configured. */
  public List<AgentAccount> all() {
    return List.copyOf(accounts.values());
  }

  /** The demo account created at first start: its password, shown once and never stored in clear. */
  public record DemoAccount(AgentAccount account, String password) {}

  /**
   * With no configured accounts, loads the demo account from the data directory, creating it the
   * first time. Returns the new account and password only when it was just created.
   */
  public Optional<DemoAccount> ensureDemoAccount(Path dataDir, int capacity) throws IOException {
    if (!accounts.isEmpty()) return Optional.empty();
    Path file = dataDir.resolve(DEMO_FILE);
    if (Files.exists(file)) {
      JsonArray stored = new JsonArray(Files.readString(file, StandardCharsets.UTF_8));
      for (int i = 0; i < stored.size(); i++) {
        AgentAccount account = AgentAccount.fromJson(stored.getJsonObject(i), capacity);
        accounts.put(account.username(), account);
      }
      return Optional.empty();
    }
    String password = randomPassword();
    AgentAccount demo = new AgentAccount(new AgentId("demo"), "Demo Agent", PasswordHasher.hash(password.toCharArray()), capacity);
    Files.createDirectories(dataDir);
    Files.writeString(file, new JsonArray().add(demo.toJson()).encodePrettily(), StandardCharsets.UTF_8);
    accounts.put(demo.username(), demo);
    return Optional.of(new DemoAccount(demo, password));
  }

  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) out.append('-');
      out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return out.toString();
  }
}
