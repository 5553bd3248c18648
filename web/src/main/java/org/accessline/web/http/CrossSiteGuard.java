package org.accessline.web.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a state-changing API request that a page on another origin could have made with a staff
 * member's cookie. The session cookie is {@code SameSite=Strict}, but a page on another port of the
 * same host is the same site, so the cookie alone proves nothing. A browser says where a request
 * comes from ({@code Sec-Fetch-Site}, {@code Origin}); and a JSON body type cannot be sent to another
 * origin without a CORS preflight, which this gateway never grants. Both must hold.
 */
public final class CrossSiteGuard implements Handler<RoutingContext> {
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  /** What the guard decides about one request. */
  public sealed interface Verdict {
    record Allowed() implements Verdict {}

    /** Another origin (or the browser says so): 403. */
    record CrossSite(String why) implements Verdict {}

    /** Not JSON: a form or a plain-text body, which any page may send anywhere: 415. */
    record NotJson() implements Verdict {}
  }

  /** The request facts the decision needs; header values are null when absent. */
  public record Request(HttpMethod method, String host, String origin, String fetchSite, String contentType) {}

  private final Optional<String> publicOrigin;

  /** @param publicBaseUrl the address staff reach the gateway at behind a proxy, if configured */
  public CrossSiteGuard(Optional<String> publicBaseUrl) {
    this.publicOrigin = publicBaseUrl.map(CrossSiteGuard::originOf);
  }

  @Override
  public void handle(RoutingContext ctx) {
    var r = ctx.request();
    Verdict verdict = decide(new Request(r.method(), r.getHeader("Host"), r.getHeader("Origin"), r.getHeader("Sec-Fetch-Site"), r.getHeader("Content-Type")),
        publicOrigin);
    if (verdict instanceof Verdict.CrossSite c) {
      Problem.send(ctx, 403, "cross_site", "This request came from another site (" + c.why() + "), so it was refused and nothing was changed or shown.");
    } else if (verdict instanceof Verdict.NotJson) {
      Problem.send(ctx, 415, "unsupported_media_type", "Send the request as application/json (even with no body); nothing was changed.");
    } else {
      ctx.next();
    }
  }

  /**
   * The decision. Without {@code Sec-Fetch-Site} or {@code Origin} the caller is not a current
   * browser page (a script, a test client), and only the content type counts.
   */
  public static Verdict decide(Request request, Optional<String> publicOrigin) {
    if (SAFE.contains(request.method())) {
      // A read changes nothing but the audit log; another site's page (an image, a script tag) must
      // not write "searched" or "opened" there in a supervisor's name. Typed or bookmarked ("none") is fine.
      boolean elsewhere = request.fetchSite() != null && !request.fetchSite().equalsIgnoreCase("same-origin") && !request.fetchSite().equalsIgnoreCase("none");
      return elsewhere ? new Verdict.CrossSite("Sec-Fetch-Site: " + request.fetchSite()) : new Verdict.Allowed();
    }
    if (request.fetchSite() != null && !request.fetchSite().equalsIgnoreCase("same-origin")) {
      return new Verdict.CrossSite("Sec-Fetch-Site: " + request.fetchSite());
    }
    if (request.origin() != null && !ownOrigin(request.origin(), request.host(), publicOrigin)) {
      return new Verdict.CrossSite("Origin: " + request.origin());
    }
    String type = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
    String mediaType = type.split(";", 2)[0].strip();
    if (!mediaType.equals("application/json")) return new Verdict.NotJson();
    return new Verdict.Allowed();
  }

  private static boolean ownOrigin(String origin, String host, Optional<String> publicOrigin) {
    String given = origin.toLowerCase(Locale.ROOT);
    if (publicOrigin.isPresent() && publicOrigin.get().equals(given)) return true;
    if (host == null || host.isBlank()) return false;
    String own = host.toLowerCase(Locale.ROOT);
    // A proxy that ends TLS may hand the gateway plain HTTP, so either scheme names the same host.
    return given.equals("http://" + own) || given.equals("https://" + own);
  }

  /** {@code https://311.example.gov/path} becomes {@code https://311.example.gov}. */
  static String originOf(String url) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
