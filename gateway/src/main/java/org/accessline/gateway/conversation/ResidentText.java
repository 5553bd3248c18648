package org.accessline.gateway.conversation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one normaliser for what a resident writes, on every channel. It refuses text that is not
 * valid Unicode (invalid UTF-8, or a lone surrogate), folds CR LF and a bare CR to LF, removes
 * control characters other than newline and tab (NUL, ESC, BEL, DEL, the C1 range), trims the ends,
 * and refuses text with nothing visible left (only spaces, zero-width or other format characters).
 * A bare CR is folded rather than dropped so that what the resident saw as a new line stays one,
 * and nothing can return the carriage over an earlier line of a printed transcript. Pure.
 */
public final class ResidentText {

  /** What became of the text: clean, or refused with a stable code and a reason fit to show. */
  public sealed interface Result {
    record Clean(String text) implements Result {}

    record Refused(Problem problem) implements Result {}
  }

  public enum Problem {
    INVALID("invalid_text", "The message is not valid UTF-8 text."),
    EMPTY("empty_message", "A message needs some visible text.");

    public final String code;
    public final String message;

    Problem(String code, String message) {
      this.code = code;
      this.message = message;
    }
  }

  private ResidentText() {}

  /** Decodes strictly and normalises: a malformed or truncated sequence refuses the whole text. */
  public static Result fromUtf8(byte[] bytes) {
    return decodeUtf8(bytes).map(ResidentText::clean).orElse(new Result.Refused(Problem.INVALID));
  }

  /** The text, if the bytes are valid UTF-8 through and through; no replacement characters are ever made up. */
  public static Optional<String> decodeUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
      return Optional.of(chars.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Normalises text that must have something visible in it. */
  public static Result clean(String text) {
    return clean(text, false);
  }

  /**
   * Normalises text; with {@code mayBeEmpty} (a message that carries files) nothing visible is
   * allowed, and the result is then the empty string.
   */
  public static Result clean(String text, boolean mayBeEmpty) {
    if (text == null) return new Result.Refused(Problem.EMPTY);
    StringBuilder out = new StringBuilder(text.length());
    boolean visible = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) return new Result.Refused(Problem.INVALID);
      if (cp == '\r') {
        out.append('\n');
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') width = 2;
      } else if (cp == '\n' || cp == '\t') {
        out.append((char) cp);
      } else if (Character.getType(cp) != Character.CONTROL) {
        out.appendCodePoint(cp);
        visible |= !invisible(cp);
      }
      i += width;
    }
    if (!visible) return mayBeEmpty ? new Result.Clean("") : new Result.Refused(Problem.EMPTY);
    return new Result.Clean(out.toString().strip());
  }

  /** Shows nothing by itself: spaces, format characters (zero-width space, joiners, BOM), variation selectors, fillers. */
  private static boolean invisible(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return true;
    int type = Character.getType(cp);
    if (type == Character.FORMAT) return true;
    return cp == 0x034F // combining grapheme joiner
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
        || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
        || cp == 0x2800; // braille blank
  }
}
