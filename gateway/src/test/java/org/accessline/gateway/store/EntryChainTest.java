package org.accessline.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.junit.jupiter.api.Test;

class EntryChainTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Contact RESIDENT = new Contact(Channel.SMS, "+15551230000");
  private final ConversationId id = ConversationId.random();
  private final List<Entry> entries = List.of(
      new Entry(id, 1, T0, Participant.resident(RESIDENT), new ConversationEvent.Opened(RESIDENT), Optional.empty()),
      new Entry(id, 2, T0, Participant.SYSTEM, new ConversationEvent.Queued(T0, "waiting"), Optional.empty()),
      new Entry(id, 3, T0, Participant.resident(RESIDENT), new ConversationEvent.MessagePosted("pothole on 5th"), Optional.of("SM1")));

  private List<String> chain(List<Entry> list) {
    List<String> hashes = new ArrayList<>();
    String previous = EntryChain.GENESIS;
    for (Entry e : list) hashes.add(previous = EntryChain.hash(previous, e));
    return hashes;
  }

  @Test
  void anUntouchedRecordIsIntact() {
    assertEquals(EntryChain.Report.Status.INTACT, EntryChain.check(entries, chain(entries)).status());
  }

  @Test
  void anEditedEntryIsCaughtAtItsOwnNumber() {
    List<String> hashes = chain(entries);
    List<Entry> edited = new ArrayList<>(entries);
    edited.set(2, new Entry(id, 3, T0, Participant.resident(RESIDENT), new ConversationEvent.MessagePosted("pothole on 6th"), Optional.of("SM1")));
    EntryChain.Report r = EntryChain.check(edited, hashes);
    assertEquals(EntryChain.Report.Status.ALTERED, r.status());
    assertEquals(Optional.of(3L), r.firstBadSeq());
  }

  @Test
  void aRemovedEntryOrARewrittenHashIsCaught() {
    List<String> hashes = chain(entries);
    EntryChain.Report gap = EntryChain.check(List.of(entries.get(0), entries.get(2)), List.of(hashes.get(0), hashes.get(2)));
    assertEquals(Optional.of(2L), gap.firstBadSeq());
    List<String> forged = new ArrayList<>(hashes);
    forged.set(1, EntryChain.hash(EntryChain.GENESIS, entries.get(1)));
    assertEquals(Optional.of(2L), EntryChain.check(entries, forged).firstBadSeq(), "a hash that does not chain from the one before");
    assertEquals(Optional.of(3L), EntryChain.check(entries, Arrays.asList(hashes.get(0), hashes.get(1), null)).firstBadSeq(), "a dropped hash");
  }

  @Test
  void recordsFromBeforeHashingAreUnsealedNotAltered() {
    assertEquals(EntryChain.Report.Status.UNSEALED, EntryChain.check(entries, Arrays.asList(null, null, null)).status());
    assertNotEquals(EntryChain.hash(EntryChain.GENESIS, entries.get(0)), EntryChain.hash("x", entries.get(0)));
  }
}
