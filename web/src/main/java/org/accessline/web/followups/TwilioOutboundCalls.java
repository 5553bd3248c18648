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
import org.accessline.channels.twilio.TwilioCallUpdates;
import org.accessline.channels.twilio.TwilioReplies;
import org.accessline.channels.twilio.TwilioSignatures;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.FollowUp;
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

  @Override
  public Future<FollowUp> place(FollowUp started, AgentAccount agent) {
    Contact resident = started.contact().orElseThrow();
    String key = "follow-up:" + started.id() + ":" + started.attempts();
    return desk.openOutbound(new Contact(Channel.TTY, resident.address()), agent.profile(), started.origin(), key)
        .compose(opened -> intake.note(started.origin(), "Following up by TTY call in record " + opened.conversation().value() + ".", key + ":link")
            .map(n -> opened.conversation()))
        .compose(conversation -> {
          String token = calls.streamTokens().issueOutbound(new StreamTokens.Outbound(conversation.value(), resident.address(), opening));
          String twiml = TwilioVoiceAnswer.connectTwiml(signed.account(), resident.address(), null, token, LineMode.TTY, 0, Optional.empty());
          String callback = signed.account().url(STATUS_PATH + "/" + started.id() + "/" + started.attempts());
          return vertx.<String>executeBlocking(() -> TwilioCallUpdates.place(twilio, resident.address(), config.callerNumber().orElseThrow(), twiml, callback, EVENTS), false)
              .map(sid -> started.with(FollowUpState.IN_PROGRESS, started.attempts(), Optional.of("calling"), started.nextAttemptAt(), Optional.of(conversation), clock.instant()));
        })
        .compose(placed -> store.followUps().update(placed, FollowUpState.IN_PROGRESS).map(placed))
        .onFailure(e -> LOG.atWarn().addKeyValue("followUpId", started.id()).log("could not place the follow-up's TTY call: {}", String.valueOf(e)));
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
              f.id() + ": " + ended.get() + " (" + callSid + ")")).map(v -> {
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
