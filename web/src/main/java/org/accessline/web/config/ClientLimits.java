package org.accessline.web.config;

import java.time.Duration;
import java.util.Set;

/**
 * What one client may hold or send, beyond a single resident's own rate: web chat limits per client
 * address, the proxies whose {@code X-Forwarded-For} is believed, and how long the HTTP server waits
 * for a slow client.
 */
public record ClientLimits(
    int residentAddressBurst,
    double residentAddressMessagesPerSecond,
    int residentConversationsPerAddress,
    Set<String> trustedProxies,
    /** A connection with nothing sent either way for this long is closed. */
    Duration httpIdleTimeout,
    /** A request's head must have arrived within this of connecting, or of the previous answer. */
    Duration httpHeaderTimeout,
    /** A request's body must have arrived within this of its head. */
    Duration httpBodyTimeout) {

  public ClientLimits {
    if (residentAddressBurst < 1 || residentAddressBurst > 100_000) throw new IllegalArgumentException("residentAddressBurst must be 1-100000");
    if (!(residentAddressMessagesPerSecond > 0) || residentAddressMessagesPerSecond > 100_000) {
      throw new IllegalArgumentException("residentAddressMessagesPerSecond must be above 0 and at most 100000");
    }
    if (residentConversationsPerAddress < 1 || residentConversationsPerAddress > 100_000) {
      throw new IllegalArgumentException("residentConversationsPerAddress must be 1-100000");
    }
    trustedProxies = Set.copyOf(trustedProxies);
    if (trustedProxies.stream().anyMatch(p -> !p.matches("[0-9A-Fa-f.:]+"))) throw new IllegalArgumentException("trustedProxies must be IP addresses");
    requireSeconds(httpIdleTimeout, 1, 3600, "http.idleTimeoutSeconds");
    requireSeconds(httpHeaderTimeout, 1, 600, "http.headerTimeoutSeconds");
    requireSeconds(httpBodyTimeout, 1, 3600, "http.bodyTimeoutSeconds");
  }

  public static ClientLimits defaults() {
    return new ClientLimits(60, 5.0, 20, Set.of(), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  private static void requireSeconds(Duration d, long min, long max, String name) {
    if (d == null || d.toSeconds() < min || d.toSeconds() > max) throw new IllegalArgumentException(name + " must be " + min + "-" + max);
  }
}
