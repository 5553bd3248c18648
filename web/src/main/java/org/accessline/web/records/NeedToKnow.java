package org.accessline.web.records;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.store.RecordQuery;

/**
 * Who may read which records: pure decisions over what the viewer is working on now.
 *
 * <ul>
 *   <li>Through the console API an agent reads the live entries of conversations they hold or are
 *       offered, and nothing else. A supervisor reads any conversation there, audited unless they
 *       hold it.
 *   <li>Through the records API (always audited) an agent reads the records they took part in
 *       (were assigned or wrote in), and the records of a resident whose conversation they hold or
 *       are offered now, so they can see what the resident asked before. A search by an agent must
 *       be narrowed to one of those: {@code agent} = themselves, or {@code contact} = the resident
 *       they are working. Supervisors read and search everything.
 *   <li>A whisper's text is shown to supervisors, to the agent holding the conversation now, and to
 *       the agent it was whispered to (the one holding the conversation then). Anyone else sees
 *       that a whisper was made, not what it said.
 * </ul>
 */
public final class NeedToKnow {
  private NeedToKnow() {}

  /**
   * The reader and what they are working on: the conversations they hold (assigned to them), those
   * offered to them, and the contact addresses of both.
   */
  public record Viewer(AgentId id, boolean supervisor, Set<ConversationId> holding, Set<ConversationId> offered, Set<String> workingAddresses,
      Set<ConversationId> reviewing) {
    public Viewer {
      holding = Set.copyOf(holding);
      offered = Set.copyOf(offered);
      workingAddresses = Set.copyOf(workingAddresses);
      reviewing = Set.copyOf(reviewing);
    }

    public Viewer(AgentId id, boolean supervisor, Set<ConversationId> holding, Set<ConversationId> offered, Set<String> workingAddresses) {
      this(id, supervisor, holding, offered, workingAddresses, Set.of());
    }

    /** The same viewer, who is also the reviewer of an evaluation of each of these records. */
    public Viewer reviewing(Set<ConversationId> records) {
      return new Viewer(id, supervisor, holding, offered, workingAddresses, records);
    }

    boolean works(ConversationId id) {
      return holding.contains(id) || offered.contains(id);
    }
  }

  /** Why a read was let through; every grant but the agent's own live work is written to the audit log first. */
  public enum Grant {
    /** The viewer holds or is offered the conversation: their live work, not a records read. */
    WORKING(false),
    SUPERVISOR(true),
    TOOK_PART(true),
    /** The viewer reviews the record for quality: an evaluation of it is theirs, as reviewer. */
    REVIEWING(true),
    SAME_RESIDENT(true);

    private final boolean audited;

    Grant(boolean audited) {
      this.audited = audited;
    }

    public boolean audited() {
      return audited;
    }
  }

  public sealed interface Decision {
    record Allowed(Grant grant) implements Decision {}

    record Refused(String reason) implements Decision {}
  }

  /** The console's live entries of one conversation. */
  public static Decision liveEntries(Viewer v, ConversationId conversation) {
    if (v.works(conversation)) return new Decision.Allowed(Grant.WORKING);
    if (v.supervisor()) return new Decision.Allowed(Grant.SUPERVISOR);
    return new Decision.Refused("This conversation is not yours. Past records are read on the records page, where each read is logged.");
  }

  /** One whole record through the records API; {@code entries} are the record's, in order. */
  public static Decision record(Viewer v, List<Entry> entries) {
    if (v.supervisor()) return new Decision.Allowed(Grant.SUPERVISOR);
    if (tookPart(v.id(), entries)) return new Decision.Allowed(Grant.TOOK_PART);
    Optional<String> address = entries.isEmpty() || !(entries.get(0).event() instanceof ConversationEvent.Opened o)
        ? Optional.empty() : Optional.of(o.contact().address());
    if (address.filter(v.workingAddresses()::contains).isPresent()) return new Decision.Allowed(Grant.SAME_RESIDENT);
    if (!entries.isEmpty() && v.reviewing().contains(entries.get(0).conversationId())) return new Decision.Allowed(Grant.REVIEWING);
    return new Decision.Refused("Agents read the records they took part in, and those of a resident they are working with now.");
  }

  /** A search or listing of records. */
  public static Decision search(Viewer v, RecordQuery q) {
    if (v.supervisor()) return new Decision.Allowed(Grant.SUPERVISOR);
    if (q.agent().filter(v.id()::equals).isPresent()) return new Decision.Allowed(Grant.TOOK_PART);
    if (q.contact().filter(v.workingAddresses()::contains).isPresent()) return new Decision.Allowed(Grant.SAME_RESIDENT);
    return new Decision.Refused("Agents search their own records (agent=" + v.id().value()
        + ") or the records of a resident they are working with now (contact=their number or chat id).");
  }

  /** Whether the agent was assigned the conversation or wrote in it. */
  static boolean tookPart(AgentId agent, List<Entry> entries) {
    for (Entry e : entries) {
      if (e.event() instanceof ConversationEvent.Assigned a && a.agent().equals(agent)) return true;
      if (e.actor().role() == Role.AGENT && e.actor().id().equals(agent.value())) return true;
    }
    return false;
  }

  /** The sequence numbers of the whispers whose text this viewer may not see. */
  public static Set<Long> withheldWhispers(Viewer v, List<Entry> entries) {
    Set<Long> withheld = new HashSet<>();
    if (v.supervisor()) return withheld;
    Optional<ConversationId> conversation = entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0).conversationId());
    if (conversation.filter(v.holding()::contains).isPresent()) return withheld;
    Optional<AgentId> holder = Optional.empty();
    for (Entry e : entries) {
      ConversationEvent ev = e.event();
      if (ev instanceof ConversationEvent.Assigned a) holder = Optional.of(a.agent());
      else if (ev instanceof ConversationEvent.Unassigned) holder = Optional.empty();
      else if (ev instanceof ConversationEvent.Whispered && !holder.filter(v.id()::equals).isPresent()) withheld.add(e.seq());
    }
    return withheld;
  }
}
