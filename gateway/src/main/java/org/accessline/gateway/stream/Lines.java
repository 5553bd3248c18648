package org.accessline.gateway.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;

/**
 * The conversations in memory, each on its line (its single writer), found by conversation and by
 * contact. A line stays while its conversation is open or a command is queued on it. Used only on
 * the stream's context.
 */
final class Lines {
  private final Map<ConversationId, Line> byId = new HashMap<>();
  private final Map<Contact, Line> byContact = new HashMap<>();

  /** A conversation the store has open, as the stream starts. */
  void restore(ConversationState state) {
    Line line = new Line(Optional.of(state));
    byId.put(state.id(), line);
    byContact.put(state.contact(), line);
  }

  Optional<Line> of(ConversationId conversation) {
    return Optional.ofNullable(byId.get(conversation));
  }

  /** The contact's line, or a new empty one that their first message will open a conversation on. */
  Line ofContact(Contact contact) {
    return byContact.computeIfAbsent(contact, c -> new Line(Optional.empty()));
  }

  /** A new empty line for a conversation that is not in memory, while its record is read. */
  Line loading(ConversationId conversation) {
    Line line = new Line(Optional.empty());
    byId.put(conversation, line);
    return line;
  }

  /** The state on the conversation's line, whether or not it is still open. */
  Optional<ConversationState> state(ConversationId conversation) {
    return of(conversation).flatMap(l -> l.state);
  }

  /** The contact's conversation in memory: their open one, or the one just resolved. */
  Optional<ConversationId> latestOf(Contact contact) {
    return Optional.ofNullable(byContact.get(contact)).flatMap(l -> l.state).map(ConversationState::id);
  }

  /**
   * Applies durable entries to the line's conversation. A resolved contact who writes again gets a
   * new conversation on the same line, which then answers to the new id only.
   */
  ConversationState advance(Line line, List<Entry> entries) {
    Optional<ConversationState> before = line.state.filter(s -> s.id().equals(entries.get(0).conversationId()));
    ConversationState state = before.isPresent() ? before.get() : ConversationState.replay(entries.subList(0, 1));
    for (Entry e : entries) if (e.seq() > state.lastSeq()) state = state.apply(e);
    line.state.filter(s -> before.isEmpty()).ifPresent(old -> byId.remove(old.id(), line));
    line.state = Optional.of(state);
    byId.put(state.id(), line);
    byContact.put(state.contact(), line);
    return state;
  }

  /**
   * Lets the line go once nothing is queued on it and its conversation is over; the store keeps the
   * record. Returns the contact it held, if no other line holds them now.
   */
  Optional<Contact> forgetIfFinished(Line line) {
    if (!line.idle() || line.state.filter(s -> !s.resolved()).isPresent()) return Optional.empty();
    byId.values().removeIf(l -> l == line);
    byContact.values().removeIf(l -> l == line);
    return line.state.map(ConversationState::contact).filter(c -> !byContact.containsKey(c));
  }

  /** Every open conversation's state, once each. */
  List<ConversationState> open() {
    List<ConversationState> open = new ArrayList<>(byId.size());
    for (Map.Entry<ConversationId, Line> e : byId.entrySet()) {
      e.getValue().state.filter(s -> s.id().equals(e.getKey()) && !s.resolved()).ifPresent(open::add);
    }
    return open;
  }
}
