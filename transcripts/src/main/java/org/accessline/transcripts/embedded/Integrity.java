package org.accessline.transcripts.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.store.AuditChain;
import org.accessline.gateway.store.EntryChain;
import org.accessline.gateway.store.StoreReport;
import org.accessline.transcripts.seal.CheckpointLog;
import org.accessline.transcripts.seal.SealCheck;
import org.accessline.transcripts.seal.SealKey;

/** Checking the embedded store against its hashes, seals and checkpoints, and writing checkpoints. */
final class Integrity {
  private final SealKey key;
  private final CheckpointLog checkpoints;

  Integrity(SealKey key, CheckpointLog checkpoints) {
    this.key = key;
    this.checkpoints = checkpoints;
  }

  Optional<EntryChain.Report> verify(Connection c, ConversationId id) throws SQLException {
    SealCheck.StoredHead head;
    try (PreparedStatement st = c.prepareStatement("SELECT head_seq, head_hash, head_seal FROM conversations WHERE id = ?")) {
      st.setString(1, id.value());
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          if (!Retention.sealedPurges(c, key, Optional.of(id.value())).isEmpty()) return Optional.empty();
          return checkpoints.head(id.value()).map(SealCheck::missing);
        }
        head = Heads.stored(rs, 1);
      }
    }
    try (PreparedStatement st = c.prepareStatement("SELECT " + EntryRows.COLUMNS + ", e.hash" + EntryRows.FROM + "WHERE c.id = ? ORDER BY e.seq")) {
      st.setString(1, id.value());
      List<String> hashes = new ArrayList<>();
      List<Entry> entries;
      try (ResultSet rs = st.executeQuery()) {
        entries = EntryRows.read(rs, row -> hashes.add(row.getString(10)));
      }
      return Optional.of(SealCheck.verdict(key, id.value(), hashes, EntryChain.check(entries, hashes), head, checkpoints.head(id.value())));
    }
  }

  StoreReport verifyStore(Connection c) throws SQLException {
    AuditChain.Report audit = AuditLog.check(c, checkpoints.audit());
    Set<String> present = new HashSet<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM conversations")) {
      while (rs.next()) present.add(rs.getString(1));
    }
    present.addAll(Retention.sealedPurges(c, key, Optional.empty()));
    List<ConversationId> missing = checkpoints.remembered().stream().filter(id -> !present.contains(id)).sorted().map(ConversationId::new).toList();
    return new StoreReport(audit, missing, checkpoints.checkpoints(), checkpoints.problem());
  }

  long checkpoint(Connection c, Instant now) throws SQLException {
    var heads = Heads.verified(c, key, checkpoints);
    Set<String> purged = Retention.sealedPurges(c, key, Optional.empty());
    AuditChain.Head audit = AuditLog.head(c);
    // A log shorter than the checkpoint before saw lost rows: keep vouching for what was seen.
    Optional<AuditChain.Head> before = checkpoints.audit();
    if (before.isPresent() && before.get().rows() > audit.rows()) audit = before.get();
    try {
      return checkpoints.append(now, heads, purged, audit.rows(), audit.hash());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
