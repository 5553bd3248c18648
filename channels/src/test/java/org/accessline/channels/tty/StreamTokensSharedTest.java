package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two nodes' tokens, told of each other's issues and claims as the cluster tells them: a stream may reach either node, once. */
class StreamTokensSharedTest {
  private static final String CALL = "CA" + "0123456789abcdef".repeat(2);
  private long now = 1_000_000;
  private final StreamTokens a = new StreamTokens(Duration.ofSeconds(30), () -> now);
  private final StreamTokens b = new StreamTokens(Duration.ofSeconds(30), () -> now);
  private final List<String> told = new ArrayList<>();

  StreamTokensSharedTest() {
    a.shareWith(to(b, "a"));
    b.shareWith(to(a, "b"));
  }

  private StreamTokens.Sharing to(StreamTokens other, String from) {
    return new StreamTokens.Sharing() {
      @Override
      public void issued(String tokenHash, String callSid, long expiresAt, boolean again) {
        told.add(from + " issued " + tokenHash);
        other.issuedElsewhere(tokenHash, callSid, expiresAt, again);
      }

      @Override
      public void claimed(String callSid) {
        other.claimedElsewhere(callSid);
      }

      @Override
      public void issuedOutbound(String tokenHash, long expiresAt, StreamTokens.Outbound outbound) {
        told.add(from + " placing " + tokenHash);
        other.issuedOutboundElsewhere(tokenHash, expiresAt, outbound);
      }

      @Override
      public void spent(String tokenHash) {
        other.spentElsewhere(tokenHash);
      }
    };
  }

  @Test
  void aTokenIssuedOnOneNodeOpensTheStreamOnTheOtherOnceAndOnlyItsHashTravels() {
    String token = a.issue(CALL).orElseThrow();
    assertFalse(told.get(0).contains(token), "only the token's hash crosses to the other node");
    assertInstanceOf(StreamTokens.Claim.Granted.class, b.claim(CALL, token));
    assertInstanceOf(StreamTokens.Claim.Refused.class, a.claim(CALL, token), "spent on every node");
    assertTrue(a.answered(CALL), "a replayed voice webhook on the first node is refused too");
  }

  @Test
  void aPlacedCallsStreamMayReachTheOtherNodeWhichLearnsWhatTheCallCarriesOnce() {
    StreamTokens.Outbound outbound = new StreamTokens.Outbound("c-1", "+15551230001", "HELLO GA");
    String token = a.issueOutbound(outbound);
    assertFalse(told.get(0).contains(token), "only the token's hash crosses to the other node");
    StreamTokens.Claim.Granted granted = assertInstanceOf(StreamTokens.Claim.Granted.class, b.claim(CALL, token));
    assertEquals(java.util.Optional.of(outbound), granted.outbound());
    assertInstanceOf(StreamTokens.Claim.Refused.class, a.claim(CALL, token), "spent on the node that placed the call");
    assertFalse(a.claim("CA-another", token) instanceof StreamTokens.Claim.Granted, "for any call");
    assertFalse(b.claim("CA-another", token) instanceof StreamTokens.Claim.Granted, "and where it was used");
  }

  @Test
  void aPlacedCallsStreamThatArrivesBeforeTheWordOfItsTokenMayAskAgain() {
    StreamTokens lonely = new StreamTokens(Duration.ofSeconds(30), () -> now);
    lonely.shareWith(to(a, "lonely"));
    StreamTokens unaware = new StreamTokens(Duration.ofSeconds(30), () -> now);
    unaware.shareWith(to(a, "unaware"));
    String token = lonely.issueOutbound(new StreamTokens.Outbound("c-2", "+15551230002", "HELLO GA"));
    assertInstanceOf(StreamTokens.Claim.NotYetShared.class, unaware.claim(CALL, token));
  }

  @Test
  void aCallWhoseStreamWasLostIsOpenedAgainByANewTokenOnly() {
    String first = a.issue(CALL).orElseThrow();
    assertInstanceOf(StreamTokens.Claim.Granted.class, a.claim(CALL, first));
    a.release(CALL);
    String again = b.issueAgain(CALL).orElseThrow();
    assertInstanceOf(StreamTokens.Claim.Refused.class, b.claim(CALL, first), "the old token stays spent");
    assertInstanceOf(StreamTokens.Claim.Granted.class, a.claim(CALL, again), "the new one opens the call on whichever node it reaches");
    assertInstanceOf(StreamTokens.Claim.Refused.class, b.claim(CALL, again));
    assertEquals(2, told.size());
  }

  @Test
  void aStreamThatOvertakesWordOfItsTokenMayAskAgainAndThenOpensTheCallOnce() {
    List<Runnable> onTheirWay = new ArrayList<>();
    StreamTokens answering = new StreamTokens(Duration.ofSeconds(30), () -> now);
    StreamTokens streaming = new StreamTokens(Duration.ofSeconds(30), () -> now);
    answering.shareWith(new StreamTokens.Sharing() {
      @Override
      public void issued(String tokenHash, String callSid, long expiresAt, boolean again) {
        onTheirWay.add(() -> streaming.issuedElsewhere(tokenHash, callSid, expiresAt, again));
      }

      @Override
      public void claimed(String callSid) {}
    });
    streaming.shareWith(to(answering, "streaming"));
    String token = answering.issue(CALL).orElseThrow();
    assertInstanceOf(StreamTokens.Claim.NotYetShared.class, streaming.claim(CALL, token), "word of the token is still on its way");
    onTheirWay.forEach(Runnable::run);
    assertInstanceOf(StreamTokens.Claim.Granted.class, streaming.claim(CALL, token));
    assertInstanceOf(StreamTokens.Claim.Refused.class, streaming.claim(CALL, token), "once claimed, a replay is refused at once");
    assertInstanceOf(StreamTokens.Claim.Refused.class, answering.claim(CALL, token), "and on the answering node");
  }

  @Test
  void noNewTokenWhileAStreamOnThisNodeStillCarriesTheCall() {
    String first = a.issue(CALL).orElseThrow();
    a.claim(CALL, first);
    assertTrue(a.issueAgain(CALL).isEmpty());
  }
}
