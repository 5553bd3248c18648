package org.accessline.web.directory;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.accessline.channels.sms.SmsSegments;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.directory.Directory;
import org.accessline.gateway.directory.DirectoryHit;
import org.accessline.gateway.directory.DirectoryIds;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** A referral from a conversation: previewed as the resident's channel will show it, and recorded on the record as data. */
public final class ReferralApi {
  private final Directory directory;
  private final Desk desk;

  public ReferralApi(Directory directory, Desk desk) {
    this.directory = directory;
    this.desk = desk;
  }

  /** {@code GET /api/conversations/{id}/referral-preview?service=}: the text for this conversation's channel; after the reader was let in. */
  public void preview(RoutingContext ctx) {
    String serviceId = ctx.queryParams().get("service");
    if (!DirectoryIds.valid(serviceId)) {
      Problem.send(ctx, 400, "bad_referral", "Name the directory service with \"service\".");
      return;
    }
    desk.openConversation(Validation.conversation(ctx)).compose(state -> directory.service(serviceId).map(hit -> {
      if (state.isEmpty()) return new JsonObject().put("missing", "That conversation is not open.");
      if (hit.isEmpty()) return new JsonObject().put("missing", "No service has that id.");
      Channel channel = state.get().contact().channel();
      String text = ReferralText.format(hit.get(), channel);
      JsonObject out = new JsonObject().put("channel", channel.name()).put("text", text).put("serviceId", serviceId)
          .put("agencyId", hit.get().agency().id()).put("reach", new JsonObject(new java.util.LinkedHashMap<>(ReferralText.reach(hit.get()))));
      if (channel.equals(Channel.SMS)) out.put("segments", SmsSegments.of(text).segments());
      return out;
    })).onComplete(ar -> {
      if (ar.succeeded() && ar.result().containsKey("missing")) Problem.send(ctx, 404, "not_found", ar.result().getString("missing"));
      else Answers.respond(ctx, ar, 200);
    });
  }

  /** {@code POST /api/conversations/{id}/referrals {"serviceId","requestId"}}: the agency, service and ways to reach them, as an entry of the record. */
  public void record(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    String serviceId = Validation.text(body, "serviceId").orElse("");
    String requestId = Validation.text(body, "requestId").orElse("");
    if (!DirectoryIds.valid(serviceId) || !requestId.matches("[A-Za-z0-9-]{8,64}")) {
      Problem.send(ctx, 400, "bad_referral", "A referral needs \"serviceId\" and \"requestId\" (8-64 letters, digits or '-', the same on a retry).");
      return;
    }
    AgentAccount account = StaffAuth.account(ctx);
    Participant staff = account.supervisor() ? Participant.supervisor(account.username(), account.displayName()) : account.profile().participant();
    directory.service(serviceId).onComplete(found -> {
      if (found.failed()) {
        Answers.respond(ctx, found.map(v -> null), 200);
        return;
      }
      if (found.result().isEmpty()) {
        Problem.send(ctx, 404, "not_found", "No service has that id.");
        return;
      }
      DirectoryHit hit = found.result().get();
      ConversationEvent.Referred referred = new ConversationEvent.Referred(hit.agency().id(), hit.agency().name(), hit.service().id(), hit.service().name(),
          ReferralText.reach(hit));
      desk.recordReferral(Validation.conversation(ctx), staff, referred, requestId).onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 200));
    });
  }
}
