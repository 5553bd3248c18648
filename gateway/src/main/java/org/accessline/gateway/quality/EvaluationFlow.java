package org.accessline.gateway.quality;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may move an evaluation from one state to the next. A reviewer keeps a draft and submits it,
 * after which no one changes its answers; the agent it scores acknowledges it or disputes it with a
 * reason; a supervisor resolves a dispute, upholding the evaluation or voiding it so it no longer
 * counts in the agent's averages.
 */
public final class EvaluationFlow {
  private EvaluationFlow() {}

  public enum State {
    DRAFT, SUBMITTED, ACKNOWLEDGED, DISPUTED, RESOLVED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<State> parse(String s) {
      for (State v : values()) if (v.wireName().equals(s)) return Optional.of(v);
      return Optional.empty();
    }
  }

  /** The evaluation as the decision needs it. */
  public record Facts(State state, String reviewer, String agent) {}

  public record Actor(String id, boolean supervisor) {}

  public sealed interface Step {
    record Submit() implements Step {}

    record Acknowledge() implements Step {}

    record Dispute(String reason) implements Step {}

    record Resolve(boolean upheld, String note) implements Step {}
  }

  public sealed interface Decision {
    record Moved(State to) implements Decision {}

    record NotYours(String reason) implements Decision {}

    record WrongState(String reason) implements Decision {}

    record Invalid(String reason) implements Decision {}
  }

  public static Decision decide(Facts e, Actor actor, Step step) {
    if (step instanceof Step.Submit) {
      if (!actor.id().equals(e.reviewer())) return new Decision.NotYours("Only the reviewer who wrote an evaluation submits it.");
      if (e.state() != State.DRAFT) return new Decision.WrongState("The evaluation is already submitted; a submitted evaluation never changes.");
      return new Decision.Moved(State.SUBMITTED);
    }
    if (step instanceof Step.Acknowledge || step instanceof Step.Dispute) {
      boolean dispute = step instanceof Step.Dispute;
      String verb = dispute ? "disputes" : "acknowledges";
      if (!actor.id().equals(e.agent())) return new Decision.NotYours("Only the agent an evaluation scores " + verb + " it.");
      if (e.state() != State.SUBMITTED) return new Decision.WrongState("Only a submitted evaluation, not yet acknowledged or disputed, can be " + (dispute ? "disputed." : "acknowledged."));
      if (dispute && blank(((Step.Dispute) step).reason())) return new Decision.Invalid("A dispute needs a reason of at most 2000 characters.");
      return new Decision.Moved(dispute ? State.DISPUTED : State.ACKNOWLEDGED);
    }
    Step.Resolve r = (Step.Resolve) step;
    if (!actor.supervisor()) return new Decision.NotYours("Only a supervisor resolves a dispute.");
    if (actor.id().equals(e.agent()) || actor.id().equals(e.reviewer())) {
      return new Decision.NotYours("A supervisor does not resolve a dispute about their own evaluation or their own work.");
    }
    if (e.state() != State.DISPUTED) return new Decision.WrongState("Only a disputed evaluation can be resolved.");
    if (blank(r.note())) return new Decision.Invalid("A resolution needs a note of at most 2000 characters.");
    return new Decision.Moved(State.RESOLVED);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank() || text.length() > 2000;
  }
}
