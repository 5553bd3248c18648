package org.accessline.web.http;

import io.vertx.core.AsyncResult;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.channel.RefusedException;

/** How every API answers: JSON with a status, and the stream's refusals and failures as problems with theirs. */
public final class Answers {
  private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

  private Answers() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

  /** Answers with the result, or maps a refusal or failure to its status. */
  public static void respond(RoutingContext ctx, AsyncResult<JsonObject> result, int status) {
    if (result.succeeded()) {
      json(ctx, status, result.result());
      return;
    }
    if (result.cause() instanceof RefusedException refused) {
      int code = switch (refused.refusal()) {
        case UNKNOWN_CONVERSATION, UNKNOWN_MESSAGE -> 404;
        case NOT_YOURS -> 403;
        case EMPTY_TEXT, INVALID_TEXT -> 400;
        case RESOLVED, NOT_ASSIGNABLE, ALREADY_ESCALATED, NOT_ESCALATED, TRANSFER_PENDING, ALREADY_THEIRS, NO_OFFER, OTHER_MESSAGE, ALREADY_OPEN, REQUEST_REUSED -> 409;
      };
      Problem.send(ctx, code, refused.refusal().code, refused.refusal().message);
      return;
    }
    LOG.warn("request failed: " + ctx.request().path(), result.cause());
    // A store or owner that did not answer in time may still have done it (a paused owner resumes and writes): say so, so
    // the sender resends with the same clientId, which is stored once, rather than retyping it.
    Problem.send(ctx, 503, "unavailable", "The records did not answer in time, so this may or may not have been done. "
        + "Please try again; a message sent again with the same client id is kept once.");
  }

  /** What a command that wrote an entry answers: where the entry landed, and whether it was already there. */
  public static JsonObject posted(Posted p) {
    return new JsonObject().put("conversationId", p.conversation().value()).put("seq", p.seq()).put("duplicate", p.duplicate());
  }
}
