package org.accessline.web.open311;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a city's GeoReport v2 endpoint, in this process, speaking the spec's wire format in
 * JSON and XML: services and their attributes, new requests by id or by token, tokens, requests and
 * their status, the spec's error arrays. It can be down (503), or take a request and lose its answer.
 */
public final class FakeGeoReport {
  public static final String API_KEY = "test-key";
  private final Vertx vertx;
  private HttpServer server;
  private volatile boolean down;
  private volatile boolean tokens;
  private volatile boolean loseNextAnswer;
  private volatile int tokenPollsBeforeId = 1;
  private volatile long answerDelayMillis;
  private final AtomicInteger ids = new AtomicInteger(1000);
  private final Map<String, JsonObject> requests = new ConcurrentHashMap<>();
  private final Map<String, Integer> tokenPolls = new ConcurrentHashMap<>();
  private final Map<String, String> tokenIds = new ConcurrentHashMap<>();
  private final List<MultiMap> posts = new CopyOnWriteArrayList<>();
  private final List<String> refusalsToGive = new CopyOnWriteArrayList<>();

  public FakeGeoReport(Vertx vertx) {
    this.vertx = vertx;
  }

  public int start() {
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      if (down) ctx.response().setStatusCode(503).end("down for maintenance");
      else ctx.next();
    });
    router.getWithRegex("/v2/services\\.(?<fmt>json|xml)").handler(ctx -> answer(ctx, services()));
    router.getWithRegex("/v2/services/(?<code>[^/]+)\\.(?<fmt>json|xml)").handler(ctx -> {
      JsonObject d = definition(ctx.pathParam("code"));
      if (d == null) errors(ctx, 404, "404", "service_code " + ctx.pathParam("code") + " not found");
      else answer(ctx, d);
    });
    router.postWithRegex("/v2/requests\\.(?<fmt>json|xml)").handler(BodyHandler.create()).handler(this::post);
    router.getWithRegex("/v2/tokens/(?<token>[^/]+)\\.(?<fmt>json|xml)").handler(ctx -> {
      String token = ctx.pathParam("token");
      if (!tokenIds.containsKey(token)) {
        errors(ctx, 404, "404", "token not found");
        return;
      }
      int polls = tokenPolls.merge(token, 1, Integer::sum);
      JsonObject row = new JsonObject().put("token", token);
      if (polls > tokenPollsBeforeId) row.put("service_request_id", tokenIds.get(token));
      answer(ctx, new JsonArray().add(row));
    });
    router.getWithRegex("/v2/requests/(?<id>[^/]+)\\.(?<fmt>json|xml)").handler(ctx -> {
      JsonObject r = requests.get(ctx.pathParam("id"));
      if (r == null || !visible(r)) errors(ctx, 404, "404", "service_request_id not found");
      else answer(ctx, new JsonArray().add(r.copy()));
    });
    router.getWithRegex("/v2/requests\\.(?<fmt>json|xml)").handler(ctx -> {
      String code = ctx.queryParams().get("service_code");
      JsonArray out = new JsonArray();
      requests.values().stream().filter(this::visible).filter(r -> code == null || code.equals(r.getString("service_code"))).forEach(r -> out.add(r.copy()));
      answer(ctx, out);
    });
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    return server.actualPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v2/";
  }

  public void stop() {
    server.close().await();
  }

  public void down(boolean down) {
    this.down = down;
  }

  /** New requests answered with a token; the id comes on the poll after {@code pollsBeforeId} polls. */
  public void tokenMode(boolean on, int pollsBeforeId) {
    this.tokens = on;
    this.tokenPollsBeforeId = pollsBeforeId;
  }

  /** New requests are taken at once and answered only this long after, as a slow endpoint does. */
  public void answerAfter(java.time.Duration delay) {
    this.answerDelayMillis = delay.toMillis();
  }

  /** The next new request is taken, and its answer is lost on the way (a 503 instead). */
  public void loseNextAnswer() {
    this.loseNextAnswer = true;
  }

  /** The next new request is refused with this description (in the spec's error array), whatever its fields. */
  public void refuseNext(String description) {
    refusalsToGive.add(description);
  }

  public void setStatus(String id, String status, String notes) {
    JsonObject r = requests.get(id);
    r.put("status", status).put("status_notes", notes).put("updated_datetime", now());
  }

  public List<MultiMap> posts() {
    return posts;
  }

  public Map<String, JsonObject> requests() {
    return requests;
  }

  private boolean visible(JsonObject r) {
    return !r.getBoolean("hidden", false);
  }

  private void post(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    posts.add(MultiMap.caseInsensitiveMultiMap().addAll(form));
    if (!API_KEY.equals(form.get("api_key"))) {
      errors(ctx, 403, "403", "api_key is not valid");
      return;
    }
    String code = form.get("service_code");
    JsonObject definition = definition(code);
    if (definition == null) {
      errors(ctx, 400, "400", "service_code " + code + " is not valid");
      return;
    }
    if (!refusalsToGive.isEmpty()) {
      errors(ctx, 400, "400", refusalsToGive.remove(0));
      return;
    }
    for (Object a : definition.getJsonArray("attributes")) {
      JsonObject attribute = (JsonObject) a;
      String name = "attribute[" + attribute.getString("code") + "]";
      if (attribute.getBoolean("required") && form.get(name) == null && form.get(name + "[]") == null) {
        errors(ctx, 400, "400", name + " is required");
        return;
      }
    }
    if (form.get("address_string") == null && (form.get("lat") == null || form.get("long") == null)) {
      errors(ctx, 400, "400", "a location is required: address_string or lat and long");
      return;
    }
    String id = String.valueOf(ids.incrementAndGet());
    JsonObject request = new JsonObject().put("service_request_id", id).put("status", "open").put("service_name", name(code)).put("service_code", code)
        .put("description", form.get("description")).put("agency_responsible", "Streets and Sanitation").put("requested_datetime", now())
        .put("updated_datetime", now()).put("address", form.get("address_string")).put("lat", 41.88).put("long", -87.63);
    requests.put(id, request);
    if (answerDelayMillis > 0) vertx.setTimer(answerDelayMillis, t -> answerTaken(ctx, id));
    else answerTaken(ctx, id);
  }

  private void answerTaken(RoutingContext ctx, String id) {
    if (loseNextAnswer) {
      loseNextAnswer = false;
      ctx.response().setStatusCode(503).end();
      return;
    }
    if (tokens) {
      String token = "tok-" + id;
      tokenIds.put(token, id);
      answer(ctx, new JsonArray().add(new JsonObject().put("token", token)));
    } else {
      answer(ctx, new JsonArray().add(new JsonObject().put("service_request_id", id).put("service_notice", "").put("account_id", (String) null)));
    }
  }

  private static String now() {
    return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.ofHours(-6)).withNano(0).toString();
  }

  static String name(String code) {
    return "POTHOLE".equals(code) ? "Pothole in street" : "GRAFFITI".equals(code) ? "Graffiti removal" : null;
  }

  static JsonArray services() {
    return new JsonArray()
        .add(new JsonObject().put("service_code", "POTHOLE").put("service_name", name("POTHOLE")).put("description", "A hole in the street or alley")
            .put("metadata", true).put("type", "realtime").put("keywords", "pothole, street").put("group", "Streets"))
        .add(new JsonObject().put("service_code", "GRAFFITI").put("service_name", name("GRAFFITI")).put("description", "Paint on walls")
            .put("metadata", false).put("type", "batch").put("keywords", "graffiti").put("group", "Sanitation"));
  }

  static JsonObject definition(String code) {
    if ("GRAFFITI".equals(code)) return new JsonObject().put("service_code", code).put("attributes", new JsonArray());
    if (!"POTHOLE".equals(code)) return null;
    JsonArray attributes = new JsonArray()
        .add(attribute("WHERE", "singlevaluelist", true, 1, "Where is the pothole?")
            .put("values", new JsonArray().add(new JsonObject().put("key", "street").put("name", "In the street"))
                .add(new JsonObject().put("key", "alley").put("name", "In an alley"))))
        .add(attribute("DEPTH", "number", false, 2, "How deep is it, in inches?"))
        .add(attribute("SEEN", "datetime", false, 3, "When was it first seen?"))
        .add(attribute("HAZARDS", "multivaluelist", false, 4, "Anything else there?")
            .put("values", new JsonArray().add(new JsonObject().put("key", "water").put("name", "Standing water"))
                .add(new JsonObject().put("key", "debris").put("name", "Debris"))))
        .add(attribute("NOTES", "text", false, 5, "Anything the crew should know"))
        .add(attribute("INFO", "string", false, 6, "Potholes are usually filled within 7 days.").put("variable", false));
    return new JsonObject().put("service_code", code).put("attributes", attributes);
  }

  private static JsonObject attribute(String code, String type, boolean required, int order, String description) {
    return new JsonObject().put("variable", true).put("code", code).put("datatype", type).put("required", required).put("datatype_description", (String) null)
        .put("order", order).put("description", description);
  }

  private void errors(RoutingContext ctx, int status, String code, String description) {
    ctx.response().setStatusCode(status);
    answer(ctx, new JsonArray().add(new JsonObject().put("code", Integer.parseInt(code)).put("description", description)));
  }

  private static void answer(RoutingContext ctx, Object body) {
    boolean xml = "xml".equals(ctx.pathParam("fmt"));
    if (!xml && !"json".equals(ctx.pathParam("fmt"))) {
      ctx.response().setStatusCode(400).end();
      return;
    }
    if (ctx.response().getStatusCode() == 0) ctx.response().setStatusCode(200);
    ctx.response().putHeader("Content-Type", xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8")
        .end(xml ? GeoReportXmlWriter.write(ctx.request().path(), body) : body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode());
  }

  static List<String> codes() {
    return new ArrayList<>(List.of("POTHOLE", "GRAFFITI"));
  }
}
