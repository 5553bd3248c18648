package org.accessline.channels.twilio;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
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
  /**
   * Twilio's largest webhook: 64 KB. A 1,600-character text in a four-byte script is 19,200 bytes
   * percent-encoded, well inside it.
   */
  public static final int MAX_BYTES = 64 * 1024;
  private static final String RAW = "twilio.form.raw";

  private FormBody() {}

  /**
   * Collects a form body of at most {@link #MAX_BYTES} as raw bytes, for {@link #parse} to decode.
   * Vert.x's own form decoding is never used: it caps each field at 8,192 bytes and would refuse
   * long texts in non-Latin scripts. A larger body is answered 413 and nothing is read further.
   */
  public static Handler<RoutingContext> collect() {
    return ctx -> {
      HttpServerRequest request = ctx.request();
      String declared = request.getHeader("Content-Length");
      if (declared != null && !declared.matches("[0-9]{1,12}")) {
        TwilioReplies.problem(ctx, 400, "Content-Length is not a number.");
        return;
      }
      if (declared != null && Long.parseLong(declared) > MAX_BYTES) {
        tooLarge(ctx);
        return;
      }
      Buffer body = Buffer.buffer(declared == null ? 1024 : Integer.parseInt(declared));
      boolean[] refused = {false};
      request.handler(chunk -> {
        if (refused[0]) return;
        if (body.length() + chunk.length() > MAX_BYTES) {
          refused[0] = true;
          tooLarge(ctx);
        } else {
          body.appendBuffer(chunk);
        }
      });
      request.exceptionHandler(e -> refused[0] = true);
      request.endHandler(v -> {
        if (refused[0]) return;
        ctx.put(RAW, body);
        ctx.next();
      });
      request.resume();
    };
  }

  /** The body {@link #collect} read. */
  public static Buffer raw(RoutingContext ctx) {
    Buffer body = ctx.get(RAW);
    return body == null ? Buffer.buffer() : body;
  }

  private static void tooLarge(RoutingContext ctx) {
    if (ctx.response().ended()) return;
    ctx.response().putHeader("Connection", "close");
    TwilioReplies.problem(ctx, 413, "The request is larger than Twilio ever sends (" + MAX_BYTES + " bytes).");
  }

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
