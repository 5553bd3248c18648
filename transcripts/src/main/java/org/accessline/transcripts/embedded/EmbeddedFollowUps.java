package org.accessline.transcripts.embedded;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.ConsentChange;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpChannel;
import org.accessline.gateway.followup.FollowUpState;
import org.accessline.gateway.followup.Owner;
import org.accessline.gateway.store.FollowUps;

/** Follow-ups and the consent ledger in the embedded store's database, through the store's own connections. */
final class EmbeddedFollowUps implements FollowUps {
  static final String COLUMNS = "id, origin, contact_channel, contact, via, owner, due, note, state, attempts, last_outcome, next_attempt_at, conversation_id,"
      + " created_at, created_by, updated_at";
  private static final String PENDING = "state IN ('scheduled', 'in-progress')";
  private final EmbeddedInteractionStore store;

  EmbeddedFollowUps(EmbeddedInteractionStore store) {
    this.store = store;
  }

  @Override
  public Future<Boolean> create(FollowUp f) {
    return store.write(c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO follow_ups (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
          + " WHERE NOT EXISTS (SELECT 1 FROM follow_ups WHERE id = ?)")) {
        bind(st, f);
        st.setString(17, f.id());
        return st.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Future<Optional<FollowUp>> find(String id) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM follow_ups WHERE id = ?")) {
        st.setString(1, id);
        return rows(st).stream().findFirst();
      }
    });
  }

  @Override
  public Future<Boolean> update(FollowUp f, FollowUpState expected) {
    return store.write(c -> {
      try (PreparedStatement st = c.prepareStatement("UPDATE follow_ups SET state = ?, attempts = ?, last_outcome = ?, next_attempt_at = ?,"
          + " conversation_id = ?, updated_at = ? WHERE id = ? AND state = ?")) {
        st.setString(1, f.state().wireName());
        st.setInt(2, f.attempts());
        st.setString(3, f.lastOutcome().orElse(null));
        st.setTimestamp(4, Timestamp.from(f.nextAttemptAt()));
        st.setString(5, f.conversation().map(ConversationId::value).orElse(null));
        st.setTimestamp(6, Timestamp.from(f.updatedAt()));
        st.setString(7, f.id());
        st.setString(8, expected.wireName());
        return st.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Future<Boolean> claimNotice(String followUpId, String phase, Instant due, String node, Instant at) {
    return store.write(c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO follow_up_notices (follow_up_id, phase, due, claimed_by, claimed_at) SELECT ?, ?, ?, ?, ?"
          + " WHERE NOT EXISTS (SELECT 1 FROM follow_up_notices WHERE follow_up_id = ? AND phase = ? AND due = ?)")) {
        st.setString(1, followUpId);
        st.setString(2, phase);
        st.setTimestamp(3, Timestamp.from(due));
        st.setString(4, node);
        st.setTimestamp(5, Timestamp.from(at));
        st.setString(6, followUpId);
        st.setString(7, phase);
        st.setTimestamp(8, Timestamp.from(due));
        return st.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Future<List<FollowUp>> pending() {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM follow_ups WHERE " + PENDING + " ORDER BY next_attempt_at, id")) {
        return rows(st);
      }
    });
  }

  @Override
  public Future<List<FollowUp>> pendingFor(List<Owner> owners) {
    if (owners.isEmpty()) return Future.succeededFuture(List.of());
    return store.read(c -> {
      String marks = String.join(", ", java.util.Collections.nCopies(owners.size(), "?"));
      try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM follow_ups WHERE " + PENDING + " AND owner IN (" + marks + ")"
          + " ORDER BY next_attempt_at, id")) {
        for (int i = 0; i < owners.size(); i++) st.setString(i + 1, owners.get(i).wire());
        return rows(st);
      }
    });
  }

  @Override
  public Future<List<FollowUp>> ofRecord(ConversationId origin) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM follow_ups WHERE origin = ? ORDER BY created_at DESC, id")) {
        st.setString(1, origin.value());
        return rows(st);
      }
    });
  }

  @Override
  public Future<Counts> count(Instant from, Instant to, Optional<Owner> owner, Duration overdueAfter, Instant asOf) {
    return store.read(c -> {
      String byOwner = owner.isPresent() ? " AND owner = ?" : "";
      long done;
      try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM follow_ups WHERE state = 'done' AND updated_at >= ? AND updated_at < ?" + byOwner)) {
        st.setTimestamp(1, Timestamp.from(from));
        st.setTimestamp(2, Timestamp.from(to));
        if (owner.isPresent()) st.setString(3, owner.get().wire());
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          done = rs.getLong(1);
        }
      }
      // Overdue as Counts.overdue defines it, counted by the database: due plus the grace passed by asOf, and not done within it.
      try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM follow_ups WHERE due >= ? AND due < ? AND due < ?"
          + " AND NOT (state = 'done' AND updated_at <= DATEADD(MILLISECOND, ?, due))" + byOwner)) {
        st.setTimestamp(1, Timestamp.from(from));
        st.setTimestamp(2, Timestamp.from(to));
        st.setTimestamp(3, Timestamp.from(asOf.minus(overdueAfter)));
        st.setLong(4, overdueAfter.toMillis());
        if (owner.isPresent()) st.setString(5, owner.get().wire());
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          return new Counts(done, rs.getLong(1));
        }
      }
    });
  }

  @Override
  public Future<Void> recordConsent(ConsentChange change) {
    return store.write(c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO consent_ledger (channel, contact, granted, at, by_whom, conversation_id, how) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        st.setString(1, change.contact().channel().name());
        st.setString(2, change.contact().address());
        st.setBoolean(3, change.granted());
        st.setTimestamp(4, Timestamp.from(change.at()));
        st.setString(5, change.by());
        st.setString(6, change.conversation().map(ConversationId::value).orElse(null));
        st.setString(7, change.how());
        st.executeUpdate();
        return null;
      }
    });
  }

  @Override
  public Future<Optional<ConsentChange>> latestConsent(Contact contact) {
    return ledger(contact, " ORDER BY num DESC LIMIT 1").map(all -> all.stream().findFirst());
  }

  @Override
  public Future<List<ConsentChange>> consentHistory(Contact contact) {
    return ledger(contact, " ORDER BY num");
  }

  private Future<List<ConsentChange>> ledger(Contact contact, String order) {
    return store.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT granted, at, by_whom, conversation_id, how FROM consent_ledger WHERE channel = ? AND contact = ?" + order)) {
        st.setString(1, contact.channel().name());
        st.setString(2, contact.address());
        List<ConsentChange> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(new ConsentChange(contact, rs.getBoolean(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                Optional.ofNullable(rs.getString(4)).map(ConversationId::new), rs.getString(5)));
          }
        }
        return out;
      }
    });
  }

  private static void bind(PreparedStatement st, FollowUp f) throws SQLException {
    st.setString(1, f.id());
    st.setString(2, f.origin().value());
    st.setString(3, f.contact().map(ct -> ct.channel().name()).orElse(null));
    st.setString(4, f.contact().map(Contact::address).orElse(null));
    st.setString(5, f.channel().wireName());
    st.setString(6, f.owner().wire());
    st.setTimestamp(7, Timestamp.from(f.due()));
    st.setString(8, f.note());
    st.setString(9, f.state().wireName());
    st.setInt(10, f.attempts());
    st.setString(11, f.lastOutcome().orElse(null));
    st.setTimestamp(12, Timestamp.from(f.nextAttemptAt()));
    st.setString(13, f.conversation().map(ConversationId::value).orElse(null));
    st.setTimestamp(14, Timestamp.from(f.createdAt()));
    st.setString(15, f.createdBy());
    st.setTimestamp(16, Timestamp.from(f.updatedAt()));
  }

  private static List<FollowUp> rows(PreparedStatement st) throws SQLException {
    List<FollowUp> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        Optional<Contact> contact = Optional.ofNullable(rs.getString(3)).map(ch -> new Contact(new Channel(ch), rsString(rs, 4)));
        out.add(new FollowUp(rs.getString(1), new ConversationId(rs.getString(2)), contact, FollowUpChannel.parse(rs.getString(5)).orElseThrow(),
            Owner.parse(rs.getString(6)).orElseThrow(), rs.getTimestamp(7).toInstant(), rs.getString(8), FollowUpState.parse(rs.getString(9)).orElseThrow(),
            rs.getInt(10), Optional.ofNullable(rs.getString(11)), rs.getTimestamp(12).toInstant(), Optional.ofNullable(rs.getString(13)).map(ConversationId::new),
            rs.getTimestamp(14).toInstant(), rs.getString(15), rs.getTimestamp(16).toInstant()));
      }
    }
    return out;
  }

  private static String rsString(ResultSet rs, int column) {
    try {
      return rs.getString(column);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
