package org.accessline.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.rules.Consent;
import org.junit.jupiter.api.Test;

/** The stream's fold of each contact's consent: read from the store once, then kept by the consent entries it writes. */
class ConsentsTest {
  private static final Contact TEXTER = new Contact(Channel.SMS, "+15551230000");
  private final List<Promise<Boolean>> reads = new ArrayList<>();
  private final Consents consents = new Consents(contact -> {
    Promise<Boolean> read = Promise.promise();
    reads.add(read);
    return read.future();
  });

  @Test
  void theStoreIsReadOnceAndEveryAskerWaitsForThatRead() {
    consents.load(TEXTER);
    Future<Consent> first = consents.of(TEXTER);
    Future<Consent> second = consents.of(TEXTER);
    assertEquals(1, reads.size());
    assertFalse(first.isComplete());
    reads.get(0).complete(true);
    assertEquals(new Consent(true), first.result());
    assertEquals(new Consent(true), second.result());
    assertEquals(new Consent(true), consents.of(TEXTER).result());
    assertEquals(1, reads.size(), "known from then on");
  }

  @Test
  void aChatOrACallHasNoConsentToLookUp() {
    for (Channel channel : List.of(Channel.WEBCHAT, Channel.TTY, Channel.RELAY)) {
      Contact resident = new Contact(channel, "resident-" + channel);
      consents.load(resident);
      assertEquals(Consent.GIVEN, consents.of(resident).result());
    }
    assertEquals(List.of(), reads, "nothing read from the store");
  }

  @Test
  void everyConsentEntryReplacesWhatWasKnown() {
    consents.of(TEXTER);
    reads.get(0).complete(false);
    consents.changed(TEXTER, new Consent(true));
    assertEquals(new Consent(true), consents.of(TEXTER).result());
    consents.changed(TEXTER, Consent.GIVEN);
    assertEquals(Consent.GIVEN, consents.of(TEXTER).result());
    assertEquals(1, reads.size());
  }

  @Test
  void anOptOutWrittenWhileTheStoreWasReadWinsOverWhatTheReadFound() {
    Future<Consent> waiting = consents.of(TEXTER);
    consents.changed(TEXTER, new Consent(true));
    reads.get(0).complete(false);
    assertEquals(new Consent(true), waiting.result(), "the read began before the opt-out was written");
  }

  @Test
  void aFailedReadIsNotKeptAndTheNextAskReadsAgain() {
    Future<Consent> failed = consents.of(TEXTER);
    reads.get(0).fail("store closed");
    assertTrue(failed.failed());
    Future<Consent> again = consents.of(TEXTER);
    assertEquals(2, reads.size());
    reads.get(1).complete(false);
    assertEquals(Consent.GIVEN, again.result());
  }

  @Test
  void aContactWithNoLineLeftIsReadAgainNextTime() {
    consents.of(TEXTER);
    reads.get(0).complete(true);
    consents.forget(TEXTER);
    Future<Consent> later = consents.of(TEXTER);
    assertEquals(2, reads.size());
    reads.get(1).complete(false);
    assertEquals(Consent.GIVEN, later.result(), "the store's latest consent entry decides");
  }
}
