package org.accessline.gateway.channel;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.AgentView;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.signal.StreamSignal;

/**
 * What staff may ask of the stream: agents' and supervisors' commands and queries. The web talks
 * to the stream only through this port, as channels do through {@link Intake}. Every command's
 * future completes only once its entries are durable; a refusal fails it with {@link RefusedException}.
 */
public interface Desk {

  // ---- An agent's own conversations ----

  Future<Posted> agentMessage(ConversationId conversation, AgentProfile agent, String text, Optional<String> dedupeKey);

  /** The assigned agent sets the skills the conversation needs beyond its channel's (a language, a topic); routing follows them. */
  Future<Posted> setSkills(ConversationId conversation, AgentProfile agent, Set<String> skills);

  /** Passes the conversation back to the queue, needing {@code skills} if given, with a note for whoever takes it. */
  Future<Posted> transferToQueue(ConversationId conversation, AgentProfile from, Optional<Set<String>> skills, String note, Optional<String> queue);

  /** Passes the conversation to another agent: at once (cold), or once they accept (warm), the first agent keeping it until then. */
  Future<Void> transferToAgent(ConversationId conversation, AgentProfile from, AgentProfile to, String note, boolean warm);

  /** Files the record's category, tags, referral, follow-up and Open311 id (its agent, a supervisor, or any staff once resolved). */
  Future<Posted> fileDetails(ConversationId conversation, Participant staff, ConversationEvent.DetailsSet details);

  /**
   * Records a referral to a directory service on the record, as data (the same staff who may file its
   * details); a retry with the same request id is recorded once.
   */
  Future<Posted> recordReferral(ConversationId conversation, Participant staff, ConversationEvent.Referred referral, String requestId);

  /** The agent hands up to a supervisor; supervisors are alerted, and the agent keeps it until one takes it. */
  Future<Posted> askSupervisor(ConversationId conversation, AgentProfile agent, String reason);

  Future<Posted> resolve(ConversationId conversation, AgentProfile agent, String disposition);

  /** Tells the other side someone is typing. Never stored. */
  Future<Void> typing(ConversationId conversation, Participant who, boolean active);

  /**
   * Opens a new conversation with the contact, assigned to the agent, linked back to {@code origin}
   * in its opening entry. The same {@code key} again answers with the first one. A text contact with
   * an open conversation is refused ({@code already_open}).
   */
  Future<Posted> openOutbound(Contact contact, AgentProfile agent, ConversationId origin, String key);

  // ---- Offers ----

  /** The agent takes a conversation offered to them. */
  Future<Posted> acceptOffer(ConversationId conversation, AgentId agent);

  /** The agent lets an offer go; it goes back to the queue. */
  Future<Void> declineOffer(ConversationId conversation, AgentId agent);

  /** Offers waiting for this agent's answer, for a console that (re)connects. */
  Future<List<StreamSignal.Offered>> offersFor(AgentId agent);

  // ---- Presence ----

  Future<Void> agentConnected(AgentProfile profile);

  /** When an agent's last connection closes, their conversations go back to the queue after the grace period. */
  Future<Void> agentDisconnected(AgentId agent);

  /** Available agents with a live console connection are offered conversations; away agents keep theirs. */
  Future<Presence> setPresence(AgentProfile agent, Presence presence);

  Future<Presence> presence(AgentId agent);

  // ---- Supervisors ----

  Future<Posted> takeEscalation(ConversationId conversation, AgentProfile supervisor);

  Future<Posted> reassign(ConversationId conversation, AgentProfile to, String byName);

  Future<Posted> whisper(ConversationId conversation, AgentProfile supervisor, String text);

  Future<Posted> bargeIn(ConversationId conversation, AgentProfile supervisor, String text, Optional<String> dedupeKey);

  /** What supervisors watch: every agent on the floor, and every open conversation. */
  record FloorView(List<AgentView> agents, List<ConversationState> conversations) {}

  Future<FloorView> floorView();

  /** Conversations waiting for a supervisor, longest first. */
  Future<List<ConversationState>> supervisorQueue();

  // ---- Queries ----

  Future<List<ConversationState>> assignedTo(AgentId agent);

  Future<Optional<ConversationState>> openConversation(ConversationId id);

  Future<Integer> waitingCount();

  /** Durable entries after {@code afterSeq}. */
  Future<List<Entry>> entries(ConversationId conversation, long afterSeq);

  /**
   * Completes once every message handed to a channel so far has its outcome stored, or after
   * {@code within}; a gateway that is stopping waits for this before it closes the store.
   */
  Future<Void> deliveriesRecorded(Duration within);
}
