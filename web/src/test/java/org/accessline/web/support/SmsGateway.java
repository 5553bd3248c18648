package org.accessline.web.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The gateway with SMS on, its texts going to a local stand-in for Twilio's REST API, a client that
 * signs Twilio's webhooks, and Maria signed in: what every SMS test starts from.
 */
public final class SmsGateway implements AutoCloseable {
  public final FakeTwilioApi twilio;
  public final TestGateway gateway;
  public final TwilioWebhookClient webhooks;
  public AgentClient maria;
  private final Vertx apiVertx;
  private int sids;

  /** {@code sms} is the configuration's {@code sms} object (retries, per-number rates); empty for the defaults. */
  public SmsGateway(Path dataDir, int capacity, JsonObject sms) {
    this(dataDir, capacity, sms, new JsonObject());
  }

  /** As above, with more of the configuration ({@code store}, say) merged in. */
  public SmsGateway(Path dataDir, int capacity, JsonObject sms, JsonObject more) {
    apiVertx = Vertx.vertx();
    twilio = new FakeTwilioApi(apiVertx);
    JsonObject options = TwilioWebhookClient.gatewayOptions(new JsonObject().put("smsFrom", SmsTexts.CENTER_NUMBER).put("apiBaseUrl", twilio.baseUrl()));
    if (!sms.isEmpty()) options.put("sms", sms);
    options.mergeIn(more);
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), capacity, options);
    webhooks = new TwilioWebhookClient(gateway.vertx, gateway.port());
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
  }

  /** Maria signs in again, as after a restart of the gateway, and the earlier client is closed. */
  public AgentClient signMariaInAgain() {
    maria.close();
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    return maria;
  }

  /** A fresh MessageSid, as Twilio gives each inbound text. */
  public String nextSid() {
    return String.format("SM%032x", ++sids);
  }

  @Override
  public void close() {
    webhooks.close();
    maria.close();
    gateway.close();
    twilio.close();
    apiVertx.close().await();
  }
}
