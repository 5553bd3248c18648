package org.accessline.web.cannedreplies;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.accessline.web.http.Validation;
import org.accessline.web.records.RecordReads;
import org.accessline.web.staff.StaffAuth;

/** Canned replies: kept per agent and shared by supervisors, and filled in for a conversation the reader may work. */
public final class CannedReplyRoutes {
  private CannedReplyRoutes() {}

  public static void mount(Router router, StaffAuth staff, BodyHandler body, RecordReads reads, CannedRepliesApi api) {
    router.get("/api/canned-replies").handler(staff).handler(api::list);
    router.post("/api/canned-replies").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(api::create);
    router.put("/api/canned-replies/:id").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(api::mayChange).handler(api::update);
    router.delete("/api/canned-replies/:id").handler(staff).handler(api::mayChange).handler(api::delete);
    router.get("/api/conversations/:id/canned-replies").handler(staff).handler(Validation.conversationId()).handler(reads.liveWork())
        .handler(api::forConversation);
  }
}
