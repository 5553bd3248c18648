package org.accessline.channels.sms;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.accessline.channels.twilio.FormBody;
import org.accessline.channels.twilio.TwilioSignatures;
import org.accessline.channels.twilio.WebhookGate;

/**
 * Mounts Twilio's two SMS webhooks: residents' texts, and delivery reports on our replies. Both are
 * signed by Twilio; while the gateway stops, the gate turns new texts away before reports.
 */
public final class SmsWebhookRoutes {
  /** Where the center's number's messaging webhook points. */
  public static final String INBOUND_PATH = "/channels/sms/twilio";

  private SmsWebhookRoutes() {}

  public static void mount(Router router, TwilioSignatures signed, WebhookGate gate, SmsWebhooks webhooks) {
    Handler<RoutingContext> form = FormBody.collect();
    router.post(INBOUND_PATH).handler(gate.newContacts()).handler(form).handler(signed.signedForm()).handler(webhooks::inbound);
    router.post(SmsAdapter.STATUS_PATH).handler(gate.reports()).handler(form).handler(signed.signedForm()).handler(webhooks::status);
  }
}
