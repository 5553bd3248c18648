package org.accessline.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.junit.jupiter.api.Test;

class AgentSessionsTest {
  private final AgentAccount maria = new AgentAccount(new AgentId("maria"), "Maria", PasswordHasher.hash("pw".toCharArray(), 1_000), 4);

  /** A clock the test moves by hand. */
  private static final class Hands extends Clock {
    Instant now = Instant.parse("2026-11-22T08:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aSessionWorksUntilItExpiresOrIsClosed() {
    Hands clock = new Hands();
    AgentSessions sessions = new AgentSessions(Duration.ofHours(12), clock);
    String first = sessions.open(maria);
    String second = sessions.open(maria);
    assertNotEquals(first, second);
    assertEquals(Optional.of(maria), sessions.find(first));
    sessions.close(second);
    assertTrue(sessions.find(second).isEmpty());
    clock.now = clock.now.plus(Duration.ofHours(12)).plusSeconds(1);
    assertTrue(sessions.find(first).isEmpty(), "expired");
    assertTrue(sessions.find(null).isEmpty());
    assertTrue(sessions.find("forged").isEmpty());
  }

  @Test
  void eachSessionHasAnIdOtherThanItsTokenAndKnowsWhetherTheAgentIsSignedInElsewhere() {
    Hands clock = new Hands();
    AgentSessions sessions = new AgentSessions(Duration.ofHours(12), clock);
    String office = sessions.open(maria);
    String laptop = sessions.open(maria);
    AgentSessions.Session a = sessions.session(office).orElseThrow();
    AgentSessions.Session b = sessions.session(laptop).orElseThrow();
    assertNotEquals(a.id(), b.id());
    assertNotEquals(office, a.id(), "the id names the session without being its credential");
    assertEquals(clock.now.plus(Duration.ofHours(12)), a.expires());
    assertTrue(sessions.signedInElsewhere(maria.username(), a.id()));

    assertEquals(Optional.of(b), sessions.close(laptop));
    assertEquals(Optional.empty(), sessions.close(laptop), "closed once");
    assertFalse(sessions.signedInElsewhere(maria.username(), a.id()));
    sessions.open(maria);
    clock.now = clock.now.plus(Duration.ofHours(13));
    assertFalse(sessions.signedInElsewhere(maria.username(), a.id()), "an expired session is nowhere");
  }
}
