package org.accessline.web.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Signed-in staff, by the random token in their session cookie. Sessions end on sign-out or expiry. */
public final class AgentSessions {
  public static final String COOKIE = "accessline_session";
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Session(AgentAccount account, Instant expires) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Clock clock;

  public AgentSessions(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public String open(AgentAccount account) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    sessions.values().removeIf(s -> now.isAfter(s.expires()));
    sessions.put(token, new Session(account, now.plus(lifetime)));
    return token;
  }

  public Optional<AgentAccount> find(String token) {
    if (token == null) return Optional.empty();
    Session session = sessions.get(token);
    if (session == null) return Optional.empty();
    if (clock.instant().isAfter(session.expires())) {
      sessions.remove(token);
      return Optional.empty();
    }
    return Optional.of(session.account());
  }

  public void close(String token) {
    if (token != null) sessions.remove(token);
  }

  public Duration lifetime() {
    return lifetime;
  }
}
