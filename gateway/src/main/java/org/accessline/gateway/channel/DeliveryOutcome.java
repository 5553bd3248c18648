package org.accessline.gateway.channel;

import org.accessline.gateway.conversation.DeliveryStatus;

/** What an adapter could say about a delivery when it handed the message on. */
public sealed interface DeliveryOutcome {

  /** The resident's live connection receives entries from the stream itself; nothing to record. */
  record Live() implements DeliveryOutcome {}

  /** A provider took the message; its status is recorded, and later reports refer to {@code providerId}. */
  record Reported(DeliveryStatus status, String providerId, String detail) implements DeliveryOutcome {}

  /**
   * The request reached the provider and no answer came back, so the message may or may not have
   * been taken. It is recorded {@code unknown}, never failed, until the provider's own report (or a
   * look-up of it) settles it; sending it again could reach the resident twice.
   */
  record Ambiguous(String detail) implements DeliveryOutcome {}
}
