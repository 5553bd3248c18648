package org.accessline.web.followups;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.accessline.web.http.Validation;
import org.accessline.web.records.RecordReads;
import org.accessline.web.staff.StaffAuth;

/** Follow-ups and the consent ledger. A route that touches a record decides and audits its need-to-know first. */
public final class FollowUpRoutes {
  private FollowUpRoutes() {}

  public static void mount(Router router, StaffAuth staff, BodyHandler body, RecordReads reads, FollowUpsApi api, FollowUpWork work, ConsentApi consent) {
    router.post("/api/records/:id/follow-ups").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(Validation.conversationId())
        .handler(reads.record("follow_up_record")).handler(api::create);
    router.get("/api/records/:id/follow-ups").handler(staff).handler(Validation.conversationId()).handler(reads.record("read")).handler(api::ofRecord);
    router.get("/api/records/:id/consent").handler(staff).handler(Validation.conversationId()).handler(reads.record("read_consent")).handler(consent::ledger);
    router.post("/api/conversations/:id/consent").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(Validation.conversationId())
        .handler(reads.liveWork()).handler(consent::record);
    router.get("/api/follow-ups/mine").handler(staff).handler(api::mine);
    router.get("/api/follow-ups").handler(staff).handler(api::all);
    router.post("/api/follow-ups/:followUpId/cancel").handler(staff).handler(api::cancel);
    router.post("/api/follow-ups/:followUpId/do").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(work::doIt);
  }
}
