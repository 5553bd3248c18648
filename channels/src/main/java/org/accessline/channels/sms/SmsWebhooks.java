package org.accessline.channels.sms;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.accessline.channels.twilio.TwilioReplies;
import org.accessline.channels.twilio.TwilioSignatures;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.stream.RefusedException;

/**
 * Twilio's two SMS webhooks, behind the signature check. Each answers only once what it carried is
 * durable, and with a 5xx when the store fails, so Twilio tries again; the MessageSid makes that
 * retry land once.
 */
public final class SmsWebhooks {
  private static final Logger LOG = Logger.getLogger(SmsWebhooks.class.getName());
  private static final String EMPTY_TWIML = new MessagingResponse.Builder().build().toXml();

  private final Intake intake;
  private final String helpText;

  public SmsWebhooks(Intake intake, String helpText) {
    this.intake = intake;
    this.helpText = helpText;
  }

  /** {@code POST /channels/sms/twilio}: a resident's text or MMS. */
  public void inbound(RoutingContext ctx) {
    InboundSms sms;
    try {
      sms = InboundSms.parse(TwilioSignatures.fields(ctx));
    } catch (InboundSms.TooLong e) {
      TwilioReplies.problem(ctx, 413, e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      TwilioReplies.problem(ctx, 400, e.getMessage());
      return;
    }
    String key = "sms:" + sms.messageSid();
    Optional<SmsKeyword> keyword = SmsKeyword.of(sms.body());
    Future<Posted> recorded = intake.residentMessage(new Contact(Channel.SMS, sms.from()), sms.body(), key, sms.attachments());
    if (keyword.filter(k -> k != SmsKeyword.HELP).isPresent()) {
      boolean out = keyword.get() == SmsKeyword.STOP;
      recorded = recorded.compose(p -> intake.consent(p.conversation(), out, sms.body().strip().toUpperCase(), key + ":consent").map(p));
    } else if (keyword.isPresent()) {
      recorded = recorded.compose(p -> intake.automatedMessage(p.conversation(), helpText, key + ":help").map(p));
    }
    recorded.onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof RefusedException refused) {
        // The text itself was refused (nothing visible in it, not valid text): a retry would be refused again.
        TwilioReplies.problem(ctx, 400, refused.refusal().message);
      } else if (ar.failed()) {
        LOG.log(Level.WARNING, "could not record SMS " + sms.messageSid(), ar.cause());
        TwilioReplies.problem(ctx, 503, "The message could not be stored; please retry.");
      } else if (keyword.filter(k -> k == SmsKeyword.HELP).isPresent()) {
        TwilioReplies.twiml(ctx, new MessagingResponse.Builder().message(new Message.Builder().body(new Body.Builder(helpText).build()).build()).build().toXml());
      } else {
        TwilioReplies.twiml(ctx, EMPTY_TWIML);
      }
    });
  }

  /** {@code POST /channels/sms/twilio/status?conversation=…&seq=…}: how far an agent's text got. */
  public void status(RoutingContext ctx) {
    Optional<ConversationId> conversation = ConversationId.parse(ctx.queryParams().get("conversation"));
    long seq;
    try {
      seq = Long.parseLong(ctx.queryParams().get("seq"));
    } catch (NumberFormatException e) {
      seq = 0;
    }
    Map<String, String> fields = TwilioSignatures.fields(ctx);
    String sid = fields.getOrDefault("MessageSid", "");
    if (conversation.isEmpty() || seq < 1 || !sid.matches("(SM|MM)[0-9a-fA-F]{32}")) {
      TwilioReplies.problem(ctx, 400, "The callback needs conversation, seq and MessageSid.");
      return;
    }
    Optional<DeliveryStatus> status = TwilioStatus.of(fields.getOrDefault("MessageStatus", ""));
    if (status.isEmpty()) {
      // Twilio adds statuses without notice; one we do not know is acknowledged and not recorded.
      LOG.info("ignored unknown MessageStatus " + fields.get("MessageStatus") + " for " + sid);
      TwilioReplies.twiml(ctx, EMPTY_TWIML);
      return;
    }
    String detail = TwilioStatus.detail(fields.get("MessageStatus"), fields.get("ErrorCode"));
    intake.deliveryStatus(conversation.get(), seq, status.get(), detail, Optional.of(sid + ":" + fields.get("MessageStatus").strip().toLowerCase()))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            TwilioReplies.twiml(ctx, EMPTY_TWIML);
          } else if (ar.cause() instanceof RefusedException refused) {
            TwilioReplies.problem(ctx, 404, refused.refusal().message);
          } else {
            LOG.log(Level.WARNING, "could not record status of " + sid, ar.cause());
            TwilioReplies.problem(ctx, 503, "The status could not be stored; please retry.");
          }
        });
  }
}
