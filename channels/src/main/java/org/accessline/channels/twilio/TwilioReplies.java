package org.accessline.channels.twilio;

import io.vertx.ext.web.RoutingContext;

/** Answers Twilio understands: TwiML for success, a short plain-text reason for failure. */
public final class TwilioReplies {
  private TwilioReplies() {}

  public static void twiml(RoutingContext ctx, String xml) {
    ctx.response().putHeader("Content-Type", "text/xml; charset=utf-8").end(xml);
  }

  public static void problem(RoutingContext ctx, int status, String reason) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(reason + "\n");
  }
}
