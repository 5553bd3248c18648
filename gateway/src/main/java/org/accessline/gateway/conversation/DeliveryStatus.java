package org.accessline.gateway.conversation;

import java.util.Locale;
import java.util.Optional;

/** How far an outbound message got. The names follow Twilio's MessageStatus values. */
public enum DeliveryStatus {
  QUEUED,
  SENDING,
  SENT,
  DELIVERED,
  READ,
  UNDELIVERED,
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<DeliveryStatus> parse(String text) {
    if (text == null) return Optional.empty();
    for (DeliveryStatus s : values()) {
      if (s.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) return Optional.of(s);
    }
    return Optional.empty();
  }
}
