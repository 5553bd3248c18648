package org.accessline.web.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.accessline.gateway.conversation.AgentId;

/** Signed-in staff, by the random token in their session cookie. Sessions end on sign-out or expiry. */
public final class AgentSessions {
  public static final String COOKIE = "accessline_session";
  /** Event bus address on which the id of each session that was signed out is published. */
  public static final String ENDED = "accessline.staff.session-ended";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A live session. The id names it to the consoles opened under it, without the token (which is a
   * credential) ever leaving this map.
   */
  public record Session(String id, AgentAccount account, Instant expires) {}

  private final Map<String, Session> sessions;
  private final Duration lifetime;
  private final Clock clock;

  public AgentSessions(Duration lifetime, Clock clock) {
    this(lifetime, clock, new ConcurrentHashMap<>());
  }

  /** @param sessions where sessions are kept: this process's memory, or a map every node of a cluster shares */
  public AgentSessions(Duration lifetime, Clock clock, Map<String, Session> sessions) {
    this.lifetime = lifetime;
    this.clock = clock;
    this.sessions = sessions;
  }

  public String open(AgentAccount account) {
    String token = random();
    Instant now = clock.instant();
    sessions.values().removeIf(s -> now.isAfter(s.expires()));
    sessions.put(token, new Session(random(), account, now.plus(lifetime)));
    return token;
  }

  public Optional<AgentAccount> find(String token) {
    return session(token).map(Session::account);
  }

  public Optional<Session> session(String token) {
    if (token == null) return Optional.empty();
    Session session = sessions.get(token);
    if (session == null) return Optional.empty();
    if (clock.instant().isAfter(session.expires())) {
      sessions.remove(token);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  /** Ends the session; returns it if it was live. */
  public Optional<Session> close(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(sessions.remove(token));
  }

  /** Ends every session of the account (disabled, or its role, grants or password changed); returns those that were live. */
  public java.util.List<Session> closeAll(AgentId agent) {
    java.util.List<Session> closed = new java.util.ArrayList<>();
    for (Map.Entry<String, Session> e : java.util.List.copyOf(sessions.entrySet())) {
      if (e.getValue().account().username().equals(agent) && sessions.remove(e.getKey()) != null) closed.add(e.getValue());
    }
    return closed;
  }

  /** Whether the agent is still signed in somewhere else (another browser or device) than the given session. */
  public boolean signedInElsewhere(AgentId agent, String sessionId) {
    Instant now = clock.instant();
    return sessions.values().stream().anyMatch(s -> s.account().username().equals(agent) && !s.id().equals(sessionId) && !now.isAfter(s.expires()));
  }

  public Duration lifetime() {
    return lifetime;
  }

  public Clock clock() {
    return clock;
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
