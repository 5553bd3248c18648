package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboundStreamTokensTest {
  private static final String CALL = "CA" + "0123456789abcdef".repeat(2);
  private static final String OTHER = "CA" + "fedcba9876543210".repeat(2);
  private static final StreamTokens.Outbound FOLLOW_UP = new StreamTokens.Outbound("conv-1", "+15551234567", "HELLO GA");
  private long now = 1_000_000;
  private final StreamTokens tokens = new StreamTokens(Duration.ofSeconds(30), () -> now);

  @Test
  void theFirstStreamPresentingItCarriesTheConversationOnce() {
    String token = tokens.issueOutbound(FOLLOW_UP);
    StreamTokens.Claim claim = tokens.claim(CALL, token);
    assertEquals(FOLLOW_UP, assertInstanceOf(StreamTokens.Claim.Granted.class, claim).outbound().orElseThrow());
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(OTHER, token), "single use: another call cannot take it");
    assertTrue(tokens.answered(CALL), "the status callback can tell the call was answered by its stream");
  }

  @Test
  void anExpiredOrUnknownTokenOpensNothing() {
    String token = tokens.issueOutbound(FOLLOW_UP);
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(CALL, token + "x"));
    now += Duration.ofSeconds(31).toMillis();
    assertInstanceOf(StreamTokens.Claim.Refused.class, tokens.claim(CALL, token));
  }

  @Test
  void anInboundTokenCarriesNoConversation() {
    String token = tokens.issue(CALL).orElseThrow();
    assertTrue(assertInstanceOf(StreamTokens.Claim.Granted.class, tokens.claim(CALL, token)).outbound().isEmpty());
  }
}
