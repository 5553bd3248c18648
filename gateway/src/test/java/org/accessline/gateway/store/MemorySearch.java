package org.accessline.gateway.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;

/** A record query's meaning, as the real stores index it, applied to one record by scanning its entries. */
final class MemorySearch {
  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

  private MemorySearch() {}

  static boolean matches(Contact contact, Instant opened, List<Entry> entries, RecordQuery q) {
    if (q.openedFrom().filter(opened::isBefore).isPresent()) return false;
    if (q.openedBefore().filter(t -> !opened.isBefore(t)).isPresent()) return false;
    if (q.channel().filter(ch -> !ch.equals(contact.channel())).isPresent()) return false;
    if (q.contact().filter(a -> !a.equals(contact.address())).isPresent()) return false;
    InteractionRecord record = InteractionRecord.of(entries);
    if (q.disposition().filter(d -> !record.disposition().equals(Optional.of(d))).isPresent()) return false;
    if (q.agent().filter(a -> !everAssigned(entries, a)).isPresent()) return false;
    Optional<ConversationEvent.DetailsSet> filed = record.details();
    if (q.tag().filter(t -> filed.filter(d -> d.tags().contains(t)).isEmpty()).isPresent()) return false;
    if (q.category().filter(k -> filed.flatMap(ConversationEvent.DetailsSet::category).filter(k::equalsIgnoreCase).isEmpty()).isPresent()) return false;
    Set<String> words = new HashSet<>();
    for (Entry e : entries) {
      if (e.event() instanceof ConversationEvent.MessagePosted m) words.addAll(List.of(WORD_BREAK.split(m.text().toLowerCase(Locale.ROOT))));
    }
    return words.containsAll(q.words());
  }

  private static boolean everAssigned(List<Entry> entries, AgentId agent) {
    return entries.stream().anyMatch(e -> e.event() instanceof ConversationEvent.Assigned a && a.agent().equals(agent));
  }
}
