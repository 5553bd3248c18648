package org.accessline.gateway.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Attachment;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.Transcription;

/** A request to add to a conversation. The stream turns each into entries, a duplicate, or a refusal. */
public sealed interface StreamCommand {

  /** A resident wrote. Opens a conversation for the contact if none is open. */
  record ResidentMessage(Contact contact, String text, String dedupeKey, List<Attachment> attachments) implements StreamCommand {
    public ResidentMessage {
      if (contact == null) throw new IllegalArgumentException("a resident message needs a contact");
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
      // Whether the text has anything in it is the rules' call (ResidentText), answered as a refusal.
      if (text == null) throw new IllegalArgumentException("a message's text may be empty, not missing");
      requireKey(dedupeKey);
    }

    public ResidentMessage(Contact contact, String text, String dedupeKey) {
      this(contact, text, dedupeKey, List.of());
    }
  }

  /** The resident opted out of messages or back in; recorded on their conversation. */
  record RecordConsent(ConversationId conversation, boolean optedOut, String keyword, String dedupeKey) implements StreamCommand {
    public RecordConsent {
      if (conversation == null || keyword == null || keyword.isBlank()) throw new IllegalArgumentException("consent needs a conversation and its keyword");
      requireKey(dedupeKey);
    }
  }

  /**
   * Staff reach a resident again (a follow-up): a new conversation with the contact, assigned to the
   * agent at once, whose opening entry links back to the record it follows up.
   */
  record OpenOutbound(Contact contact, Participant agent, ConversationId origin, String dedupeKey) implements StreamCommand {
    public OpenOutbound {
      if (contact == null || agent == null || !agent.isStaff() || origin == null) {
        throw new IllegalArgumentException("an outbound conversation needs a contact, a staff member and the record it follows");
      }
      requireKey(dedupeKey);
    }
  }

  /** A phone call came in. Each call is its own conversation, even when the caller has another open. */
  record OpenCall(Contact contact, String callKey) implements StreamCommand {
    public OpenCall {
      if (contact == null) throw new IllegalArgumentException("a call needs a contact");
      requireKey(callKey);
    }
  }

  /**
   * The resident on a call wrote, or their relay assistant spoke for them ({@code transcription}
   * says so); it belongs to that call's conversation.
   */
  record CallerMessage(ConversationId conversation, String text, String dedupeKey, Optional<Transcription> transcription) implements StreamCommand {
    public CallerMessage {
      if (conversation == null) throw new IllegalArgumentException("a caller message needs a conversation");
      if (text == null) throw new IllegalArgumentException("a caller message needs text");
      if (transcription == null) transcription = Optional.empty();
      requireKey(dedupeKey);
    }

    public CallerMessage(ConversationId conversation, String text, String dedupeKey) {
      this(conversation, text, dedupeKey, Optional.empty());
    }
  }

  /** A relay assistant described what they hear, such as "(typing)". */
  record Annotate(ConversationId conversation, String text, String dedupeKey) implements StreamCommand {
    public Annotate {
      if (conversation == null) throw new IllegalArgumentException("an annotation needs a conversation");
      requireText(text);
      requireKey(dedupeKey);
    }
  }

  /** A relay assistant announced themselves on the call. */
  record RelayAssistant(ConversationId conversation, ConversationEvent.RelayAssistantJoined joined, String dedupeKey) implements StreamCommand {
    public RelayAssistant {
      if (conversation == null || joined == null) throw new IllegalArgumentException("a relay assistant needs a conversation and who joined");
      requireKey(dedupeKey);
    }
  }

  /** The channel itself wrote to the resident, such as a call's greeting. */
  record AutomatedMessage(ConversationId conversation, String text, String dedupeKey) implements StreamCommand {
    public AutomatedMessage {
      if (conversation == null) throw new IllegalArgumentException("an automated message needs a conversation");
      requireText(text);
      requireKey(dedupeKey);
    }
  }

  /** The assigned agent asks a supervisor to take over, saying why. The agent keeps it until one does. */
  record AskSupervisor(ConversationId conversation, Participant agent, String reason) implements StreamCommand {
    public AskSupervisor {
      if (conversation == null || agent == null || !agent.isStaff()) throw new IllegalArgumentException("an escalation needs a conversation and its agent");
      if (reason == null || reason.isBlank() || reason.length() > 500) throw new IllegalArgumentException("the reason must be 1-500 characters");
    }
  }

  /** A supervisor takes a conversation its agent escalated. */
  record SupervisorTakes(ConversationId conversation, AgentId supervisor, String supervisorName) implements StreamCommand {
    public SupervisorTakes {
      if (conversation == null || supervisor == null) throw new IllegalArgumentException("taking an escalation needs a conversation and a supervisor");
    }
  }

  /** The center tells the resident something over their channel, such as their place in line. */
  record CenterMessage(ConversationId conversation, String text, String dedupeKey) implements StreamCommand {
    public CenterMessage {
      if (conversation == null) throw new IllegalArgumentException("a center message needs a conversation");
      requireText(text);
      requireKey(dedupeKey);
    }
  }

  /** The assigned agent sets the skills the conversation needs (a language, a topic). */
  record SetSkills(ConversationId conversation, Participant agent, Set<String> skills) implements StreamCommand {
    public SetSkills {
      if (conversation == null || agent == null || skills == null) throw new IllegalArgumentException("setting skills needs a conversation, its agent and the skills");
      skills = Set.copyOf(skills);
    }
  }

  /**
   * The assigned agent passes the conversation on: to another agent (at once), or back to the queue
   * needing {@code skills}. The note is for whoever takes it.
   */
  record Transfer(ConversationId conversation, Participant from, Optional<AgentId> to, String toName, Optional<Set<String>> skills, String note,
      Optional<String> queue) implements StreamCommand {
    public Transfer {
      if (queue == null) queue = Optional.empty();
      if (conversation == null || from == null || to == null || skills == null) throw new IllegalArgumentException("a transfer needs a conversation, its agent and where to");
      if (note == null || note.length() > 1000) throw new IllegalArgumentException("a transfer note is at most 1000 characters");
    }
  }

  /** Staff file the record's details; allowed after resolution, when records are often completed. */
  record FileDetails(ConversationId conversation, Participant staff, org.accessline.gateway.conversation.ConversationEvent.DetailsSet details)
      implements StreamCommand {
    public FileDetails {
      if (conversation == null || staff == null || !staff.isStaff() || details == null) throw new IllegalArgumentException("filing needs a conversation, staff and details");
    }
  }

  /**
   * Staff record a referral to a directory service; allowed whenever filing details is. The request id
   * is the client's own, so a retried request records it once.
   */
  record Refer(ConversationId conversation, Participant staff, org.accessline.gateway.conversation.ConversationEvent.Referred referral, String requestId)
      implements StreamCommand {
    public Refer {
      if (conversation == null || staff == null || !staff.isStaff() || referral == null) throw new IllegalArgumentException("a referral needs a conversation, staff and the service");
      if (requestId == null || !requestId.matches("[A-Za-z0-9-]{8,64}")) throw new IllegalArgumentException("a referral needs the client's request id");
    }
  }

  /** A supervisor moves a conversation to another agent. */
  record Reassign(ConversationId conversation, AgentId to, String toName, String byName) implements StreamCommand {
    public Reassign {
      if (conversation == null || to == null || byName == null) throw new IllegalArgumentException("a reassignment needs a conversation, an agent and who moved it");
    }
  }

  /** A supervisor whispers to the agent: only staff see it. */
  record Whisper(ConversationId conversation, Participant supervisor, String text) implements StreamCommand {
    public Whisper {
      if (conversation == null || supervisor == null || supervisor.role() != org.accessline.gateway.conversation.Role.SUPERVISOR) {
        throw new IllegalArgumentException("a whisper needs a conversation and a supervisor");
      }
      requireText(text);
    }
  }

  /** A supervisor writes to the resident directly; the resident sees it as from the center. */
  record BargeIn(ConversationId conversation, Participant supervisor, String text, Optional<String> dedupeKey) implements StreamCommand {
    public BargeIn {
      if (conversation == null || supervisor == null || supervisor.role() != org.accessline.gateway.conversation.Role.SUPERVISOR) {
        throw new IllegalArgumentException("barging in needs a conversation and a supervisor");
      }
      requireText(text);
      dedupeKey = dedupeKey == null ? Optional.empty() : dedupeKey;
    }
  }

  /** A time limit ran out; recorded once per key, and supervisors are alerted. */
  record RecordBreach(ConversationId conversation, String path, String reason, String dedupeKey, Optional<String> overflowTo) implements StreamCommand {
    public RecordBreach {
      if (overflowTo == null) overflowTo = Optional.empty();
      if (conversation == null || path == null || reason == null) throw new IllegalArgumentException("a breach needs a conversation, path and reason");
      requireKey(dedupeKey);
    }
  }

  /** The channel noted something the agent should know. Allowed after resolution: a call may end later. */
  record Note(ConversationId conversation, String text, String dedupeKey) implements StreamCommand {
    public Note {
      if (conversation == null) throw new IllegalArgumentException("a note needs a conversation");
      requireText(text);
      requireKey(dedupeKey);
    }
  }

  record AgentMessage(ConversationId conversation, Participant agent, String text, Optional<String> dedupeKey) implements StreamCommand {
    public AgentMessage {
      if (conversation == null || agent == null || !agent.isStaff()) throw new IllegalArgumentException("an agent message needs a conversation and a staff author");
      requireText(text);
      dedupeKey = dedupeKey == null ? Optional.empty() : dedupeKey;
    }
  }

  record Resolve(ConversationId conversation, Participant agent, String disposition) implements StreamCommand {
    public Resolve {
      if (conversation == null || agent == null) throw new IllegalArgumentException("resolving needs a conversation and an agent");
      if (disposition == null || disposition.isBlank() || disposition.length() > 200) {
        throw new IllegalArgumentException("a disposition must be 1-200 characters");
      }
    }
  }

  /** Routing offers the waiting conversation to an agent, recorded before the agent is told. */
  record Offer(ConversationId conversation, AgentId agent, String agentName) implements StreamCommand {}

  record Assign(ConversationId conversation, AgentId agent, String agentName) implements StreamCommand {}

  record Release(ConversationId conversation, AgentId agent, String reason) implements StreamCommand {}

  /**
   * A delivery report for the message at {@code messageSeq}. With {@code providerId}, it must match
   * the id recorded for that message, if one is; a report that does not is refused.
   */
  /**
   * @param fromProvider the provider's own report (a status callback), which may only speak of a message
   *     we handed to that provider, never of one it never took or of another entry
   */
  record RecordDelivery(ConversationId conversation, long messageSeq, DeliveryStatus status, String detail, Optional<String> dedupeKey,
      Optional<String> providerId, boolean fromProvider) implements StreamCommand {
    public RecordDelivery(ConversationId conversation, long messageSeq, DeliveryStatus status, String detail, Optional<String> dedupeKey,
        Optional<String> providerId) {
      this(conversation, messageSeq, status, detail, dedupeKey, providerId, false);
    }

    public RecordDelivery(ConversationId conversation, long messageSeq, DeliveryStatus status, String detail, Optional<String> dedupeKey) {
      this(conversation, messageSeq, status, detail, dedupeKey, Optional.empty());
    }
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank()) throw new IllegalArgumentException("a channel's own id is needed for idempotency");
  }

  private static void requireText(String text) {
    if (text == null || text.isBlank()) throw new IllegalArgumentException("a message needs text");
  }
}
