package org.accessline.gateway.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Participant;

/** What the floor asks of its shell: writes to conversations, signals to agents and residents, timers. */
public sealed interface FloorAction {

  /** How a write to a conversation ended. */
  enum Outcome {
    WRITTEN,
    /** The stream would not take it (the conversation moved on); trying again would not help. */
    REFUSED,
    /** The store failed; routing tries again. */
    FAILED
  }

  /** A command for the conversation's writer, run as any other command is. */
  sealed interface Write extends FloorAction {
    ConversationId conversation();

    StreamCommand command();

    /** What the floor must hear of the outcome, if anything. */
    default Optional<FloorInput> settled(Outcome outcome) {
      return Optional.empty();
    }
  }

  /** Puts the offer on the record before the agent is told of it. */
  record RecordOffer(ConversationId conversation, AgentId agent, String agentName, long offer) implements Write {
    public StreamCommand command() {
      return new StreamCommand.Offer(conversation, agent, agentName);
    }

    @Override
    public Optional<FloorInput> settled(Outcome outcome) {
      if (outcome == Outcome.WRITTEN) return Optional.of(new FloorInput.OfferRecorded(conversation, agent, offer));
      return Optional.of(new FloorInput.OfferNotRecorded(conversation, agent, offer, outcome == Outcome.FAILED));
    }
  }

  record Assign(ConversationId conversation, AgentId agent, String agentName) implements Write {
    public StreamCommand command() {
      return new StreamCommand.Assign(conversation, agent, agentName);
    }

    @Override
    public Optional<FloorInput> settled(Outcome outcome) {
      return Optional.of(new FloorInput.AssignmentDone(conversation, agent, outcome == Outcome.FAILED));
    }
  }

  /** The agent a warm transfer was offered to took it. */
  record CompleteTransfer(ConversationId conversation, Participant from, AgentId to, String toName, String note) implements Write {
    public StreamCommand command() {
      return new StreamCommand.Transfer(conversation, from, Optional.of(to), toName, Optional.empty(), note, Optional.empty());
    }
  }

  /** Hands a conversation back to the queue: its agent's consoles stayed closed past the grace. */
  record Release(ConversationId conversation, AgentId agent, String reason) implements Write {
    public StreamCommand command() {
      return new StreamCommand.Release(conversation, agent, reason);
    }
  }

  /** A note on the record for staff: an offer or a transfer that was declined or lapsed. */
  record Note(ConversationId conversation, String text, String dedupeKey) implements Write {
    public StreamCommand command() {
      return new StreamCommand.Note(conversation, text, dedupeKey);
    }
  }

  /** Tells a texting or TTY resident their place in line, as a message from the center. */
  record TextPlaceInLine(ConversationId conversation, String text, String dedupeKey) implements Write {
    public StreamCommand command() {
      return new StreamCommand.CenterMessage(conversation, text, dedupeKey);
    }
  }

  /** Tells the agent's consoles of an offer, or of a warm transfer from {@code transferFrom}. */
  record TellOffered(AgentId agent, ConversationId conversation, String channel, Instant expires, Optional<String> transferFrom, String note)
      implements FloorAction {}

  /** Tells the agent's consoles an offer is gone: declined, lapsed. */
  record TellWithdrawn(AgentId agent, ConversationId conversation, String reason) implements FloorAction {}

  record PublishQueueLength(int waiting) implements FloorAction {}

  /** A resident's live place in line; {@code expectedWait} is absent when nobody is on duty. */
  record PublishPlaceInLine(ConversationId conversation, int position, Optional<Duration> expectedWait) implements FloorAction {}

  /** Feeds {@code then} to the floor after {@code after}, replacing any timer with the same key. */
  record StartTimer(TimerKey key, Duration after, FloorInput then) implements FloorAction {}

  record CancelTimer(TimerKey key) implements FloorAction {}

  /** Names a timer, so the floor can cancel what it started. */
  sealed interface TimerKey {
    record OfferAnswer(ConversationId conversation) implements TimerKey {}

    record TransferAnswer(ConversationId conversation) implements TimerKey {}

    record Handback(AgentId agent) implements TimerKey {}

    record Retry() implements TimerKey {}

    record Places() implements TimerKey {}
  }
}
