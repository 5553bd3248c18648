package org.accessline.web.reports;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import org.accessline.web.staff.StaffAuth;

/** {@code /api/reports} (JSON), {@code /api/reports.csv}, {@code /api/reports/work} (referrals, follow-ups, quality; and {@code .csv}), {@code /api/reports/settings}, and the Chart.js the page draws with, from its WebJar. */
public final class ReportRoutes {
  private static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";

  private ReportRoutes() {}

  public static void mount(Router router, StaffAuth staff, ReportsApi api) {
    router.get("/api/reports").handler(staff).handler(api::supervisorsOnly).handler(api::json);
    router.get("/api/reports.csv").handler(staff).handler(api::supervisorsOnly).handler(api::csv);
    router.get("/api/reports/work").handler(staff).handler(api::supervisorsOnly).handler(api::work);
    router.get("/api/reports/work.csv").handler(staff).handler(api::supervisorsOnly).handler(api::workCsv);
    router.get("/api/reports/settings").handler(staff).handler(api::supervisorsOnly).handler(api::settings);
    router.get("/vendor/chart.umd.js").handler(ctx -> ctx.vertx().fileSystem().readFile(CHART_JS).onComplete(ar -> {
      if (ar.failed()) {
        ctx.response().setStatusCode(404).end();
        return;
      }
      ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8").putHeader("Cache-Control", "public, max-age=86400").end(ar.result());
    }));
    router.get("/reports").handler(ctx -> ctx.reroute(HttpMethod.GET, "/reports.html"));
  }
}
