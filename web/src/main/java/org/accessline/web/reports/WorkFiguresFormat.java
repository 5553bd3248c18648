package org.accessline.web.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.accessline.gateway.directory.ReferralCount;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.store.QualityReviews;

/** Referrals, follow-ups and quality averages as JSON for the page and as CSV for a spreadsheet. */
final class WorkFiguresFormat {
  private WorkFiguresFormat() {}

  static JsonObject json(ReportQuery q, WorkFigures w) {
    JsonArray referrals = new JsonArray();
    for (ReferralCount r : w.referrals()) referrals.add(new JsonObject().put("agencyId", r.agencyId()).put("agency", r.agencyName()).put("referrals", r.referrals()));
    JsonArray agents = new JsonArray();
    for (QualityReviews.Average a : w.quality()) agents.add(average(a).put("agent", a.agent()));
    return new JsonObject().put("from", q.from().toString()).put("to", q.to().toString()).put("timeZone", q.zone().getId())
        .put("referrals", new JsonObject().put("total", w.totalReferrals()).put("byAgency", referrals))
        .put("followUps", new JsonObject().put("done", w.followUps().done()).put("overdue", w.followUps().overdue()))
        .put("quality", new JsonObject().put("overall", w.overall().map(WorkFiguresFormat::average).orElse(null)).put("byAgent", agents));
  }

  private static JsonObject average(QualityReviews.Average a) {
    return new JsonObject().put("evaluations", a.evaluations()).put("averagePercent", Math.round(a.averagePercent() * 10) / 10.0).put("flagged", a.flagged());
  }

  /** One table with a section column, so every figure is in one file a spreadsheet opens. */
  static String csv(WorkFigures w) {
    StringBuilder out = new StringBuilder("section,name,count,average_percent,flagged\r\n");
    for (ReferralCount r : w.referrals()) line(out, "referrals_by_agency", r.agencyName(), r.referrals(), "", "");
    line(out, "follow_ups", "done", w.followUps().done(), "", "");
    line(out, "follow_ups", "overdue", w.followUps().overdue(), "", "");
    for (QualityReviews.Average a : w.quality()) line(out, "qa_by_agent", a.agent(), a.evaluations(), percent(a), Integer.toString(a.flagged()));
    w.overall().ifPresent(a -> line(out, "qa_overall", "all agents", a.evaluations(), percent(a), Integer.toString(a.flagged())));
    return out.toString();
  }

  private static String percent(QualityReviews.Average a) {
    return String.format(Locale.ROOT, "%.1f", a.averagePercent());
  }

  private static void line(StringBuilder out, String section, String name, long count, String average, String flagged) {
    out.append(section).append(',').append(ReportCsv.cell(name)).append(',').append(count).append(',').append(average).append(',').append(flagged).append("\r\n");
  }
}
