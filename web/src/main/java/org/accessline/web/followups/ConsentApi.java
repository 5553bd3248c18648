package org.accessline.web.followups;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.followup.ConsentChange;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.FollowUps;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * The consent ledger from the workspace: an agent records, in a conversation they are working, that
 * the resident gave (or refused) consent to be texted later; the line names the agent, the time and
 * the conversation, is noted in the conversation's own record, and is audited.
 */
public final class ConsentApi {
  private static final String NUMBER = "\\+[1-9][0-9]{6,14}";
  /** What the resident reads once their consent to later texts was withdrawn at their asking. */
  static final String REVOKED_CONFIRMATION = "As you asked, we will not text you to follow up. You can still contact us any time.";
  private final InteractionStore store;
  private final FollowUps followUps;
  private final Desk desk;
  private final Intake intake;
  private final Clock clock;

  public ConsentApi(InteractionStore store, Desk desk, Intake intake, Clock clock) {
    this.store = store;
    this.followUps = store.followUps();
    this.desk = desk;
    this.intake = intake;
    this.clock = clock;
  }

  /** {@code POST /api/conversations/:id/consent} {"granted": true, "how": "…"}, by the agent working it. */
  public void record(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    AgentAccount me = StaffAuth.account(ctx);
    ConversationId id = Validation.conversation(ctx);
    Object granted = body.getValue("granted");
    Optional<String> how = Validation.text(body, "how").map(String::strip).filter(h -> !h.isEmpty() && h.length() <= 500);
    for (String field : body.fieldNames()) {
      if (!field.equals("granted") && !field.equals("how")) {
        Problem.send(ctx, 400, "invalid_consent", "Unknown field \"" + field + "\"; consent takes granted and how.");
        return;
      }
    }
    if (!(granted instanceof Boolean yes) || how.isEmpty()) {
      Problem.send(ctx, 400, "invalid_consent", "\"granted\" is true or false, and \"how\" says in 1-500 characters what the resident agreed to.");
      return;
    }
    desk.openConversation(id).compose(open -> {
      Optional<Contact> number = open.map(ConversationState::contact).flatMap(ConsentApi::textable);
      if (open.isEmpty()) return Future.succeededFuture(Optional.<Recorded>empty());
      if (number.isEmpty()) return Future.failedFuture(new IllegalArgumentException("This resident has no phone number to text."));
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      ConsentChange change = new ConsentChange(number.get(), yes, now, me.username().value(), Optional.of(id), how.get());
      String said = (yes ? "Consent to texts from the center recorded by " : "Refusal of texts from the center recorded by ") + me.displayName() + ": " + how.get();
      // In the conversation's own record first, inside its hash chain; then the ledger the send-time check reads.
      return followUps.latestConsent(number.get()).compose(before -> intake.note(id, said, "consent:" + me.username().value() + ":" + now.toEpochMilli())
          .compose(n -> confirmRevocation(id, change, before))
          .compose(confirmed -> followUps.recordConsent(change)
              .compose(v -> store.audit(new AuditEvent(now, me.username().value(), yes ? "consent_granted" : "consent_revoked", id.value(),
                  "number " + change.contact().address() + ": " + how.get() + (confirmed ? " (confirmation sent)" : ""))))
              .map(v -> Optional.of(new Recorded(change, confirmed)))));
    }).onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof IllegalArgumentException e) {
        Problem.send(ctx, 422, "no_number", e.getMessage());
      } else if (ar.succeeded() && ar.result().isEmpty()) {
        Problem.send(ctx, 404, "not_found", "There is no open conversation with that id.");
      } else {
        Answers.respond(ctx, ar.map(c -> FollowUpJson.json(c.orElseThrow().change()).put("confirmed", c.orElseThrow().confirmed())), 201);
      }
    });
  }

  private record Recorded(ConsentChange change, boolean confirmed) {}

  /**
   * A revocation of consent the ledger held is confirmed to the resident once, in the conversation
   * where they asked: keyed by the grant it revokes, so a retried request, or a second revocation of
   * the same grant, sends nothing more. Sent before the ledger line is written, so a request that
   * failed in between confirms on its retry rather than never.
   */
  private Future<Boolean> confirmRevocation(ConversationId id, ConsentChange change, Optional<ConsentChange> before) {
    if (change.granted() || before.filter(ConsentChange::granted).isEmpty()) return Future.succeededFuture(false);
    String key = "consent-revoked:" + change.contact().address() + ":" + before.get().at().toEpochMilli();
    return intake.centerMessage(id, REVOKED_CONFIRMATION, key).map(p -> true);
  }

  /** {@code GET /api/records/:id/consent}: the ledger of the record's number, after the record's read was decided and audited. */
  public void ledger(RoutingContext ctx) {
    store.entries(Validation.conversation(ctx), 0).compose(entries -> {
      Contact contact = ((ConversationEvent.Opened) entries.get(0).event()).contact();
      Optional<Contact> number = textable(contact);
      if (number.isEmpty()) return Future.succeededFuture(new JsonObject().put("number", (String) null).put("consent", new JsonArray()));
      return followUps.consentHistory(number.get()).map(lines -> {
        JsonArray out = new JsonArray();
        lines.forEach(c -> out.add(FollowUpJson.json(c)));
        return new JsonObject().put("number", number.get().address()).put("consent", out).put("granted", !lines.isEmpty() && lines.get(lines.size() - 1).granted());
      });
    }).onComplete(ar -> Answers.respond(ctx, ar, 200));
  }

  /** The number a resident could be texted at: an SMS contact's, or a caller's phone number. */
  static Optional<Contact> textable(Contact contact) {
    if (!List.of(Channel.SMS, Channel.TTY, Channel.RELAY).contains(contact.channel()) || !contact.address().matches(NUMBER)) return Optional.empty();
    return Optional.of(new Contact(Channel.SMS, contact.address()));
  }
}
