package org.accessline.web.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Posts form-encoded webhooks to the gateway as Twilio does, signed over the public URL Twilio would call. */
public final class TwilioWebhookClient implements AutoCloseable {
  public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";
  public static final String PUBLIC_BASE = "https://311.example.test";

  /** Gateway options for Fairview 311 with this test account; {@code twilioExtra} adds to the twilio section (smsFrom, apiBaseUrl). */
  public static io.vertx.core.json.JsonObject gatewayOptions(io.vertx.core.json.JsonObject twilioExtra) {
    return new io.vertx.core.json.JsonObject().put("centerName", "Fairview 311").put("publicBaseUrl", PUBLIC_BASE)
        .put("twilio", new io.vertx.core.json.JsonObject().put("accountSid", ACCOUNT_SID).put("authToken", AUTH_TOKEN).mergeIn(twilioExtra));
  }

  private final WebClient http;
  private final int port;

  public TwilioWebhookClient(Vertx vertx, int port) {
    this.http = WebClient.create(vertx);
    this.port = port;
  }

  /** Signed with the account's token over the public URL of {@code pathAndQuery}. */
  public HttpResponse<Buffer> post(String pathAndQuery, Map<String, String> fields) {
    return post(pathAndQuery, fields, PUBLIC_BASE + pathAndQuery, AUTH_TOKEN);
  }

  /** Signed over {@code signedUrl} with {@code authToken}; unsigned if the token is null. */
  public HttpResponse<Buffer> post(String pathAndQuery, Map<String, String> fields, String signedUrl, String authToken) {
    return postWithSignature(pathAndQuery, fields, authToken == null ? null : TwilioSigner.sign(authToken, signedUrl, fields));
  }

  /** With exactly this signature header (none if null). */
  public HttpResponse<Buffer> postWithSignature(String pathAndQuery, Map<String, String> fields, String signature) {
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return postRaw(pathAndQuery, Buffer.buffer(body.toString()), signature);
  }

  /** A body sent byte for byte, for bodies no well-behaved client would make. */
  public HttpResponse<Buffer> postRaw(String pathAndQuery, Buffer body, String signature) {
    var request = http.post(port, "127.0.0.1", pathAndQuery).putHeader("Content-Type", "application/x-www-form-urlencoded");
    if (signature != null) request.putHeader("X-Twilio-Signature", signature);
    return request.sendBuffer(body).await();
  }

  @Override
  public void close() {
    http.close();
  }
}
