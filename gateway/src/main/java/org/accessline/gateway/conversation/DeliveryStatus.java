package org.accessline.gateway.conversation;

import java.util.Locale;
import java.util.Optional;

/**
 * How far an outbound message got. The names follow Twilio's MessageStatus values, plus
 * {@code unknown}: the provider may or may not have taken the message (the request went out and no
 * answer came back), so it is neither sent nor failed until a report settles it.
 */
public enum DeliveryStatus {
  UNKNOWN(0),
  QUEUED(1),
  SENDING(2),
  SENT(3),
  UNDELIVERED(4),
  FAILED(4),
  DELIVERED(5),
  READ(6);

  /**
   * Place in the order a message moves through. Reports can arrive out of order, so a report only
   * counts when it is further along than what is recorded. {@code undelivered} and {@code failed}
   * share a place: whichever came first stands. A delivery receipt outranks both, since a carrier's
   * receipt is evidence the resident has the text.
   */
  private final int rank;

  DeliveryStatus(int rank) {
    this.rank = rank;
  }

  /** Whether a report of this status, arriving after {@code recorded}, moves the message on. */
  public boolean advancesFrom(DeliveryStatus recorded) {
    return rank > recorded.rank;
  }

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
