package org.accessline.web.support;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The gateway with Twilio on, Maria signed in, and one caller's call placed the way Twilio places it:
 * what every TTY call test starts from. Needs minimodem and sox ({@link FakeTwilioCall#require}).
 */
public final class TtyCallGateway implements AutoCloseable {
  public final TestGateway gateway;
  public final AgentClient maria;
  public final FakeTwilioCall call;

  /** {@code tty} is the configuration's {@code tty} object; empty for the defaults. */
  public TtyCallGateway(Path dataDir, JsonObject tty, String callSid, String caller) {
    FakeTwilioCall.require();
    JsonObject options = TwilioWebhookClient.gatewayOptions(new JsonObject());
    if (!tty.isEmpty()) options.put("tty", tty);
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
