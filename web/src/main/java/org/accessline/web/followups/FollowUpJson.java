package org.accessline.web.followups;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.ConsentChange;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpChannel;
import org.accessline.gateway.followup.FollowUpRules;
import org.accessline.gateway.followup.Owner;

/** Follow-ups and consent lines as the API shows them, and a new follow-up as the API takes it. */
final class FollowUpJson {
  private static final String NUMBER = "\\+[1-9][0-9]{6,14}";
  private static final Duration FARTHEST = Duration.ofDays(366);
  private static final List<String> FIELDS = List.of("id", "due", "owner", "channel", "note", "number");

  private FollowUpJson() {}

  static JsonObject json(FollowUp f, Instant now, Duration overdueAfter) {
    return new JsonObject().put("id", f.id()).put("recordId", f.origin().value()).put("channel", f.channel().wireName()).put("owner", f.owner().wire())
        .put("due", f.due().toString()).put("note", f.note()).put("state", f.state().wireName())
        .put("phase", FollowUpRules.phase(f, now, overdueAfter).wireName()).put("attempts", f.attempts())
        .put("lastOutcome", f.lastOutcome().orElse(null)).put("nextAttemptAt", f.nextAttemptAt().toString())
        .put("number", f.contact().map(Contact::address).orElse(null))
        .put("conversationId", f.conversation().map(ConversationId::value).orElse(null))
        .put("createdAt", f.createdAt().toString()).put("createdBy", f.createdBy());
  }

  static JsonArray json(List<FollowUp> all, Instant now, Duration overdueAfter) {
    JsonArray out = new JsonArray();
    all.forEach(f -> out.add(json(f, now, overdueAfter)));
    return out;
  }

  static JsonObject json(ConsentChange c) {
    return new JsonObject().put("granted", c.granted()).put("at", c.at().toString()).put("by", c.by()).put("how", c.how())
        .put("conversationId", c.conversation().map(ConversationId::value).orElse(null));
  }

  /**
   * A follow-up of the record from a request body. The contact is the record's own when it can be
   * reached that way (a text to an SMS contact, a call to a TTY caller), else the body's {@code number}.
   *
   * @throws IllegalArgumentException saying what is wrong, for the 400 answer
   */
  static FollowUp parse(JsonObject body, ConversationId origin, Contact recordContact, String by, Clock clock, boolean chatLinkConfigured,
      boolean callsAvailable) {
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) throw new IllegalArgumentException("Unknown field \"" + field + "\"; a follow-up takes " + String.join(", ", FIELDS) + ".");
    }
    String id = optionalString(body, "id").orElseGet(() -> UUID.randomUUID().toString());
    try {
      id = UUID.fromString(id).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"id\", if given, is a UUID the client chose so a retry makes no second follow-up.");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant due;
    try {
      due = Instant.parse(requiredString(body, "due", "\"due\" is the time it is due, such as 2026-11-24T15:00:00Z.")).truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"due\" must be a time such as 2026-11-24T15:00:00Z.");
    }
    if (due.isBefore(now.minus(Duration.ofMinutes(5))) || due.isAfter(now.plus(FARTHEST))) {
      throw new IllegalArgumentException("\"due\" must be from now to a year ahead.");
    }
    Owner owner = Owner.parse(requiredString(body, "owner", "\"owner\" is agent:<username> or queue:<name>."))
        .orElseThrow(() -> new IllegalArgumentException("\"owner\" must be agent:<username> or queue:<name>."));
    FollowUpChannel channel = FollowUpChannel.parse(requiredString(body, "channel", "\"channel\" is text, tty-call, chat-link or task."))
        .orElseThrow(() -> new IllegalArgumentException("\"channel\" must be text, tty-call, chat-link or task."));
    if (channel == FollowUpChannel.CHAT_LINK && !chatLinkConfigured) {
      throw new IllegalArgumentException("No web chat link is configured (followUps.chatLink), so a chat-link follow-up cannot be made.");
    }
    if (channel == FollowUpChannel.TTY_CALL && !callsAvailable) {
      // Refused now rather than when it falls due, when no one could place the call either.
      throw new IllegalArgumentException("Outbound TTY calls need a Twilio account and followUps.callerNumber in the configuration, so a tty-call follow-up cannot be made.");
    }
    String note = optionalString(body, "note").orElse("").strip();
    if (note.length() > FollowUp.NOTE_LIMIT) throw new IllegalArgumentException("\"note\" is at most " + FollowUp.NOTE_LIMIT + " characters.");
    Optional<String> number = optionalString(body, "number").map(String::strip);
    if (number.isPresent() && !number.get().matches(NUMBER)) throw new IllegalArgumentException("\"number\" must be a phone number such as +15551234567.");
    Optional<Contact> contact = switch (channel) {
      case TASK -> Optional.empty();
      case TEXT, CHAT_LINK -> Optional.of(number.map(n -> new Contact(Channel.SMS, n))
          .orElseGet(() -> reachable(recordContact, Channel.SMS, "a text")));
      case TTY_CALL -> Optional.of(number.map(n -> new Contact(Channel.TTY, n))
          .orElseGet(() -> reachable(recordContact, Channel.TTY, "a TTY call")));
    };
    return FollowUp.scheduled(id, origin, contact, channel, owner, due, note, now, by);
  }

  private static Contact reachable(Contact record, Channel channel, String what) {
    boolean phone = (record.channel().equals(Channel.SMS) || record.channel().equals(Channel.TTY) || record.channel().equals(Channel.RELAY))
        && record.address().matches(NUMBER);
    if (!phone) throw new IllegalArgumentException("This record's resident has no phone number on it; give \"number\" to reach them by " + what + ".");
    return new Contact(channel, record.address());
  }

  private static String requiredString(JsonObject body, String field, String problem) {
    return optionalString(body, field).filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalArgumentException(problem));
  }

  private static Optional<String> optionalString(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) return Optional.empty();
    if (!(v instanceof String s)) throw new IllegalArgumentException("\"" + field + "\" must be a string.");
    return Optional.of(s);
  }
}
