package org.accessline.gateway.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quality review beside the records in the same database: scorecard versions, evaluations with
 * their answers and comments, and calibration sessions. Every future completes on the caller's
 * context, and a write only once it is durable. A published version is never updated; an
 * evaluation's answers change only while it is a draft, and its state only from the state the
 * caller read, so two racing moves cannot both win.
 */
public interface QualityReviews {

  /** One published version of a scorecard: its definition is the scorecard as JSON, stored as given. */
  record ScorecardVersion(String id, int version, String name, String definition, Instant publishedAt, String publishedBy) {
    public ScorecardVersion {
      if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) throw new IllegalArgumentException("a scorecard id is a lower-case word of at most 40 characters");
      if (version < 1) throw new IllegalArgumentException("versions count from 1");
    }
  }

  record Comment(Instant at, String author, String kind, String text) {}

  /** An evaluation of one record, at the record's sealed head ({@code headSeq} entries ending in {@code headHash}). */
  record Evaluation(String id, String scorecard, int version, String record, long headSeq, String headHash, String agent, String reviewer,
      String state, Optional<String> calibration, boolean reference, Optional<Integer> scoreTenths, boolean flagged, boolean counts,
      Instant createdAt, Optional<Instant> submittedAt, Map<String, String> answers, List<Comment> comments) {
    public Evaluation {
      answers = Map.copyOf(answers);
      comments = List.copyOf(comments);
    }
  }

  /** A new draft; the store adds the record's head. */
  record NewEvaluation(String id, String scorecard, int version, String record, String agent, String reviewer, Optional<String> calibration,
      boolean reference, Instant at) {}

  /** A move from one state to the next, with what it records: a score when submitted, a comment when disputed or resolved. */
  record Move(String evaluation, String from, String to, Instant at, String actor, Optional<Integer> scoreTenths, boolean flagged,
      boolean counts, Optional<String> commentKind, String comment) {}

  record CalibrationSession(String id, String record, String scorecard, int version, String openedBy, Instant openedAt) {}

  /** Filters that all hold; empty ones do not filter. Newest first. */
  record Query(Optional<String> agent, Optional<String> reviewer, Optional<String> record, Optional<String> state, Optional<String> calibration, int limit) {}

  /** An agent's average over the evaluations that count, submitted in a range. */
  record Average(String agent, int evaluations, double averagePercent, int flagged) {}

  /** Fails with {@link VersionTaken} if that version of that scorecard is already published; nothing is changed then. */
  Future<Void> publish(ScorecardVersion version);

  /** Every version of every scorecard, by id, newest version first. */
  Future<List<ScorecardVersion>> scorecards();

  Future<Optional<ScorecardVersion>> scorecard(String id, int version);

  /**
   * Opens a draft at the record's current sealed head, read in the same transaction. Fails with
   * {@link NotReviewable} when the record is unknown, still open, or has no sealed head, and with
   * {@link AlreadyEvaluated} when, outside calibration, that agent's work on that record already has one.
   */
  Future<Evaluation> open(NewEvaluation draft);

  /** Replaces a draft's answers (question id to answer); false, changing nothing, unless it is a draft written by {@code reviewer}. */
  Future<Boolean> saveAnswers(String evaluation, String reviewer, Map<String, String> answers);

  /** Carries out the move if the evaluation is still in {@code move.from()}; false, changing nothing, otherwise. */
  Future<Boolean> move(Move move);

  Future<Optional<Evaluation>> evaluation(String id);

  Future<List<Evaluation>> evaluations(Query query);

  /** Each agent's average in [from, to) by submission time, computed in the database; one agent or all. */
  Future<List<Average>> averages(Optional<String> agent, Instant from, Instant to);

  Future<Void> openCalibration(CalibrationSession session);

  Future<Optional<CalibrationSession>> calibration(String id);

  Future<List<CalibrationSession>> calibrations(int limit);

  final class VersionTaken extends RuntimeException {
    public VersionTaken(String id, int version) {
      super("version " + version + " of scorecard \"" + id + "\" is already published; publish a new version instead");
    }
  }

  final class AlreadyEvaluated extends RuntimeException {
    public AlreadyEvaluated() {
      super("this record is already evaluated for this agent");
    }
  }

  final class NotReviewable extends RuntimeException {
    public NotReviewable(String why) {
      super(why);
    }
  }
}
