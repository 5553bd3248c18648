package org.accessline.web.followups;

import com.twilio.http.TwilioRestClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.channels.tty.LineMode;
import org.accessline.channels.tty.StreamTokens;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.channels.tty.TtyText;
import org.accessline.channels.tty.TwilioVoiceAnswer;
import org.accessline.channels.twilio.FormBody;
import org.accessline.channels.twilio.TwilioCallFailure;
import org.accessline.channels.twilio.TwilioCallUpdates;
import org.accessline.channels.twilio.TwilioReplies;
import org.accessline.channels.twilio.TwilioSignatures;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpChannel;
import org.accessline.gateway.followup.FollowUpRules;
import org.accessline.gateway.followup.FollowUpState;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.config.FollowUpConfig;

/**
 * A follow-up done by outbound TTY call: the follow-up's conversation is opened (linked both ways
 * to the record it follows up), then Twilio is asked to place the call with inline TwiML that
 * connects it to our media stream with a single-use token naming that conversation. Twilio's
 * status callback, signed and naming the follow-up and its attempt, records how the attempt ended;
 * only the attempt in progress changes, once, so a retried callback changes nothing twice.
 */
public final class TwilioOutboundCalls implements OutboundTtyCalls {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TwilioOutboundCalls.class);
  public static final String STATUS_PATH = "/channels/tty/twilio/outbound-status";
  static final List<String> EVENTS = List.of("initiated", "ringing", "answered", "completed");
  /** What a follow-up says while its call is being asked of Twilio: recorded before the request goes out. */
  static final String PLACING = "placing the call";

  private final Vertx vertx;
  private final InteractionStore store;
  private final Desk desk;
  private final Intake intake;
  private final TtyCalls calls;
  private final TwilioSignatures signed;
  private final TwilioRestClient twilio;
  private final FollowUpConfig config;
  private final String opening;
  private final Clock clock;
  /** Calls Twilio took, by follow-up and attempt, so one whose end is never reported can be hung up. */
  private final Map<String, String> placedSids = new java.util.concurrent.ConcurrentHashMap<>();

  public TwilioOutboundCalls(Vertx vertx, InteractionStore store, Desk desk, Intake intake, TtyCalls calls, TwilioSignatures signed,
      TwilioRestClient twilio, FollowUpConfig config, String centerName, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.desk = desk;
    this.intake = intake;
    this.calls = calls;
    this.signed = signed;
    this.twilio = twilio;
    this.config = config;
    this.opening = TtyText.toTty(config.callOpening().orElse("HELLO THIS IS " + centerName + " CALLING YOU BACK ABOUT YOUR REQUEST GA"));
    this.clock = clock;
  }

  public void mount(Router router) {
    router.post(STATUS_PATH + "/:followUpId/:attempt").handler(FormBody.collect()).handler(signed.signedForm()).handler(this::status);
  }

  /**
   * Re-arms the limit on every call attempt still in progress, as the store has them: a restart
   * forgets the timers, not the attempts.
   */
  public Future<Void> watchInProgress() {
    return store.followUps().pending().map(pending -> {
      pending.stream().filter(f -> f.state() == FollowUpState.IN_PROGRESS && f.channel() == FollowUpChannel.TTY_CALL).forEach(this::watch);
      return null;
    });
  }

  @Override
  public Future<FollowUp> place(FollowUp started, AgentAccount agent) {
    Contact resident = started.contact().orElseThrow();
    String key = "follow-up:" + started.id() + ":" + started.attempts();
    return desk.openOutbound(new Contact(Channel.TTY, resident.address()), agent.profile(), started.origin(), key)
        .compose(opened -> intake.note(started.origin(), "Following up by TTY call in record " + opened.conversation().value() + ".", key + ":link")
            .map(n -> opened.conversation()))
        .compose(conversation -> {
          // Twilio's Calls API takes no idempotency key: the attempt is made durable before it is asked,
          // so whatever becomes of the request this attempt is never placed again, only ended.
          FollowUp placing = started.with(FollowUpState.IN_PROGRESS, started.attempts(), Optional.of(PLACING), started.nextAttemptAt(),
              Optional.of(conversation), clock.instant());
          return store.followUps().update(placing, FollowUpState.IN_PROGRESS).compose(recorded -> recorded ? Future.succeededFuture(placing)
              : Future.failedFuture(new IllegalStateException("the follow-up changed while its call was being placed")));
        })
        .compose(placing -> {
          watch(placing);
          ConversationId conversation = placing.conversation().orElseThrow();
          String token = calls.streamTokens().issueOutbound(new StreamTokens.Outbound(conversation.value(), resident.address(), opening));
          String twiml = TwilioVoiceAnswer.connectTwiml(signed.account(), resident.address(), null, token, LineMode.TTY, 0, Optional.empty());
          String callback = signed.account().url(STATUS_PATH + "/" + started.id() + "/" + started.attempts());
          return vertx.<String>executeBlocking(() -> TwilioCallUpdates.place(twilio, resident.address(), config.callerNumber().orElseThrow(), twiml, callback, EVENTS), false)
              .transform(ar -> ar.succeeded() ? placed(placing, ar.result()) : notPlaced(placing, agent, key, ar.cause()));
        })
        .onFailure(e -> LOG.atWarn().addKeyValue("followUpId", started.id()).log("could not place the follow-up's TTY call: {}", String.valueOf(e)));
  }

  /** Twilio took the request; the call's sid is kept to end it should its end never be reported. */
  private Future<FollowUp> placed(FollowUp placing, String callSid) {
    placedSids.put(placing.id() + ":" + placing.attempts(), callSid);
    FollowUp calling = placing.with(FollowUpState.IN_PROGRESS, placing.attempts(), Optional.of("calling"), placing.nextAttemptAt(), placing.conversation(),
        clock.instant());
    // The attempt is on record already: failing to note "calling" must not make it look unplaced.
    return store.followUps().update(calling, FollowUpState.IN_PROGRESS).map(calling).recover(e -> Future.succeededFuture(placing));
  }

  /**
   * Twilio did not take the request (it said so, or was never reached): the attempt failed, the
   * conversation opened for it is closed with the reason, and the follow-up is due again as the
   * retries allow. With no answer at all the call may yet ring: the attempt stays in progress until
   * its status callback or the call limit ends it, and is never placed again.
   */
  private Future<FollowUp> notPlaced(FollowUp placing, AgentAccount agent, String key, Throwable cause) {
    TwilioCallFailure failure = cause instanceof TwilioCallFailure.Raised raised ? raised.failure() : new TwilioCallFailure.NoAnswer(String.valueOf(cause));
    ConversationId conversation = placing.conversation().orElseThrow();
    if (failure instanceof TwilioCallFailure.NoAnswer) {
      return intake.note(conversation, "Twilio did not answer the request to place this call; it may still ring. If it does not, the attempt ends after "
          + limitText() + ".", key + ":unsure").map(placing).recover(e -> Future.succeededFuture(placing));
    }
    String reason = "the call could not be placed (" + failure.reason() + ")";
    FollowUp failed = FollowUpRules.attemptFailed(placing, reason, config.retries(), clock.instant());
    return store.followUps().update(failed, FollowUpState.IN_PROGRESS)
        .compose(v -> store.audit(new AuditEvent(clock.instant(), agent.username().value(), "follow_up_attempt_failed", placing.origin().value(),
            placing.id() + ": " + reason)))
        .compose(v -> close(conversation, agent, "The follow-up call was not placed: " + reason + ". This conversation is closed.", key + ":not-placed"))
        .transform(ar -> {
          FollowUpScheduler.changed(vertx, placing.id());
          return Future.<FollowUp>failedFuture(new NotPlaced(failed, "The call was not placed: " + reason + "."));
        });
  }

  /** Notes why in the conversation, then resolves it as the agent who opened it; one already closed stays as it is. */
  private Future<Void> close(ConversationId conversation, AgentAccount agent, String why, String key) {
    return intake.note(conversation, why, key).compose(n -> desk.resolve(conversation, agent.profile(), "Follow-up call not made"))
        .<Void>mapEmpty().recover(e -> {
          LOG.atWarn().addKeyValue("conversationId", conversation.value()).log("could not close the unplaced call's conversation: {}", String.valueOf(e));
          return Future.succeededFuture();
        });
  }

  /** Ends the attempt when the call limit passes with no end reported. */
  private void watch(FollowUp f) {
    long wait = Math.max(1, java.time.Duration.between(clock.instant(), f.updatedAt().plus(config.callLimit())).toMillis() + 50);
    int attempt = f.attempts();
    vertx.setTimer(wait, t -> overran(f.id(), attempt));
  }

  private void overran(String id, int attempt) {
    store.followUps().find(id).compose(found -> {
      Optional<FollowUp> ended = found.flatMap(f -> FollowUpRules.callOverran(f, attempt, config.callLimit(), config.retries(), clock.instant()));
      if (ended.isEmpty()) {
        // Changed since (a callback, or "calling" noted later): watched again from its new time, if still this attempt.
        found.filter(f -> f.state() == FollowUpState.IN_PROGRESS && f.attempts() == attempt).ifPresent(this::watch);
        return Future.succeededFuture();
      }
      FollowUp f = found.get();
      return store.followUps().update(ended.get(), FollowUpState.IN_PROGRESS).compose(changed -> !changed ? Future.succeededFuture()
          : store.audit(new AuditEvent(clock.instant(), "gateway", "follow_up_attempt_failed", f.origin().value(), f.id() + ": " + ended.get().lastOutcome().orElse("")))
              .compose(v -> hangUp(f.id() + ":" + attempt))
              .compose(v -> f.conversation().map(c -> intake.note(c, "No end of this call was reported within " + limitText()
                  + "; the gateway ended it and counted the attempt failed.", "follow-up:" + f.id() + ":" + attempt + ":overran").<Void>mapEmpty())
                  .orElse(Future.succeededFuture()))
              .onComplete(ar -> FollowUpScheduler.changed(vertx, f.id())));
    }).onFailure(e -> {
      LOG.atWarn().addKeyValue("followUpId", id).log("could not end an overrun follow-up call; trying again: {}", String.valueOf(e));
      vertx.setTimer(config.retries().spacing().toMillis(), t -> overran(id, attempt));
    });
  }

  /** Asks Twilio to hang up the call, when its sid is known here; a call already over is fine. */
  private Future<Void> hangUp(String attemptKey) {
    String sid = placedSids.remove(attemptKey);
    if (sid == null) return Future.succeededFuture();
    return vertx.<Void>executeBlocking(() -> {
      TwilioCallUpdates.redirect(twilio, sid, "<Response><Hangup/></Response>");
      return null;
    }, false).recover(e -> Future.succeededFuture());
  }

  private String limitText() {
    return config.callLimit().toMinutes() >= 1 ? config.callLimit().toMinutes() + " min" : config.callLimit().toSeconds() + " s";
  }

  private void status(RoutingContext ctx) {
    Map<String, String> fields = TwilioSignatures.fields(ctx);
    String id = ctx.pathParam("followUpId");
    String callSid = fields.getOrDefault("CallSid", "");
    String callStatus = fields.getOrDefault("CallStatus", "");
    int attempt;
    try {
      attempt = Integer.parseInt(ctx.pathParam("attempt"));
    } catch (NumberFormatException e) {
      TwilioReplies.problem(ctx, 400, "The attempt is not a number.");
      return;
    }
    Optional<String> ended = CallOutcome.ended(callStatus, calls.streamTokens().answered(callSid));
    if (!callSid.matches("CA[0-9a-fA-F]{32}") || CallOutcome.unknown(callStatus)) {
      TwilioReplies.problem(ctx, 400, "CallSid or CallStatus is missing or malformed.");
      return;
    }
    if (ended.isEmpty()) {
      ctx.response().setStatusCode(204).end();
      return;
    }
    store.followUps().find(id).compose(found -> {
      if (found.isEmpty() || found.get().state() != FollowUpState.IN_PROGRESS || found.get().attempts() != attempt) return Future.succeededFuture(false);
      FollowUp f = found.get();
      boolean reached = CallOutcome.REACHED.equals(ended.get());
      FollowUp next = reached ? FollowUpRules.done(f, f.conversation(), "called by TTY", clock.instant())
          : FollowUpRules.attemptFailed(f, ended.get(), config.retries(), clock.instant());
      return store.followUps().update(next, FollowUpState.IN_PROGRESS).compose(changed -> !changed ? Future.succeededFuture(false)
          : store.audit(new AuditEvent(clock.instant(), "twilio", reached ? "follow_up_done" : "follow_up_attempt_failed", f.origin().value(),
              f.id() + ": " + ended.get() + " (" + callSid + ")"))
              .compose(v -> {
                placedSids.remove(f.id() + ":" + attempt);
                // Not reached: the conversation opened for the call says so to the agent who has it.
                if (reached || f.conversation().isEmpty()) return Future.succeededFuture();
                return intake.note(f.conversation().get(), "The follow-up call ended: " + ended.get() + ".", "follow-up:" + f.id() + ":" + attempt + ":ended")
                    .<Void>mapEmpty().recover(e -> Future.succeededFuture());
              })
              .map(v -> {
                FollowUpScheduler.changed(vertx, f.id());
                return true;
              }));
    }).onComplete(ar -> {
      if (ar.failed()) TwilioReplies.problem(ctx, 503, "Not recorded yet; try again.");
      else ctx.response().setStatusCode(204).end();
    });
  }

  /** What a call's status tells about the attempt. */
  static final class CallOutcome {
    static final String REACHED = "reached";

    private CallOutcome() {}

    static boolean unknown(String status) {
      return !List.of("queued", "initiated", "ringing", "in-progress", "answered", "completed", "busy", "no-answer", "failed", "canceled").contains(status);
    }

    /** Empty while the call goes on; a call that completed reached the resident only if its stream was answered. */
    static Optional<String> ended(String status, boolean streamAnswered) {
      return switch (status) {
        case "busy" -> Optional.of("the line was busy");
        case "no-answer" -> Optional.of("no answer");
        case "failed" -> Optional.of("the call failed");
        case "canceled" -> Optional.of("the call was canceled");
        case "completed" -> Optional.of(streamAnswered ? REACHED : "answered, but no TTY connected");
        default -> Optional.empty();
      };
    }
  }
}
