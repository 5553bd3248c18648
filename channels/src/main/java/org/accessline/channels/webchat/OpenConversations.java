package org.accessline.channels.webchat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;

/**
 * How many web chat conversations each client address holds open, counted by resident token, so
 * that many sockets from one address cannot fill the queue. A token claims a place before its first
 * message and keeps it until its conversation is resolved. Thread-safe; the bookkeeping only, with
 * no clock and no I/O.
 */
final class OpenConversations {
  /** What a claim found. */
  enum Claim { HELD, NEW, FULL }

  private final int perAddress;
  /** Address, then token (the resident's contact address), then its conversation once known. */
  private final Map<String, Map<String, Optional<ConversationId>>> held = new HashMap<>();

  OpenConversations(int perAddress) {
    this.perAddress = perAddress;
  }

  /** Takes a place for the token at the address, unless it has one or the address is full. */
  synchronized Claim claim(String address, String token) {
    Map<String, Optional<ConversationId>> tokens = held.computeIfAbsent(address, a -> new HashMap<>());
    if (tokens.containsKey(token)) return Claim.HELD;
    if (tokens.size() >= perAddress) {
      if (tokens.isEmpty()) held.remove(address);
      return Claim.FULL;
    }
    tokens.put(token, Optional.empty());
    return Claim.NEW;
  }

  /**
   * Notes the conversation the token's message went to; true if it is not the one known before
   * (a new conversation to watch), in which case the token holds a place again even if it had let
   * it go meanwhile.
   */
  synchronized boolean posted(String address, String token, ConversationId conversation) {
    Map<String, Optional<ConversationId>> tokens = held.computeIfAbsent(address, a -> new HashMap<>());
    Optional<ConversationId> before = tokens.put(token, Optional.of(conversation));
    return before == null || !before.equals(Optional.of(conversation));
  }

  /** Gives the place back: the conversation was resolved. Later conversations of the token keep theirs. */
  synchronized void resolved(String address, String token, ConversationId conversation) {
    Map<String, Optional<ConversationId>> tokens = held.get(address);
    if (tokens == null || !Optional.of(conversation).equals(tokens.get(token))) return;
    tokens.remove(token);
    if (tokens.isEmpty()) held.remove(address);
  }

  /** Gives back a place claimed for a message that was not stored. */
  synchronized void unclaim(String address, String token) {
    Map<String, Optional<ConversationId>> tokens = held.get(address);
    if (tokens == null || tokens.get(token) == null || tokens.get(token).isPresent()) return;
    tokens.remove(token);
    if (tokens.isEmpty()) held.remove(address);
  }

  synchronized int open(String address) {
    return held.getOrDefault(address, Map.of()).size();
  }
}
