package org.accessline.channels.webchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.ConversationId;
import org.junit.jupiter.api.Test;

/** The bookkeeping behind the web chat's flood limits: addresses, shared allowances, open conversations, typing. */
class ResidentLimitsTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void forwardedForIsBelievedOnlyFromATrustedProxyAndOnlyWhatThatProxyAppended() {
    Set<String> proxies = Set.of("10.0.0.5", "10.0.0.6");
    assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", List.of("198.51.100.1"), proxies), "an untrusted peer's header is ignored");
    assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", List.of("198.51.100.1"), proxies));
    // The client wrote the left part; the proxy appended what it saw on the right.
    assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", List.of("6.6.6.6, 198.51.100.1"), proxies));
    assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", List.of("6.6.6.6", "198.51.100.1, 10.0.0.6"), proxies));
    assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", List.of(), proxies), "no header: the proxy itself");
    assertEquals("2001:db8::1", ClientAddress.of("10.0.0.5", List.of(" 2001:DB8::1 "), proxies));
  }

  @Test
  void allowancesAreSharedByKeyAndForgottenOnlyOnceRefilled() {
    Allowances<String> byToken = new Allowances<>(3, 1.0);
    for (int i = 0; i < 3; i++) assertTrue(byToken.take("t", 0));
    assertFalse(byToken.take("t", 0), "a second connection with the same token finds the burst spent");
    assertTrue(byToken.take("other", 0));
    for (int i = 0; i < 5000; i++) byToken.take("k" + i, 10 * SECOND);
    // A sweep forgot the refilled ones and kept the busy.
    assertTrue(byToken.size() <= 5002, "size " + byToken.size());
    assertFalse(byToken.take("k4999", 10 * SECOND) && byToken.take("k4999", 10 * SECOND) && byToken.take("k4999", 10 * SECOND));
  }

  @Test
  void anAddressHoldsAtMostItsShareOfOpenConversationsUntilOneIsResolved() {
    OpenConversations open = new OpenConversations(2);
    assertEquals(OpenConversations.Claim.NEW, open.claim("a", "t1"));
    assertEquals(OpenConversations.Claim.NEW, open.claim("a", "t2"));
    assertEquals(OpenConversations.Claim.FULL, open.claim("a", "t3"));
    assertEquals(OpenConversations.Claim.HELD, open.claim("a", "t1"), "a resident with a place keeps writing");
    assertEquals(OpenConversations.Claim.NEW, open.claim("b", "t3"), "another address has its own share");
    ConversationId c1 = ConversationId.random();
    assertTrue(open.posted("a", "t1", c1));
    assertFalse(open.posted("a", "t1", c1));
    open.unclaim("a", "t2");
    assertEquals(1, open.open("a"), "a place claimed for a message that was not stored is given back");
    open.resolved("a", "t1", ConversationId.random());
    assertEquals(1, open.open("a"), "only the token's own conversation gives its place back");
    open.resolved("a", "t1", c1);
    assertEquals(0, open.open("a"));
    assertEquals(OpenConversations.Claim.NEW, open.claim("a", "t3"));
  }

  @Test
  void aTokenThatWroteAgainJustAsItsConversationWasResolvedKeepsCountingForItsNewOne() {
    OpenConversations open = new OpenConversations(1);
    ConversationId first = ConversationId.random();
    ConversationId second = ConversationId.random();
    open.claim("a", "t");
    open.posted("a", "t", first);
    assertTrue(open.posted("a", "t", second), "the new conversation is watched");
    open.resolved("a", "t", first);
    assertEquals(1, open.open("a"));
    open.resolved("a", "t", second);
    assertEquals(0, open.open("a"));
  }

  @Test
  void typingReachesTheAgentAtMostOncePerGapAndItsLastStateIsNeverLost() {
    TypingThrottle throttle = new TypingThrottle(SECOND, 3 * SECOND);
    assertTrue(throttle.offer(true, 0));
    int relayed = 1;
    for (int i = 1; i <= 5000; i++) if (throttle.offer(i % 2 == 0, i * 100_000L)) relayed++;
    assertEquals(1, relayed, "5,000 signals in half a second: only the first went through");
    // The last signal was "typing" (i = 5000 is even), the same as relayed: nothing to send when the gap ends.
    assertEquals(Optional.empty(), throttle.release(SECOND));
    assertFalse(throttle.offer(false, SECOND / 2 + 1));
    assertEquals(Optional.of(SECOND), throttle.due());
    assertEquals(Optional.empty(), throttle.release(SECOND - 1));
    assertEquals(Optional.of(false), throttle.release(SECOND), "the stop is relayed once the gap has passed");
    assertEquals(Optional.empty(), throttle.due());
  }

  @Test
  void stillTypingIsRepeatedOnlyAfterTheRefresh() {
    TypingThrottle throttle = new TypingThrottle(SECOND, 3 * SECOND);
    assertTrue(throttle.offer(true, 0));
    assertFalse(throttle.offer(true, 2 * SECOND));
    assertEquals(Optional.empty(), throttle.due(), "a repeat of the same state is not held");
    assertTrue(throttle.offer(true, 3 * SECOND));
    assertTrue(throttle.offer(false, 4 * SECOND));
  }
}
