package org.accessline.gateway.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnerClaimTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration GONE = Duration.ofMillis(1_200);

  private static OwnerClaim seeing(String... members) {
    return new OwnerClaim("node-b", "b", Set.of(members), LEASE, GONE);
  }

  private static Optional<Duration> silent(long millis) {
    return Optional.of(Duration.ofMillis(millis));
  }

  @Test
  void nobodyHoldingItOrItsOwnHolderIsTakenAtOnce() {
    assertTrue(seeing("a").takesOverFrom(Optional.empty(), Optional.empty()));
    assertTrue(seeing("a").takesOverFrom(Optional.of("a"), Optional.empty()), "let go as its holder stopped");
    assertTrue(seeing("a").takesOverFrom(Optional.of("b"), silent(0)), "a node may claim again what it holds");
  }

  @Test
  void aHolderThisNodeStillSeesIsTakenOverOnlyAfterTheWholeLease() {
    assertFalse(seeing("a", "b").takesOverFrom(Optional.of("a"), silent(5_000)));
    assertFalse(seeing("a", "b").takesOverFrom(Optional.of("a"), silent(29_999)));
    assertTrue(seeing("a", "b").takesOverFrom(Optional.of("a"), silent(30_000)));
  }

  @Test
  void aHolderGoneFromTheClusterIsTakenOverOnceItHasFallenSilent() {
    assertFalse(seeing("b").takesOverFrom(Optional.of("a"), silent(300)), "still renewing: cut off from this node, not gone");
    assertTrue(seeing("b").takesOverFrom(Optional.of("a"), silent(1_200)));
  }

  @Test
  void anOutrightClaimTakesItFromAnyone() {
    assertTrue(OwnerClaim.outright("test").takesOverFrom(Optional.of("a"), silent(0)));
  }

  @Test
  void aClaimNamesItsHolder() {
    assertThrows(IllegalArgumentException.class, () -> new OwnerClaim("node", " ", Set.of(), LEASE, GONE));
    assertThrows(IllegalArgumentException.class, () -> new OwnerClaim("node", "h", Set.of(), Duration.ofSeconds(-1), GONE));
  }
}
