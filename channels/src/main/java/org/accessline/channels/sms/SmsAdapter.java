package org.accessline.channels.sms;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import org.accessline.channels.twilio.TwilioAccount;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.store.InteractionStore;

/**
 * Sends agents' replies with the Twilio SDK, on a worker thread, never an event loop. A 429 or 5xx
 * is tried again after a growing pause; a final failure fails the delivery, and the stream records
 * why. Nothing goes to a number that has texted STOP.
 */
public final class SmsAdapter implements ChannelAdapter {
  public static final String STATUS_PATH = "/channels/sms/twilio/status";

  private final Vertx vertx;
  private final InteractionStore store;
  private final TwilioAccount account;
  private final TwilioRestClient client;
  private final SmsSender sender;
  private final Duration firstRetry;
  private final int attempts;

  public SmsAdapter(Vertx vertx, InteractionStore store, TwilioAccount account, TwilioRestClient client, SmsSender sender, Duration firstRetry, int attempts) {
    this.vertx = vertx;
    this.store = store;
    this.account = account;
    this.client = client;
    this.sender = sender;
    this.firstRetry = firstRetry;
    this.attempts = attempts;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public Future<DeliveryOutcome> deliver(OutboundMessage message) {
    if (message.text().codePointCount(0, message.text().length()) > InboundSms.MAX_BODY_CHARS) {
      return Future.failedFuture("Texts can be at most " + InboundSms.MAX_BODY_CHARS + " characters; nothing was sent.");
    }
    return store.optedOut(message.contact()).compose(optedOut -> optedOut
        ? Future.failedFuture("Not sent: the resident texted STOP. Nothing can reach them by text until they send START.")
        : attempt(message, 1));
  }

  private Future<DeliveryOutcome> attempt(OutboundMessage message, int n) {
    return vertx.executeBlocking(() -> creator(message).create(client), false).<DeliveryOutcome>map(sent ->
        new DeliveryOutcome.Reported(TwilioStatus.taken(String.valueOf(sent.getStatus())), sent.getSid(),
            "Twilio took it as " + SmsSegments.of(message.text()).segments() + " SMS"))
        .recover(e -> {
          if (n < attempts && retryable(e)) return after(firstRetry.multipliedBy(1L << (n - 1))).compose(v -> attempt(message, n + 1));
          return Future.failedFuture(describe(e, n));
        });
  }

  private MessageCreator creator(OutboundMessage message) {
    PhoneNumber to = new PhoneNumber(message.contact().address());
    MessageCreator creator = sender.fromNumber().isPresent()
        ? Message.creator(to, new PhoneNumber(sender.fromNumber().get()), message.text())
        : Message.creator(to, sender.messagingServiceSid().orElseThrow(), message.text());
    return creator.setStatusCallback(URI.create(account.url(STATUS_PATH + "?conversation=" + message.conversation().value() + "&seq=" + message.seq())));
  }

  private static boolean retryable(Throwable e) {
    if (!(e instanceof ApiException api)) return false;
    Integer status = api.getStatusCode();
    return status != null && (status == 429 || status >= 500);
  }

  private static String describe(Throwable e, int tries) {
    if (e instanceof ApiException api) {
      return "Twilio refused the text (HTTP " + api.getStatusCode() + (api.getCode() == null ? "" : ", error " + api.getCode()) + ": "
          + api.getMessage() + ") after " + tries + (tries == 1 ? " try." : " tries.");
    }
    return "Could not reach Twilio: " + e.getMessage();
  }

  private Future<Void> after(Duration pause) {
    Promise<Void> done = Promise.promise();
    vertx.setTimer(Math.max(1, pause.toMillis()), t -> done.complete());
    return done.future();
  }
}
