package org.accessline.gateway.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;

/** One thing the stream does once entries are durable; {@link Effects} lists them, the stream's shell carries them out in order. */
public sealed interface Effect {

  /** Publish the entry to the conversation's followers and to these agents' consoles. */
  record Publish(Entry entry, List<AgentId> agents) implements Effect {
    public Publish {
      agents = List.copyOf(agents);
    }
  }

  /**
   * Hand the message to the resident's channel. {@code emergencyGuidance} marks the center's 911
   * guidance, which supervisors must hear about at once if it cannot be sent.
   */
  record Deliver(Contact contact, Entry message, String text, boolean emergencyGuidance) implements Effect {}

  /** Remember the contact's consent to messages: later messages to a contact who opted out are withheld. */
  record ConsentChanged(Contact contact, Consent consent) implements Effect {}

  /** Alert every supervisor. */
  record Alert(ConversationId conversation, String path, String reason, Instant at) implements Effect {}

  /** Find the resident's last agent before routing the new conversation, so it can go back to them. */
  record LookUpLastAgent(ConversationId conversation, Contact contact) implements Effect {}

  /** Tell the floor the agent passed the conversation back to the queue. */
  record PassedOn(ConversationId conversation, AgentId agent) implements Effect {}

  /** Tell the floor how long an agent had the conversation just resolved, for its wait estimates. */
  record Handled(Duration time) implements Effect {}

  /** Tell the dashboards what the write counts for the figures of the day. */
  record Count(org.accessline.gateway.signal.StreamSignal.Counted counted) implements Effect {}

  /** Tell the floor the conversation's state after the write; always the last effect of a write. */
  record FloorChanged(ConversationState after, boolean routingChanged) implements Effect {}
}
