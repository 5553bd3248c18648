package org.accessline.web.quality;

import io.vertx.core.AsyncResult;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;

/** A request quality review turns down, with its status, code and sentence; nothing was changed. */
final class Refusal extends RuntimeException {
  final int status;
  final String code;

  Refusal(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static void respond(RoutingContext ctx, AsyncResult<JsonObject> result, int status) {
    if (result.failed() && result.cause() instanceof Refusal r) Problem.send(ctx, r.status, r.code, r.getMessage());
    else Answers.respond(ctx, result, status);
  }
}
