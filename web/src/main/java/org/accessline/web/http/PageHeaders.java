package org.accessline.web.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer: the pages load nothing from elsewhere, cannot be framed and send no
 * referrer; nothing is cached unless a handler says otherwise; with secure cookies, browsers are
 * told to come back over HTTPS only.
 */
public final class PageHeaders {
  static final String CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  /**
   * The printable transcript is one self-contained document with its stylesheet inline. It runs no
   * script at all and may load nothing, so allowing its inline style opens nothing a script could use.
   */
  static final String PRINTABLE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  static final String HSTS = "max-age=31536000";

  private PageHeaders() {}

  public static Handler<RoutingContext> everywhere(boolean secureCookies) {
    return ctx -> {
      var headers = ctx.response().headers()
          .set("Content-Security-Policy", CSP)
          .set("X-Content-Type-Options", "nosniff")
          .set("Referrer-Policy", "no-referrer")
          .set("X-Frame-Options", "DENY")
          // API answers carry records and names: kept out of every cache, the browser's disk included.
          .set("Cache-Control", ctx.request().path().startsWith("/api/") ? "no-store" : "no-cache");
      if (secureCookies) headers.set("Strict-Transport-Security", HSTS);
      ctx.next();
    };
  }

  /** For the printable transcript only: its own inline stylesheet may apply. */
  public static Handler<RoutingContext> printable() {
    return ctx -> {
      ctx.response().headers().set("Content-Security-Policy", PRINTABLE_CSP);
      ctx.next();
    };
  }
}
