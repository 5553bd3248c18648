package org.accessline.web.records;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionRecord;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.RecordQuery;
import org.accessline.transcripts.export.RecordExport;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * Exports for supervisors: one record as JSON or printable HTML, many as NDJSON or a CSV summary,
 * chosen with the search parameters. {@code redact=true} masks what {@link
 * org.accessline.transcripts.export.Redaction} lists, and the resident's own contact, in the copy.
 * A bulk export has no size cap: {@code offset} skips that many records and {@code limit} stops after
 * that many; see {@link BulkExport} for how it streams and how it ends when it cannot finish.
 */
public final class ExportApi {
  private static final Logger LOG = LoggerFactory.getLogger(ExportApi.class);
  private static final Set<String> BULK = Set.of("redact", "limit", "offset");

  private final InteractionStore store;
  private final String centerName;
  private final Clock clock;

  public ExportApi(InteractionStore store, String centerName, Clock clock) {
    this.store = store;
    this.centerName = centerName;
    this.clock = clock;
  }

  public void oneJson(RoutingContext ctx) {
    one(ctx, r -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"interaction-" + r.id() + ".json\"").end(r.toJson().encodePrettily()));
  }

  public void oneHtml(RoutingContext ctx) {
    one(ctx, r -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(RecordExport.html(r, centerName)));
  }

  public void manyNdjson(RoutingContext ctx) {
    many(ctx, new BulkExport.Format("ndjson", Optional.empty(), r -> r.toJson().encode() + "\n",
        message -> new JsonObject().put("error", "export_incomplete").put("message", message).encode() + "\n"), "interactions.ndjson",
        "application/x-ndjson; charset=utf-8");
  }

  public void manyCsv(RoutingContext ctx) {
    many(ctx, new BulkExport.Format("csv", Optional.of(RecordExport.CSV_HEADER + "\r\n"), r -> RecordExport.csvRow(r) + "\r\n",
        message -> RecordExport.csvErrorRow(message) + "\r\n"), "interactions.csv", "text/csv; charset=utf-8");
  }

  /** Checks the parameters an export route takes beside its id; the route's audit handler runs after this. */
  public void checkOne(RoutingContext ctx) {
    try {
      for (String name : ctx.queryParams().names()) {
        if (!name.equals("redact")) throw new SearchParameters.BadParameter(name, "Unknown parameter \"" + name + "\"; an export of one record takes only \"redact\".");
      }
      redact(ctx.queryParams());
      ctx.next();
    } catch (SearchParameters.BadParameter e) {
      RecordsApi.badParameter(ctx, e);
    }
  }

  private void one(RoutingContext ctx, Consumer<InteractionRecord> send) {
    boolean redact = redact(ctx.queryParams());
    store.record(Validation.conversation(ctx)).onComplete(ar -> {
      if (ar.failed()) Problem.send(ctx, 503, "unavailable", "The records store did not answer. Please try again.");
      else if (ar.result().isEmpty()) Problem.send(ctx, 404, "not_found", "No interaction record has that id.");
      else send.accept(redact ? RecordExport.redacted(ar.result().get()) : ar.result().get());
    });
  }

  private void many(RoutingContext ctx, BulkExport.Format format, String file, String type) {
    Instant began = clock.instant();
    RecordQuery query;
    boolean redact;
    long offset;
    long limit;
    try {
      MultiMap params = ctx.queryParams();
      offset = SearchParameters.number(params, "offset", 0, 0, SearchParameters.MAX_OFFSET);
      limit = SearchParameters.number(params, "limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
      redact = redact(params);
      query = SearchParameters.filters(params, BULK, BulkExport.PAGE, 0);
    } catch (SearchParameters.BadParameter e) {
      RecordsApi.badParameter(ctx, e);
      return;
    }
    // Records opened once the export has begun are not part of it, so paging never meets a moving front.
    Instant before = query.openedBefore().filter(t -> t.isBefore(began)).orElse(began);
    RecordQuery pinned = new RecordQuery(query.openedFrom(), Optional.of(before), query.channel(), query.agent(), query.contact(), query.disposition(),
        query.text(), query.tag(), query.category(), query.limit(), 0);
    String exportId = UUID.randomUUID().toString();
    String actor = StaffAuth.account(ctx).username().value();
    String asked = SearchParameters.describe(query) + (offset > 0 ? " offset=" + offset : "") + (limit < Integer.MAX_VALUE ? " limit=" + limit : "")
        + " opened before " + before + " (" + format.name() + (redact ? ", redacted" : "") + ")";
    store.audit(new AuditEvent(began, actor, "export", "export " + exportId, asked)).onComplete(audited -> {
      if (audited.failed()) {
        Problem.send(ctx, 503, "unavailable", "The audit log could not be written, so nothing was exported. Please try again.");
        return;
      }
      HttpServerResponse response = ctx.response().setChunked(true).putHeader("Content-Type", type)
          .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"").putHeader("X-Export-Id", exportId);
      new BulkExport(store, clock, response, format, redact, actor, exportId, offset, limit).run(pinned)
          .onFailure(e -> LOG.warn("export " + exportId + " ended early", e));
    });
  }

  /** {@code redact}: absent, true/1 or false/0; anything else is refused rather than read as "no". */
  private static boolean redact(MultiMap params) {
    if (params.getAll("redact").size() > 1) throw new SearchParameters.BadParameter("redact", "\"redact\" is given more than once.");
    Optional<String> given = SearchParameters.value(params, "redact");
    if (given.isEmpty() || given.get().equals("false") || given.get().equals("0")) return false;
    if (given.get().equals("true") || given.get().equals("1")) return true;
    throw new SearchParameters.BadParameter("redact", "\"redact\" must be true or false.");
  }
}
