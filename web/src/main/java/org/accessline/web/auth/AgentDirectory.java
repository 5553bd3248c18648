package org.accessline.web.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;

/**
 * The staff accounts: those in the configuration, plus a demo account that the first start creates
 * in the data directory when none are configured, so a new installation can be tried at once.
 *
 * <p>A password hash made with fewer iterations than today's is replaced at the account's next
 * sign-in. The configuration file is the administrator's, so the stronger hash is kept beside it in
 * the data directory ({@value #UPGRADES_FILE}), naming the configured hash it replaces: if the
 * administrator later sets a new hash, the configured one wins again.
 */
public final class AgentDirectory {
  static final String DEMO_FILE = "agents.json";
  static final String UPGRADES_FILE = "password-upgrades.json";
  private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  /** Replaced whole on each change, so readers on any thread see one consistent set. */
  private volatile Map<AgentId, AgentAccount> accounts;
  private final Map<AgentId, String> configuredHashes = new LinkedHashMap<>();
  private Path dataDir;
  private boolean demo;

  public AgentDirectory(List<AgentAccount> configured) {
    Map<AgentId, AgentAccount> map = new LinkedHashMap<>();
    configured.forEach(a -> {
      map.put(a.username(), a);
      configuredHashes.put(a.username(), a.passwordHash());
    });
    accounts = map;
  }

  public Optional<AgentAccount> find(AgentId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  /** Every account, in the order configured. */
  public List<AgentAccount> all() {
    return List.copyOf(accounts.values());
  }

  /** Whether the only accounts are the demo one the first start made (nobody configured staff yet). */
  public boolean onlyDemo() {
    return demo;
  }

  /** A demo account created at this start: its password, shown once and never stored in clear. */
  public record DemoAccount(AgentAccount account, String password) {}

  static final AgentId DEMO_AGENT = new AgentId("demo");
  static final AgentId DEMO_SUPERVISOR = new AgentId("demo-supervisor");

  /**
   * Reads the data directory: with no configured accounts, loads the demo agent and demo supervisor,
   * creating whichever is missing (returned with its password only then, so a data directory made
   * when only the demo agent was created gains the supervisor at its next start); with configured
   * ones, applies the stored upgrades of their hashes.
   */
  public synchronized List<DemoAccount> load(Path dataDir, int capacity) throws IOException {
    this.dataDir = dataDir;
    if (!accounts.isEmpty()) {
      applyUpgrades();
      return List.of();
    }
    demo = true;
    Path file = dataDir.resolve(DEMO_FILE);
    Map<AgentId, AgentAccount> map = new LinkedHashMap<>();
    if (Files.exists(file)) {
      JsonArray stored = new JsonArray(Files.readString(file, StandardCharsets.UTF_8));
      for (int i = 0; i < stored.size(); i++) {
        AgentAccount account = AgentAccount.fromJson(stored.getJsonObject(i), capacity);
        map.put(account.username(), account);
      }
    }
    List<DemoAccount> created = new ArrayList<>();
    if (!map.containsKey(DEMO_AGENT)) created.add(demoAccount(DEMO_AGENT, "Demo Agent", false, capacity));
    if (!map.containsKey(DEMO_SUPERVISOR)) created.add(demoAccount(DEMO_SUPERVISOR, "Demo Supervisor", true, capacity));
    created.forEach(d -> map.put(d.account().username(), d.account()));
    if (!created.isEmpty()) {
      Files.createDirectories(dataDir);
      JsonArray all = new JsonArray();
      map.values().forEach(a -> all.add(a.toJson()));
      write(file, all);
    }
    accounts = map;
    return List.copyOf(created);
  }

  private static DemoAccount demoAccount(AgentId username, String displayName, boolean supervisor, int capacity) {
    String password = randomPassword();
    return new DemoAccount(new AgentAccount(username, displayName, PasswordHasher.hash(password.toCharArray()), capacity, supervisor,
        org.accessline.gateway.routing.AgentProfile.DEFAULT_SKILLS), password);
  }

  /**
   * Replaces the account's hash, on disk first. Blocking: call it on the password-check pool.
   * Does nothing if the hash changed meanwhile (another sign-in upgraded it first).
   */
  public synchronized void upgrade(AgentId username, String oldHash, String newHash) throws IOException {
    AgentAccount current = accounts.get(username);
    if (current == null || !current.passwordHash().equals(oldHash) || dataDir == null) return;
    AgentAccount upgraded = new AgentAccount(current.username(), current.displayName(), newHash, current.capacity(), current.supervisor(), current.skills());
    Map<AgentId, AgentAccount> map = new LinkedHashMap<>(accounts);
    map.put(username, upgraded);
    Files.createDirectories(dataDir);
    if (demo) {
      JsonArray all = new JsonArray();
      map.values().forEach(a -> all.add(a.toJson()));
      write(dataDir.resolve(DEMO_FILE), all);
    } else {
      JsonObject upgrades = readUpgrades();
      upgrades.put(username.value(), new JsonObject().put("replaces", configuredHashes.get(username)).put("hash", newHash));
      write(dataDir.resolve(UPGRADES_FILE), upgrades);
    }
    accounts = map;
  }

  private void applyUpgrades() throws IOException {
    JsonObject upgrades = readUpgrades();
    Map<AgentId, AgentAccount> map = new LinkedHashMap<>(accounts);
    for (AgentAccount a : accounts.values()) {
      JsonObject u = upgrades.getJsonObject(a.username().value());
      if (u == null || !a.passwordHash().equals(u.getString("replaces")) || !PasswordHasher.wellFormed(u.getString("hash"))) continue;
      map.put(a.username(), new AgentAccount(a.username(), a.displayName(), u.getString("hash"), a.capacity(), a.supervisor(), a.skills()));
    }
    accounts = map;
  }

  private JsonObject readUpgrades() throws IOException {
    Path file = dataDir.resolve(UPGRADES_FILE);
    return Files.exists(file) ? new JsonObject(Files.readString(file, StandardCharsets.UTF_8)) : new JsonObject();
  }

  /**
   * Compares each account's role with the one recorded at the last start (in the data directory),
   * records today's, and returns the changes, for the audit log.
   */
  public synchronized List<String> roleChanges() throws IOException {
    Path file = dataDir.resolve("staff-roles.json");
    JsonObject before = Files.exists(file) ? new JsonObject(Files.readString(file, StandardCharsets.UTF_8)) : new JsonObject();
    JsonObject now = new JsonObject();
    List<String> changes = new ArrayList<>();
    for (AgentAccount a : accounts.values()) {
      String role = a.supervisor() ? "supervisor" : "agent";
      now.put(a.username().value(), role);
      String was = before.getString(a.username().value());
      if (was == null) changes.add(a.username().value() + ": new account, " + role);
      else if (!was.equals(role)) changes.add(a.username().value() + ": " + was + " -> " + role);
    }
    for (String gone : before.fieldNames()) if (!now.containsKey(gone)) changes.add(gone + ": account removed (was " + before.getString(gone) + ")");
    Files.createDirectories(dataDir);
    write(file, now);
    return changes;
  }

  /** Written whole to a temporary file and moved into place, so a crash leaves the old file or the new. */
  private static void write(Path file, Object json) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    String text = json instanceof JsonArray a ? a.encodePrettily() : ((JsonObject) json).encodePrettily();
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
