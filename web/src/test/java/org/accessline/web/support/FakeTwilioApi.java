package org.accessline.web.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.accessline.channels.twilio.FormBody;

/**
 * A local stand-in for Twilio's Messages API, speaking its wire format: form-encoded POSTs with
 * HTTP Basic auth in, Twilio's JSON resources and error bodies out. It keeps what the SDK sent, and
 * can be told to answer the next requests with an error.
 */
public final class FakeTwilioApi implements AutoCloseable {
  private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

  public record Sent(Map<String, String> fields, String authorization) {}

  private final HttpServer server;
  private final List<Sent> sent = new ArrayList<>();
  private final ArrayDeque<Integer> failures = new ArrayDeque<>();

  public FakeTwilioApi(Vertx vertx) {
    Router router = Router.router(vertx);
    router.post("/2010-04-01/Accounts/:account/Messages.json").handler(BodyHandler.create()).handler(this::createMessage);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The next {@code times} requests get {@code status} with Twilio's error body. */
  public synchronized void failNext(int status, int times) {
    for (int i = 0; i < times; i++) failures.add(status);
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  private void createMessage(RoutingContext ctx) {
    String account = ctx.pathParam("account");
    String expected = "Basic " + Base64.getEncoder().encodeToString((FakeTwilioCall.ACCOUNT_SID + ":" + FakeTwilioCall.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(ctx.request().getHeader("Authorization")) || !account.equals(FakeTwilioCall.ACCOUNT_SID)) {
      error(ctx, 401, 20003, "Authenticate");
      return;
    }
    Map<String, String> fields = FormBody.parse(ctx.body().buffer());
    Integer failure;
    synchronized (this) {
      sent.add(new Sent(fields, ctx.request().getHeader("Authorization")));
      failure = failures.poll();
    }
    if (failure != null) {
      error(ctx, failure, failure == 429 ? 20429 : 20500, failure == 429 ? "Too Many Requests" : "Internal Server Error");
      return;
    }
    if (!fields.containsKey("To") || !fields.containsKey("Body") || !(fields.containsKey("From") || fields.containsKey("MessagingServiceSid"))) {
      error(ctx, 400, 21604, "A 'To' phone number is required.");
      return;
    }
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    String now = RFC_2822.format(ZonedDateTime.now());
    JsonObject message = new JsonObject().put("account_sid", account).put("api_version", "2010-04-01").put("body", fields.get("Body"))
        .put("date_created", now).put("date_sent", null).put("date_updated", now).put("direction", "outbound-api")
        .put("error_code", null).put("error_message", null).put("from", fields.get("From")).put("messaging_service_sid", fields.get("MessagingServiceSid"))
        .put("num_media", "0").put("num_segments", "1").put("price", null).put("price_unit", "USD").put("sid", sid).put("status", "queued")
        .put("subresource_uris", new JsonObject().put("media", "/2010-04-01/Accounts/" + account + "/Messages/" + sid + "/Media.json"))
        .put("to", fields.get("To")).put("uri", "/2010-04-01/Accounts/" + account + "/Messages/" + sid + ".json");
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(message.encode());
  }

  private static void error(RoutingContext ctx, int status, int code, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(new JsonObject().put("code", code).put("message", message)
        .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status).encode());
  }

  @Override
  public void close() {
    server.close().await();
  }
}
