package org.accessline.web.http;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.ConversationId;

/** Request checks that run as their own handlers, before any API method sees the request. */
public final class Validation {
  static final String BODY = "accessline.body";
  static final String CONVERSATION = "accessline.conversation";

  private Validation() {}

  /** The body must be a JSON object sent as application/json (which also keeps cross-site forms out). */
  public static Handler<RoutingContext> jsonObjectBody() {
    return ctx -> {
      String type = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("");
      if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
        Problem.send(ctx, 415, "unsupported_media_type", "Send the request body as application/json.");
        return;
      }
      try {
        JsonObject body = ctx.body().asJsonObject();
        if (body == null) throw new DecodeException("empty");
        ctx.put(BODY, body);
        ctx.next();
      } catch (DecodeException | ClassCastException e) {
        Problem.send(ctx, 400, "bad_json", "The request body must be a JSON object.");
      }
    };
  }

  /**
   * A browser's WebSocket handshake from another site carries that site's Origin; refusing it keeps
   * another page from opening an agent's console with the agent's cookie. Clients that are not
   * browsers send no Origin and are judged by their session alone.
   */
  public static Handler<RoutingContext> sameOrigin() {
    return ctx -> {
      String origin = ctx.request().getHeader("Origin");
      String host = ctx.request().getHeader("Host");
      if (origin != null && (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host)))) {
        Problem.send(ctx, 403, "cross_origin", "This socket only accepts connections from the console's own site.");
        return;
      }
      ctx.next();
    };
  }

  /** The {@code :id} path parameter must be a conversation id. */
  public static Handler<RoutingContext> conversationId() {
    return ctx -> {
      Optional<ConversationId> id = ConversationId.parse(ctx.pathParam("id"));
      if (id.isEmpty()) {
        Problem.send(ctx, 404, "not_found", "No interaction record has that id.");
        return;
      }
      ctx.put(CONVERSATION, id.get());
      ctx.next();
    };
  }

  public static JsonObject body(RoutingContext ctx) {
    return ctx.get(BODY);
  }

  public static ConversationId conversation(RoutingContext ctx) {
    return ctx.get(CONVERSATION);
  }

  /**
   * The skills a conversation needs, as a console sends them: at most 16 lower-case words.
   *
   * @throws IllegalArgumentException saying what is wrong, for the 400 answer
   */
  public static Set<String> skills(Object value) {
    if (!(value instanceof JsonArray array) || array.size() > 16) throw new IllegalArgumentException("\"skills\" must be a list of at most 16 words.");
    Set<String> out = new HashSet<>();
    for (Object o : array) {
      if (!(o instanceof String s) || !s.matches("[a-z][a-z0-9-]{0,31}")) throw new IllegalArgumentException("Each skill is a lower-case word such as es or billing.");
      out.add(s);
    }
    return out;
  }

  /** A string field, or empty when it is missing or not a string. */
  public static Optional<String> text(JsonObject body, String field) {
    return body.getValue(field) instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
