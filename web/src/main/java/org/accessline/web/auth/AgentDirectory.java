package org.accessline.web.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.store.Administration;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.StaffAccount;

/**
 * The accounts that may sign in: the enabled ones in the store, held in memory so a request never
 * waits on the database to learn who is asking. Every change is published on {@link #CHANGED}, and
 * each node reloads, so a cluster agrees within moments.
 *
 * <p>At start the configuration seeds the store ({@link SeedPlan}). Files an older version kept in
 * the data directory are read once: the demo accounts ({@value #DEMO_FILE}) and the stronger hashes
 * of configured accounts ({@value #UPGRADES_FILE}).
 */
public final class AgentDirectory {
  /** Event bus address published (to every node) after any account changes. */
  public static final String CHANGED = "accessline.staff.accounts-changed";
  static final String DEMO_FILE = "agents.json";
  static final String UPGRADES_FILE = "password-upgrades.json";
  private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Replaced whole on each reload, so readers on any thread see one consistent set. */
  private volatile Map<AgentId, AgentAccount> accounts = Map.of();
  private volatile boolean demoInUse;
  private final java.util.function.Supplier<Administration> administration;

  /** @param stored the store's accounts, asked for only once the store has started */
  public AgentDirectory(java.util.function.Supplier<Administration> stored) {
    this.administration = stored;
  }

  public Optional<AgentAccount> find(AgentId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  /** Every enabled account, by username. */
  public List<AgentAccount> all() {
    return List.copyOf(accounts.values());
  }

  /** Whether a first-start demo account (its password printed in a terminal) can still sign in; the gateway then keeps to loopback. */
  public boolean onlyDemo() {
    return demoInUse;
  }

  /** A demo account created at this start: its password, shown once and never stored in clear. */
  public record DemoAccount(AgentAccount account, String password) {}

  /** Reads the enabled accounts from the store again. */
  public Future<Void> reload() {
    return administration.get().accounts().map(rows -> {
      Map<AgentId, AgentAccount> map = new LinkedHashMap<>();
      boolean demo = false;
      for (StaffAccount row : rows) {
        if (row.disabled()) continue;
        map.put(new AgentId(row.username()), StaffAccounts.account(row));
        demo |= StaffAccounts.FIRST_START.equals(row.createdBy());
      }
      accounts = map;
      demoInUse = demo;
      return null;
    });
  }

  /** Reloads whenever any node says the accounts changed. */
  public void follow(Vertx vertx) {
    vertx.eventBus().<String>consumer(CHANGED, m -> reload());
  }

  /** Tells every node (this one included) to reload. */
  public static void announce(Vertx vertx) {
    vertx.eventBus().publish(CHANGED, "");
  }

  /**
   * Seeds the store from the configuration (and an older version's files), writes what it did to the
   * audit log, and loads. Returns the demo accounts made now, each with its password.
   */
  public Future<List<DemoAccount>> start(Vertx vertx, InteractionStore audit, List<AgentAccount> configured, Path dataDir, int capacity, Clock clock) {
    return vertx.executeBlocking(() -> new Legacy(withUpgrades(configured, dataDir), demoFile(dataDir, capacity)))
        .compose(legacy -> administration.get().accounts().compose(stored -> {
          if (!stored.isEmpty() || !configured.isEmpty() || legacy.demo().isEmpty()) return Future.succeededFuture(stored);
          return administration.get().seed(legacy.demo().stream().map(a -> StaffAccounts.row(a, false, clock.instant(), StaffAccounts.FIRST_START)).toList())
              .compose(v -> administration.get().accounts());
        }).compose(stored -> {
          SeedPlan plan = SeedPlan.decide(legacy.configured(), stored);
          List<AuditEvent> events = new ArrayList<>();
          Future<Void> chain = administration.get().seed(plan.seed().stream().map(a -> StaffAccounts.row(a, false, clock.instant(), StaffAccounts.CONFIGURATION)).toList())
              .map(seeded -> {
                seeded.forEach(s -> events.add(new AuditEvent(clock.instant(), StaffAccounts.CONFIGURATION, "role_change", "staff",
                    s.username() + ": new account, " + s.role())));
                return null;
              });
          plan.disagreements().forEach(d -> events.add(new AuditEvent(clock.instant(), StaffAccounts.CONFIGURATION, "config_ignored", "staff", d)));
          for (StaffAccount demo : plan.disable()) {
            chain = chain.compose(v -> administration.get().update(demo.changed(demo.displayName(), demo.passwordHash(), demo.role(), demo.grants(), demo.capacity(),
                demo.skills(), true, clock.instant(), StaffAccounts.CONFIGURATION)).map(saved -> {
                  if (saved instanceof Administration.Saved.Done) {
                    events.add(new AuditEvent(clock.instant(), StaffAccounts.CONFIGURATION, "account_change", "staff",
                        demo.username() + ": demo account disabled, as staff are configured"));
                  } else if (saved instanceof Administration.Saved.LastAdmin) {
                    events.add(new AuditEvent(clock.instant(), StaffAccounts.CONFIGURATION, "account_change", "staff",
                        demo.username() + ": demo account kept enabled, as no configured account is an administrator"));
                  }
                  return null;
                }));
          }
          Future<List<DemoAccount>> made = chain.compose(v -> plan.demoToCreate().isEmpty() ? Future.succeededFuture(List.<DemoAccount>of())
              : vertx.executeBlocking(() -> plan.demoToCreate().stream().map(d -> demoAccount(d, capacity)).toList())
                  .compose(demos -> administration.get().seed(demos.stream().map(d -> StaffAccounts.row(d.account(), false, clock.instant(), StaffAccounts.FIRST_START)).toList())
                      .map(seeded -> demos.stream().filter(d -> seeded.stream().anyMatch(s -> s.username().equals(d.account().username().value()))).toList())));
          return made.compose(demos -> {
            demos.forEach(d -> events.add(new AuditEvent(clock.instant(), StaffAccounts.FIRST_START, "role_change", "staff",
                d.account().username().value() + ": new account, " + d.account().role().wireName())));
            return audit.audit(events).map(demos);
          });
        })).compose(demos -> reload().map(demos));
  }

  private record Legacy(List<AgentAccount> configured, List<AgentAccount> demo) {}

  /**
   * Replaces the account's hash if it is still {@code oldHash} (another sign-in may have upgraded it
   * first). Not published: what the account may do is unchanged, so no session needs to end.
   */
  public Future<Void> upgrade(AgentId username, String oldHash, String newHash) {
    return administration.get().account(username.value()).compose(found -> {
      if (found.isEmpty() || !found.get().passwordHash().equals(oldHash)) return Future.succeededFuture();
      StaffAccount a = found.get();
      return administration.get().update(a.changed(a.displayName(), newHash, a.role(), a.grants(), a.capacity(), a.skills(), a.disabled(), a.changedAt(), a.changedBy()))
          .compose(v -> reload());
    });
  }

  /** The stronger hashes an older version kept beside the configuration, applied where the configured hash is still the one they replaced. */
  private static List<AgentAccount> withUpgrades(List<AgentAccount> configured, Path dataDir) {
    Path file = dataDir.resolve(UPGRADES_FILE);
    if (!Files.exists(file)) return configured;
    JsonObject upgrades = new JsonObject(read(file));
    List<AgentAccount> out = new ArrayList<>();
    for (AgentAccount a : configured) {
      JsonObject u = upgrades.getJsonObject(a.username().value());
      boolean applies = u != null && a.passwordHash().equals(u.getString("replaces")) && PasswordHasher.wellFormed(u.getString("hash"));
      out.add(applies ? new AgentAccount(a.username(), a.displayName(), u.getString("hash"), a.capacity(), a.role(), a.grants(), a.skills()) : a);
    }
    return out;
  }

  private static List<AgentAccount> demoFile(Path dataDir, int capacity) {
    Path file = dataDir.resolve(DEMO_FILE);
    if (!Files.exists(file)) return List.of();
    JsonArray stored = new JsonArray(read(file));
    List<AgentAccount> out = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) out.add(AgentAccount.fromJson(stored.getJsonObject(i), capacity));
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DemoAccount demoAccount(SeedPlan.Demo demo, int capacity) {
    String password = randomPassword();
    return new DemoAccount(new AgentAccount(new AgentId(demo.username), demo.displayName, PasswordHasher.hash(password.toCharArray()), capacity, demo.role,
        java.util.Set.of(), AgentProfile.DEFAULT_SKILLS), password);
  }

  /** Sixteen letters and digits in groups of four, without look-alikes: about 79 bits. */
  public static String randomPassword() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) out.append('-');
      out.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    }
    return out.toString();
  }
}
