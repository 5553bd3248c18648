package org.accessline.web.offers;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** An agent's answer to a conversation offered to them. */
public final class OfferApi {
  private final Desk stream;

  public OfferApi(Desk stream) {
    this.stream = stream;
  }

  /** {@code POST /api/conversations/{id}/accept}: take the conversation offered. */
  public void accept(RoutingContext ctx) {
    stream.acceptOffer(Validation.conversation(ctx), StaffAuth.account(ctx).username()).onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 200));
  }

  /** {@code POST /api/conversations/{id}/decline}: let the offer go back to the queue. */
  public void decline(RoutingContext ctx) {
    stream.declineOffer(Validation.conversation(ctx), StaffAuth.account(ctx).username())
        .onComplete(ar -> Answers.respond(ctx, ar.map(v -> new JsonObject().put("declined", true)), 200));
  }
}
