package org.accessline.web.records;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.http.PageHeaders;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * Interaction records: search, read, verify, export, legal hold, purge and the audit log. Every
 * route that serves a record is judged and written to the audit log before it serves anything.
 */
public final class RecordRoutes {
  private RecordRoutes() {}

  public static void mount(Router router, StaffAuth staff, BodyHandler body, RecordReads reads, RecordAccess records, InteractionStore store,
      String centerName, Clock clock) {
    ExportApi exports = new ExportApi(store, centerName, clock);
    RecordsApi search = new RecordsApi(store, reads);
    router.get("/api/interactions").handler(staff).handler(search::search).handler(search::results);
    router.get("/api/records/verify").handler(staff).handler(records.supervisorsOnly()).handler(records.audited("verify")).handler(search::verifyStore);
    router.get("/api/exports/interactions.ndjson").handler(staff).handler(records.supervisorsOnly()).handler(exports::manyNdjson);
    router.get("/api/exports/interactions.csv").handler(staff).handler(records.supervisorsOnly()).handler(exports::manyCsv);
    router.get("/api/interactions/:id/export.json").handler(staff).handler(records.supervisorsOnly()).handler(Validation.conversationId()).handler(exports::checkOne).handler(records.notPurged()).handler(records.audited("export")).handler(exports::oneJson);
    router.get("/api/interactions/:id/transcript.html").handler(staff).handler(records.supervisorsOnly()).handler(Validation.conversationId()).handler(exports::checkOne).handler(records.notPurged()).handler(records.audited("export")).handler(PageHeaders.printable()).handler(exports::oneHtml);
    router.get("/api/interactions/:id").handler(staff).handler(Validation.conversationId()).handler(records.notPurged()).handler(reads.record("read")).handler(reads::interaction);
    router.get("/api/interactions/:id/verify").handler(staff).handler(Validation.conversationId()).handler(records.notPurged()).handler(reads.record("verify")).handler(search::verify);
    router.get("/api/interactions/:id/transcript.txt").handler(staff).handler(Validation.conversationId()).handler(records.notPurged()).handler(reads.record("read")).handler(reads::transcript);
    router.put("/api/interactions/:id/hold").handler(body).handler(staff).handler(records.supervisorsOnly()).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(records::hold);
    router.post("/api/records/purge").handler(staff).handler(records.supervisorsOnly()).handler(records.audited("purge")).handler(records::purge);
    router.get("/api/audit").handler(staff).handler(records.supervisorsOnly()).handler(records::trail);
  }
}
