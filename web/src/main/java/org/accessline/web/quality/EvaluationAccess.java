package org.accessline.web.quality;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.store.QualityReviews.Evaluation;

/** Who may see an evaluation and who may write one: pure decisions over the evaluation, the record and the staff member. */
public final class EvaluationAccess {
  private EvaluationAccess() {}

  public record Staff(String id, boolean reviewer) {}

  /**
   * Reviewers see every evaluation. The agent it scores sees it once it is submitted, and never a
   * calibration evaluation (that one measures the reviewers). No one else sees it.
   */
  public static boolean maySee(Staff who, Evaluation e) {
    if (who.reviewer()) return true;
    return who.id().equals(e.agent()) && !e.state().equals("draft") && e.calibration().isEmpty();
  }

  /** The agents who held the record (assigned it, or wrote in it), in the order they first did. */
  public static List<String> agentsOf(List<Entry> entries) {
    Set<String> agents = new LinkedHashSet<>();
    for (Entry e : entries) {
      if (e.event() instanceof ConversationEvent.Assigned a) agents.add(a.agent().value());
      else if (e.actor().role() == Role.AGENT) agents.add(e.actor().id());
    }
    return List.copyOf(agents);
  }

  /**
   * Why this reviewer may not score this agent on this record, if they may not: a reviewer never
   * scores a record they held themselves, and the agent scored must have held it. No agent named:
   * the last one who held it.
   */
  public sealed interface Subject {
    record Agent(String agent) implements Subject {}

    record Refused(int status, String code, String reason) implements Subject {}
  }

  public static Subject subject(String reviewer, Optional<String> named, List<Entry> entries) {
    List<String> held = agentsOf(entries);
    if (held.contains(reviewer)) {
      return new Subject.Refused(403, "own_record", "You held this record yourself; another reviewer evaluates it.");
    }
    if (named.isPresent()) {
      return held.contains(named.get()) ? new Subject.Agent(named.get())
          : new Subject.Refused(400, "not_their_record", "That agent did not hold this record.");
    }
    return held.isEmpty() ? new Subject.Refused(409, "no_agent", "No agent held this record, so there is no one to evaluate.")
        : new Subject.Agent(held.get(held.size() - 1));
  }
}
