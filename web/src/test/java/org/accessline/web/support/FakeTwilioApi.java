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

  /**
   * How to answer one request, as Twilio or a proxy in front of it might: a status with headers and a
   * raw body, after a pause. A 2xx status takes the message as usual (after the pause), so a client
   * that stopped waiting has still had its text accepted.
   */
  public record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
    /** Twilio's own error JSON. */
    public static Answer twilioError(int status, Map<String, String> headers) {
      int code = status == 429 ? 20429 : 20500;
      return new Answer(status, headers, new JsonObject().put("code", code).put("message", status == 429 ? "Too Many Requests" : "Internal Server Error")
          .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status).encode(), 0);
    }

    /** Accepted as usual, after a pause. */
    public static Answer acceptedAfter(long delayMillis) {
      return new Answer(201, Map.of(), null, delayMillis);
    }
  }

  private final Vertx vertx;
  private final HttpServer server;
  private final List<Sent> sent = new ArrayList<>();
  private final ArrayDeque<Integer> failures = new ArrayDeque<>();
  private final ArrayDeque<Answer> scripted = new ArrayDeque<>();

  public FakeTwilioApi(Vertx vertx) {
    this(vertx, 0);
  }

  /** On a given port, for tests where Twilio is unreachable at first. */
  public FakeTwilioApi(Vertx vertx, int port) {
    this.vertx = vertx;
    Router router = Router.router(vertx);
    router.post("/2010-04-01/Accounts/:account/Messages.json").handler(BodyHandler.create()).handler(this::createMessage);
    router.get("/2010-04-01/Accounts/:account/Messages.json").handler(this::listMessages);
    router.post("/2010-04-01/Accounts/:account/Calls.json").handler(BodyHandler.create()).handler(this::createCall);
    router.post("/2010-04-01/Accounts/:account/Calls/:call").handler(BodyHandler.create()).handler(this::updateCall);
    server = vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").await();
  }

  /** The next requests are answered so, in order, before any {@link #failNext}. */
  public synchronized void answerNext(Answer... answers) {
    scripted.addAll(List.of(answers));
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
    Answer answer;
    synchronized (this) {
      sent.add(new Sent(fields, ctx.request().getHeader("Authorization")));
      answer = scripted.poll();
      failure = answer == null ? failures.poll() : null;
    }
    if (answer != null && answer.status() < 300) {
      vertx.setTimer(Math.max(1, answer.delayMillis()), t -> accept(ctx, account, fields));
      return;
    }
    if (answer != null) {
      vertx.setTimer(Math.max(1, answer.delayMillis()), t -> {
        ctx.response().setStatusCode(answer.status());
        answer.headers().forEach(ctx.response()::putHeader);
        ctx.response().end(answer.body() == null ? "" : answer.body());
      });
      return;
    }
    if (failure != null) {
      error(ctx, failure, failure == 429 ? 20429 : 20500, failure == 429 ? "Too Many Requests" : "Internal Server Error");
      return;
    }
    accept(ctx, account, fields);
  }

  private void accept(RoutingContext ctx, String account, Map<String, String> fields) {
    if (!fields.containsKey("To") || !fields.containsKey("Body") || !(fields.containsKey("From") || fields.containsKey("MessagingServiceSid"))) {
      error(ctx, 400, 21604, "A 'To' phone number is required.");
      return;
    }
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    JsonObject message = resource(account, sid, fields);
    synchronized (this) {
      accepted.add(new Accepted(sid, fields));
    }
    if (!ctx.response().closed()) ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(message.encode());
  }

  /** Twilio's Message resource as JSON. */
  private static JsonObject resource(String account, String sid, Map<String, String> fields) {
    String now = RFC_2822.format(ZonedDateTime.now());
    return new JsonObject().put("account_sid", account).put("api_version", "2010-04-01").put("body", fields.get("Body"))
        .put("date_created", now).put("date_sent", null).put("date_updated", now).put("direction", "outbound-api")
        .put("error_code", null).put("error_message", null).put("from", fields.get("From")).put("messaging_service_sid", fields.get("MessagingServiceSid"))
        .put("num_media", "0").put("num_segments", "1").put("price", null).put("price_unit", "USD").put("sid", sid).put("status", "queued")
        .put("subresource_uris", new JsonObject().put("media", "/2010-04-01/Accounts/" + account + "/Messages/" + sid + "/Media.json"))
        .put("to", fields.get("To")).put("uri", "/2010-04-01/Accounts/" + account + "/Messages/" + sid + ".json");
  }

  /** {@code GET Messages.json?To=&From=&PageSize=}: the messages taken, newest first, in Twilio's page format. */
  private void listMessages(RoutingContext ctx) {
    String account = ctx.pathParam("account");
    String to = ctx.queryParams().get("To");
    String from = ctx.queryParams().get("From");
    synchronized (this) {
      lookUpCount++;
    }
    io.vertx.core.json.JsonArray messages = new io.vertx.core.json.JsonArray();
    List<Accepted> taken = accepted();
    for (int i = taken.size() - 1; i >= 0; i--) {
      Accepted a = taken.get(i);
      if ((to == null || to.equals(a.fields().get("To"))) && (from == null || from.equals(a.fields().get("From")))) messages.add(resource(account, a.sid(), a.fields()));
    }
    String uri = "/2010-04-01/Accounts/" + account + "/Messages.json?PageSize=50&Page=0";
    ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("messages", messages).put("end", Math.max(0, messages.size() - 1))
        .put("first_page_uri", uri).put("next_page_uri", null).put("page", 0).put("page_size", 50).put("previous_page_uri", null)
        .put("start", 0).put("uri", uri).encode());
  }

  private int lookUpCount;

  /** How many times the client asked for the list of messages. */
  public synchronized int lookUps() {
    return lookUpCount;
  }

  /** A message the API took, whether or not the client was still there to hear it. */
  public record Accepted(String sid, Map<String, String> fields) {}

  private final List<Accepted> accepted = new ArrayList<>();

  public synchronized List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  private static void error(RoutingContext ctx, int status, int code, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(new JsonObject().put("code", code).put("message", message)
        .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status).encode());
  }

  // ---- The Calls API: a call in progress, redirected to new TwiML ----

  /** Calls Twilio holds, by sid: what each does with new TwiML; an ended call answers 21220. */
  private final Map<String, java.util.function.Consumer<String>> callsInProgress = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Set<String> callsEnded = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final List<Sent> callUpdates = new ArrayList<>();

  /** The call is up: a Calls API update hands its TwiML to {@code followsTwiml} (on a thread of its own, as Twilio acts apart from its answer). */
  public void callInProgress(String callSid, java.util.function.Consumer<String> followsTwiml) {
    callsInProgress.put(callSid, followsTwiml);
  }

  /** The caller hung up: an update is refused as Twilio refuses one for a completed call. */
  public void callEnded(String callSid) {
    callsInProgress.remove(callSid);
    callsEnded.add(callSid);
  }

  public synchronized List<Sent> callUpdates() {
    return List.copyOf(callUpdates);
  }

  private void updateCall(RoutingContext ctx) {
    String account = ctx.pathParam("account");
    String callSid = ctx.pathParam("call").replaceFirst("\\.json$", "");
    String expected = "Basic " + Base64.getEncoder().encodeToString((FakeTwilioCall.ACCOUNT_SID + ":" + FakeTwilioCall.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(ctx.request().getHeader("Authorization")) || !account.equals(FakeTwilioCall.ACCOUNT_SID)) {
      error(ctx, 401, 20003, "Authenticate");
      return;
    }
    if (!"application/x-www-form-urlencoded".equals(String.valueOf(ctx.request().getHeader("Content-Type")).split(";")[0].strip())) {
      error(ctx, 400, 20001, "The request must be form-encoded.");
      return;
    }
    Map<String, String> fields = FormBody.parse(ctx.body().buffer());
    synchronized (this) {
      callUpdates.add(new Sent(fields, ctx.request().getHeader("Authorization")));
    }
    if (callsEnded.contains(callSid)) {
      error(ctx, 400, 21220, "Call is not in-progress. Cannot redirect.");
      return;
    }
    java.util.function.Consumer<String> call = callsInProgress.get(callSid);
    if (call == null) {
      error(ctx, 404, 20404, "The requested resource /2010-04-01/Accounts/" + account + "/Calls/" + callSid + ".json was not found");
      return;
    }
    if (!fields.containsKey("Twiml")) {
      error(ctx, 400, 21205, "Url or Twiml is required.");
      return;
    }
    String now = RFC_2822.format(ZonedDateTime.now());
    JsonObject resource = new JsonObject().put("account_sid", account).put("annotation", null).put("answered_by", null).put("api_version", "2010-04-01")
        .put("caller_name", null).put("date_created", now).put("date_updated", now).put("direction", "inbound").put("duration", null)
        .put("end_time", null).put("forwarded_from", null).put("from", "+15551230000").put("from_formatted", "(555) 123-0000").put("group_sid", null)
        .put("parent_call_sid", null).put("phone_number_sid", "PN" + "0".repeat(32)).put("price", null).put("price_unit", "USD").put("sid", callSid)
        .put("start_time", now).put("status", "in-progress").put("subresource_uris", new JsonObject()).put("to", "+15550003110")
        .put("to_formatted", "(555) 000-3110").put("trunk_sid", null).put("uri", "/2010-04-01/Accounts/" + account + "/Calls/" + callSid + ".json")
        .put("queue_time", "0");
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(resource.encode());
    new Thread(() -> call.accept(fields.get("Twiml")), "fake-twilio-call-" + callSid).start();
  }

  // ---- The Calls API: placing a call ----

  /** How a placed call goes: the callee answers (its stream opens) or Twilio reports it ended with {@code status}. */
  public record Placing(String status) {
    public static final Placing ANSWER = new Placing("answer");
    /** Twilio refuses the request (21215: geo permissions), as it does before placing anything. */
    public static final Placing REFUSE = new Placing("refuse");
    /** The request is taken and then the connection drops before the answer: the caller cannot tell whether it rings. */
    public static final Placing DROP = new Placing("drop");
  }

  private final ArrayDeque<Placing> placings = new ArrayDeque<>();
  private final List<Sent> callsPlaced = new ArrayList<>();
  private final java.util.concurrent.LinkedBlockingQueue<FakeTwilioCall> answered = new java.util.concurrent.LinkedBlockingQueue<>();
  private volatile int gatewayPort;

  /** Calls placed from now on ring at the gateway on {@code port} and go as {@code outcomes} say, in order. */
  public synchronized void placeCalls(int port, Placing... outcomes) {
    gatewayPort = port;
    placings.addAll(List.of(outcomes));
  }

  public synchronized List<Sent> callsPlaced() {
    return List.copyOf(callsPlaced);
  }

  /** The next placed call that was answered: its stream is open, the caller side driven by the test. */
  public FakeTwilioCall awaitAnswered() throws InterruptedException {
    FakeTwilioCall call = answered.poll(20, java.util.concurrent.TimeUnit.SECONDS);
    if (call == null) throw new AssertionError("no placed call was answered");
    return call;
  }

  private void createCall(RoutingContext ctx) {
    String account = ctx.pathParam("account");
    String expected = "Basic " + Base64.getEncoder().encodeToString((FakeTwilioCall.ACCOUNT_SID + ":" + FakeTwilioCall.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(ctx.request().getHeader("Authorization")) || !account.equals(FakeTwilioCall.ACCOUNT_SID)) {
      error(ctx, 401, 20003, "Authenticate");
      return;
    }
    // StatusCallbackEvent repeats, once per event; the rest are single.
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    io.vertx.core.MultiMap form = ctx.request().formAttributes();
    for (String name : form.names()) fields.put(name, String.join(" ", form.getAll(name)));
    if (!fields.containsKey("To") || !fields.containsKey("From")) {
      error(ctx, 400, 21201, "No 'To' number is specified");
      return;
    }
    if (!fields.containsKey("Twiml") && !fields.containsKey("Url")) {
      error(ctx, 400, 21205, "Url or Twiml is required.");
      return;
    }
    Placing placing;
    synchronized (this) {
      callsPlaced.add(new Sent(fields, ctx.request().getHeader("Authorization")));
      placing = placings.poll();
    }
    if (Placing.REFUSE.equals(placing)) {
      error(ctx, 400, 21215, "Account not authorized to call " + fields.get("To") + ".");
      return;
    }
    if (Placing.DROP.equals(placing)) {
      // Taken, ringing nobody the test drives, and never answered: a status callback never comes either.
      ctx.request().connection().close();
      return;
    }
    String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
    String now = RFC_2822.format(ZonedDateTime.now());
    JsonObject resource = new JsonObject().put("account_sid", account).put("answered_by", null).put("api_version", "2010-04-01")
        .put("caller_name", null).put("date_created", now).put("date_updated", now).put("direction", "outbound-api").put("duration", null)
        .put("end_time", null).put("forwarded_from", null).put("from", fields.get("From")).put("group_sid", null).put("parent_call_sid", null)
        .put("phone_number_sid", "PN" + "0".repeat(32)).put("price", null).put("price_unit", "USD").put("sid", callSid).put("start_time", null)
        .put("status", "queued").put("subresource_uris", new JsonObject()).put("to", fields.get("To"))
        .put("uri", "/2010-04-01/Accounts/" + account + "/Calls/" + callSid + ".json").put("queue_time", "0");
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(resource.encode());
    if (placing == null) return;
    // Twilio rings the callee after answering the request, on its own time.
    new Thread(() -> {
      FakeTwilioCall call = new FakeTwilioCall(vertx, gatewayPort, callSid, fields.get("To"));
      if (placing.equals(Placing.ANSWER)) {
        call.connect(fields.get("Twiml"));
        answered.add(call);
      } else {
        status(call, fields, placing.status());
      }
    }, "fake-twilio-placing-" + callSid).start();
  }

  /** Twilio's status callback for the call, signed as Twilio signs it. */
  public static int status(FakeTwilioCall call, Map<String, String> placed, String status) {
    String url = placed.get("StatusCallback");
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("AccountSid", FakeTwilioCall.ACCOUNT_SID);
    fields.put("ApiVersion", "2010-04-01");
    fields.put("CallSid", call.callSid);
    fields.put("CallStatus", status);
    fields.put("Direction", "outbound-api");
    fields.put("From", placed.get("From"));
    fields.put("To", placed.get("To"));
    fields.put("Timestamp", RFC_2822.format(ZonedDateTime.now()));
    return call.post(url.replaceFirst("^https?://[^/]+", ""), fields, url, FakeTwilioCall.AUTH_TOKEN).statusCode();
  }

  @Override
  public void close() {
    server.close().await();
  }
}
