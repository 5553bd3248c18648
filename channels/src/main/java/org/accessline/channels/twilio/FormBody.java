package org.accessline.channels.twilio;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes an application/x-www-form-urlencoded body strictly. Bytes that are not UTF-8 once
 * percent-decoded are refused rather than replaced, so what is stored is what the resident sent.
 */
public final class FormBody {
  private FormBody() {}

  public static Map<String, String> parse(Buffer body) {
    Map<String, String> fields = new LinkedHashMap<>();
    String text = body.toString(StandardCharsets.ISO_8859_1);
    if (text.isEmpty()) return fields;
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (fields.put(name, value) != null) throw new IllegalArgumentException("the field " + name + " appears twice");
    }
    return fields;
  }

  private static String decode(String encoded) {
    ByteBuffer bytes = ByteBuffer.allocate(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '+') {
        bytes.put((byte) ' ');
      } else if (c == '%') {
        if (i + 2 >= encoded.length()) throw new IllegalArgumentException("a % escape is cut short");
        int hi = Character.digit(encoded.charAt(i + 1), 16);
        int lo = Character.digit(encoded.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) throw new IllegalArgumentException("a % escape is not hexadecimal");
        bytes.put((byte) (hi << 4 | lo));
        i += 2;
      } else if (c > 0x7E || c < 0x20) {
        throw new IllegalArgumentException("a form body must be percent-encoded ASCII");
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("a form field is not valid UTF-8");
    }
  }
}
