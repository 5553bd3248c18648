package org.accessline.web.quality;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.Permission;
import io.vertx.core.json.JsonObject;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** Quality review's routes: scorecards, evaluations, the weekly sample, averages and calibration. */
public final class QualityRoutes {
  private QualityRoutes() {}

  public static void mount(Router router, StaffAuth staff, BodyHandler body, InteractionStore store, AgentDirectory directory, QualitySettings settings,
      Clock clock) {
    EvaluationsApi evaluations = new EvaluationsApi(store, clock);
    ScorecardsApi scorecards = new ScorecardsApi(store, directory, settings, clock);
    CalibrationApi calibration = new CalibrationApi(store, evaluations, clock);
    Handler<RoutingContext> reviewers = ctx -> {
      if (StaffAuth.account(ctx).may(Permission.REVIEW_QUALITY)) ctx.next();
      else Problem.send(ctx, 403, "not_a_reviewer", "Quality review needs the review permission.");
    };
    router.get("/api/quality/access").handler(staff).handler(ctx -> Answers.json(ctx, 200, new JsonObject()
        .put("reviewer", StaffAuth.account(ctx).may(Permission.REVIEW_QUALITY)).put("resolver", StaffAuth.account(ctx).may(Permission.SUPERVISE))));
    router.get("/api/quality/scorecards").handler(staff).handler(scorecards::list);
    router.get("/api/quality/scorecards/:scorecard/:version").handler(staff).handler(scorecards::get);
    router.post("/api/quality/scorecards").handler(body).handler(staff).handler(reviewers).handler(Validation.jsonObjectBody()).handler(scorecards::publish);
    router.get("/api/quality/sample").handler(staff).handler(reviewers).handler(scorecards::sample);
    router.get("/api/quality/averages").handler(staff).handler(scorecards::averages);
    router.get("/api/quality/evaluations").handler(staff).handler(evaluations::list);
    router.post("/api/quality/evaluations").handler(body).handler(staff).handler(reviewers).handler(Validation.jsonObjectBody()).handler(evaluations::open);
    router.get("/api/quality/evaluations/:id").handler(staff).handler(evaluations::get);
    router.put("/api/quality/evaluations/:id/answers").handler(body).handler(staff).handler(reviewers).handler(Validation.jsonObjectBody()).handler(evaluations::answers);
    router.post("/api/quality/evaluations/:id/submit").handler(staff).handler(reviewers).handler(evaluations::submit);
    router.post("/api/quality/evaluations/:id/acknowledge").handler(staff).handler(evaluations::acknowledge);
    router.post("/api/quality/evaluations/:id/dispute").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(evaluations::dispute);
    router.post("/api/quality/evaluations/:id/resolve").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(evaluations::resolve);
    router.post("/api/quality/calibrations").handler(body).handler(staff).handler(reviewers).handler(Validation.jsonObjectBody()).handler(calibration::open);
    router.get("/api/quality/calibrations").handler(staff).handler(reviewers).handler(calibration::list);
    router.get("/api/quality/calibrations/:id").handler(staff).handler(reviewers).handler(calibration::get);
  }
}
