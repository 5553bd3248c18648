package org.accessline.web.support;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.accessline.channels.tty.AudioTools;

/**
 * The gateway with Twilio and relay on, Maria signed in, and one call placed the way Twilio places
 * it: what every relay call test starts from. Needs flite and sox for the assistant's voice.
 */
public final class RelayCallGateway implements AutoCloseable {
  public final TestGateway gateway;
  public final AgentClient maria;
  public final FakeTwilioCall call;

  /** {@code relay} is the configuration's {@code relay} object ({@code enabled} is set here). */
  public RelayCallGateway(Path dataDir, JsonObject relay, String callSid, String caller) {
    AudioTools.require("flite", "sox", "minimodem");
    JsonObject options = TwilioWebhookClient.gatewayOptions(new JsonObject());
    options.put("relay", relay.copy().put("enabled", true));
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, options);
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    call = new FakeTwilioCall(gateway.vertx, gateway.port(), callSid, caller);
  }

  @Override
  public void close() {
    call.close();
    maria.close();
    gateway.close();
  }
}
