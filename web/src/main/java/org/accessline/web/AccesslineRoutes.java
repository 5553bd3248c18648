package org.accessline.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.core.json.JsonObject;
import org.accessline.channels.sms.SmsAdapter;
import org.accessline.channels.sms.SmsWebhooks;
import org.accessline.channels.tty.TtyCallSession;
import org.accessline.channels.tty.TwilioVoiceAnswer;
import org.accessline.channels.twilio.TwilioAccount;
import org.accessline.channels.twilio.FormBody;
import org.accessline.channels.twilio.TwilioSignatures;
import org.accessline.channels.twilio.WebhookGate;
import org.accessline.channels.webchat.ResidentChat;
import org.accessline.web.api.AgentApi;
import org.accessline.web.api.CrossSiteGuard;
import org.accessline.web.api.EscalationApi;
import org.accessline.web.api.ExportApi;
import org.accessline.web.api.Problem;
import org.accessline.web.api.RecordAccess;
import org.accessline.web.api.RecordReads;
import org.accessline.web.api.RecordsApi;
import org.accessline.web.api.SignInApi;
import org.accessline.web.api.StaffAuth;
import org.accessline.web.api.SupervisorApi;
import org.accessline.web.api.TransferApi;
import org.accessline.web.api.TtyApi;
import org.accessline.web.api.Validation;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.console.AgentConsoleSession;
import org.accessline.web.pages.PageHeaders;
import org.accessline.web.pages.Pages;

/** Every HTTP route of the gateway, one line each. Tests start the same router through {@link Application}. */
public final class AccesslineRoutes {
  private static final long MAX_BODY_BYTES = 64 * 1024;
  private static final String WEBROOT = "webroot";
  public static final String TTY_VOICE_PATH = "/channels/tty/twilio/voice";
  public static final String SMS_PATH = "/channels/sms/twilio";

  private AccesslineRoutes() {}

  public static Router create(Vertx vertx, Services services) {
    Router router = Router.router(vertx);
    AgentApi api = services.agentApi();
    TtyApi tty = services.ttyApi();
    EscalationApi escalations = new EscalationApi(services.stream());
    SupervisorApi supervisors = new SupervisorApi(services.stream(), services.directory(), services.config().maxMessageBytes(),
        services.config().routing());
    var supervisorsOnly = EscalationApi.supervisorsOnly();
    TransferApi transfers = new TransferApi(services.stream(), services.directory());
    StaffAuth staff = new StaffAuth(services.sessions());
    AccesslineConfig config = services.config();
    ResidentChat residentChat = new ResidentChat(vertx, services.stream(), services.residentGuard());
    java.time.Duration idle = config.clientLimits().httpIdleTimeout();
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);

    router.route().handler(PageHeaders.everywhere(config.secureCookies()));
    router.route("/api/*").handler(new CrossSiteGuard(config.twilio().map(TwilioAccount::publicBaseUrl)));
    router.get("/health").handler(ctx -> health(ctx, services));
    router.get("/api/center").handler(ctx -> center(ctx, services));
    router.get("/chat/socket").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> {
      SocketKeepAlive.keep(vertx, ws, idle);
      residentChat.handle(ws);
    }));
    router.get("/agent/socket").handler(Validation.sameOrigin()).handler(staff).handler(ctx -> agentSocket(ctx, vertx, services, idle));

    services.config().twilio().ifPresent(account -> twilioRoutes(router, vertx, services, account));

    SignInApi signIns = services.signInApi(vertx);
    router.post("/api/session").handler(body).handler(Validation.jsonObjectBody()).handler(signIns::signIn);
    router.delete("/api/session").handler(staff).handler(signIns::signOut);
    router.get("/api/me").handler(staff).handler(api::me);
    router.put("/api/presence").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(api::setPresence);
    router.get("/api/conversations").handler(staff).handler(api::myConversations);
    RecordReads reads = new RecordReads(services.stream(), services.store(), java.time.Clock.systemUTC());
    router.get("/api/conversations/:id/entries").handler(staff).handler(Validation.conversationId()).handler(api::entriesAfter).handler(reads.liveWork()).handler(api::entries);
    router.post("/api/conversations/:id/messages").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(api::reply);
    router.post("/api/conversations/:id/resolve").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(api::resolve);
    router.post("/api/conversations/:id/tty/stop").handler(staff).handler(Validation.conversationId()).handler(tty::stopSending);
    router.post("/api/conversations/:id/accept").handler(staff).handler(Validation.conversationId()).handler(api::accept);
    router.post("/api/conversations/:id/decline").handler(staff).handler(Validation.conversationId()).handler(api::decline);
    router.get("/api/agents").handler(staff).handler(transfers::colleagues);
    router.post("/api/conversations/:id/transfer").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(transfers::transfer);
    router.put("/api/conversations/:id/details").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(transfers::fileDetails);
    router.put("/api/conversations/:id/skills").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(transfers::setSkills);
    router.post("/api/conversations/:id/escalate").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(escalations::escalate);
    router.get("/api/escalations").handler(staff).handler(supervisorsOnly).handler(escalations::queue);
    router.post("/api/conversations/:id/take").handler(staff).handler(supervisorsOnly).handler(Validation.conversationId()).handler(escalations::take);
    router.get("/api/supervisor/floor").handler(staff).handler(supervisorsOnly).handler(supervisors::floor);
    router.post("/api/conversations/:id/reassign").handler(body).handler(staff).handler(supervisorsOnly).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(supervisors::reassign);
    router.post("/api/conversations/:id/whisper").handler(body).handler(staff).handler(supervisorsOnly).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(supervisors::whisper);
    router.post("/api/conversations/:id/barge").handler(body).handler(staff).handler(supervisorsOnly).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(supervisors::bargeIn);
    router.post("/api/sms/preview").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(api::smsPreview);
    router.get("/api/conversations/:id/history").handler(staff).handler(Validation.conversationId()).handler(reads.liveWork()).handler(api::history);
    router.post("/api/tty/preview").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(tty::preview);
    ExportApi exports = new ExportApi(services.store(), services.config().centerName(), java.time.Clock.systemUTC());
    RecordAccess records = services.recordAccess();
    RecordsApi search = new RecordsApi(services.store(), reads);
    router.get("/api/interactions").handler(staff).handler(search::search).handler(search::results);
    router.get("/api/records/verify").handler(staff).handler(records.supervisorsOnly()).handler(records.audited("verify")).handler(search::verifyStore);
    router.get("/api/exports/interactions.ndjson").handler(staff).handler(records.supervisorsOnly()).handler(exports::manyNdjson);
    router.get("/api/exports/interactions.csv").handler(staff).handler(records.supervisorsOnly()).handler(exports::manyCsv);
    router.get("/api/interactions/:id/export.json").handler(staff).handler(records.supervisorsOnly()).handler(Validation.conversationId()).handler(exports::checkOne).handler(records.notPurged()).handler(records.audited("export")).handler(exports::oneJson);
    router.get("/api/interactions/:id/transcript.html").handler(staff).handler(records.supervisorsOnly()).handler(Validation.conversationId()).handler(exports::checkOne).handler(records.notPurged()).handler(records.audited("export")).handler(PageHeaders.printable()).handler(exports::oneHtml);
    router.get("/api/interactions/:id").handler(staff).handler(Validation.conversationId()).handler(records.notPurged()).handler(reads.record("read")).handler(reads::interaction);
    router.get("/api/interactions/:id/verify").handler(staff).handler(Validation.conversationId()).handler(records.notPurged()).handler(reads.record("verify")).handler(api::verify);
    router.get("/api/interactions/:id/transcript.txt").handler(staff).handler(Validation.conversationId()).handler(records.notPurged()).handler(reads.record("read")).handler(reads::transcript);
    router.put("/api/interactions/:id/hold").handler(body).handler(staff).handler(records.supervisorsOnly()).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(records::hold);
    router.post("/api/records/purge").handler(staff).handler(records.supervisorsOnly()).handler(records.audited("purge")).handler(records::purge);
    router.get("/api/audit").handler(staff).handler(records.supervisorsOnly()).handler(records::trail);
    router.route("/api/*").handler(ctx -> Problem.send(ctx, 404, "not_found", "No such API."));

    router.get("/agent").handler(ctx -> ctx.reroute(HttpMethod.GET, "/agent.html"));
    new Pages(vertx, WEBROOT).mount(router);
    router.route("/*").handler(StaticHandler.create(WEBROOT).setDefaultContentEncoding("UTF-8").setCachingEnabled(false));
    router.errorHandler(413, ctx -> Problem.send(ctx, 413, "too_large", "The request body is larger than " + MAX_BODY_BYTES + " bytes."));
    return router;
  }

  /** Twilio's webhooks and media streams; mounted only when a Twilio account is configured. */
  private static void twilioRoutes(Router router, Vertx vertx, Services services, TwilioAccount account) {
    TwilioSignatures signed = new TwilioSignatures(account);
    TwilioVoiceAnswer voice = new TwilioVoiceAnswer(account, services.ttyCalls());
    WebhookGate gate = services.twilio().gate();
    Handler<RoutingContext> form = FormBody.collect();
    router.post(TTY_VOICE_PATH).handler(gate.newContacts()).handler(form).handler(signed.signedForm()).handler(voice::handle);
    router.get(TwilioVoiceAnswer.STREAM_PATH).handler(signed.signedUpgrade()).handler(ctx -> ctx.request().toWebSocket()
        .onSuccess(ws -> TtyCallSession.accept(ws, services.stream(), services.ttyCalls(), services.config().tty())));
    if (services.config().smsSender().isEmpty()) return;
    SmsWebhooks sms = new SmsWebhooks(services.stream(), services.config().smsHelpText(), services.config().centerName(), services.store()::optedOut,
        services.twilio().smsLimit(), services.twilio().optingOut());
    router.post(SMS_PATH).handler(gate.newContacts()).handler(form).handler(signed.signedForm()).handler(sms::inbound);
    router.post(SmsAdapter.STATUS_PATH).handler(gate.reports()).handler(form).handler(signed.signedForm()).handler(sms::status);
  }

  private static void health(RoutingContext ctx, Services services) {
    services.stream().waitingCount().onComplete(ar -> ctx.response().putHeader("Content-Type", "application/json")
        .setStatusCode(ar.succeeded() ? 200 : 503)
        .end(new JsonObject().put("status", ar.succeeded() ? "up" : "down").put("center", services.config().centerName()).encode()));
  }

  /** What the public pages show before anyone signs in: the center's name and the message limit. */
  private static void center(RoutingContext ctx, Services services) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("name", services.config().centerName()).put("maxMessageBytes", services.config().maxMessageBytes()).encode());
  }

  private static void agentSocket(RoutingContext ctx, Vertx vertx, Services services, java.time.Duration idle) {
    var session = StaffAuth.session(ctx);
    ctx.request().toWebSocket().onSuccess(ws -> {
      SocketKeepAlive.keep(vertx, ws, idle);
      new AgentConsoleSession(vertx, services.stream(), services.sessions(), session, ws).start();
    });
  }
}
