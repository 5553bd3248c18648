package org.accessline.gateway.rules;

import java.util.Optional;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Entry;

/** What the stream records of a message it handed to a channel, from what the channel answered. Pure. */
public final class DeliveryRecords {
  private DeliveryRecords() {}

  /** Empty for a live connection: the resident's own connection got the entry from the stream. */
  public static Optional<StreamCommand.RecordDelivery> of(Entry message, DeliveryOutcome outcome) {
    if (outcome instanceof DeliveryOutcome.Reported reported) {
      return Optional.of(new StreamCommand.RecordDelivery(message.conversationId(), message.seq(), reported.status(), reported.detail(),
          Optional.of(reported.providerId() + ":" + reported.status().wireName()), Optional.of(reported.providerId())));
    }
    if (outcome instanceof DeliveryOutcome.Ambiguous ambiguous) {
      return Optional.of(new StreamCommand.RecordDelivery(message.conversationId(), message.seq(), DeliveryStatus.UNKNOWN, ambiguous.detail(), Optional.empty()));
    }
    return Optional.empty();
  }

  /** The channel could not send it, for {@code why}. */
  public static StreamCommand.RecordDelivery failed(Entry message, String why) {
    return new StreamCommand.RecordDelivery(message.conversationId(), message.seq(), DeliveryStatus.FAILED, why, Optional.empty());
  }

  /**
   * Supervisors must know at once when a resident in an emergency could not be given the 911
   * guidance on their channel: the alert's reason, if this record says so.
   */
  public static Optional<String> guidanceNotSent(Effect.Deliver delivery, StreamCommand.RecordDelivery record) {
    if (!delivery.emergencyGuidance() || record.status() != DeliveryStatus.FAILED) return Optional.empty();
    Contact contact = delivery.contact();
    return Optional.of("The 911 guidance could not be sent to " + contact.address() + " by " + contact.channel().name() + ": " + record.detail()
        + " Reach the resident another way.");
  }
}
