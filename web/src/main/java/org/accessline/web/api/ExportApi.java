package org.accessline.web.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.accessline.gateway.store.InteractionRecord;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.RecordQuery;
import org.accessline.transcripts.export.RecordExport;

/**
 * Exports for supervisors: one record as JSON or printable HTML, many as NDJSON or a CSV summary,
 * chosen with the search parameters. {@code redact=true} masks card numbers and SSNs in the copy.
 */
public final class ExportApi {
  /** One export carries at most this many records; narrow the search for more. */
  static final int MAX_RECORDS = 10_000;
  private static final int PAGE = 200;

  private final InteractionStore store;
  private final String centerName;

  public ExportApi(InteractionStore store, String centerName) {
    this.store = store;
    this.centerName = centerName;
  }

  public void oneJson(RoutingContext ctx) {
    one(ctx, r -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"interaction-" + r.id() + ".json\"").end(r.toJson().encodePrettily()));
  }

  public void oneHtml(RoutingContext ctx) {
    one(ctx, r -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(RecordExport.html(r, centerName)));
  }

  public void manyNdjson(RoutingContext ctx) {
    many(ctx, "application/x-ndjson; charset=utf-8", "interactions.ndjson", null, r -> r.toJson().encode() + "\n");
  }

  public void manyCsv(RoutingContext ctx) {
    many(ctx, "text/csv; charset=utf-8", "interactions.csv", RecordExport.CSV_HEADER + "\r\n", r -> RecordExport.csvRow(r) + "\r\n");
  }

  private void one(RoutingContext ctx, java.util.function.Consumer<InteractionRecord> send) {
    boolean redact = redact(ctx);
    store.record(Validation.conversation(ctx)).onComplete(ar -> {
      if (ar.failed()) Problem.send(ctx, 503, "unavailable", "The records store did not answer. Please try again.");
      else if (ar.result().isEmpty()) Problem.send(ctx, 404, "not_found", "No interaction record has that id.");
      else send.accept(redact ? RecordExport.redacted(ar.result().get()) : ar.result().get());
    });
  }

  private void many(RoutingContext ctx, String type, String file, String header, java.util.function.Function<InteractionRecord, String> line) {
    RecordQuery first;
    try {
      var params = io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams());
      params.remove("redact");
      first = RecordsApi.parse(params.set("limit", String.valueOf(PAGE)).set("offset", "0"));
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "bad_query", e.getMessage());
      return;
    }
    boolean redact = redact(ctx);
    HttpServerResponse response = ctx.response().setChunked(true).putHeader("Content-Type", type)
        .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    if (header != null) response.write(header);
    page(first, 0, response, line, redact).onComplete(ar -> response.end());
  }

  /** Writes one page of records, then the next, so a large export never sits whole in memory. */
  private Future<Void> page(RecordQuery q, int written, HttpServerResponse response, java.util.function.Function<InteractionRecord, String> line, boolean redact) {
    return store.search(q).compose(page -> {
      Future<Void> chain = Future.succeededFuture();
      for (var summary : page.records()) {
        chain = chain.compose(v -> store.record(summary.id()).compose(record -> record.isEmpty() ? Future.succeededFuture()
            : response.write(line.apply(redact ? RecordExport.redacted(record.get()) : record.get()))));
      }
      int total = written + page.records().size();
      if (!page.more() || total >= MAX_RECORDS) return chain;
      RecordQuery next = q.withOffset(q.offset() + q.limit());
      return chain.compose(v -> page(next, total, response, line, redact));
    });
  }

  private static boolean redact(RoutingContext ctx) {
    return Optional.ofNullable(ctx.queryParams().get("redact")).map(v -> v.equals("true") || v.equals("1")).orElse(false);
  }
}
