package org.accessline.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;

/** A conversation built by the rules themselves, one command at a time, each a second after the one before. */
final class Conversation {
  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  final ConversationId id = ConversationId.random();
  final Policies policies;
  final List<Entry> log = new ArrayList<>();

  Conversation(Policies policies) {
    this.policies = policies;
  }

  Optional<ConversationState> state() {
    return log.isEmpty() ? Optional.empty() : Optional.of(ConversationState.replay(log));
  }

  Instant now() {
    return T0.plusSeconds(log.size());
  }

  Decision decide(StreamCommand command) {
    return StreamRules.decide(state(), command, now(), new StreamRules.NewRecord(id, Optional.empty()), policies);
  }

  /** Appends what the command decides, and returns just those entries. */
  List<Entry> run(StreamCommand command) {
    List<Entry> entries = assertInstanceOf(Decision.Append.class, decide(command)).entries();
    log.addAll(entries);
    return entries;
  }
}
