package org.accessline.gateway.rules;

import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Entry;

/**
 * Whether a contact takes messages from the center: given until they opt out (STOP and the like),
 * and again once they opt back in (START). It is kept per contact, across their conversations: each
 * consent entry replaces it ({@link Effect.ConsentChanged}). Pure.
 */
public record Consent(boolean optedOut) {
  public static final Consent GIVEN = new Consent(false);
  public static final String WITHHELD = "Not sent: the resident texted STOP (or another way of saying it). Nothing can reach them by text until they send START.";

  /**
   * Whether the channel lets a resident opt out of messages. Only texts do (STOP, START): a chat or
   * a call the resident opened themselves has no consent to record, so none is looked up.
   */
  public static boolean keptFor(Channel channel) {
    return channel == Channel.SMS;
  }

  /** What is recorded instead of handing the message to the channel, when the contact opted out. */
  public Optional<StreamCommand.RecordDelivery> withholds(Entry message) {
    if (!optedOut) return Optional.empty();
    return Optional.of(new StreamCommand.RecordDelivery(message.conversationId(), message.seq(), DeliveryStatus.FAILED, WITHHELD, Optional.empty()));
  }
}
