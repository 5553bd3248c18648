package org.accessline.channels.sms;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.accessline.channels.twilio.TwilioAccount;
import org.accessline.channels.twilio.TwilioCallFailure;
import org.accessline.gateway.channel.GatewayMeter;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.conversation.Channel;

/**
 * Sends agents' replies with the Twilio SDK. Each reply is a small state machine: one request at a
 * time on this adapter's own bounded pool of threads (so a slow or throttling Twilio never holds the
 * threads staff requests and the store use), and between tries a Vert.x timer, never a sleeping
 * thread. {@link DeliveryPlan} decides each next step. The stream never hands over a reply to a
 * number that has opted out; this adapter also holds back one that comes while a number is opting
 * out ({@link OptingOut}).
 */
public final class SmsAdapter implements ChannelAdapter {
  public static final String STATUS_PATH = "/channels/sms/twilio/status";
  /** Requests to Twilio at once; more replies wait their turn in the pool's queue. */
  static final int REST_THREADS = 8;
  /** How long after a lost answer Twilio is asked whether it has the text: its list catches up within seconds. */
  static final Duration LOOK_UP_AFTER = Duration.ofSeconds(2);

  private final GatewayMeter meter;
  private final Vertx vertx;
  private final TwilioAccount account;
  private final TwilioRestClient client;
  private final SmsSender sender;
  private final DeliveryPlan plan;
  private final OptingOut optingOut;
  private final WorkerExecutor rest;
  private final Map<Long, Sending> sending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean stopping;

  /** One reply on its way: its promise, and the timer of its next try while it waits for one. */
  private static final class Sending {
    final OutboundMessage message;
    final Promise<DeliveryOutcome> done = Promise.promise();
    final java.time.Instant firstTried = java.time.Instant.now();
    volatile long timer = -1;
    /** Its request went out and no answer came: it may have been sent, so a stop never marks it not sent. */
    volatile boolean lookingUp;

    Sending(OutboundMessage message) {
      this.message = message;
    }
  }

  public SmsAdapter(Vertx vertx, TwilioAccount account, TwilioRestClient client, SmsSender sender, DeliveryPlan plan,
      Duration answerTimeout, OptingOut optingOut) {
    this(vertx, account, client, sender, plan, answerTimeout, optingOut, GatewayMeter.NONE);
  }

  public SmsAdapter(Vertx vertx, TwilioAccount account, TwilioRestClient client, SmsSender sender, DeliveryPlan plan,
      Duration answerTimeout, OptingOut optingOut, GatewayMeter meter) {
    this.meter = meter;
    this.vertx = vertx;
    this.optingOut = optingOut;
    this.account = account;
    this.client = client;
    this.sender = sender;
    this.plan = plan;
    this.rest = vertx.createSharedWorkerExecutor("accessline-twilio-rest", REST_THREADS, answerTimeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
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
    if (stopping) return Future.failedFuture("Not sent: the gateway was stopping. Send it again once it is back.");
    if (optingOut.contains(message.contact().address())) {
      return Future.failedFuture("Not sent: the resident was opting out by text at that moment. Nothing can reach them by text until they send START.");
    }
    long id = ids.incrementAndGet();
    Sending s = new Sending(message);
    sending.put(id, s);
    s.done.future().onComplete(ar -> sending.remove(id));
    attempt(s, 1);
    return s.done.future();
  }

  private void attempt(Sending s, int tries) {
    s.timer = -1;
    if (s.done.future().isComplete()) return;
    if (stopping) {
      s.done.tryFail("Not sent: the gateway stopped before Twilio took the text. Send it again once it is back.");
      return;
    }
    rest.executeBlocking(() -> creator(s.message).create(client), false).onComplete(ar -> {
      if (ar.succeeded()) {
        meter.twilioApiCall("ok");
        Message sent = ar.result();
        s.done.tryComplete(new DeliveryOutcome.Reported(TwilioStatus.taken(String.valueOf(sent.getStatus())), sent.getSid(),
            "Twilio took it as " + SmsSegments.of(s.message.text()).segments() + " SMS" + (tries > 1 ? " at try " + tries : "")));
        return;
      }
      DeliveryPlan.Step step = plan.after(TwilioCallFailure.of(ar.cause()), tries);
      meter.twilioApiCall(step instanceof DeliveryPlan.Retry ? "retry" : step instanceof DeliveryPlan.Unsettled ? "unanswered" : "failed");
      if (step instanceof DeliveryPlan.Retry retry) {
        s.timer = vertx.setTimer(Math.max(1, retry.after().toMillis()), t -> attempt(s, tries + 1));
        // A stop that came between the check and the timer would otherwise leave the timer running.
        if (stopping && vertx.cancelTimer(s.timer)) attempt(s, tries + 1);
      } else if (step instanceof DeliveryPlan.GiveUp giveUp) {
        s.done.tryFail(giveUp.reason());
      } else if (step instanceof DeliveryPlan.Unsettled unsettled) {
        lookUpLater(s, unsettled.reason());
      }
    });
  }

  /**
   * Twilio's answer was lost, so ask Twilio whether it has the text: the same body to the same number,
   * created since this reply was first tried. Found, it is settled like any answer; not found (or the
   * look-up fails too), it stays unknown, since Twilio may still list it later, and its status
   * callback will settle it. It is never sent again.
   */
  private void lookUpLater(Sending s, String why) {
    s.lookingUp = true;
    s.timer = vertx.setTimer(LOOK_UP_AFTER.toMillis(), t -> {
      s.timer = -1;
      if (s.done.future().isComplete()) return;
      rest.executeBlocking(() -> lookUp(s), false).onComplete(ar -> {
        meter.twilioApiCall(ar.succeeded() ? "ok" : "failed");
        if (ar.succeeded() && ar.result() != null) {
          Message found = ar.result();
          s.done.tryComplete(new DeliveryOutcome.Reported(TwilioStatus.taken(String.valueOf(found.getStatus())), found.getSid(),
              "Twilio took it; its answer was lost, and looking the text up found it"));
        } else {
          String lookUp = ar.succeeded() ? "Twilio did not list it " + LOOK_UP_AFTER.toSeconds() + " s later" : "looking it up failed too";
          s.done.tryComplete(new DeliveryOutcome.Ambiguous(why + " (" + lookUp + ".)"));
        }
      });
    });
    if (stopping && vertx.cancelTimer(s.timer)) s.done.tryComplete(new DeliveryOutcome.Ambiguous(why));
  }

  private Message lookUp(Sending s) {
    var reader = Message.reader().setTo(new PhoneNumber(s.message.contact().address())).setPageSize(20L);
    sender.fromNumber().ifPresent(from -> reader.setFrom(new PhoneNumber(from)));
    var page = reader.read(client);
    page.setAutoPaging(false);
    for (Message m : page) {
      boolean recent = m.getDateCreated() == null || !m.getDateCreated().toInstant().isBefore(s.firstTried.minusSeconds(60));
      if (recent && s.message.text().equals(m.getBody())) return m;
    }
    return null;
  }

  private MessageCreator creator(OutboundMessage message) {
    PhoneNumber to = new PhoneNumber(message.contact().address());
    MessageCreator creator = sender.fromNumber().isPresent()
        ? Message.creator(to, new PhoneNumber(sender.fromNumber().get()), message.text())
        : Message.creator(to, sender.messagingServiceSid().orElseThrow(), message.text());
    return creator.setStatusCallback(URI.create(account.url(STATUS_PATH + "?conversation=" + message.conversation().value() + "&seq=" + message.seq())));
  }

  /** Replies handed over and not yet settled. */
  public int inFlight() {
    return sending.size();
  }

  /**
   * Takes no new replies and settles every one on its way: one waiting for its next try is recorded
   * not sent (Twilio never took it), one whose request is out gets Twilio's answer, or after
   * {@code within} is recorded unknown, to be settled by Twilio's report. Completes when all are settled.
   */
  public Future<Void> drain(Duration within) {
    stopping = true;
    List<Sending> all = List.copyOf(sending.values());
    for (Sending s : all) {
      long timer = s.timer;
      if (timer >= 0 && !s.lookingUp && vertx.cancelTimer(timer)) {
        s.done.tryFail("Not sent: the gateway stopped before Twilio took the text. Send it again once it is back.");
      }
    }
    if (all.isEmpty()) return Future.succeededFuture();
    long deadline = vertx.setTimer(Math.max(1, within.toMillis()), t -> all.forEach(s -> s.done.tryComplete(new DeliveryOutcome.Ambiguous(
        "The gateway stopped while Twilio was answering; Twilio's delivery report will settle it."))));
    return Future.join(all.stream().map(s -> s.done.future()).toList()).<Void>mapEmpty().eventually(() -> {
      vertx.cancelTimer(deadline);
      return Future.succeededFuture();
    }).recover(e -> Future.succeededFuture());
  }

  /** Releases the pool of threads; call after {@link #drain}. */
  public Future<Void> close() {
    return rest.close();
  }
}
