package org.accessline.web.pages;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the HTML pages with each script and stylesheet under a URL that names its content
 * ({@code /assets/<hash>/agent.js}). Pages are never cached without asking again, so an upgrade
 * reaches open consoles at their next load; assets are cached for good, because a changed file gets
 * a new URL.
 */
public final class Pages {
  static final String ASSETS = "/assets/";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final Pattern REFERENCE = Pattern.compile("(src|href)=\"/([A-Za-z0-9_-]+\\.(?:js|css))\"");
  private static final Pattern PAGE = Pattern.compile("[a-z0-9-]+\\.html");
  private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9_-]+\\.(js|css)");

  private record Asset(Buffer content, String hash) {}

  private final Vertx vertx;
  private final String root;
  private final Map<String, Future<Asset>> assets = new ConcurrentHashMap<>();
  private final Map<String, Future<Buffer>> pages = new ConcurrentHashMap<>();

  public Pages(Vertx vertx, String root) {
    this.vertx = vertx;
    this.root = root;
  }

  /** Mounts the pages and the versioned assets; anything else falls through to the next route. */
  public void mount(Router router) {
    router.get("/").handler(ctx -> page(ctx, "index.html"));
    router.getWithRegex("/[a-z0-9-]+\\.html").handler(ctx -> page(ctx, ctx.request().path().substring(1)));
    router.get(ASSETS + ":hash/:file").handler(this::asset);
  }

  private void page(RoutingContext ctx, String name) {
    if (!PAGE.matcher(name).matches()) {
      ctx.next();
      return;
    }
    pages.computeIfAbsent(name, this::render).onComplete(ar -> {
      if (ar.failed()) {
        pages.remove(name);
        ctx.next();
        return;
      }
      ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-cache").end(ar.result());
    });
  }

  private void asset(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    Matcher m = ASSET.matcher(file);
    if (!m.matches()) {
      ctx.next();
      return;
    }
    load(file).onComplete(ar -> {
      if (ar.failed()) {
        ctx.next();
        return;
      }
      // A page from before an upgrade may ask for an old version: it gets today's file, not to be kept.
      boolean current = ar.result().hash().equals(ctx.pathParam("hash"));
      ctx.response().putHeader("Content-Type", m.group(1).equals("js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8")
          .putHeader("Cache-Control", current ? IMMUTABLE : "no-cache").end(ar.result().content());
    });
  }

  /** The page with every local script and stylesheet reference pointed at its versioned URL. */
  private Future<Buffer> render(String name) {
    return vertx.fileSystem().readFile(root + "/" + name).compose(buffer -> {
      String html = buffer.toString(StandardCharsets.UTF_8);
      Matcher m = REFERENCE.matcher(html);
      java.util.List<String> names = new java.util.ArrayList<>();
      while (m.find()) names.add(m.group(2));
      return Future.all(names.stream().map(this::load).toList()).map(done -> {
        StringBuilder out = new StringBuilder();
        Matcher r = REFERENCE.matcher(html);
        while (r.find()) {
          Asset asset = load(r.group(2)).result();
          r.appendReplacement(out, Matcher.quoteReplacement(r.group(1) + "=\"" + ASSETS + asset.hash() + "/" + r.group(2) + "\""));
        }
        r.appendTail(out);
        return Buffer.buffer(out.toString());
      });
    });
  }

  private Future<Asset> load(String file) {
    Future<Asset> loaded = assets.computeIfAbsent(file, f -> vertx.fileSystem().readFile(root + "/" + f).map(b -> new Asset(b, hash(b))));
    return loaded.onFailure(e -> assets.remove(file));
  }

  static String hash(Buffer content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes());
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
