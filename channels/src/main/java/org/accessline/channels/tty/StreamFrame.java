package org.accessline.channels.tty;

import io.vertx.core.json.JsonObject;

/**
 * One message from Twilio on a call's media stream, as {@link StreamFrames} read it. A message
 * that does not have the shape Twilio documents is {@link Malformed}, never an exception.
 */
public sealed interface StreamFrame {

  /** The first message: the socket is up. */
  record Connected() implements StreamFrame {}

  /**
   * The stream's metadata. Every value the call reads from it has been checked to have Twilio's
   * type: {@code start} and {@code start.mediaFormat} are objects, {@code callSid} and
   * {@code streamSid} strings, {@code sampleRate} and {@code channels} whole numbers, and each
   * of {@code customParameters} a string.
   */
  record Start(JsonObject message) implements StreamFrame {
    public JsonObject start() {
      return message.getJsonObject("start");
    }

    public String callSid() {
      return start().getString("callSid", "");
    }

    public JsonObject customParameters() {
      return start().getJsonObject("customParameters", new JsonObject());
    }
  }

  /**
   * Audio: {@code length} μ-law bytes at the start of {@code audio}. The array belongs to the
   * parser and is overwritten by the next message, so audio is used before the next parse.
   */
  record Media(String track, byte[] audio, int length) implements StreamFrame {
    public boolean inbound() {
      return "inbound".equals(track);
    }
  }

  /** Twilio has played the audio sent before the mark of this name. */
  record Mark(String name) implements StreamFrame {}

  /** The caller pressed a phone key; {@code sequenceNumber} is Twilio's, empty if it sent none. */
  record Dtmf(String digit, String sequenceNumber) implements StreamFrame {}

  /** The stream is ending: the caller hung up or the call moved on. */
  record Stop() implements StreamFrame {}

  /** An event Twilio may add later; it is ignored. */
  record Other(String event) implements StreamFrame {}

  /** Not a message Twilio sends: refused, with the reason to log. */
  record Malformed(String reason) implements StreamFrame {}
}
