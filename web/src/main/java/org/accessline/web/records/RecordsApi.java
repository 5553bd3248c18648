package org.accessline.web.records;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.RecordQuery;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * Searching interaction records: {@code GET /api/interactions?from&to&channel&agent&contact&disposition&q&tag&category&limit&offset}.
 * The search is read strictly ({@link SearchParameters}), judged by {@link NeedToKnow}, and written to
 * the audit log as it will run, before it runs. Also checking records against their hashes, one or
 * the whole store.
 */
public final class RecordsApi {
  private final InteractionStore store;
  private final RecordReads reads;

  public RecordsApi(InteractionStore store, RecordReads reads) {
    this.store = store;
    this.reads = reads;
  }

  public void search(RoutingContext ctx) {
    RecordQuery query;
    try {
      query = SearchParameters.search(ctx.queryParams());
    } catch (SearchParameters.BadParameter e) {
      badParameter(ctx, e);
      return;
    }
    String target = "search: " + SearchParameters.describe(query) + " limit=" + query.limit() + " offset=" + query.offset();
    reads.viewer(StaffAuth.account(ctx)).onComplete(viewer -> {
      if (viewer.failed()) {
        Answers.respond(ctx, viewer.map(v -> null), 200);
        return;
      }
      ctx.put(RecordReads.VIEWER, viewer.result());
      ctx.put(SEARCH, query);
      reads.decided(ctx, NeedToKnow.search(viewer.result(), query), "search", target, target);
    });
  }

  static final String SEARCH = "accessline.search";

  /** Runs the search the previous handler parsed, judged and audited. */
  public void results(RoutingContext ctx) {
    RecordQuery query = ctx.get(SEARCH);
    store.search(query).onComplete(ar -> Answers.respond(ctx, ar.map(page -> {
      JsonArray records = new JsonArray();
      page.records().forEach(r -> records.add(r.toJson().put("residentName", reads.residentName(r.channel(), r.contact()))));
      return new JsonObject().put("records", records).put("more", page.more()).put("offset", query.offset()).put("limit", query.limit());
    }), 200));
  }

  /**
   * {@code GET /api/records/verify}: the audit log's chain, records the checkpoints remember that the
   * database lost, and the checkpoint file's own chain. 200 with {@code intact} true or false.
   */
  public void verifyStore(RoutingContext ctx) {
    store.verifyStore().onComplete(ar -> Answers.respond(ctx, ar.map(report -> report.toJson().put("intact", report.intact())), 200));
  }

  /** {@code GET /api/interactions/{id}/verify}: whether every stored entry still matches its hash. */
  public void verify(RoutingContext ctx) {
    store.verify(Validation.conversation(ctx)).onComplete(ar -> {
      if (ar.succeeded() && ar.result().isEmpty()) {
        Problem.send(ctx, 404, "not_found", "No interaction record has that id.");
        return;
      }
      Answers.respond(ctx, ar.map(r -> {
        var report = r.orElseThrow();
        JsonObject json = new JsonObject().put("status", report.status().name().toLowerCase(Locale.ROOT)).put("entries", report.entries())
            .put("detail", report.detail());
        report.firstBadSeq().ifPresent(seq -> json.put("firstBadSeq", seq));
        return json;
      }), 200);
    });
  }

  /** 400 naming the parameter, so the page can point at the field. */
  static void badParameter(RoutingContext ctx, SearchParameters.BadParameter e) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", "bad_query").put("field", e.field()).put("message", e.getMessage()).encode());
  }
}
