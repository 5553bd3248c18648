package org.accessline.gateway.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.conversation.ConversationState;

/**
 * What must follow entries the moment they are appended. A resident's message that names an
 * emergency flags the conversation urgent and answers the resident at once with their channel's
 * 911 guidance, in the same atomic append; the agent still handles the conversation. Pure.
 */
public final class Escalations {
  private Escalations() {}

  /**
   * @param after the conversation's state with {@code appended} applied
   * @return entries to append right after {@code appended}, numbered on from it
   */
  public static List<Entry> following(ConversationState after, List<Entry> appended, EmergencyPolicy policy, Instant now) {
    if (after.urgent() || after.resolved()) return List.of();
    for (Entry e : appended) {
      if (e.actor().role() != Role.RESIDENT || !(e.event() instanceof ConversationEvent.MessagePosted m)) continue;
      Optional<String> phrase = policy.match(m.text());
      if (phrase.isEmpty()) continue;
      List<Entry> out = new ArrayList<>(2);
      out.add(new Entry(after.id(), after.lastSeq() + 1, now, Participant.SYSTEM,
          new ConversationEvent.Escalated(ConversationEvent.Escalated.EMERGENCY, "The resident's words name an emergency (\"" + phrase.get() + "\")."),
          Optional.empty()));
      out.add(new Entry(after.id(), after.lastSeq() + 2, now, Participant.CENTER,
          new ConversationEvent.MessagePosted(policy.guidanceFor(after.contact().channel())), Optional.empty()));
      return out;
    }
    return List.of();
  }
}
