package org.accessline.gateway.store;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A node's claim on the open conversations, and the rule the database applies to it: the holder
 * renews its ownership every few hundred milliseconds, and a claim takes it over only once the
 * holder has let it go, or has been silent for the whole {@code lease}, or is no longer among the
 * claimant's cluster members and has been silent for {@code goneAfter}. The cluster's own view
 * cannot settle it alone: a node that was paused or cut off and comes back may still hold a lock in
 * its own, stale view, and would otherwise take the conversations back from the node that goes on.
 *
 * @param node the claimant's name, for people reading the row
 * @param holder what tells this process apart from every other (two nodes on one host share a name)
 * @param present the holders of the members this claimant sees in its cluster now
 */
public record OwnerClaim(String node, String holder, Set<String> present, Duration lease, Duration goneAfter) {
  public OwnerClaim {
    if (node == null || holder == null || holder.isBlank() || present == null || lease == null || goneAfter == null || lease.isNegative()
        || goneAfter.isNegative()) {
      throw new IllegalArgumentException("a claim names its node and holder, the members it sees, and how long a holder may be silent");
    }
    present = Set.copyOf(present);
  }

  /** A claim that takes the conversations over whoever holds them: for a single process, and for tests that outdate an owner on purpose. */
  public static OwnerClaim outright(String node) {
    return new OwnerClaim(node, node + "/" + UUID.randomUUID(), Set.of(), Duration.ZERO, Duration.ZERO);
  }

  /**
   * Whether this claim takes over from {@code current}, who last renewed {@code silent} ago.
   * Empty holder or silence: nobody holds it (never claimed, or let go as its holder stopped).
   */
  public boolean takesOverFrom(Optional<String> current, Optional<Duration> silent) {
    if (current.isEmpty() || silent.isEmpty() || current.get().equals(holder)) return true;
    if (silent.get().compareTo(lease) >= 0) return true;
    return !present.contains(current.get()) && silent.get().compareTo(goneAfter) >= 0;
  }
}
