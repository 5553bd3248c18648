package org.accessline.web.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as Twilio does: Base64(HMAC-SHA1(auth token, URL + each field's name and value,
 * sorted by name)). Written from Twilio's description, independently of the SDK that checks it.
 */
public final class TwilioSigner {
  private TwilioSigner() {}

  public static String sign(String authToken, String url, Map<String, String> fields) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(fields).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
