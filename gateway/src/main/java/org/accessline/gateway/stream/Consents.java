package org.accessline.gateway.stream;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.rules.Consent;

/**
 * Each contact's consent to messages, as the stream knows it: read from the store once, when the
 * contact's line is built or at their first delivery, and from then on replaced by every consent
 * entry the stream writes. No channel reads the store for it. Used only on the stream's context.
 */
final class Consents {
  private final Function<Contact, Future<Boolean>> storedOptOut;
  /** Known, or being read: deliveries that ask meanwhile wait for the same read, in order. */
  private final Map<Contact, Future<Consent>> known = new HashMap<>();

  /** @param storedOptOut whether the store's latest consent entry for the contact opted them out */
  Consents(Function<Contact, Future<Boolean>> storedOptOut) {
    this.storedOptOut = storedOptOut;
  }

  /** Starts reading the contact's consent, unless it is known: their line was just built, and a delivery may follow at once. */
  void load(Contact contact) {
    of(contact);
  }

  /** The contact's consent, read from the store if it is not known. */
  Future<Consent> of(Contact contact) {
    if (!Consent.keptFor(contact.channel())) return Future.succeededFuture(Consent.GIVEN);
    Future<Consent> consent = known.get(contact);
    if (consent == null) {
      Future<Consent> reading = storedOptOut.apply(contact).map(Consent::new);
      known.put(contact, reading);
      // A failed read is not kept: the next delivery reads again.
      reading.onFailure(e -> known.remove(contact, reading));
      consent = reading;
    }
    // A consent entry written while the store was being read is newer than what the read found.
    return consent.map(found -> {
      Future<Consent> now = known.get(contact);
      return now != null && now.succeeded() ? now.result() : found;
    });
  }

  /** A consent entry was written for the contact. */
  void changed(Contact contact, Consent consent) {
    known.put(contact, Future.succeededFuture(consent));
  }

  /** The contact has no line any more; the store keeps their consent entries. */
  void forget(Contact contact) {
    known.remove(contact);
  }
}
