package org.accessline.channels.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.security.RequestValidator;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {
  @Test
  void fieldsArePercentDecodedAsUtf8() {
    Map<String, String> f = FormBody.parse(Buffer.buffer("From=%2B15551234567&Body=Caf%C3%A9+open%3F&Empty="));
    assertEquals(Map.of("From", "+15551234567", "Body", "Café open?", "Empty", ""), f);
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedNotReplaced() {
    assertThrows(IllegalArgumentException.class, () -> FormBody.parse(Buffer.buffer("Body=caf%E9")));
    assertThrows(IllegalArgumentException.class, () -> FormBody.parse(Buffer.buffer(new byte[] {'B', '=', (byte) 0xE9})));
  }

  @Test
  void sixteenHundredFourByteCharactersFitTwiliosLargestRequestAndDecodeExactly() {
    String body = "\uD83D\uDE92".repeat(1600);
    String encoded = "Body=" + java.net.URLEncoder.encode(body, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(encoded.length() < FormBody.MAX_BYTES, encoded.length() + " bytes");
    assertTrue(encoded.length() > 8192, "more than Vert.x's own per-field limit, which is why it is not used");
    assertEquals(body, FormBody.parse(Buffer.buffer(encoded)).get("Body"));
  }

  @Test
  void brokenEscapesAndRepeatedFieldsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> FormBody.parse(Buffer.buffer("Body=100%")));
    assertThrows(IllegalArgumentException.class, () -> FormBody.parse(Buffer.buffer("Body=%zz")));
    assertThrows(IllegalArgumentException.class, () -> FormBody.parse(Buffer.buffer("From=%2B1&From=%2B2")));
  }

  /** The worked example in Twilio's webhook security guide, checked by the SDK we rely on. */
  @Test
  void theSdkAcceptsTwilioPublishedSignatureExampleAndNothingAltered() {
    RequestValidator validator = new RequestValidator("12345");
    String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    Map<String, String> fields = FormBody.parse(Buffer.buffer("CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212"));
    assertTrue(validator.validate(url, fields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    assertEquals(false, validator.validate(url, Map.of("Digits", "9999"), "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    assertEquals(false, validator.validate("https://mycompany.com/other.php?foo=1&bar=2", fields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
  }
}
