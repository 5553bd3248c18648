package org.accessline.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Caching that lets an upgrade reach open consoles, API answers kept out of caches, and HSTS with secure cookies. */
class PagesAndHeadersIT {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/([0-9a-f]{12})/([a-z]+\\.(?:js|css)))\"");
  @TempDir Path dataDir;

  @Test
  void pagesAreRevalidatedAndTheirScriptsAndStylesLiveUnderContentVersionedUrls() {
    try (TestGateway gateway = TestGateway.start(dataDir); AgentClient client = new AgentClient(gateway.vertx, gateway.port())) {
      for (String page : new String[] {"/", "/agent", "/agent.html", "/records.html", "/index.html", "/supervisor", "/supervisor.html"}) {
        HttpResponse<Buffer> html = client.get(page);
        assertEquals(200, html.statusCode(), page);
        assertEquals("no-cache", html.getHeader("Cache-Control"), page);
        assertTrue(html.getHeader("Content-Type").startsWith("text/html"), page);
        String body = html.bodyAsString();
        assertTrue(body.contains("/assets/") && !Pattern.compile("(?:src|href)=\"/[a-z-]+\\.(?:js|css)\"").matcher(body).find(), page + " refers to versioned assets only");
        Matcher m = ASSET.matcher(body);
        List<String> urls = new ArrayList<>();
        while (m.find()) urls.add(m.group(1));
        assertTrue(urls.size() >= 2, page + ": " + urls);
        for (String url : urls) {
          HttpResponse<Buffer> asset = client.get(url);
          assertEquals(200, asset.statusCode(), url);
          assertEquals("public, max-age=31536000, immutable", asset.getHeader("Cache-Control"), url);
          assertEquals(asset.bodyAsBuffer(), client.get("/" + url.substring(url.lastIndexOf('/') + 1)).bodyAsBuffer(), "the versioned URL serves the file itself");
        }
      }
      HttpResponse<Buffer> stale = client.get("/assets/000000000000/chat.js");
      assertEquals(200, stale.statusCode(), "a page from before an upgrade still gets a script");
      assertEquals("no-cache", stale.getHeader("Cache-Control"), "but today's file under yesterday's name is not kept");
      assertEquals("no-cache", client.get("/chat.js").getHeader("Cache-Control"), "unversioned files are revalidated");
      for (String bad : new String[] {"/assets/x/..%2Fpom.xml", "/assets/x/agent.html", "/assets/x/nothing.js"}) {
        assertEquals(404, client.get(bad).statusCode(), bad);
      }

      HttpResponse<Buffer> api = client.get("/api/center");
      assertEquals("no-store", api.getHeader("Cache-Control"), "API answers are never kept");
      assertNull(api.getHeader("Strict-Transport-Security"), "no HSTS without secure cookies");
      assertTrue(api.getHeader("Content-Security-Policy").contains("default-src 'self'"));
    }
  }

  @Test
  void secureCookiesBringHsts() {
    try (TestGateway gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, new JsonObject().put("secureCookies", true));
        AgentClient client = new AgentClient(gateway.vertx, gateway.port())) {
      for (String path : new String[] {"/", "/agent", "/api/center", "/chat.js"}) {
        assertEquals("max-age=31536000", client.get(path).getHeader("Strict-Transport-Security"), path);
      }
    }
  }

  @Test
  void aHeadRequestGetsTheGetStatusWithoutABodyAndAMalformedEscapeIsAProblemNotACrash() {
    try (TestGateway gateway = TestGateway.start(dataDir); AgentClient client = new AgentClient(gateway.vertx, gateway.port())) {
      for (String path : new String[] {"/health", "/", "/agent", "/api/center"}) {
        HttpResponse<Buffer> head = client.request(io.vertx.core.http.HttpMethod.HEAD, path).send().await();
        assertEquals(client.get(path).statusCode(), head.statusCode(), path);
        assertNull(head.body(), path + ": no body");
      }
      assertEquals(401, client.request(io.vertx.core.http.HttpMethod.HEAD, "/api/me").send().await().statusCode(), "HEAD is no way around signing in");
      for (String bad : new String[] {"/%zz", "/api/interactions?q=%zz", "/records.html?from=%2", "/api/conversations/%G1/entries"}) {
        HttpResponse<Buffer> answer = client.get(bad);
        assertEquals(400, answer.statusCode(), bad);
        assertEquals("malformed_uri", answer.bodyAsJsonObject().getString("error"), bad);
      }
      assertEquals(200, client.get("/api/center?q=%41%e2%9c%93").statusCode(), "well-formed escapes pass");
    }
  }
}
