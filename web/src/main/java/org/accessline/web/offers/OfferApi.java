package org.accessline.web.offers;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Validation;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.staff.StaffAuth;

/** An agent's answer to a conversation offered to them. */
public final class OfferApi {
  private final Desk stream;
  private final ConversationViews views;

  public OfferApi(Desk stream, ConversationViews views) {
    this.stream = stream;
    this.views = views;
  }

  /** {@code POST /api/conversations/{id}/accept}: take the conversation offered; the answer carries it as the list shows it, so the page can open it. */
  public void accept(RoutingContext ctx) {
    stream.acceptOffer(Validation.conversation(ctx), StaffAuth.account(ctx).username())
        .compose(posted -> stream.openConversation(posted.conversation()).map(state -> Answers.posted(posted).put("conversation", state.map(views::json).orElse(null))))
        .onComplete(ar -> Answers.respond(ctx, ar, 200));
  }

  /** {@code POST /api/conversations/{id}/decline}: let the offer go back to the queue. */
  public void decline(RoutingContext ctx) {
    stream.declineOffer(Validation.conversation(ctx), StaffAuth.account(ctx).username())
        .onComplete(ar -> Answers.respond(ctx, ar.map(v -> new JsonObject().put("declined", true)), 200));
  }
}
