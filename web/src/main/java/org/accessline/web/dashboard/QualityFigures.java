package org.accessline.web.dashboard;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.store.QualityReviews;

/**
 * The dashboard's quality part: each agent's and everyone's average over the last 7 and 30 days,
 * how many evaluations and how many with a fatal or critical question failed, and how many
 * evaluations are disputed and not yet resolved. The averages are computed by the database.
 */
final class QualityFigures {
  /** Beyond this many open disputes the dashboard says "at least"; a supervisor's list shows them all. */
  static final int DISPUTES_COUNTED = 200;
  private final QualityReviews reviews;

  QualityFigures(QualityReviews reviews) {
    this.reviews = reviews;
  }

  Future<JsonObject> read(Instant now) {
    Future<List<QualityReviews.Average>> week = reviews.averages(Optional.empty(), now.minus(Duration.ofDays(7)), now.plusMillis(1));
    Future<List<QualityReviews.Average>> month = reviews.averages(Optional.empty(), now.minus(Duration.ofDays(30)), now.plusMillis(1));
    Future<List<QualityReviews.Evaluation>> disputed = reviews.evaluations(
        new QualityReviews.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("disputed"), Optional.empty(), DISPUTES_COUNTED));
    return Future.all(week, month, disputed).map(v -> json(week.result(), month.result(), disputed.result()));
  }

  static JsonObject json(List<QualityReviews.Average> week, List<QualityReviews.Average> month, List<QualityReviews.Evaluation> disputed) {
    Map<String, JsonObject> agents = new LinkedHashMap<>();
    for (QualityReviews.Average a : month) agents.computeIfAbsent(a.agent(), QualityFigures::agent).put("last30Days", average(a));
    for (QualityReviews.Average a : week) agents.computeIfAbsent(a.agent(), QualityFigures::agent).put("last7Days", average(a));
    Map<String, Integer> disputes = new LinkedHashMap<>();
    for (QualityReviews.Evaluation e : disputed) disputes.merge(e.agent(), 1, Integer::sum);
    disputes.forEach((agent, n) -> agents.computeIfAbsent(agent, QualityFigures::agent).put("openDisputes", n));
    List<JsonObject> sorted = new ArrayList<>(agents.values());
    sorted.sort((x, y) -> x.getString("agent").compareTo(y.getString("agent")));
    Optional<QualityReviews.Average> overallWeek = overall(week);
    Optional<QualityReviews.Average> overallMonth = overall(month);
    boolean atLeast = disputed.size() >= DISPUTES_COUNTED;
    JsonObject overall = new JsonObject().put("last7Days", overallWeek.map(QualityFigures::average).orElse(null))
        .put("last30Days", overallMonth.map(QualityFigures::average).orElse(null)).put("openDisputes", disputed.size()).put("openDisputesAtLeast", atLeast);
    return new JsonObject().put("overall", overall).put("byAgent", new JsonArray(sorted)).put("summary", summary(overallWeek, overallMonth, disputed.size(), atLeast));
  }

  private static JsonObject agent(String agent) {
    return new JsonObject().put("agent", agent).putNull("last7Days").putNull("last30Days").put("openDisputes", 0);
  }

  private static JsonObject average(QualityReviews.Average a) {
    return new JsonObject().put("evaluations", a.evaluations()).put("averagePercent", Math.round(a.averagePercent() * 10) / 10.0).put("failedFatal", a.flagged());
  }

  /** Each agent's average weighted by how many evaluations it is over. */
  static Optional<QualityReviews.Average> overall(List<QualityReviews.Average> list) {
    int evaluations = 0;
    int flagged = 0;
    double weighted = 0;
    for (QualityReviews.Average a : list) {
      evaluations += a.evaluations();
      flagged += a.flagged();
      weighted += a.averagePercent() * a.evaluations();
    }
    return evaluations == 0 ? Optional.empty() : Optional.of(new QualityReviews.Average("", evaluations, weighted / evaluations, flagged));
  }

  static String summary(Optional<QualityReviews.Average> week, Optional<QualityReviews.Average> month, int disputes, boolean atLeast) {
    String disputed = (atLeast ? "At least " : "") + disputes + (disputes == 1 ? " dispute is" : " disputes are") + " waiting for a supervisor.";
    if (month.isEmpty()) return "No evaluations were submitted in the last 30 days. " + disputed;
    return "Last 7 days: " + words(week) + " Last 30 days: " + words(month) + " " + disputed;
  }

  private static String words(Optional<QualityReviews.Average> a) {
    if (a.isEmpty()) return "no evaluations.";
    QualityReviews.Average x = a.get();
    return "average " + String.format(Locale.ROOT, "%.1f", x.averagePercent()) + "% over " + x.evaluations() + (x.evaluations() == 1 ? " evaluation" : " evaluations")
        + ", " + x.flagged() + " with a fatal or critical question failed.";
  }
}
