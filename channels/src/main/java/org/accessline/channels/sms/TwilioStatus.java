package org.accessline.channels.sms;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.DeliveryStatus;

/** Twilio's MessageStatus values and the error codes agents most often meet, in their words. */
final class TwilioStatus {
  private static final Map<String, DeliveryStatus> STATUSES = Map.ofEntries(
      Map.entry("accepted", DeliveryStatus.QUEUED), Map.entry("scheduled", DeliveryStatus.QUEUED), Map.entry("queued", DeliveryStatus.QUEUED),
      Map.entry("sending", DeliveryStatus.SENDING), Map.entry("sent", DeliveryStatus.SENT), Map.entry("delivered", DeliveryStatus.DELIVERED),
      Map.entry("read", DeliveryStatus.READ), Map.entry("undelivered", DeliveryStatus.UNDELIVERED), Map.entry("failed", DeliveryStatus.FAILED),
      Map.entry("canceled", DeliveryStatus.FAILED), Map.entry("partially_delivered", DeliveryStatus.UNDELIVERED));
  private static final Map<String, String> ERRORS = Map.of(
      "21610", "the resident has opted out (STOP)",
      "30003", "the phone is off or unreachable",
      "30004", "the number blocks messages",
      "30005", "the number does not exist",
      "30006", "a landline or unreachable carrier",
      "30007", "the carrier filtered the message",
      "30008", "unknown delivery error");

  private TwilioStatus() {}

  static Optional<DeliveryStatus> of(String status) {
    return Optional.ofNullable(STATUSES.get(status.strip().toLowerCase(Locale.ROOT)));
  }

  static String detail(String status, String errorCode) {
    String s = status.strip().toLowerCase(Locale.ROOT);
    String base = s.equals("canceled") || s.equals("partially_delivered") || s.equals("accepted") || s.equals("scheduled") ? "Twilio: " + s : "";
    if (errorCode == null || errorCode.isBlank()) return base;
    String error = "Twilio error " + errorCode.strip() + Optional.ofNullable(ERRORS.get(errorCode.strip())).map(m -> ": " + m).orElse("");
    return base.isEmpty() ? error : base + "; " + error;
  }

  /** Twilio's status for a message it has just taken. */
  static DeliveryStatus taken(String status) {
    return of(status == null ? "" : status).orElse(DeliveryStatus.QUEUED);
  }
}
