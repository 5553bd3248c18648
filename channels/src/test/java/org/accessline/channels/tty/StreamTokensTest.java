package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamTokensTest {
  private static final String CALL = "CA" + "0123456789abcdef".repeat(2);
  private static final String OTHER = "CA" + "fedcba9876543210".repeat(2);
  private long now = 1_000_000;
  private final StreamTokens tokens = new StreamTokens(Duration.ofSeconds(30), () -> now);

  @Test
  void aTokenOpensItsOwnCallOnce() {
    String token = tokens.issue(CALL).orElseThrow();
    assertInstanceOf(StreamTokens.Claim.Granted.class, tokens.claim(CALL, token));
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(CALL, token), "single use");
    tokens.release(CALL);
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(CALL, token), "not even after the first stream ended");
  }

  @Test
  void aTokenIsBoundToItsCall() {
    String token = tokens.issue(CALL).orElseThrow();
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(OTHER, token));
    assertInstanceOf(StreamTokens.Claim.Granted.class, tokens.claim(CALL, token), "a wrong try does not spend the real call's token");
  }

  @Test
  void unknownEmptyAndGuessedTokensAreRefused() {
    tokens.issue(CALL).orElseThrow();
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(CALL, ""));
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(CALL, null));
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(CALL, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(OTHER, "anything"));
  }

  @Test
  void tokensExpire() {
    String token = tokens.issue(CALL).orElseThrow();
    now += 30_000;
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(CALL, token));
    String fresh = tokens.issue(CALL).orElseThrow();
    now += 29_999;
    assertInstanceOf(StreamTokens.Claim.Granted.class, tokens.claim(CALL, fresh));
  }

  @Test
  void aClaimedCallGetsNoFurtherTokenAndItsOtherTokensGo() {
    String first = tokens.issue(CALL).orElseThrow();
    String second = tokens.issue(CALL).orElseThrow();
    assertNotEquals(first, second);
    assertInstanceOf(StreamTokens.Claim.Granted.class, tokens.claim(CALL, second));
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(CALL, first), "a second stream on a live call");
    assertTrue(tokens.answered(CALL));
    assertTrue(tokens.issue(CALL).isEmpty(), "a replayed answer for a claimed call gets no token");
    tokens.release(CALL);
    assertTrue(tokens.issue(CALL).isEmpty(), "nor after its stream ended");
  }

  @Test
  void tokensAreUnguessableAndNothingIsKeptForever() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = tokens.issue("CA" + String.format("%032x", i)).orElseThrow();
      assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
      assertTrue(seen.add(token));
    }
    assertEquals(1000, tokens.remembered());
    now += 31_000;
    String token = tokens.issue(CALL).orElseThrow();
    assertEquals(1, tokens.remembered(), "expired tokens are forgotten");
    tokens.claim(CALL, token);
    tokens.release(CALL);
    now += StreamTokens.LONGEST_CALL.toMillis() + 1;
    assertFalse(tokens.answered(CALL), "a call answered more than a day ago is over");
    assertEquals(0, tokens.remembered());
  }
}
