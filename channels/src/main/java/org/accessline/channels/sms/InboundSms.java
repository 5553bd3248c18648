package org.accessline.channels.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accessline.gateway.conversation.Attachment;

/** An inbound message as Twilio posts it. Fields Twilio adds later are ignored. */
public record InboundSms(String messageSid, String from, String to, String body, List<Attachment> attachments) {
  /** Twilio's own limit for one inbound message. */
  public static final int MAX_BODY_CHARS = 1600;
  private static final int MAX_MEDIA = 10;

  /** Reads the fields, or throws with a reason fit for a 400 answer. */
  public static InboundSms parse(Map<String, String> fields) {
    String sid = fields.getOrDefault("MessageSid", "");
    if (!sid.matches("(SM|MM)[0-9a-fA-F]{32}")) throw new IllegalArgumentException("MessageSid is missing or malformed.");
    String from = fields.getOrDefault("From", "").strip();
    if (from.isEmpty()) throw new IllegalArgumentException("From is missing.");
    if (!isPhoneNumber(from)) throw new IllegalArgumentException("From must be an E.164 number (+ and 7-15 digits) or a short code (3-8 digits).");
    if (!fields.containsKey("Body")) throw new IllegalArgumentException("Body is missing.");
    String body = fields.get("Body");
    if (body.codePointCount(0, body.length()) > MAX_BODY_CHARS) throw new TooLong();
    int media;
    try {
      media = Integer.parseInt(fields.getOrDefault("NumMedia", "0"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("NumMedia is not a number.");
    }
    if (media < 0 || media > MAX_MEDIA) throw new IllegalArgumentException("NumMedia must be 0-" + MAX_MEDIA + ".");
    List<Attachment> attachments = new ArrayList<>(media);
    for (int i = 0; i < media; i++) {
      String url = fields.get("MediaUrl" + i);
      String type = fields.get("MediaContentType" + i);
      if (url == null || type == null) throw new IllegalArgumentException("MediaUrl" + i + " or MediaContentType" + i + " is missing.");
      attachments.add(new Attachment(url, type));
    }
    if (body.isBlank() && attachments.isEmpty()) throw new IllegalArgumentException("The message has neither text nor media.");
    return new InboundSms(sid, from, fields.getOrDefault("To", ""), body, List.copyOf(attachments));
  }

  /**
   * Whether a sender is a phone number this channel can answer: E.164, or a carrier short code.
   * Twilio's other senders (whatsapp:, messenger:) and anything forged are not.
   */
  public static boolean isPhoneNumber(String from) {
    return from.matches("\\+[1-9][0-9]{6,14}") || from.matches("[0-9]{3,8}");
  }

  /** The body is longer than Twilio ever sends. */
  public static final class TooLong extends IllegalArgumentException {
    TooLong() {
      super("Body is longer than " + MAX_BODY_CHARS + " characters.");
    }
  }
}
