package org.accessline.channels.sms;

import java.util.Optional;

/** Who the center's texts come from: one number, or a Messaging Service that picks among several. */
public record SmsSender(Optional<String> fromNumber, Optional<String> messagingServiceSid) {
  public SmsSender {
    if (fromNumber.isPresent() == messagingServiceSid.isPresent()) {
      throw new IllegalArgumentException("give the SMS channel either twilio.smsFrom or twilio.messagingServiceSid, not both");
    }
    fromNumber.filter(n -> !n.matches("\\+[1-9][0-9]{6,14}")).ifPresent(n -> {
      throw new IllegalArgumentException("twilio.smsFrom must be an E.164 number such as +15550003110");
    });
    messagingServiceSid.filter(s -> !s.matches("MG[0-9a-fA-F]{32}")).ifPresent(s -> {
      throw new IllegalArgumentException("twilio.messagingServiceSid must be MG followed by 32 hex digits");
    });
  }
}
