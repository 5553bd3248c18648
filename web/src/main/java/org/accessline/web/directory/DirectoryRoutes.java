package org.accessline.web.directory;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.accessline.web.http.Validation;
import org.accessline.web.records.RecordReads;
import org.accessline.web.staff.StaffAuth;

/** The resource directory's routes, and referrals from a conversation. */
public final class DirectoryRoutes {
  /** A center's whole directory in one file: far above the API's usual body limit. */
  static final long MAX_IMPORT_BYTES = 20L * 1024 * 1024;

  private DirectoryRoutes() {}

  public static void mount(Router router, StaffAuth staff, BodyHandler body, RecordReads reads, DirectoryApi api, ReferralApi referrals) {
    router.get("/directory").handler(ctx -> ctx.reroute(io.vertx.core.http.HttpMethod.GET, "/directory.html"));
    router.get("/api/directory/me").handler(staff).handler(api::me);
    router.get("/api/directory/search").handler(staff).handler(api::search);
    router.get("/api/directory/stale").handler(staff).handler(api::stale);
    router.get("/api/directory/export.csv").handler(staff).handler(ctx -> api.export(ctx, true));
    router.get("/api/directory/export.json").handler(staff).handler(ctx -> api.export(ctx, false));
    router.post("/api/directory/import").handler(BodyHandler.create(false).setBodyLimit(MAX_IMPORT_BYTES)).handler(staff).handler(api::mayEdit)
        .handler(api::importFile);
    router.get("/api/directory/services/:id").handler(staff).handler(api::validId).handler(api::service);
    router.get("/api/directory/agencies/:id").handler(staff).handler(api::validId).handler(api::agency);
    router.put("/api/directory/agencies/:id").handler(body).handler(staff).handler(api::mayEdit).handler(api::validId).handler(Validation.jsonObjectBody())
        .handler(api::saveAgency);
    router.put("/api/directory/services/:id").handler(body).handler(staff).handler(api::mayEdit).handler(api::validId).handler(Validation.jsonObjectBody())
        .handler(api::saveService);
    router.post("/api/directory/services/:id/verify").handler(body).handler(staff).handler(api::mayEdit).handler(api::validId).handler(api::verify);
    router.get("/api/conversations/:id/referral-preview").handler(staff).handler(Validation.conversationId()).handler(reads.liveWork())
        .handler(referrals::preview);
    // A referral writes into the record, so it takes the same need-to-know as reading it (audited).
    router.post("/api/conversations/:id/referrals").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody())
        .handler(reads.record("refer")).handler(referrals::record);
  }
}
