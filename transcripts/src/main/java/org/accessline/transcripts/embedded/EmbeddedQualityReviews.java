package org.accessline.transcripts.embedded;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.store.QualityReviews;

/** Quality review in the embedded store's database; each write is one transaction on the store's own connections. */
final class EmbeddedQualityReviews implements QualityReviews {
  private static final String DUPLICATE_KEY = "23505";
  private static final String EVALUATION = "id, scorecard, version, record_id, head_seq, head_hash, agent, reviewer, state, calibration_id, is_reference,"
      + " score_tenths, flagged, counts, created_at, submitted_at";
  private final EmbeddedInteractionStore store;

  EmbeddedQualityReviews(EmbeddedInteractionStore store) {
    this.store = store;
  }

  @Override
  public Future<Void> publish(ScorecardVersion v) {
    return store.write(c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO scorecard_versions (id, version, name, definition, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?)")) {
        st.setString(1, v.id());
        st.setInt(2, v.version());
        st.setString(3, v.name());
        st.setString(4, v.definition());
        st.setTimestamp(5, Timestamp.from(v.publishedAt()));
        st.setString(6, v.publishedBy());
        st.executeUpdate();
        return null;
      } catch (SQLException e) {
        if (DUPLICATE_KEY.equals(e.getSQLState())) throw new VersionTaken(v.id(), v.version());
        throw e;
      }
    });
  }

  @Override
  public Future<List<ScorecardVersion>> scorecards() {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT id, version, name, definition, published_at, published_by FROM scorecard_versions ORDER BY id, version DESC")) {
        return versions(st);
      }
    });
  }

  @Override
  public Future<Optional<ScorecardVersion>> scorecard(String id, int version) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT id, version, name, definition, published_at, published_by FROM scorecard_versions WHERE id = ? AND version = ?")) {
        st.setString(1, id);
        st.setInt(2, version);
        return versions(st).stream().findFirst();
      }
    });
  }

  private static List<ScorecardVersion> versions(PreparedStatement st) throws SQLException {
    List<ScorecardVersion> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) out.add(new ScorecardVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)));
    }
    return out;
  }

  @Override
  public Future<Evaluation> open(NewEvaluation d) {
    return store.write(c -> inTransaction(c, () -> {
      long headSeq;
      String headHash;
      try (PreparedStatement st = c.prepareStatement("SELECT resolved_at, head_seq, head_hash FROM conversations WHERE id = ?")) {
        st.setString(1, d.record());
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) throw new NotReviewable("No interaction record has that id.");
          if (rs.getTimestamp(1) == null) throw new NotReviewable("The record is still open; a record is evaluated once it is resolved, so its sealed head stays put.");
          headSeq = rs.getLong(2);
          headHash = rs.getString(3);
          if (rs.wasNull() || headHash == null) throw new NotReviewable("The record has no sealed head yet.");
        }
      }
      try (PreparedStatement st = c.prepareStatement("INSERT INTO evaluations (" + EVALUATION + ", single_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, NULL, FALSE, FALSE, ?, NULL, ?)")) {
        st.setString(1, d.id());
        st.setString(2, d.scorecard());
        st.setInt(3, d.version());
        st.setString(4, d.record());
        st.setLong(5, headSeq);
        st.setString(6, headHash);
        st.setString(7, d.agent());
        st.setString(8, d.reviewer());
        st.setString(9, d.calibration().orElse(null));
        st.setBoolean(10, d.reference());
        st.setTimestamp(11, Timestamp.from(d.at()));
        st.setString(12, d.calibration().isPresent() ? null : d.record() + "/" + d.agent());
        st.executeUpdate();
      } catch (SQLException e) {
        if (DUPLICATE_KEY.equals(e.getSQLState())) throw new AlreadyEvaluated();
        throw e;
      }
      return new Evaluation(d.id(), d.scorecard(), d.version(), d.record(), headSeq, headHash, d.agent(), d.reviewer(), "draft", d.calibration(),
          d.reference(), Optional.empty(), false, false, d.at(), Optional.empty(), Map.of(), List.of());
    }));
  }

  @Override
  public Future<Boolean> saveAnswers(String evaluation, String reviewer, Map<String, String> answers) {
    return store.write(c -> inTransaction(c, () -> {
      try (PreparedStatement lock = c.prepareStatement("SELECT id FROM evaluations WHERE id = ? AND reviewer = ? AND state = 'draft' FOR UPDATE")) {
        lock.setString(1, evaluation);
        lock.setString(2, reviewer);
        try (ResultSet rs = lock.executeQuery()) {
          if (!rs.next()) return false;
        }
      }
      try (PreparedStatement del = c.prepareStatement("DELETE FROM evaluation_answers WHERE evaluation_id = ?")) {
        del.setString(1, evaluation);
        del.executeUpdate();
      }
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO evaluation_answers (evaluation_id, question_id, answer) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, String> a : answers.entrySet()) {
          ins.setString(1, evaluation);
          ins.setString(2, a.getKey());
          ins.setString(3, a.getValue());
          ins.addBatch();
        }
        ins.executeBatch();
      }
      return true;
    }));
  }

  @Override
  public Future<Boolean> move(Move m) {
    return store.write(c -> inTransaction(c, () -> {
      try (PreparedStatement st = c.prepareStatement("UPDATE evaluations SET state = ?, score_tenths = COALESCE(?, score_tenths), flagged = ?, counts = ?,"
          + " submitted_at = COALESCE(?, submitted_at) WHERE id = ? AND state = ?")) {
        st.setString(1, m.to());
        if (m.scoreTenths().isPresent()) st.setInt(2, m.scoreTenths().get());
        else st.setNull(2, Types.INTEGER);
        st.setBoolean(3, m.flagged());
        st.setBoolean(4, m.counts());
        st.setTimestamp(5, m.to().equals("submitted") ? Timestamp.from(m.at()) : null);
        st.setString(6, m.evaluation());
        st.setString(7, m.from());
        if (st.executeUpdate() == 0) return false;
      }
      if (m.commentKind().isPresent()) {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO evaluation_comments (evaluation_id, n, at, author, kind, text)"
            + " SELECT ?, COALESCE(MAX(n), 0) + 1, ?, ?, ?, ? FROM evaluation_comments WHERE evaluation_id = ?")) {
          st.setString(1, m.evaluation());
          st.setTimestamp(2, Timestamp.from(m.at()));
          st.setString(3, m.actor());
          st.setString(4, m.commentKind().get());
          st.setString(5, m.comment());
          st.setString(6, m.evaluation());
          st.executeUpdate();
        }
      }
      return true;
    }));
  }

  @Override
  public Future<Optional<Evaluation>> evaluation(String id) {
    return evaluations(" WHERE id = ?", List.of(id), 1).map(list -> list.stream().findFirst());
  }

  @Override
  public Future<List<Evaluation>> evaluations(Query q) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<String> args = new ArrayList<>();
    q.agent().ifPresent(v -> filter(where, args, "agent", v));
    q.reviewer().ifPresent(v -> filter(where, args, "reviewer", v));
    q.record().ifPresent(v -> filter(where, args, "record_id", v));
    q.state().ifPresent(v -> filter(where, args, "state", v));
    q.calibration().ifPresent(v -> filter(where, args, "calibration_id", v));
    return evaluations(where.toString(), args, q.limit());
  }

  private static void filter(StringBuilder where, List<String> args, String column, String value) {
    where.append(" AND ").append(column).append(" = ?");
    args.add(value);
  }

  private Future<List<Evaluation>> evaluations(String where, List<String> args, int limit) {
    return store.read(c -> {
      List<Evaluation> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT " + EVALUATION + " FROM evaluations" + where + " ORDER BY created_at DESC, id LIMIT " + limit)) {
        for (int i = 0; i < args.size(); i++) st.setString(i + 1, args.get(i));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            int score = rs.getInt(12);
            Optional<Integer> scoreTenths = rs.wasNull() ? Optional.empty() : Optional.of(score);
            Timestamp submitted = rs.getTimestamp(16);
            String id = rs.getString(1);
            out.add(new Evaluation(id, rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), Optional.ofNullable(rs.getString(10)), rs.getBoolean(11), scoreTenths, rs.getBoolean(13), rs.getBoolean(14),
                rs.getTimestamp(15).toInstant(), Optional.ofNullable(submitted).map(Timestamp::toInstant), answers(c, id), comments(c, id)));
          }
        }
      }
      return out;
    });
  }

  private static Map<String, String> answers(Connection c, String evaluation) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement st = c.prepareStatement("SELECT question_id, answer FROM evaluation_answers WHERE evaluation_id = ? ORDER BY question_id")) {
      st.setString(1, evaluation);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  private static List<Comment> comments(Connection c, String evaluation) throws SQLException {
    List<Comment> out = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("SELECT at, author, kind, text FROM evaluation_comments WHERE evaluation_id = ? ORDER BY n")) {
      st.setString(1, evaluation);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(new Comment(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return out;
  }

  @Override
  public Future<List<Average>> averages(Optional<String> agent, Instant from, Instant to) {
    return store.read(c -> {
      List<Average> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT agent, COUNT(*), AVG(CAST(score_tenths AS DOUBLE PRECISION)) / 10, SUM(CASE WHEN flagged THEN 1 ELSE 0 END)"
          + " FROM evaluations WHERE counts AND score_tenths IS NOT NULL AND submitted_at >= ? AND submitted_at < ?" + (agent.isPresent() ? " AND agent = ?" : "")
          + " GROUP BY agent ORDER BY agent")) {
        st.setTimestamp(1, Timestamp.from(from));
        st.setTimestamp(2, Timestamp.from(to));
        if (agent.isPresent()) st.setString(3, agent.get());
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) out.add(new Average(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4)));
        }
      }
      return out;
    });
  }

  @Override
  public Future<Void> openCalibration(CalibrationSession s) {
    return store.write(c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO calibration_sessions (id, record_id, scorecard, version, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        st.setString(1, s.id());
        st.setString(2, s.record());
        st.setString(3, s.scorecard());
        st.setInt(4, s.version());
        st.setString(5, s.openedBy());
        st.setTimestamp(6, Timestamp.from(s.openedAt()));
        st.executeUpdate();
        return null;
      }
    });
  }

  @Override
  public Future<Optional<CalibrationSession>> calibration(String id) {
    return sessions(" WHERE id = ?", id, 1).map(l -> l.stream().findFirst());
  }

  @Override
  public Future<List<CalibrationSession>> calibrations(int limit) {
    return sessions("", null, limit);
  }

  private Future<List<CalibrationSession>> sessions(String where, String arg, int limit) {
    return store.read(c -> {
      List<CalibrationSession> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT id, record_id, scorecard, version, opened_by, opened_at FROM calibration_sessions" + where
          + " ORDER BY opened_at DESC, id LIMIT " + limit)) {
        if (arg != null) st.setString(1, arg);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) out.add(new CalibrationSession(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
        }
      }
      return out;
    });
  }

  interface Work<T> {
    T run() throws SQLException;
  }

  private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      T result = work.run();
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
