package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A supervisor is signed in to the console in one tab, and opens a page served on another port of
 * the same host (the same site, so the strict session cookie goes along) in another. That page
 * tries every state-changing route with a plain form and with fetch: each is refused and nothing
 * changes. Then the console itself, in the first tab, still works.
 */
class CrossSiteInBrowserIT extends BrowserTest {
  private static final String ATTACK_PAGE = "<!doctype html><html lang=\"en\"><head><title>Win a prize</title></head><body><h1>Win a prize</h1></body></html>";
  private static final String FETCHES = """
      const [method, url, body, done] = arguments;
      const tries = [];
      if (method === 'POST') {
        tries.push(fetch(url, { method, mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }));
        tries.push(fetch(url, { method, mode: 'no-cors', credentials: 'include', body: new URLSearchParams({ payload: body }) }));
      }
      tries.push(fetch(url, { method, mode: 'cors', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body }));
      Promise.allSettled(tries).then(results => done(results.map(r => r.status).join(',')));
      """;
  /** A form that posts the JSON body as text/plain ({@code name=value} with the "=" hidden inside a string), or as a plain urlencoded form. */
  private static final String FORM = """
      const [url, body, plainText] = arguments;
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = url;
      const input = document.createElement('input');
      input.type = 'hidden';
      if (plainText) {
        form.enctype = 'text/plain';
        input.name = body.slice(0, -1) + ',"pad":"';
        input.value = '"}';
      } else {
        input.name = 'payload';
        input.value = body;
      }
      form.appendChild(input);
      document.body.appendChild(form);
      form.submit();
      """;

  private record Route(String method, String path, JsonObject body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private record Snapshot(int firstEntries, int secondEntries, int audit, boolean held, String presence, String cookie) {}

  private WebDriver browser;
  private String offered;
  private String escalated;
  private String attacker;
  private String consoleTab;
  private String attackTab;

  @TestFactory
  Stream<DynamicTest> everyStateChangingRouteRefusesAnotherOriginsFormsAndFetches() throws IOException {
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4, new JsonObject()
        .put("routing", new JsonObject().put("autoAccept", false).put("acceptTimeoutSeconds", 600))
        .put("retention", new JsonObject().put("days", 1))));
    AgentClient maria = staff("maria").available();
    ResidentClient first = resident();
    first.helloNew();
    escalated = first.say("r1", "The bridge on Mill Road has a crack").getString("conversationId");
    maria.frames.await("the offer", f -> "offer".equals(f.getString("type")));
    assertEquals(200, maria.post("/api/conversations/" + escalated + "/accept", new JsonObject()).statusCode());
    assertEquals(200, maria.post("/api/conversations/" + escalated + "/escalate", new JsonObject().put("reason", "structural")).statusCode());
    assertEquals(200, maria.put("/api/presence", new JsonObject().put("presence", "away")).statusCode());

    browser = browser("supervisor");
    Browsers.signInAvailable(browser, gateway.port(), "sam");
    ResidentClient second = resident();
    second.helloNew();
    offered = second.say("r2", "When is bulk trash pickup").getString("conversationId");
    Browsers.waitForText(browser, By.id("offer-list"), "Accept within");
    consoleTab = browser.getWindowHandle();

    HttpServer evil = gateway.vertx.createHttpServer()
        .requestHandler(req -> req.response().putHeader("Content-Type", "text/html; charset=utf-8").end(ATTACK_PAGE)).listen(0, "127.0.0.1").await();
    closeAfter(() -> evil.close().await());
    attacker = "http://127.0.0.1:" + evil.actualPort() + "/";
    browser.switchTo().newWindow(WindowType.TAB);
    attackTab = browser.getWindowHandle();

    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : routes()) tests.add(DynamicTest.dynamicTest(route.toString(), () -> attack(route)));
    tests.add(DynamicTest.dynamicTest("reads asked for by another origin's page leave nothing in the audit log", this::readsLeaveNoTrace));
    tests.add(DynamicTest.dynamicTest("the console still works from its own page", this::consoleStillWorks));
    return tests.stream();
  }

  private List<Route> routes() {
    String c = "/api/conversations/";
    JsonObject none = new JsonObject();
    return List.of(
        new Route("POST", "/api/session", new JsonObject().put("username", "maria").put("password", TestGateway.PASSWORD)),
        new Route("DELETE", "/api/session", none),
        new Route("PUT", "/api/presence", new JsonObject().put("presence", "away")),
        new Route("POST", c + offered + "/accept", none),
        new Route("POST", c + offered + "/decline", none),
        new Route("POST", c + escalated + "/take", none),
        new Route("POST", c + escalated + "/reassign", new JsonObject().put("agent", "lee")),
        new Route("POST", c + escalated + "/whisper", new JsonObject().put("text", "forged whisper")),
        new Route("POST", c + escalated + "/barge", new JsonObject().put("text", "forged words to the resident")),
        new Route("POST", c + escalated + "/messages", new JsonObject().put("text", "forged reply")),
        new Route("POST", c + escalated + "/resolve", new JsonObject().put("disposition", "forged").put("confirm", true)),
        new Route("POST", c + escalated + "/transfer", new JsonObject().put("agent", "lee").put("note", "forged")),
        new Route("POST", c + escalated + "/escalate", new JsonObject().put("reason", "forged")),
        new Route("POST", c + escalated + "/tty/stop", none),
        new Route("PUT", c + escalated + "/details", new JsonObject().put("category", "forged")),
        new Route("PUT", c + escalated + "/skills", new JsonObject().put("skills", new io.vertx.core.json.JsonArray().add("es"))),
        new Route("PUT", "/api/interactions/" + escalated + "/hold", new JsonObject().put("hold", true)),
        new Route("POST", "/api/records/purge", none),
        new Route("POST", "/api/sms/preview", new JsonObject().put("text", "x")),
        new Route("POST", "/api/tty/preview", new JsonObject().put("text", "x")));
  }

  private void attack(Route route) {
    // Cookies are per host, not per port: the attacker's page sees (and sends) the session cookie.
    browser.get(attacker);
    Snapshot before = snapshot();
    String url = "http://127.0.0.1:" + gateway.port() + route.path();
    String body = route.body().encode();
    Object fetched = ((JavascriptExecutor) browser).executeAsyncScript(FETCHES, route.method(), url, body);
    assertTrue(String.valueOf(fetched).matches("(fulfilled|rejected)(,(fulfilled|rejected))*"), String.valueOf(fetched));
    for (boolean plainText : new boolean[] {false, true}) {
      browser.get(attacker);
      ((JavascriptExecutor) browser).executeScript(FORM, url, body, plainText);
      new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:" + gateway.port()));
      String shown = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
        String text = d.findElement(By.tagName("body")).getText();
        return text.isEmpty() ? null : text;
      });
      assertTrue(shown.contains("\"error\":\"cross_site\""), route + (plainText ? " (text/plain form)" : " (form)") + " was refused as cross-site: " + shown);
    }
    assertEquals(before, snapshot(), route + " changed nothing");
  }

  private static final String READS = """
      const [urls, done] = arguments;
      const loads = urls.flatMap(url => [
        new Promise(r => { const i = new Image(); i.onload = i.onerror = r; i.src = url; }),
        new Promise(r => { const s = document.createElement('script'); s.onload = s.onerror = r; s.src = url; document.body.appendChild(s); }),
        fetch(url, { mode: 'no-cors', credentials: 'include' }).catch(() => null)]);
      Promise.all(loads).then(() => done('loaded'));
      """;

  private void readsLeaveNoTrace() {
    browser.get(attacker);
    Snapshot before = snapshot();
    String base = "http://127.0.0.1:" + gateway.port();
    List<String> urls = List.of(base + "/api/interactions?q=bridge", base + "/api/interactions/" + escalated, base + "/api/interactions/" + escalated + "/transcript.txt",
        base + "/api/audit");
    assertEquals("loaded", ((JavascriptExecutor) browser).executeAsyncScript(READS, urls));
    assertEquals(before, snapshot(), "no search or read was audited in the supervisor's name");
  }

  /** What any of the routes would change: the two records, the audit log, the hold, the supervisor's presence and session. */
  private Snapshot snapshot() {
    var store = gateway.store();
    String cookie = Optional.ofNullable(browser.manage().getCookieNamed("accessline_session")).map(org.openqa.selenium.Cookie::getValue).orElse("");
    AgentClient probe = closeAfter(new AgentClient(gateway.vertx, gateway.port()));
    var me = probe.request(io.vertx.core.http.HttpMethod.GET, "/api/me").putHeader("Cookie", "accessline_session=" + cookie).send().await();
    String presence = me.statusCode() == 200 ? me.bodyAsJsonObject().getString("presence") : "signed out (" + me.statusCode() + ")";
    return new Snapshot(store.entries(ConversationId.parse(offered).orElseThrow(), 0).await().size(),
        store.entries(ConversationId.parse(escalated).orElseThrow(), 0).await().size(),
        store.auditTrail(Optional.empty(), 1000).await().size(),
        store.onLegalHold(ConversationId.parse(escalated).orElseThrow()).await(), presence, cookie);
  }

  private void consoleStillWorks() {
    browser.switchTo().window(attackTab).close();
    browser.switchTo().window(consoleTab);
    browser.findElement(By.xpath("//ul[@id='offer-list']//button[text()='Accept']")).sendKeys(Keys.ENTER);
    Browsers.press(browser, By.cssSelector("#conversation-list button"));
    Browsers.waitForText(browser, By.id("transcript"), "When is bulk trash pickup");
    browser.findElement(By.id("reply")).sendKeys("Every first Monday.", Keys.ENTER);
    Browsers.waitForText(browser, By.id("transcript"), "Every first Monday.");
  }
}
