package org.accessline.transcripts.embedded;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.ServiceRequest;
import org.accessline.gateway.store.ServiceRequests;

/** Service requests in the embedded store's database, read and written through the store's own connections. */
final class EmbeddedServiceRequests implements ServiceRequests {
  static final String COLUMNS = "id, conversation_id, service_code, service_name, form, state, token, service_request_id, status, status_notes, errors,"
      + " attempts, next_attempt_at, last_problem, created_by, created_at, updated_at";
  private final EmbeddedInteractionStore store;

  EmbeddedServiceRequests(EmbeddedInteractionStore store) {
    this.store = store;
  }

  @Override
  public Future<Void> save(ServiceRequest r) {
    return store.write(c -> {
      try (PreparedStatement st = c.prepareStatement("MERGE INTO service_requests (" + COLUMNS + ") KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        st.setString(1, r.id());
        st.setString(2, r.conversation().value());
        st.setString(3, r.serviceCode());
        st.setString(4, r.serviceName());
        st.setString(5, r.form());
        st.setString(6, r.state().wireName());
        st.setString(7, r.token().orElse(null));
        st.setString(8, r.serviceRequestId().orElse(null));
        st.setString(9, r.status().orElse(null));
        st.setString(10, r.statusNotes().orElse(null));
        st.setString(11, r.errors());
        st.setInt(12, r.attempts());
        st.setTimestamp(13, Timestamp.from(r.nextAttemptAt()));
        st.setString(14, r.lastProblem().orElse(null));
        st.setString(15, r.createdBy());
        st.setTimestamp(16, Timestamp.from(r.createdAt()));
        st.setTimestamp(17, Timestamp.from(r.updatedAt()));
        st.executeUpdate();
        return null;
      }
    });
  }

  @Override
  public Future<Boolean> replace(ServiceRequest read, ServiceRequest r) {
    return store.write(c -> {
      try (PreparedStatement st = c.prepareStatement("UPDATE service_requests SET state = ?, token = ?, service_request_id = ?, status = ?, status_notes = ?,"
          + " errors = ?, attempts = ?, next_attempt_at = ?, last_problem = ?, updated_at = ?"
          + " WHERE id = ? AND state = ? AND attempts = ? AND next_attempt_at = ? AND updated_at = ?")) {
        st.setString(1, r.state().wireName());
        st.setString(2, r.token().orElse(null));
        st.setString(3, r.serviceRequestId().orElse(null));
        st.setString(4, r.status().orElse(null));
        st.setString(5, r.statusNotes().orElse(null));
        st.setString(6, r.errors());
        st.setInt(7, r.attempts());
        st.setTimestamp(8, Timestamp.from(r.nextAttemptAt()));
        st.setString(9, r.lastProblem().orElse(null));
        st.setTimestamp(10, Timestamp.from(r.updatedAt()));
        st.setString(11, read.id());
        st.setString(12, read.state().wireName());
        st.setInt(13, read.attempts());
        st.setTimestamp(14, Timestamp.from(read.nextAttemptAt()));
        st.setTimestamp(15, Timestamp.from(read.updatedAt()));
        return st.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Future<Optional<ServiceRequest>> find(String id) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM service_requests WHERE id = ?")) {
        st.setString(1, id);
        return rows(st).stream().findFirst();
      }
    });
  }

  @Override
  public Future<List<ServiceRequest>> forConversation(ConversationId conversation) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM service_requests WHERE conversation_id = ? ORDER BY created_at, id")) {
        st.setString(1, conversation.value());
        return rows(st);
      }
    });
  }

  @Override
  public Future<List<ServiceRequest>> due(Instant now, int limit) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM service_requests WHERE state IN ('sending', 'awaiting_id', 'open')"
          + " AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")) {
        st.setTimestamp(1, Timestamp.from(now));
        st.setInt(2, limit);
        return rows(st);
      }
    });
  }

  private static List<ServiceRequest> rows(PreparedStatement st) throws SQLException {
    List<ServiceRequest> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(new ServiceRequest(rs.getString(1), new ConversationId(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
            ServiceRequest.State.parse(rs.getString(6)).orElseThrow(), Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
            Optional.ofNullable(rs.getString(9)), Optional.ofNullable(rs.getString(10)), rs.getString(11), rs.getInt(12), rs.getTimestamp(13).toInstant(),
            Optional.ofNullable(rs.getString(14)), rs.getString(15), rs.getTimestamp(16).toInstant(), rs.getTimestamp(17).toInstant()));
      }
    }
    return out;
  }
}
