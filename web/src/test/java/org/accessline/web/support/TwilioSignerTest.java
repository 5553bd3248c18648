package org.accessline.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tests' own signer must agree with Twilio's published example, or the webhook tests prove nothing. */
class TwilioSignerTest {
  @Test
  void signsTwilioPublishedExample() {
    assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSigner.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2",
        Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030", "Digits", "1234", "From", "+12349013030", "To", "+18005551212")));
  }
}
