package org.accessline.web.offers;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.http.Validation;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.staff.StaffAuth;

/** Offers and transfers: accepting or declining a conversation offered, and passing one on to a colleague or a queue. */
public final class OfferRoutes {
  private OfferRoutes() {}

  public static void mount(Router router, StaffAuth staff, BodyHandler body, Desk desk, AgentDirectory directory, ConversationViews views) {
    OfferApi offers = new OfferApi(desk, views);
    TransferApi transfers = new TransferApi(desk, directory);
    router.post("/api/conversations/:id/accept").handler(staff).handler(Validation.conversationId()).handler(offers::accept);
    router.post("/api/conversations/:id/decline").handler(staff).handler(Validation.conversationId()).handler(offers::decline);
    router.get("/api/agents").handler(staff).handler(transfers::colleagues);
    router.post("/api/conversations/:id/transfer").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(transfers::transfer);
  }
}
