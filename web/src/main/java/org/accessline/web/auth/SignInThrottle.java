package org.accessline.web.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exponential back-off on failed sign-ins, per username and per client address. A few mistakes
 * cost nothing; after that each failure locks the name (or the address) twice as long as the last,
 * up to a cap. While locked, attempts are refused without checking the password, so a guessing
 * flood neither learns anything nor burns the hashing pool. Plain state over explicit times, so the
 * policy is tested without a clock or a server.
 */
public final class SignInThrottle {
  /** How one kind of key is throttled. */
  public record Policy(int freeFailures, Duration firstLock, Duration maxLock, Duration forgetAfter) {
    public Policy {
      if (freeFailures < 1 || firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0 || forgetAfter.compareTo(maxLock) < 0) {
        throw new IllegalArgumentException("a sign-in throttle needs free failures, a first lock, a larger cap and a longer memory");
      }
    }

    Duration lockAfter(int failures) {
      int excess = failures - freeFailures;
      if (excess <= 0) return Duration.ZERO;
      long millis = firstLock.toMillis() << Math.min(excess - 1, 30);
      return millis <= 0 || millis > maxLock.toMillis() ? maxLock : Duration.ofMillis(millis);
    }
  }

  /** One account is guessed at: five mistakes are free, then each failure locks it, from 1 s up to 15 minutes. */
  public static final Policy PER_USERNAME = new Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(30));
  /**
   * Staff behind one office address share it, so it tolerates more mistakes before it locks; one
   * guesser cycling through names still meets it.
   */
  public static final Policy PER_ADDRESS = new Policy(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(30));
  /** Keys remembered at most; beyond it the ones that failed longest ago are forgotten first. */
  static final int MAX_KEYS = 100_000;

  /** A lock that a failure just started, for the audit log. */
  public record Lock(String key, Duration length) {}

  private static final class Failures {
    int count;
    Instant last;
    Instant lockedUntil;
  }

  private final Policy perUsername;
  private final Policy perAddress;
  private final Map<String, Failures> keys = new HashMap<>();

  public SignInThrottle(Policy perUsername, Policy perAddress) {
    this.perUsername = perUsername;
    this.perAddress = perAddress;
  }

  public SignInThrottle() {
    this(PER_USERNAME, PER_ADDRESS);
  }

  /** How long until an attempt for this name from this address may be checked; empty when it may now. */
  public synchronized Optional<Duration> retryAfter(String username, String address, Instant now) {
    Duration wait = Duration.ZERO;
    for (String key : List.of(userKey(username), addressKey(address))) {
      Failures f = keys.get(key);
      if (f != null && f.lockedUntil != null && f.lockedUntil.isAfter(now)) {
        Duration left = Duration.between(now, f.lockedUntil);
        if (left.compareTo(wait) > 0) wait = left;
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** Counts a wrong password; returns the locks it started. */
  public synchronized List<Lock> failed(String username, String address, Instant now) {
    List<Lock> started = new ArrayList<>();
    count(userKey(username), perUsername, now).ifPresent(started::add);
    count(addressKey(address), perAddress, now).ifPresent(started::add);
    if (keys.size() > MAX_KEYS) forget(now);
    return started;
  }

  /** The right password clears the name's count; the address keeps its own, so one good account cannot launder guesses at others. */
  public synchronized void succeeded(String username) {
    keys.remove(userKey(username));
  }

  private Optional<Lock> count(String key, Policy policy, Instant now) {
    Failures f = keys.computeIfAbsent(key, k -> new Failures());
    if (f.last != null && Duration.between(f.last, now).compareTo(policy.forgetAfter()) > 0) f.count = 0;
    f.count++;
    f.last = now;
    Duration lock = policy.lockAfter(f.count);
    if (lock.isZero()) return Optional.empty();
    f.lockedUntil = now.plus(lock);
    return Optional.of(new Lock(key, lock));
  }

  private void forget(Instant now) {
    Duration longest = perUsername.forgetAfter().compareTo(perAddress.forgetAfter()) > 0 ? perUsername.forgetAfter() : perAddress.forgetAfter();
    keys.values().removeIf(f -> Duration.between(f.last, now).compareTo(longest) > 0);
    if (keys.size() <= MAX_KEYS) return;
    // Down to nine tenths at once, so a flood of new names pays for this sort once per ten thousand.
    List<Map.Entry<String, Failures>> oldest = new ArrayList<>(keys.entrySet());
    oldest.sort(Comparator.comparing(e -> e.getValue().last));
    int drop = oldest.size() - MAX_KEYS * 9 / 10;
    for (int i = 0; i < drop; i++) keys.remove(oldest.get(i).getKey());
  }

  synchronized int size() {
    return keys.size();
  }

  private static String userKey(String username) {
    return "username " + username;
  }

  private static String addressKey(String address) {
    return "address " + address;
  }
}
