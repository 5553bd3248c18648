package org.accessline.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.AppendOutcome;
import org.accessline.gateway.store.AuditChain;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.EntryChain;
import org.accessline.gateway.store.RecordQuery;
import org.accessline.gateway.store.StoreReport;
import org.accessline.gateway.store.InteractionStore;

/**
 * The records the release before Flyway (commit 844fff4) wrote into the fixtures under
 * {@code before-flyway/} (see its README.md), and what a store opened on them must still show.
 */
public final class BeforeFlyway {
  public static final ConversationId STREETLIGHT = new ConversationId("0b7f2c1e-3d4a-4e5b-8c6d-7e8f90a1b2c3");
  public static final ConversationId TRASH = new ConversationId("1c8e3d2f-4e5b-4f6c-9d7e-8f90a1b2c3d4");
  public static final ConversationId TRASH_AGAIN = new ConversationId("2d9f4e30-5f6c-4a7d-8e8f-90a1b2c3d4e5");
  public static final ConversationId PARTY = new ConversationId("3ea05f41-6a7d-4b8e-9f90-a1b2c3d4e5f6");
  public static final ConversationId PURGED = new ConversationId("4fb16a52-7b8e-4c9f-8a01-b2c3d4e5f6a7");
  /** The schema version that release had applied: the embedded store's V5, PostgreSQL's V4. */
  public static final String EMBEDDED_VERSION = "5";
  public static final String POSTGRES_VERSION = "4";

  private BeforeFlyway() {}

  /** Copies the fixture's files ({@code embedded} or {@code postgres}) into {@code dir}, the seal key readable by its owner only. */
  public static void copy(String which, Path dir, String... files) throws IOException {
    Files.createDirectories(dir);
    for (String name : files) {
      try (InputStream in = BeforeFlyway.class.getResourceAsStream("before-flyway/" + which + "/" + name)) {
        if (in == null) throw new IllegalStateException("fixture missing: before-flyway/" + which + "/" + name);
        Files.copy(in, dir.resolve(name));
      }
    }
    Path key = dir.resolve("seal.key");
    if (Files.exists(key)) Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
  }

  /** Every record that release wrote is there, whole, verified against its seals and the old checkpoint file. */
  public static void assertRecordsKept(InteractionStore store) {
    assertEquals(Set.of(STREETLIGHT, TRASH, TRASH_AGAIN, PARTY), Set.copyOf(store.conversationIds().await()));
    List<Entry> streetlight = store.entries(STREETLIGHT, 0).await();
    assertEquals(7, streetlight.size());
    assertEquals(new ConversationEvent.MessagePosted("Streetlight out on Elm Street"), streetlight.get(2).event());
    assertEquals(new ConversationEvent.Resolved("Service request created"), streetlight.get(6).event());
    assertEquals(List.of(STREETLIGHT), ids(store, new RecordQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of("streetlight elm"), Optional.of("lighting"), Optional.of("streets"), 50, 0)), "words, tag and category still find it");
    assertTrue(store.onLegalHold(TRASH).await());
    assertEquals(List.of(TRASH_AGAIN), store.following(TRASH).await());
    assertEquals(Set.of(TRASH_AGAIN, PARTY), Set.copyOf(store.openConversations().await().stream().map(e -> e.get(0).conversationId()).toList()));
    assertTrue(store.purged(PURGED).await());
    assertEquals(Optional.empty(), store.verify(PURGED).await(), "a sealed purge explains the record's absence");
    for (ConversationId id : List.of(STREETLIGHT, TRASH, TRASH_AGAIN, PARTY)) {
      EntryChain.Report report = store.verify(id).await().orElseThrow();
      assertEquals(EntryChain.Report.Status.INTACT, report.status(), id + ": " + report);
    }
    StoreReport whole = store.verifyStore().await();
    assertTrue(whole.intact(), whole.toJson().encode());
    assertEquals(AuditChain.Report.Status.INTACT, whole.audit().status());
    assertEquals(3, whole.audit().rows());
  }

  /** The store takes new writes after the upgrade, and they verify too. */
  public static void assertWritesContinue(InteractionStore store) {
    Instant at = Instant.parse("2026-01-06T09:00:00Z");
    Entry reply = new Entry(PARTY, 3, at, Participant.SYSTEM, new ConversationEvent.Resolved("Referred to another agency"), Optional.empty());
    assertInstanceOf(AppendOutcome.Appended.class, store.append(List.of(reply)).await());
    store.audit(new AuditEvent(at, "lee", "read", PARTY.value(), "after the upgrade")).await();
    assertEquals(EntryChain.Report.Status.INTACT, store.verify(PARTY).await().orElseThrow().status());
    StoreReport whole = store.verifyStore().await();
    assertTrue(whole.intact(), whole.toJson().encode());
    assertEquals(4, whole.audit().rows());
  }

  private static List<ConversationId> ids(InteractionStore store, RecordQuery q) {
    return store.search(q).await().records().stream().map(r -> r.id()).toList();
  }
}
