package org.accessline.gateway.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.escalation.Escalations;
import org.accessline.gateway.routing.ContentSkills;

/**
 * What a resident's words set off, written in the same atomic append as the words themselves: an
 * emergency's flag and the channel's 911 guidance, and the skills a first message calls for. Pure.
 */
final class FollowOns {
  private FollowOns() {}

  /** The entries, followed by what they set off, numbered on from them. */
  static List<Entry> appendedTo(Optional<ConversationState> before, List<Entry> entries, Policies policies) {
    if (entries.stream().noneMatch(FollowOns::fromResident)) return entries;
    Optional<ConversationState> same = before.filter(s -> s.id().equals(entries.get(0).conversationId()));
    ConversationState after = same.orElse(null);
    for (Entry e : entries) after = after == null ? ConversationState.replay(List.of(e)) : after.apply(e);
    List<Entry> following = new ArrayList<>(Escalations.following(after, entries, policies.emergencies(), entries.get(entries.size() - 1).at()));
    skillsFromFirstWords(same, entries, after.lastSeq() + following.size(), policies.contentSkills()).ifPresent(following::add);
    if (following.isEmpty()) return entries;
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(following);
    return all;
  }

  /** The skills a resident's first message calls for, as an entry numbered after {@code lastSeq}. */
  private static Optional<Entry> skillsFromFirstWords(Optional<ConversationState> before, List<Entry> entries, long lastSeq, ContentSkills contentSkills) {
    if (before.filter(s -> s.lastResidentSeq() > 0).isPresent()) return Optional.empty();
    for (Entry e : entries) {
      if (!fromResident(e)) continue;
      Set<String> skills = contentSkills.in(((ConversationEvent.MessagePosted) e.event()).text());
      if (skills.isEmpty()) return Optional.empty();
      return Optional.of(new Entry(e.conversationId(), lastSeq + 1, e.at(), Participant.SYSTEM, new ConversationEvent.SkillsRequired(skills), Optional.empty()));
    }
    return Optional.empty();
  }

  private static boolean fromResident(Entry e) {
    return e.actor().role() == Role.RESIDENT && e.event() instanceof ConversationEvent.MessagePosted;
  }
}
