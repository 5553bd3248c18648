package org.accessline.gateway.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;

/** What the stream does once a write is durable, in the order it must be done. Pure. */
public final class Effects {
  private Effects() {}

  /**
   * @param before the state the command was decided on; one of another conversation (the contact's
   *     resolved one, when a new conversation opened) counts as none
   * @param after the state with {@code appended} applied
   */
  public static List<Effect> of(Optional<ConversationState> before, ConversationState after, List<Entry> appended) {
    Optional<ConversationState> same = before.filter(s -> s.id().equals(after.id()));
    // The agent who just lost the conversation still sees what took it away.
    Set<AgentId> watching = new LinkedHashSet<>();
    same.flatMap(ConversationState::assignedAgent).ifPresent(watching::add);
    after.assignedAgent().ifPresent(watching::add);
    List<AgentId> agents = List.copyOf(watching);
    List<Effect> out = new ArrayList<>(appended.size() * 2 + 1);
    boolean routingChanged = false;
    for (int i = 0; i < appended.size(); i++) {
      Entry entry = appended.get(i);
      ConversationEvent event = entry.event();
      if (event instanceof ConversationEvent.Opened opened) out.add(new Effect.LookUpLastAgent(entry.conversationId(), opened.contact()));
      if (event instanceof ConversationEvent.Transferred t && t.to().isEmpty()) out.add(new Effect.PassedOn(entry.conversationId(), t.from()));
      out.add(new Effect.Publish(entry, agents));
      routingChanged |= changesRouting(event);
      if (event instanceof ConversationEvent.ConsentChanged c) out.add(new Effect.ConsentChanged(after.contact(), new Consent(c.optedOut())));
      if (event instanceof ConversationEvent.MessagePosted m && entry.actor().speaksToResident()) {
        out.add(new Effect.Deliver(after.contact(), entry, m.text(), i > 0 && isEmergencyGuidance(appended.get(i - 1), entry)));
      }
      if (event instanceof ConversationEvent.Resolved) {
        same.flatMap(ConversationState::firstAssignedAt).ifPresent(from -> out.add(new Effect.Handled(Duration.between(from, entry.at()))));
      }
      if (event instanceof ConversationEvent.Escalated e) out.add(new Effect.Alert(entry.conversationId(), e.path(), e.reason(), entry.at()));
    }
    org.accessline.gateway.signal.Counts.of(same, appended).forEach(c -> out.add(new Effect.Count(c)));
    out.add(new Effect.FloorChanged(after, routingChanged));
    return out;
  }

  private static boolean changesRouting(ConversationEvent event) {
    return event instanceof ConversationEvent.Queued || event instanceof ConversationEvent.Resolved || event instanceof ConversationEvent.Unassigned
        || event instanceof ConversationEvent.Escalated;
  }

  /** The center's 911 guidance is the center's message written right after an emergency was recognised. */
  private static boolean isEmergencyGuidance(Entry previous, Entry entry) {
    return entry.actor().equals(Participant.CENTER) && previous.event() instanceof ConversationEvent.Escalated e
        && e.path().equals(ConversationEvent.Escalated.EMERGENCY);
  }
}
