package org.accessline.channels.twilio;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Whether Twilio's webhooks are let in while the gateway stops. First new texts and calls are turned
 * away with 503 (Twilio tries again later, or at another node) while delivery reports still come in
 * and replies already on their way settle; then everything is turned away, and only then is the
 * store closed. Nothing Twilio sends is ever taken and then dropped.
 */
public final class WebhookGate {
  private enum State { OPEN, DRAINING, CLOSED }

  private volatile State state = State.OPEN;

  /** New texts and calls get 503 from now on; delivery reports are still taken. */
  public void drain() {
    if (state == State.OPEN) state = State.DRAINING;
  }

  /** Every webhook gets 503 from now on. */
  public void close() {
    state = State.CLOSED;
  }

  public boolean takesNewContacts() {
    return state == State.OPEN;
  }

  public boolean takesReports() {
    return state != State.CLOSED;
  }

  /** For routes that bring new texts or calls. */
  public Handler<RoutingContext> newContacts() {
    return ctx -> {
      if (takesNewContacts()) ctx.next();
      else TwilioReplies.problem(ctx, 503, "The gateway is stopping; please retry.");
    };
  }

  /** For delivery reports, taken until the store is about to close. */
  public Handler<RoutingContext> reports() {
    return ctx -> {
      if (takesReports()) ctx.next();
      else TwilioReplies.problem(ctx, 503, "The gateway is stopping; please retry.");
    };
  }
}
