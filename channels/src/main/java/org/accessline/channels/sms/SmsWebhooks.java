package org.accessline.channels.sms;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.channels.twilio.TwilioReplies;
import org.accessline.channels.twilio.TwilioSignatures;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.channel.RefusedException;

/**
 * Twilio's two SMS webhooks, behind the signature check. Each answers only once what it carried is
 * durable, and with a 5xx when the store fails, so Twilio tries again; the MessageSid makes that
 * retry land once.
 */
public final class SmsWebhooks {
  private static final Logger LOG = LoggerFactory.getLogger(SmsWebhooks.class);
  private static final String EMPTY_TWIML = new MessagingResponse.Builder().build().toXml();

  private final Intake intake;
  private final String helpText;
  private final String centerName;
  private final SmsIntakeLimit limit;
  private final OptingOut optingOut;

  /**
   * @param limit shared by every event loop's routes
   */
  public SmsWebhooks(Intake intake, String helpText, String centerName, SmsIntakeLimit limit,
      OptingOut optingOut) {
    this.intake = intake;
    this.optingOut = optingOut;
    this.helpText = helpText;
    this.centerName = centerName;
    this.limit = limit;
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
    Contact contact = new Contact(Channel.SMS, sms.from());
    if (limit.check(sms.from(), System.currentTimeMillis()) instanceof SmsIntakeLimit.Refuse refused) {
      tooFast(ctx, contact, refused.tell());
      return;
    }
    String key = "sms:" + sms.messageSid();
    Optional<SmsKeyword> keyword = SmsKeyword.of(sms.body());
    if (keyword.filter(k -> k == SmsKeyword.STOP).isPresent()) {
      optOut(ctx, sms, contact, key);
      return;
    }
    Future<Boolean> optsIn = keyword.filter(k -> k == SmsKeyword.YES).isPresent() ? intake.optedOut(contact)
        : Future.succeededFuture(keyword.filter(k -> k == SmsKeyword.START).isPresent());
    Future<Posted> recorded = optsIn.compose(in -> intake.residentMessage(contact, sms.body(), key, sms.attachments())
        .compose(p -> in ? intake.consent(p.conversation(), false, SmsKeyword.word(sms.body()), key + ":consent").map(p) : Future.succeededFuture(p)));
    if (keyword.filter(k -> k == SmsKeyword.HELP).isPresent()) {
      recorded = recorded.compose(p -> intake.automatedMessage(p.conversation(), helpText, key + ":help").map(p));
    }
    recorded.onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof RefusedException refused) {
        // The text itself was refused (nothing visible in it, not valid text): a retry would be refused again.
        TwilioReplies.problem(ctx, 400, refused.refusal().message);
      } else if (ar.failed()) {
        notStored(ctx, sms, ar.cause());
      } else if (keyword.filter(k -> k == SmsKeyword.HELP).isPresent()) {
        TwilioReplies.twiml(ctx, reply(helpText));
      } else {
        TwilioReplies.twiml(ctx, EMPTY_TWIML);
      }
    });
  }

  /**
   * The opt-out is recorded with the text, and confirmed once: by Twilio itself for its exact
   * keywords, else by the gateway's answer, and not again while the number stays opted out.
   */
  private void optOut(RoutingContext ctx, InboundSms sms, Contact contact, String key) {
    String confirmation = centerName + ": you will get no more texts from us. Reply START to get them again. In an emergency call 911.";
    optingOut.begin(contact.address());
    intake.optedOut(contact).compose(wasOut -> intake.residentMessage(contact, sms.body(), key, sms.attachments())
        .compose(p -> intake.consent(p.conversation(), true, SmsKeyword.word(sms.body()), key + ":consent").map(p))
        .compose(p -> {
          if (wasOut || SmsKeyword.confirmedByTwilio(sms.body())) return Future.succeededFuture(Optional.<String>empty());
          return intake.automatedMessage(p.conversation(), confirmation, key + ":confirm").map(q -> Optional.of(confirmation));
        }))
        .onComplete(ar -> {
          optingOut.end(contact.address());
          if (ar.failed()) notStored(ctx, sms, ar.cause());
          else TwilioReplies.twiml(ctx, ar.result().map(SmsWebhooks::reply).orElse(EMPTY_TWIML));
        });
  }

  /**
   * A text over the number's rate is not stored. Twilio would not retry an error, so it gets 200;
   * the resident is asked (once a minute at most) to send it again, and the agent is told.
   */
  private void tooFast(RoutingContext ctx, Contact contact, boolean tell) {
    if (!tell) {
      TwilioReplies.twiml(ctx, EMPTY_TWIML);
      return;
    }
    // The number stays out of the log: the conversation's note says whose texts these were.
    LOG.info("texts from one number are over the per-number rate; refusing them for now");
    long minute = System.currentTimeMillis() / 60_000;
    intake.latestConversation(contact).compose(c -> c.isEmpty() ? Future.succeededFuture()
            : intake.note(c.get(), "Texts from this number came faster than the gateway takes them; some were not taken, and the resident was asked to send them again.",
                "sms-too-fast:" + minute))
        .onComplete(ar -> TwilioReplies.twiml(ctx, reply(centerName + ": your texts are arriving faster than we can take them. Please wait a minute, then send your last message again.")));
  }

  private static void notStored(RoutingContext ctx, InboundSms sms, Throwable cause) {
    LOG.atWarn().addKeyValue("messageSid", sms.messageSid()).setCause(cause).log("could not record an SMS");
    TwilioReplies.problem(ctx, 503, "The message could not be stored; please retry.");
  }

  private static String reply(String text) {
    return new MessagingResponse.Builder().message(new Message.Builder().body(new Body.Builder(text).build()).build()).build().toXml();
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
      LOG.atInfo().addKeyValue("messageSid", sid).log("ignored an unknown MessageStatus");
      TwilioReplies.twiml(ctx, EMPTY_TWIML);
      return;
    }
    String detail = TwilioStatus.detail(fields.get("MessageStatus"), fields.get("ErrorCode"));
    intake.providerReport(conversation.get(), seq, status.get(), detail, sid, sid + ":" + fields.get("MessageStatus").strip().toLowerCase(Locale.ROOT))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            TwilioReplies.twiml(ctx, EMPTY_TWIML);
          } else if (ar.cause() instanceof RefusedException refused) {
            TwilioReplies.problem(ctx, refused.refusal() == Refusal.OTHER_MESSAGE ? 409 : 404, refused.refusal().message);
          } else {
            LOG.atWarn().addKeyValue("messageSid", sid).setCause(ar.cause()).log("could not record a delivery status");
            TwilioReplies.problem(ctx, 503, "The status could not be stored; please retry.");
          }
        });
  }
}
