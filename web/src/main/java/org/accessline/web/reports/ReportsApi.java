package org.accessline.web.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.accessline.gateway.report.Metric;
import org.accessline.gateway.report.Report;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.report.ServiceLevelTargets;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.Permission;
import org.accessline.web.http.Problem;
import org.accessline.web.staff.StaffAuth;

/** Reports for those who supervise: who ran which report is in the audit log before any figure is served. */
public final class ReportsApi {
  private final InteractionStore store;
  private final ReportsConfig config;
  private final Clock clock;
  private final java.time.Duration followUpGrace;

  public ReportsApi(InteractionStore store, ReportsConfig config, Clock clock, java.time.Duration followUpGrace) {
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.followUpGrace = followUpGrace;
  }

  /** Refuses, and logs the refusal, unless the account may supervise. */
  public void supervisorsOnly(RoutingContext ctx) {
    AgentAccount account = StaffAuth.account(ctx);
    if (account.may(Permission.SUPERVISE)) {
      ctx.next();
      return;
    }
    store.audit(new AuditEvent(clock.instant(), account.username().value(), "refused", "reports", ctx.request().method() + " " + ctx.request().path()))
        .onComplete(ignored -> Problem.send(ctx, 403, "supervisors_only", "Only a supervisor can run reports."));
  }

  public void json(RoutingContext ctx) {
    run(ctx, "json", report -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(toJson(report).encode()));
  }

  public void csv(RoutingContext ctx) {
    run(ctx, "csv", report -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"report-" + report.query().grouping().key() + "-" + report.query().bucket().key() + ".csv\"")
        .end(ReportCsv.of(report)));
  }

  /** Referrals by agency, follow-ups done and overdue, and quality averages over the range, as JSON. */
  public void work(RoutingContext ctx) {
    runWork(ctx, "json", (q, w) -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(WorkFiguresFormat.json(q, w).encode()));
  }

  public void workCsv(RoutingContext ctx) {
    runWork(ctx, "csv", (q, w) -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"report-work.csv\"").end(WorkFiguresFormat.csv(w)));
  }

  private void runWork(RoutingContext ctx, String format, java.util.function.BiConsumer<ReportQuery, WorkFigures> answer) {
    Map<String, String> params = new HashMap<>();
    ctx.queryParams().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
    ReportRequest request = ReportRequest.parse(params, config);
    if (request instanceof ReportRequest.Invalid invalid) {
      Problem.send(ctx, 400, "bad_report", invalid.message());
      return;
    }
    ReportQuery q = ((ReportRequest.Valid) request).query();
    String actor = StaffAuth.account(ctx).username().value();
    store.audit(new AuditEvent(clock.instant(), actor, "report", "reports", format + " work report " + q.from() + ".." + q.to() + " (" + q.zone() + ")"))
        .compose(v -> store.directory().referralsByAgency(q.from(), q.to()))
        .compose(referrals -> store.followUps().count(q.from(), q.to(), java.util.Optional.empty(), followUpGrace, clock.instant())
            .compose(followUps -> store.qualityReviews().averages(java.util.Optional.empty(), q.from(), q.to())
                .map(quality -> new WorkFigures(referrals, followUps, quality))))
        .onSuccess(w -> answer.accept(q, w))
        .onFailure(e -> Problem.send(ctx, 503, "report_failed", "The report could not be run; nothing was served. Try again."));
  }

  /** The time zone and service level targets, for the reports page and the live dashboard. */
  public void settings(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("timeZone", config.zone().getId()).put("serviceLevel", targets(config.targets())).put("metrics", metrics()).encode());
  }

  private void run(RoutingContext ctx, String format, java.util.function.Consumer<Report> answer) {
    Map<String, String> params = new HashMap<>();
    ctx.queryParams().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
    ReportRequest request = ReportRequest.parse(params, config);
    if (request instanceof ReportRequest.Invalid invalid) {
      Problem.send(ctx, 400, "bad_report", invalid.message());
      return;
    }
    ReportQuery query = ((ReportRequest.Valid) request).query();
    String actor = StaffAuth.account(ctx).username().value();
    store.audit(new AuditEvent(clock.instant(), actor, "report", "reports", ReportRequest.describe(query, format)))
        .compose(v -> store.reports().run(query))
        .onSuccess(answer::accept)
        .onFailure(e -> Problem.send(ctx, 503, "report_failed", "The report could not be run; nothing was served. Try again."));
  }

  static JsonObject toJson(Report report) {
    ReportQuery q = report.query();
    JsonArray rows = new JsonArray();
    for (Report.Row row : report.rows()) {
      JsonObject figures = new JsonObject();
      for (Metric m : Metric.values()) figures.put(m.key(), row.figure(m).orElse(null));
      rows.add(new JsonObject().put("group", row.group()).put("bucket", row.bucketStart().toString()).put("figures", figures));
    }
    JsonArray heat = new JsonArray();
    for (int d = 0; d < 7; d++) {
      JsonArray hours = new JsonArray();
      for (int h = 0; h < 24; h++) hours.add(report.heatmap().at(d, h));
      heat.add(hours);
    }
    return new JsonObject().put("from", q.from().toString()).put("to", q.to().toString()).put("timeZone", q.zone().getId())
        .put("bucket", q.bucket().key()).put("group", q.grouping().key()).put("metrics", metrics()).put("rows", rows).put("heatmap", heat);
  }

  private static JsonArray metrics() {
    JsonArray out = new JsonArray();
    for (Metric m : Metric.values()) out.add(new JsonObject().put("key", m.key()).put("label", m.label()).put("unit", m.unit().name().toLowerCase(java.util.Locale.ROOT)));
    return out;
  }

  private static JsonObject targets(ServiceLevelTargets t) {
    JsonObject channels = new JsonObject();
    t.byChannel().forEach((k, v) -> channels.put(k, target(v)));
    JsonObject queues = new JsonObject();
    t.byQueue().forEach((k, v) -> queues.put(k, target(v)));
    return new JsonObject().put("default", target(t.fallback())).put("channels", channels).put("queues", queues);
  }

  private static JsonObject target(ServiceLevelTargets.Target t) {
    return new JsonObject().put("percent", t.percent()).put("seconds", t.within().toSeconds());
  }
}
