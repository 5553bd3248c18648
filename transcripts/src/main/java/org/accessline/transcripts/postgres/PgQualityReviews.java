package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.util.function.Supplier;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.accessline.gateway.store.QualityReviews;

/** Quality review in PostgreSQL, beside the records; each write is one transaction. */
final class PgQualityReviews implements QualityReviews {
  private static final String DUPLICATE_KEY = "23505";
  private static final String EVALUATION = "id, scorecard, version, record_id, head_seq, head_hash, agent, reviewer, state, calibration_id, is_reference,"
      + " score_tenths, flagged, counts, created_at, submitted_at";
  /** Read when used: the store hands these out before it has started and made its pool. */
  private final Supplier<Pool> pool;

  PgQualityReviews(Supplier<Pool> pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> publish(ScorecardVersion v) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("INSERT INTO scorecard_versions (id, version, name, definition, published_at, published_by)"
        + " VALUES ($1, $2, $3, $4, $5, $6)").execute(Tuple.of(v.id(), v.version(), v.name(), v.definition(), PostgresInteractionStore.time(v.publishedAt()), v.publishedBy()))
        .<Void>mapEmpty().recover(e -> e instanceof PgException pg && DUPLICATE_KEY.equals(pg.getSqlState())
            ? Future.failedFuture(new VersionTaken(v.id(), v.version())) : Future.failedFuture(e)));
  }

  @Override
  public Future<List<ScorecardVersion>> scorecards() {
    return PostgresInteractionStore.onCaller(() -> pool.get().query("SELECT id, version, name, definition, published_at, published_by FROM scorecard_versions ORDER BY id, version DESC")
        .execute().map(PgQualityReviews::versions));
  }

  @Override
  public Future<Optional<ScorecardVersion>> scorecard(String id, int version) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("SELECT id, version, name, definition, published_at, published_by FROM scorecard_versions"
        + " WHERE id = $1 AND version = $2").execute(Tuple.of(id, version)).map(rows -> versions(rows).stream().findFirst()));
  }

  private static List<ScorecardVersion> versions(RowSet<Row> rows) {
    List<ScorecardVersion> out = new ArrayList<>();
    for (Row r : rows) out.add(new ScorecardVersion(r.getString(0), r.getInteger(1), r.getString(2), r.getString(3), r.getOffsetDateTime(4).toInstant(), r.getString(5)));
    return out;
  }

  @Override
  public Future<Evaluation> open(NewEvaluation d) {
    UUID record;
    try {
      record = UUID.fromString(d.record());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new NotReviewable("No interaction record has that id."));
    }
    return PostgresInteractionStore.onCaller(() -> pool.get().withTransaction(tx -> tx.preparedQuery("SELECT resolved_at, head_seq, head_hash FROM conversations WHERE id = $1 FOR SHARE")
        .execute(Tuple.of(record)).compose(rows -> {
          if (rows.size() == 0) return Future.failedFuture(new NotReviewable("No interaction record has that id."));
          Row head = rows.iterator().next();
          if (head.getValue(0) == null) {
            return Future.failedFuture(new NotReviewable("The record is still open; a record is evaluated once it is resolved, so its sealed head stays put."));
          }
          if (head.getLong(1) == null || head.getString(2) == null) return Future.failedFuture(new NotReviewable("The record has no sealed head yet."));
          long headSeq = head.getLong(1);
          String headHash = head.getString(2);
          Tuple args = Tuple.wrap(new ArrayList<>(Arrays.asList(d.id(), d.scorecard(), d.version(), d.record(), headSeq, headHash, d.agent(), d.reviewer(),
              d.calibration().orElse(null), d.reference(), PostgresInteractionStore.time(d.at()), d.calibration().isPresent() ? null : d.record() + "/" + d.agent())));
          return tx.preparedQuery("INSERT INTO evaluations (" + EVALUATION + ", single_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, NULL, FALSE, FALSE, $11, NULL, $12)")
              .execute(args).map(v -> new Evaluation(d.id(), d.scorecard(), d.version(), d.record(), headSeq, headHash, d.agent(), d.reviewer(), "draft",
                  d.calibration(), d.reference(), Optional.empty(), false, false, d.at(), Optional.empty(), Map.of(), List.of()));
        })).recover(e -> e instanceof PgException pg && DUPLICATE_KEY.equals(pg.getSqlState()) ? Future.failedFuture(new AlreadyEvaluated()) : Future.failedFuture(e)));
  }

  @Override
  public Future<Boolean> saveAnswers(String evaluation, String reviewer, Map<String, String> answers) {
    return PostgresInteractionStore.onCaller(() -> pool.get().withTransaction(tx -> tx.preparedQuery("SELECT id FROM evaluations WHERE id = $1 AND reviewer = $2 AND state = 'draft' FOR UPDATE")
        .execute(Tuple.of(evaluation, reviewer)).compose(rows -> {
          if (rows.size() == 0) return Future.succeededFuture(false);
          Future<?> deleted = tx.preparedQuery("DELETE FROM evaluation_answers WHERE evaluation_id = $1").execute(Tuple.of(evaluation));
          if (answers.isEmpty()) return deleted.map(v -> true);
          List<Tuple> batch = answers.entrySet().stream().map(a -> Tuple.of(evaluation, a.getKey(), a.getValue())).toList();
          return deleted.compose(v -> tx.preparedQuery("INSERT INTO evaluation_answers (evaluation_id, question_id, answer) VALUES ($1, $2, $3)").executeBatch(batch))
              .map(v -> true);
        })));
  }

  @Override
  public Future<Boolean> move(Move m) {
    Tuple args = Tuple.wrap(new ArrayList<>(Arrays.asList(m.to(), m.scoreTenths().orElse(null), m.flagged(), m.counts(), m.to().equals("submitted") ? PostgresInteractionStore.time(m.at()) : null,
        m.evaluation(), m.from())));
    return PostgresInteractionStore.onCaller(() -> pool.get().withTransaction(tx -> tx.preparedQuery("UPDATE evaluations SET state = $1, score_tenths = COALESCE($2, score_tenths),"
        + " flagged = $3, counts = $4, submitted_at = COALESCE($5, submitted_at) WHERE id = $6 AND state = $7").execute(args)
        .compose(rows -> {
          if (rows.rowCount() == 0) return Future.succeededFuture(false);
          if (m.commentKind().isEmpty()) return Future.succeededFuture(true);
          return tx.preparedQuery("INSERT INTO evaluation_comments (evaluation_id, n, at, author, kind, text)"
              + " SELECT $1::varchar, COALESCE(MAX(n), 0) + 1, $2, $3, $4, $5 FROM evaluation_comments WHERE evaluation_id = $1::varchar")
              .execute(Tuple.of(m.evaluation(), PostgresInteractionStore.time(m.at()), m.actor(), m.commentKind().get(), m.comment())).map(v -> true);
        })));
  }

  @Override
  public Future<Optional<Evaluation>> evaluation(String id) {
    return evaluations(" WHERE id = $1", List.of(id), 1).map(l -> l.stream().findFirst());
  }

  @Override
  public Future<List<Evaluation>> evaluations(Query q) {
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    List<Object> args = new ArrayList<>();
    q.agent().ifPresent(v -> filter(where, args, "agent", v));
    q.reviewer().ifPresent(v -> filter(where, args, "reviewer", v));
    q.record().ifPresent(v -> filter(where, args, "record_id", v));
    q.state().ifPresent(v -> filter(where, args, "state", v));
    q.calibration().ifPresent(v -> filter(where, args, "calibration_id", v));
    return evaluations(where.toString(), args, q.limit());
  }

  private static void filter(StringBuilder where, List<Object> args, String column, String value) {
    args.add(value);
    where.append(" AND ").append(column).append(" = $").append(args.size());
  }

  private Future<List<Evaluation>> evaluations(String where, List<Object> args, int limit) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("SELECT " + EVALUATION + " FROM evaluations" + where + " ORDER BY created_at DESC, id LIMIT " + limit)
        .execute(Tuple.wrap(new ArrayList<>(args))).compose(rows -> {
          List<Row> found = new ArrayList<>();
          rows.forEach(found::add);
          if (found.isEmpty()) return Future.succeededFuture(List.<Evaluation>of());
          String[] ids = found.stream().map(r -> r.getString(0)).toArray(String[]::new);
          return pool.get().preparedQuery("SELECT evaluation_id, question_id, answer FROM evaluation_answers WHERE evaluation_id = ANY($1) ORDER BY question_id")
              .execute(Tuple.of(ids)).compose(answerRows -> pool.get().preparedQuery("SELECT evaluation_id, at, author, kind, text FROM evaluation_comments"
                  + " WHERE evaluation_id = ANY($1) ORDER BY n").execute(Tuple.of(ids)).map(commentRows -> {
                    Map<String, Map<String, String>> answers = new LinkedHashMap<>();
                    answerRows.forEach(a -> answers.computeIfAbsent(a.getString(0), k -> new LinkedHashMap<>()).put(a.getString(1), a.getString(2)));
                    Map<String, List<Comment>> comments = new LinkedHashMap<>();
                    commentRows.forEach(c -> comments.computeIfAbsent(c.getString(0), k -> new ArrayList<>())
                        .add(new Comment(c.getOffsetDateTime(1).toInstant(), c.getString(2), c.getString(3), c.getString(4))));
                    return found.stream().map(r -> evaluation(r, answers.getOrDefault(r.getString(0), Map.of()), comments.getOrDefault(r.getString(0), List.of())))
                        .toList();
                  }));
        }));
  }

  private static Evaluation evaluation(Row r, Map<String, String> answers, List<Comment> comments) {
    return new Evaluation(r.getString(0), r.getString(1), r.getInteger(2), r.getString(3), r.getLong(4), r.getString(5), r.getString(6), r.getString(7),
        r.getString(8), Optional.ofNullable(r.getString(9)), r.getBoolean(10), Optional.ofNullable(r.getInteger(11)), r.getBoolean(12), r.getBoolean(13),
        r.getOffsetDateTime(14).toInstant(), Optional.ofNullable(r.getOffsetDateTime(15)).map(t -> t.toInstant()), answers, comments);
  }

  @Override
  public Future<List<Average>> averages(Optional<String> agent, Instant from, Instant to) {
    List<Object> args = new ArrayList<>(List.of(PostgresInteractionStore.time(from), PostgresInteractionStore.time(to)));
    agent.ifPresent(args::add);
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("SELECT agent, COUNT(*), AVG(score_tenths)::float8 / 10, SUM(CASE WHEN flagged THEN 1 ELSE 0 END)"
        + " FROM evaluations WHERE counts AND score_tenths IS NOT NULL AND submitted_at >= $1 AND submitted_at < $2" + (agent.isPresent() ? " AND agent = $3" : "")
        + " GROUP BY agent ORDER BY agent").execute(Tuple.wrap(args)).map(rows -> {
          List<Average> out = new ArrayList<>();
          for (Row r : rows) out.add(new Average(r.getString(0), r.getLong(1).intValue(), r.getDouble(2), r.getLong(3).intValue()));
          return out;
        }));
  }

  @Override
  public Future<Void> openCalibration(CalibrationSession s) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("INSERT INTO calibration_sessions (id, record_id, scorecard, version, opened_by, opened_at)"
        + " VALUES ($1, $2, $3, $4, $5, $6)").execute(Tuple.of(s.id(), s.record(), s.scorecard(), s.version(), s.openedBy(), PostgresInteractionStore.time(s.openedAt())))
        .mapEmpty());
  }

  @Override
  public Future<Optional<CalibrationSession>> calibration(String id) {
    return sessions(" WHERE id = $1", Tuple.of(id), 1).map(l -> l.stream().findFirst());
  }

  @Override
  public Future<List<CalibrationSession>> calibrations(int limit) {
    return sessions("", Tuple.tuple(), limit);
  }

  private Future<List<CalibrationSession>> sessions(String where, Tuple args, int limit) {
    return PostgresInteractionStore.onCaller(() -> pool.get().preparedQuery("SELECT id, record_id, scorecard, version, opened_by, opened_at FROM calibration_sessions" + where
        + " ORDER BY opened_at DESC, id LIMIT " + limit).execute(args).map(rows -> {
          List<CalibrationSession> out = new ArrayList<>();
          for (Row r : rows) out.add(new CalibrationSession(r.getString(0), r.getString(1), r.getString(2), r.getInteger(3), r.getString(4), r.getOffsetDateTime(5).toInstant()));
          return out;
        }));
  }
}
