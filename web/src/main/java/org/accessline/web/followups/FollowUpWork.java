package org.accessline.web.followups;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.ConsentChange;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpChannel;
import org.accessline.gateway.followup.FollowUpRules;
import org.accessline.gateway.followup.FollowUpState;
import org.accessline.gateway.store.FollowUps;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.config.FollowUpConfig;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * Doing a follow-up ({@code POST /api/follow-ups/:followUpId/do}): a text opens a new conversation
 * with the resident, linked both ways to the record it follows up, and sends the agent's words, but
 * only with the number's consent on the ledger, checked now; a task is marked done; a TTY call is
 * placed by {@link OutboundTtyCalls}. Every outcome, a refusal too, is on the follow-up and in the audit log.
 */
public final class FollowUpWork {
  private final Vertx vertx;
  private final InteractionStore store;
  private final FollowUps followUps;
  private final Desk desk;
  private final Intake intake;
  private final FollowUpsApi api;
  private final FollowUpConfig config;
  private final int maxMessageBytes;
  private final Optional<OutboundTtyCalls> calls;
  private final Clock clock;

  public FollowUpWork(Vertx vertx, InteractionStore store, Desk desk, Intake intake, FollowUpsApi api, FollowUpConfig config, int maxMessageBytes,
      Optional<OutboundTtyCalls> calls, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.followUps = store.followUps();
    this.desk = desk;
    this.intake = intake;
    this.api = api;
    this.config = config;
    this.maxMessageBytes = maxMessageBytes;
    this.calls = calls;
    this.clock = clock;
  }

  public void doIt(RoutingContext ctx) {
    AgentAccount me = StaffAuth.account(ctx);
    JsonObject body = Validation.body(ctx);
    Optional<String> text = Validation.text(body, "text").map(String::strip).filter(t -> !t.isEmpty());
    api.withFollowUp(ctx, me, f -> {
      if (f.channel().needsTextConsent()) {
        if (text.isEmpty() || text.get().getBytes(StandardCharsets.UTF_8).length > maxMessageBytes) {
          Problem.send(ctx, 400, "invalid_text", "\"text\" is the message to send: 1-" + maxMessageBytes + " bytes.");
          return;
        }
        Contact number = f.contact().orElseThrow();
        consent(number, me).onComplete(ar -> {
          if (ar.failed()) Answers.respond(ctx, ar.map(v -> null), 200);
          else start(ctx, me, f, ar.result(), started -> text(ctx, me, started, withLink(f, text.get())));
        });
      } else if (f.channel() == FollowUpChannel.TASK) {
        start(ctx, me, f, new Consent(Optional.empty(), false), started -> finish(ctx, me, started, Optional.empty(), "done by " + me.username().value()
            + text.map(t -> ": " + t).orElse("")));
      } else if (calls.isEmpty()) {
        Problem.send(ctx, 409, "calls_unavailable", "Outbound TTY calls need a Twilio account and publicBaseUrl in the configuration.");
      } else {
        start(ctx, me, f, new Consent(Optional.empty(), false), started -> calls.get().place(started, me).onComplete(ar -> {
          if (ar.failed() && ar.cause() instanceof OutboundTtyCalls.NotPlaced notPlaced) {
            // Counted as an attempt, already on the follow-up; not put back as if never tried.
            Problem.send(ctx, 502, "call_not_placed", notPlaced.getMessage());
          } else if (ar.failed()) {
            interrupted(ctx, me, started, ar.cause());
          } else {
            answer(ctx, ar.result());
          }
        }));
      }
    });
  }

  private String withLink(FollowUp f, String text) {
    return f.channel() == FollowUpChannel.CHAT_LINK ? text + " " + config.chatLink().orElseThrow() : text;
  }

  private record Consent(Optional<ConsentChange> latest, boolean optedOutInRecords) {}

  /**
   * The number's consent now: its ledger, and whether its records' latest consent entry is an
   * opt-out. An opt-out the ledger has not seen yet is written to it here, so the ledger tells the truth.
   */
  private Future<Consent> consent(Contact number, AgentAccount me) {
    // The records are read as well as the stream's fold: a text of the resident's own is the revocation, whichever knows it first.
    Future<Boolean> optedOut = intake.optedOut(number).compose(folded -> folded ? Future.succeededFuture(true) : store.optedOut(number));
    return followUps.latestConsent(number).compose(latest -> optedOut.compose(out -> {
      if (!out || latest.isEmpty() || !latest.get().granted()) return Future.succeededFuture(new Consent(latest, out));
      ConsentChange revoked = new ConsentChange(number, false, clock.instant(), ConsentChange.RESIDENT, Optional.empty(), "opted out by text (found in the records)");
      return followUps.recordConsent(revoked)
          .compose(v -> store.audit(new org.accessline.gateway.store.AuditEvent(clock.instant(), me.username().value(), "consent_revoked", "number:" + number.address(),
              revoked.how())))
          .map(v -> new Consent(Optional.of(revoked), true));
    }));
  }

  /** Starts the attempt if the rules allow; a refusal is recorded on the follow-up and audited, then answered 409. */
  private void start(RoutingContext ctx, AgentAccount me, FollowUp f, Consent consent, java.util.function.Consumer<FollowUp> then) {
    FollowUpRules.Start decided = FollowUpRules.start(f, consent.latest(), consent.optedOutInRecords(), clock.instant());
    if (decided instanceof FollowUpRules.Start.Refused r) {
      Future<Boolean> noted = f.state().finished() || f.state() == FollowUpState.IN_PROGRESS ? Future.succeededFuture(false)
          : followUps.update(FollowUpRules.refused(f, r.message(), clock.instant()), f.state());
      noted.compose(v -> store.audit(api.audit(me, "follow_up_refused", f.origin(), f.id() + ": " + r.message())))
          .onComplete(ar -> Problem.send(ctx, 409, r.code(), r.message()));
      return;
    }
    FollowUp started = ((FollowUpRules.Start.Go) decided).started();
    followUps.update(started, f.state()).onComplete(ar -> {
      if (ar.failed()) Answers.respond(ctx, ar.map(v -> null), 200);
      else if (!ar.result()) Problem.send(ctx, 409, "changed", "Someone else started or changed this follow-up just now; look again.");
      else then.accept(started);
    });
  }

  private void text(RoutingContext ctx, AgentAccount me, FollowUp started, String words) {
    String key = "follow-up:" + started.id() + ":" + started.attempts();
    desk.openOutbound(started.contact().orElseThrow(), me.profile(), started.origin(), key)
        .compose(opened -> desk.agentMessage(opened.conversation(), me.profile(), words, Optional.of(key + ":text")).map(sent -> opened.conversation()))
        .compose(conversation -> intake.note(started.origin(), "Followed up by text in record " + conversation.value() + ".", key + ":link").map(n -> conversation))
        .onComplete(ar -> {
          if (ar.failed()) interrupted(ctx, me, started, ar.cause());
          else finish(ctx, me, started, Optional.of(ar.result()), "texted");
        });
  }

  /** The attempt could not be made: the follow-up goes back to scheduled, its attempt not counted, and the reason is answered. */
  private void interrupted(RoutingContext ctx, AgentAccount me, FollowUp started, Throwable cause) {
    String reason = cause instanceof RefusedException r ? r.refusal().message : "The gateway could not do it just now; nothing was sent.";
    FollowUp back = FollowUpRules.interrupted(started, reason, clock.instant());
    followUps.update(back, FollowUpState.IN_PROGRESS).compose(v -> store.audit(api.audit(me, "follow_up_interrupted", started.origin(), started.id() + ": " + reason)))
        .onComplete(ar -> {
          FollowUpScheduler.changed(vertx, started.id());
          if (cause instanceof RefusedException r) Problem.send(ctx, 409, r.refusal().code, r.refusal().message);
          else Problem.send(ctx, 503, "unavailable", reason);
        });
  }

  private void finish(RoutingContext ctx, AgentAccount me, FollowUp started, Optional<ConversationId> in, String outcome) {
    Instant now = clock.instant();
    FollowUp done = FollowUpRules.done(started, in, outcome, now);
    followUps.update(done, FollowUpState.IN_PROGRESS)
        .compose(v -> store.audit(api.audit(me, "follow_up_done", started.origin(), started.id() + ": " + outcome + in.map(c -> " in " + c.value()).orElse(""))))
        .onComplete(ar -> {
          FollowUpScheduler.changed(vertx, started.id());
          Answers.respond(ctx, ar.map(v -> FollowUpJson.json(done, now, config.overdueAfter())), 200);
        });
  }

  private void answer(RoutingContext ctx, FollowUp placed) {
    FollowUpScheduler.changed(vertx, placed.id());
    Answers.json(ctx, 202, FollowUpJson.json(placed, clock.instant(), config.overdueAfter()));
  }
}
