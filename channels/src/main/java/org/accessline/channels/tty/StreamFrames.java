package org.accessline.channels.tty;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads Twilio's media stream messages. Fifty {@code media} messages a second arrive on every
 * call, so they are read with a streaming parser and their base64 audio is decoded straight into
 * one reused array: no JSON tree, no string for the payload, no audio buffer per frame. The rare
 * {@code start} is read as a tree and its types checked. Fields Twilio may add are skipped; a
 * message without the fields and types Twilio documents is {@link StreamFrame.Malformed}.
 * One instance per call, used on the call's context.
 */
public final class StreamFrames {
  /** Twilio sends 20 ms (160 bytes); a second of audio in one message is not something it sends. */
  public static final int MAX_AUDIO_BYTES = 8000;
  /** Twilio's largest message is {@code start}; its custom parameters are limited to a few hundred bytes. */
  public static final int MAX_MESSAGE_CHARS = 16 * 1024;
  static final int MAX_NAME_CHARS = 256;
  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] BASE64 = new byte[128];

  static {
    Arrays.fill(BASE64, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) BASE64[alphabet.charAt(i)] = (byte) i;
  }

  private final byte[] audio = new byte[MAX_AUDIO_BYTES];

  /** Reads one text message. Never throws. */
  public StreamFrame parse(String text) {
    if (text.length() > MAX_MESSAGE_CHARS) return new StreamFrame.Malformed("a message of " + text.length() + " characters, over " + MAX_MESSAGE_CHARS);
    try (JsonParser p = JSON.createParser(text)) {
      return read(p, text);
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the input; the log gets only where reading stopped.
      return new StreamFrame.Malformed("not JSON (unreadable at character " + (e.getLocation() == null ? "?" : e.getLocation().getCharOffset()) + ")");
    } catch (IOException | RuntimeException e) {
      return new StreamFrame.Malformed("not JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  private StreamFrame read(JsonParser p, String text) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) return new StreamFrame.Malformed("not a JSON object");
    String event = null;
    String sequence = "";
    // Each section is read whatever the event, since Twilio's field order is not promised.
    String mediaProblem = "media is missing";
    String track = "inbound";
    String trackProblem = null;
    int audioLength = 0;
    String markName = null;
    String markProblem = "mark is missing";
    String digit = null;
    String dtmfProblem = "dtmf is missing";
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "event" -> {
          if (value != JsonToken.VALUE_STRING) return new StreamFrame.Malformed("event is not a string");
          event = p.getText();
        }
        // Used only in a record's idempotency key, so anything but a plain count is left out.
        case "sequenceNumber" -> sequence = value.isScalarValue() && isCount(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) ? p.getText() : skip(p, "");
        case "media" -> {
          if (value != JsonToken.START_OBJECT) {
            mediaProblem = skip(p, "media is not an object");
            continue;
          }
          mediaProblem = "media has no payload";
          for (JsonToken m = p.nextToken(); m == JsonToken.FIELD_NAME; m = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("payload")) {
              if (v != JsonToken.VALUE_STRING) mediaProblem = skip(p, "media.payload is not a string");
              else {
                audioLength = decodeBase64(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                mediaProblem = audioLength >= 0 ? null : audioLength == TOO_LONG ? "media.payload is over " + MAX_AUDIO_BYTES + " bytes" : "media.payload is not base64";
              }
            } else if (name.equals("track")) {
              if (v != JsonToken.VALUE_STRING) trackProblem = skip(p, "media.track is not a string");
              else track = p.getText();
            } else {
              p.skipChildren();
            }
          }
        }
        case "mark" -> {
          markProblem = value != JsonToken.START_OBJECT ? skip(p, "mark is not an object") : "mark has no name";
          if (value != JsonToken.START_OBJECT) continue;
          for (JsonToken m = p.nextToken(); m == JsonToken.FIELD_NAME; m = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (!name.equals("name")) p.skipChildren();
            else if (v != JsonToken.VALUE_STRING) markProblem = skip(p, "mark.name is not a string");
            else if (p.getTextLength() > MAX_NAME_CHARS) markProblem = "mark.name is over " + MAX_NAME_CHARS + " characters";
            else {
              markName = p.getText();
              markProblem = null;
            }
          }
        }
        case "dtmf" -> {
          dtmfProblem = value != JsonToken.START_OBJECT ? skip(p, "dtmf is not an object") : "dtmf has no digit";
          if (value != JsonToken.START_OBJECT) continue;
          for (JsonToken m = p.nextToken(); m == JsonToken.FIELD_NAME; m = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (!name.equals("digit")) p.skipChildren();
            else if (v != JsonToken.VALUE_STRING || p.getTextLength() != 1) dtmfProblem = skip(p, "dtmf.digit is not one character");
            else {
              digit = p.getText();
              dtmfProblem = null;
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) return new StreamFrame.Malformed("text after the JSON object");
    if (event == null) return new StreamFrame.Malformed("no event");
    return switch (event) {
      case "media" -> mediaProblem != null || trackProblem != null ? new StreamFrame.Malformed(mediaProblem != null ? mediaProblem : trackProblem)
          : new StreamFrame.Media(track, audio, audioLength);
      case "mark" -> markProblem != null ? new StreamFrame.Malformed(markProblem) : new StreamFrame.Mark(markName);
      case "dtmf" -> dtmfProblem != null ? new StreamFrame.Malformed(dtmfProblem) : new StreamFrame.Dtmf(digit, sequence);
      case "start" -> start(text);
      case "stop" -> new StreamFrame.Stop();
      case "connected" -> new StreamFrame.Connected();
      default -> new StreamFrame.Other(event);
    };
  }

  /** Skips the value the parser is on; returns {@code problem}, so a caller can note why in one step. */
  private static String skip(JsonParser p, String problem) {
    try {
      p.skipChildren();
    } catch (IOException e) {
      throw new DecodeException(e.getMessage());
    }
    return problem;
  }

  private static StreamFrame start(String text) {
    JsonObject message = new JsonObject(text);
    if (!(message.getValue("start") instanceof JsonObject start)) return new StreamFrame.Malformed("start is not an object");
    if (!isStringOrAbsent(message, "streamSid") || !isStringOrAbsent(start, "streamSid")) return new StreamFrame.Malformed("streamSid is not a string");
    if (!(start.getValue("callSid") instanceof String)) return new StreamFrame.Malformed("start.callSid is missing or not a string");
    if (!(start.getValue("mediaFormat") instanceof JsonObject format)) return new StreamFrame.Malformed("start.mediaFormat is missing or not an object");
    if (!isStringOrAbsent(format, "encoding") || !isWholeOrAbsent(format, "sampleRate") || !isWholeOrAbsent(format, "channels")) {
      return new StreamFrame.Malformed("start.mediaFormat has a value of the wrong type");
    }
    Object parameters = start.getValue("customParameters");
    if (parameters != null && !(parameters instanceof JsonObject)) return new StreamFrame.Malformed("start.customParameters is not an object");
    if (parameters instanceof JsonObject given) {
      for (String name : given.fieldNames()) {
        if (!(given.getValue(name) instanceof String)) return new StreamFrame.Malformed("start.customParameters has a value that is not a string");
      }
    }
    return new StreamFrame.Start(message);
  }

  private static boolean isStringOrAbsent(JsonObject o, String key) {
    Object v = o.getValue(key);
    return v == null || v instanceof String;
  }

  private static boolean isWholeOrAbsent(JsonObject o, String key) {
    Object v = o.getValue(key);
    return v == null || v instanceof Integer || v instanceof Long;
  }

  private static final int NOT_BASE64 = -1;
  private static final int TOO_LONG = -2;

  /** Strict RFC 4648 base64 (padded, no line breaks) into {@link #audio}; its length, or a negative code. */
  private int decodeBase64(char[] chars, int offset, int length) {
    if (length % 4 != 0) return NOT_BASE64;
    if (length == 0) return 0;
    int pad = chars[offset + length - 1] != '=' ? 0 : chars[offset + length - 2] == '=' ? 2 : 1;
    int bytes = length / 4 * 3 - pad;
    if (bytes > MAX_AUDIO_BYTES) return TOO_LONG;
    int out = 0;
    int end = offset + length;
    for (int i = offset; i < end; i += 4) {
      boolean last = i + 4 == end;
      int a = sextet(chars[i]);
      int b = sextet(chars[i + 1]);
      int c = last && pad == 2 ? 0 : sextet(chars[i + 2]);
      int d = last && pad >= 1 ? 0 : sextet(chars[i + 3]);
      if ((a | b | c | d) < 0) return NOT_BASE64;
      int word = a << 18 | b << 12 | c << 6 | d;
      audio[out++] = (byte) (word >> 16);
      if (out < bytes) audio[out++] = (byte) (word >> 8);
      if (out < bytes) audio[out++] = (byte) word;
    }
    return bytes;
  }

  private static boolean isCount(char[] chars, int offset, int length) {
    if (length < 1 || length > 19) return false;
    for (int i = offset; i < offset + length; i++) if (chars[i] < '0' || chars[i] > '9') return false;
    return true;
  }

  private static int sextet(char c) {
    return c < 128 ? BASE64[c] : -1;
  }
}
