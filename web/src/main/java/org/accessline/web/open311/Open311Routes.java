package org.accessline.web.open311;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.accessline.web.http.Validation;
import org.accessline.web.records.RecordReads;
import org.accessline.web.staff.StaffAuth;

/** Open311 service requests: mounted only when an endpoint is configured. A conversation's requests are read and made only by those let in to it, and audited. */
public final class Open311Routes {
  private Open311Routes() {}

  public static void mount(Router router, StaffAuth staff, BodyHandler body, RecordReads reads, ServiceRequestsApi api) {
    router.get("/api/open311/services").handler(staff).handler(api::services);
    router.get("/api/open311/services/:code").handler(staff).handler(api::definition);
    router.get("/api/conversations/:id/service-requests").handler(staff).handler(Validation.conversationId()).handler(reads.liveWork()).handler(api::list);
    router.post("/api/conversations/:id/service-requests").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(Validation.conversationId())
        .handler(reads.liveWork()).handler(api::create);
  }
}
