package org.accessline.web.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * What every request line must be before any route looks at it. A percent sign that does not start
 * a two-digit hex escape is refused with the usual problem answer (the router would otherwise fail
 * on it and log a stack trace per request, which anyone could use to flood the log). A HEAD request
 * is answered as its GET would be, without the body, so monitors that probe with HEAD see the same
 * status as browsers.
 */
public final class RequestLine {
  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  private RequestLine() {}

  public static Handler<RoutingContext> checked() {
    return ctx -> {
      if (BAD_ESCAPE.matcher(ctx.request().uri()).find()) {
        Problem.send(ctx, 400, "malformed_uri", "The address has a '%' that does not start a two-digit hex escape.");
        return;
      }
      if (ctx.request().method() == HttpMethod.HEAD) {
        ctx.reroute(HttpMethod.GET, ctx.request().uri());
        return;
      }
      ctx.next();
    };
  }
}
