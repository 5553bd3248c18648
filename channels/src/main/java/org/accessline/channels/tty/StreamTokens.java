package org.accessline.channels.tty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Single-use tokens that tie a media stream to a call we answered. The stream's upgrade signature
 * covers only the fixed stream URL, so a captured one would open a stream for any call; the token,
 * sent as a stream parameter in the TwiML, is what proves the stream is the one Twilio opened for
 * our answer. Only a token's hash is kept. A token is good once, for its own call, until it
 * expires, and never while another stream holds that call. Thread-safe: every server instance on
 * the node shares one.
 */
public final class StreamTokens {
  /** Twilio ends any call after at most 24 hours, so a call answered longer ago than that is over. */
  static final Duration LONGEST_CALL = Duration.ofHours(24);

  /** Whether a stream may carry a call. */
  public sealed interface Claim {
    /** {@code outbound}: the call is one we placed, and what it carries. */
    record Granted(String callSid, Optional<Outbound> outbound) implements Claim {
      public Granted(String callSid) {
        this(callSid, Optional.empty());
      }
    }

    record Refused(String reason) implements Claim {}

    /**
     * Not known here yet, on a node that shares tokens: the voice webhook may have been answered by
     * another node whose word of the token is still on its way, so the stream may ask again shortly.
     */
    record NotYetShared() implements Claim {}
  }

  /** A call we placed: the conversation it carries, who it reaches, and what we type first. */
  public record Outbound(String conversation, String resident, String opening) {}

  /** {@code callSid} is null for a call we placed: its sid is not known until Twilio answers the request, and the token is what ties it. */
  private record Grant(String callSid, long expiresAt, Optional<Outbound> outbound) {
    Grant(String callSid, long expiresAt) {
      this(callSid, expiresAt, Optional.empty());
    }
  }

  /**
   * Other nodes that may receive the stream of a call this node answered (behind one public address,
   * Twilio's webhook and its stream may reach different nodes): told of each token's hash as it is
   * issued and of each call as a stream claims it. Never told a token itself.
   */
  public interface Sharing {
    Sharing NONE = new Sharing() {
      @Override
      public void issued(String tokenHash, String callSid, long expiresAt, boolean again) {}

      @Override
      public void claimed(String callSid) {}
    };

    /** {@code again}: the call's earlier stream is gone and this token connects it anew. */
    void issued(String tokenHash, String callSid, long expiresAt, boolean again);

    void claimed(String callSid);

    /** A call this node is placing: its stream may reach another node, which must know the token (by its hash) and what the call carries. */
    default void issuedOutbound(String tokenHash, long expiresAt, Outbound outbound) {}

    /** A placed call's token was presented: it is spent on every node. */
    default void spent(String tokenHash) {}
  }

  private volatile Sharing sharing = Sharing.NONE;

  private final long ttlMillis;
  private final LongSupplier clock;
  private final SecureRandom random = new SecureRandom();
  // Insertion order is expiry order (one lifetime for all), so expired entries are trimmed from the head.
  private final LinkedHashMap<String, Grant> pending = new LinkedHashMap<>();
  private final LinkedHashMap<String, Long> claimedAt = new LinkedHashMap<>();
  private final Set<String> streaming = new HashSet<>();

  public StreamTokens(Duration ttl, LongSupplier clockMillis) {
    this.ttlMillis = ttl.toMillis();
    this.clock = clockMillis;
  }

  /**
   * A new token for the call, or empty if a stream has already claimed it: Twilio asks once per
   * call, so a second request for a claimed call is a replay.
   */
  public Optional<String> issue(String callSid) {
    String token;
    Grant grant;
    synchronized (this) {
      long now = clock.getAsLong();
      trim(now);
      if (claimedAt.containsKey(callSid)) return Optional.empty();
      token = newToken();
      grant = new Grant(callSid, now + ttlMillis);
      pending.put(hash(token), grant);
    }
    sharing.issued(hash(token), callSid, grant.expiresAt(), false);
    return Optional.of(token);
  }

  /**
   * A token for a call we are about to place: it is sent to Twilio in the call's own TwiML, so the
   * first stream presenting it is that call's, whatever its sid. Shared by hash like any other, as the
   * call's stream may reach another node.
   */
  public String issueOutbound(Outbound outbound) {
    String token;
    long expiresAt;
    synchronized (this) {
      long now = clock.getAsLong();
      trim(now);
      token = newToken();
      expiresAt = now + ttlMillis;
      pending.put(hash(token), new Grant(null, expiresAt, Optional.of(outbound)));
    }
    sharing.issuedOutbound(hash(token), expiresAt, outbound);
    return token;
  }

  /** Another node is placing a call whose stream may arrive here with the token of this hash. */
  public synchronized void issuedOutboundElsewhere(String tokenHash, long expiresAt, Outbound outbound) {
    trim(clock.getAsLong());
    pending.put(tokenHash, new Grant(null, expiresAt, Optional.of(outbound)));
  }

  /** A placed call's token was presented on another node. */
  public synchronized void spentElsewhere(String tokenHash) {
    pending.remove(tokenHash);
  }

  private String newToken() {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  public void shareWith(Sharing sharing) {
    this.sharing = sharing;
  }

  /**
   * A token to connect a call anew whose stream was lost with the node carrying it: the call's claim
   * is lifted, so the first stream to present this token becomes its only stream again. Empty while
   * a stream on this node still carries the call.
   */
  public Optional<String> issueAgain(String callSid) {
    String token;
    Grant grant;
    synchronized (this) {
      long now = clock.getAsLong();
      trim(now);
      if (streaming.contains(callSid)) return Optional.empty();
      claimedAt.remove(callSid);
      token = newToken();
      grant = new Grant(callSid, now + ttlMillis);
      pending.put(hash(token), grant);
    }
    sharing.issued(hash(token), callSid, grant.expiresAt(), true);
    return Optional.of(token);
  }

  /** Another node issued a token (by its hash) for a call, and its stream may arrive here. */
  public synchronized void issuedElsewhere(String tokenHash, String callSid, long expiresAt, boolean again) {
    trim(clock.getAsLong());
    if (again && !streaming.contains(callSid)) claimedAt.remove(callSid);
    if (!claimedAt.containsKey(callSid)) pending.put(tokenHash, new Grant(callSid, expiresAt));
  }

  /** A stream on another node claimed the call: its tokens are spent here too. */
  public synchronized void claimedElsewhere(String callSid) {
    pending.values().removeIf(g -> callSid.equals(g.callSid()));
    if (!claimedAt.containsKey(callSid)) claimedAt.put(callSid, clock.getAsLong());
  }

  /** Whether a stream has already claimed the call. */
  public synchronized boolean answered(String callSid) {
    trim(clock.getAsLong());
    return claimedAt.containsKey(callSid);
  }

  /** Lets a stream carry {@code callSid} if {@code token} was issued for it, is unused and unexpired. */
  public Claim claim(String callSid, String token) {
    Claim claim = claimHere(callSid, token);
    if (claim instanceof Claim.Granted granted) {
      sharing.claimed(callSid);
      if (granted.outbound().isPresent()) sharing.spent(hash(token));
    }
    return claim;
  }

  private synchronized Claim claimHere(String callSid, String token) {
    long now = clock.getAsLong();
    trim(now);
    if (token == null || token.isEmpty()) return new Claim.Refused("the stream carries no token");
    Grant grant = pending.get(hash(token));
    if (grant == null) {
      // A call already streamed, or awaiting another token known here, is not waiting for this one.
      boolean awaited = sharing != Sharing.NONE && !claimedAt.containsKey(callSid) && pending.values().stream().noneMatch(g -> callSid.equals(g.callSid()));
      if (!awaited) return new Claim.Refused("the token is unknown, used or expired");
      return new Claim.NotYetShared();
    }
    if (grant.callSid() != null && !grant.callSid().equals(callSid)) return new Claim.Refused("the token was issued for another call");
    if (streaming.contains(callSid) || claimedAt.containsKey(callSid)) return new Claim.Refused("the call already has its stream");
    // Every token issued for this call goes: the first stream to claim one is the call's only stream.
    pending.values().removeIf(g -> callSid.equals(g.callSid()));
    pending.remove(hash(token));
    claimedAt.put(callSid, now);
    streaming.add(callSid);
    return new Claim.Granted(callSid, grant.outbound());
  }

  /** The call's stream ended. Its call stays claimed, so no later stream can take it over. */
  public synchronized void release(String callSid) {
    streaming.remove(callSid);
  }

  synchronized int remembered() {
    return pending.size() + claimedAt.size();
  }

  private void trim(long now) {
    for (Iterator<Grant> it = pending.values().iterator(); it.hasNext(); ) {
      if (it.next().expiresAt() > now) break;
      it.remove();
    }
    for (Iterator<Map.Entry<String, Long>> it = claimedAt.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> e = it.next();
      if (e.getValue() > now - LONGEST_CALL.toMillis()) break;
      if (!streaming.contains(e.getKey())) it.remove();
    }
  }

  private static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
