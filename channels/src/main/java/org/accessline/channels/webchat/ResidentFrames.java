package org.accessline.channels.webchat;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ResidentText;

/** Turns a resident's text frame into a {@link ResidentFrame} or a {@link FrameError}. Pure. */
public final class ResidentFrames {
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Either a frame or an error, never both. */
  public record Parsed(Optional<ResidentFrame> frame, Optional<FrameError> error) {
    static Parsed ok(ResidentFrame frame) {
      return new Parsed(Optional.of(frame), Optional.empty());
    }

    static Parsed error(String code, String message, String clientId) {
      return new Parsed(Optional.empty(), Optional.of(new FrameError(code, message, clientId)));
    }
  }

  private ResidentFrames() {}

  public static Parsed parse(String text, int maxMessageBytes) {
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return Parsed.error("bad_json", "Frames must be JSON objects.", null);
    }
    Object type = json.getValue("type");
    if (!(type instanceof String)) return Parsed.error("bad_frame", "Every frame needs a \"type\".", null);
    switch ((String) type) {
      case "hello":
        return hello(json);
      case "message":
        return message(json, maxMessageBytes);
      case "typing":
        return json.getValue("active") instanceof Boolean active
            ? Parsed.ok(new ResidentFrame.Typing(active))
            : Parsed.error("bad_frame", "\"typing\" needs \"active\": true or false.", null);
      default:
        return Parsed.error("unknown_type", "Unknown frame type \"" + type + "\".", null);
    }
  }

  private static Parsed hello(JsonObject json) {
    Object token = json.getValue("token");
    if (token != null && !(token instanceof String)) return Parsed.error("bad_frame", "\"token\" must be a string.", null);
    Object conversation = json.getValue("conversationId");
    Optional<ConversationId> id = conversation instanceof String s ? ConversationId.parse(s) : Optional.empty();
    Object last = json.getValue("lastSeq", 0);
    if (!(last instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
      return Parsed.error("bad_frame", "\"lastSeq\" must be a whole number, 0 or more.", null);
    }
    return Parsed.ok(new ResidentFrame.Hello(Optional.ofNullable((String) token), id, n.longValue()));
  }

  private static Parsed message(JsonObject json, int maxMessageBytes) {
    Object clientId = json.getValue("clientId");
    if (!(clientId instanceof String id) || !CLIENT_ID.matcher(id).matches()) {
      return Parsed.error("bad_frame", "\"clientId\" must be 1-64 letters, digits, '-' or '_'.", null);
    }
    Object text = json.getValue("text");
    if (text == null) return Parsed.error("empty_message", "A message needs some text.", id);
    if (!(text instanceof String raw)) return Parsed.error("bad_frame", "\"text\" must be a string; send numbers as text (\"12\").", id);
    // The stream normalises again; doing it here too answers at once and measures what would be stored.
    ResidentText.Result cleaned = ResidentText.clean(raw);
    if (cleaned instanceof ResidentText.Result.Refused r) return Parsed.error(r.problem().code, r.problem().message, id);
    String body = ((ResidentText.Result.Clean) cleaned).text();
    int bytes = body.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxMessageBytes) {
      return Parsed.error("too_long", "Messages can be at most " + maxMessageBytes + " bytes; this one is " + bytes + ". Please split it.", id);
    }
    return Parsed.ok(new ResidentFrame.Message(id, body));
  }
}
