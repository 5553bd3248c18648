package org.accessline.gateway.rules;

import java.time.Duration;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Presence;

/** What happens to the floor: agents come and go, conversations change, offers are answered, timers run out. */
public sealed interface FloorInput {

  /** One more console of the agent's is open. */
  record AgentConnected(AgentProfile profile) implements FloorInput {}

  /** One of the agent's consoles closed; when the last one does, the hand-back grace begins. */
  record AgentDisconnected(AgentId agent) implements FloorInput {}

  /** After a restart the agent has conversations but no console yet: the hand-back grace begins. */
  record AwaitReturn(AgentId agent) implements FloorInput {}

  record PresenceSet(AgentProfile profile, Presence presence) implements FloorInput {}

  /**
   * A durable write left the conversation as {@code state} (resolved ones included);
   * {@code routingChanged} when it joined, left or moved in the line.
   */
  record ConversationChanged(ConversationState state, boolean routingChanged) implements FloorInput {}

  /** A new conversation waits out of the line while its resident's last agent is looked up. */
  record LookingUpLastAgent(ConversationId conversation) implements FloorInput {}

  /** The resident's last agent, if recent enough: the conversation joins the line, preferring them. */
  record LastAgentKnown(ConversationId conversation, Optional<AgentId> agent) implements FloorInput {}

  /** The agent passed the conversation back to the queue: it is not offered to them again at once. */
  record PassedOn(ConversationId conversation, AgentId agent) implements FloorInput {}

  /** A conversation was resolved after {@code handled} with an agent; wait estimates follow recent ones. */
  record Handled(Duration handled) implements FloorInput {}

  /** The offer numbered {@code offer} is on the record: the agent may be told. */
  record OfferRecorded(ConversationId conversation, AgentId agent, long offer) implements FloorInput {}

  /** The offer could not be recorded; {@code retry} when the store failed rather than the stream refusing it. */
  record OfferNotRecorded(ConversationId conversation, AgentId agent, long offer, boolean retry) implements FloorInput {}

  /** The agent takes what was offered to them, or passed to them in a warm transfer. */
  record Accepted(ConversationId conversation, AgentId agent) implements FloorInput {}

  /** The agent lets the offer, or the warm transfer, go. */
  record Declined(ConversationId conversation, AgentId agent) implements FloorInput {}

  /** The agent did not answer the offer numbered {@code offer} in time. */
  record OfferLapsed(ConversationId conversation, AgentId agent, long offer) implements FloorInput {}

  /** An assignment's write finished; {@code retry} when the store failed rather than the stream refusing it. */
  record AssignmentDone(ConversationId conversation, AgentId agent, boolean retry) implements FloorInput {}

  /** {@code from} offers their conversation to {@code to}, keeping it until {@code to} accepts. */
  record TransferOffered(ConversationId conversation, String channel, AgentProfile from, AgentProfile to, String note) implements FloorInput {}

  /** The agent a warm transfer was offered to did not answer in time. */
  record TransferLapsed(ConversationId conversation) implements FloorInput {}

  /** The hand-back grace of an agent with no console open has run out. */
  record GraceEnded(AgentId agent) implements FloorInput {}

  /** Routing after a failed write, a second later. */
  record RetryDue() implements FloorInput {}

  /** Coalesced places in line may be published now. */
  record PlacesDue() implements FloorInput {}

  /** The periodic pass: cool-downs end, texters are told again, offers are made. */
  record Tick() implements FloorInput {}
}
