package org.accessline.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import org.accessline.channels.sms.SmsWebhookRoutes;
import org.accessline.channels.sms.SmsWebhooks;
import org.accessline.channels.tty.TtyCallRoutes;
import org.accessline.channels.twilio.TwilioAccount;
import org.accessline.channels.twilio.TwilioSignatures;
import org.accessline.channels.webchat.ResidentChat;
import org.accessline.channels.webchat.WebChatRoutes;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.admin.AccountsApi;
import org.accessline.web.admin.AdminRoutes;
import org.accessline.web.cannedreplies.CannedRepliesApi;
import org.accessline.web.followups.ConsentApi;
import org.accessline.web.followups.FollowUpRoutes;
import org.accessline.web.followups.FollowUpWork;
import org.accessline.web.followups.FollowUpsApi;
import org.accessline.web.cannedreplies.CannedReplyRoutes;
import org.accessline.web.directory.DirectoryApi;
import org.accessline.web.directory.DirectoryRoutes;
import org.accessline.web.directory.ReferralApi;
import org.accessline.web.quality.QualityRoutes;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.conversations.ConversationRoutes;
import org.accessline.web.http.CrossSiteGuard;
import org.accessline.web.http.PageHeaders;
import org.accessline.web.http.Problem;
import org.accessline.web.http.RequestLine;
import org.accessline.web.http.SocketKeepAlive;
import org.accessline.web.offers.OfferRoutes;
import org.accessline.web.pages.PageRoutes;
import org.accessline.web.records.RecordReads;
import org.accessline.web.records.RecordRoutes;
import org.accessline.web.reports.ReportRoutes;
import org.accessline.web.reports.ReportsApi;
import org.accessline.web.sms.SmsRoutes;
import org.accessline.web.staff.StaffAuth;
import org.accessline.web.staff.StaffRoutes;
import org.accessline.web.supervision.SupervisionRoutes;
import org.accessline.web.tty.TtyRoutes;

/**
 * The gateway's routes, feature by feature: each feature and channel mounts its own. Order matters
 * only at the ends: headers and the cross-site guard before everything, the API's 404 after every
 * API route, and the pages last, as they take any path. Tests start the same router through {@link Application}.
 */
public final class AccesslineRoutes {
  private static final long MAX_BODY_BYTES = 64 * 1024;

  private AccesslineRoutes() {}

  public static Router create(Vertx vertx, Services services) {
    Router router = Router.router(vertx);
    AccesslineConfig config = services.config();
    Desk desk = services.desk();
    Clock clock = services.clock();
    StaffAuth staff = new StaffAuth(services.sessions(), services.directory());
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    Duration idle = config.clientLimits().httpIdleTimeout();
    RecordReads reads = new RecordReads(desk, services.store(), clock, services.views());

    router.route().handler(PageHeaders.everywhere(config.secureCookies()));
    router.route().handler(RequestLine.checked());
    router.route("/api/*").handler(new CrossSiteGuard(config.twilio().map(TwilioAccount::publicBaseUrl)));
    PageRoutes.mountCenter(router, desk, config.centerName(), config.maxMessageBytes());
    WebChatRoutes.mount(router, new ResidentChat(vertx, services.intake(), services.residentGuard()), ws -> SocketKeepAlive.keep(vertx, ws, idle));
    StaffRoutes.mount(router, vertx, desk, services.sessions(), staff, services.signInApi(vertx), body, idle, services.views(), services.floorWatch(), services.dashboardWatch());
    config.twilio().ifPresent(account -> twilioChannels(router, services, new TwilioSignatures(account)));
    ConversationRoutes.mount(router, staff, body, reads, desk, services.store(), services.ttyCalls(), config.maxMessageBytes(), clock, services.views(),
        services.categories()::settings);
    OfferRoutes.mount(router, staff, body, desk, services.directory(), services.views());
    SupervisionRoutes.mount(router, staff, body, desk, services.directory(), config.maxMessageBytes(), config.routing(), clock, services.views());
    SmsRoutes.mount(router, staff, body);
    TtyRoutes.mount(router, staff, body, desk, services.ttyCalls(), config.tty(), config.maxMessageBytes());
    RecordRoutes.mount(router, staff, body, reads, services.recordAccess(), services.store(), config.centerName(), clock);
    CannedReplyRoutes.mount(router, staff, body, reads, new CannedRepliesApi(services.store().cannedReplies(), desk, services.views(), config.centerName(), clock));
    DirectoryRoutes.mount(router, staff, body, reads, new DirectoryApi(services.store(), config.directory(), clock), new ReferralApi(services.store().directory(), desk));
    AdminRoutes.mount(router, vertx, staff, body, new AccountsApi(vertx, services.store(), services.sessions(), config.agentCapacity(), clock),
        services.categories(), services.store(), config.routing(), clock);
    var calls = outboundCalls(router, vertx, services, desk, clock);
    FollowUpsApi followUps = new FollowUpsApi(vertx, services.store(), services.directory(), config.routing(), config.followUps(), clock, calls.isPresent());
    FollowUpRoutes.mount(router, staff, body, reads, followUps, new FollowUpWork(vertx, services.store(), desk, services.intake(), followUps, config.followUps(),
        config.maxMessageBytes(), calls, clock), new ConsentApi(services.store(), desk, services.intake(), clock));
    services.open311().ifPresent(api -> org.accessline.web.open311.Open311Routes.mount(router, staff, body, reads, api));
    ReportRoutes.mount(router, staff, new ReportsApi(services.store(), config.reports(), clock, config.followUps().overdueAfter()));
    QualityRoutes.mount(router, staff, body, services.store(), services.directory(), config.quality(), clock);
    services.metrics().ifPresent(metrics -> router.get("/metrics").handler(metrics::staffOrToken));
    router.route("/api/*").handler(ctx -> Problem.send(ctx, 404, "not_found", "No such API."));
    PageRoutes.mountSite(router, vertx);
    router.errorHandler(413, ctx -> Problem.send(ctx, 413, "too_large", "The request body is larger than "
        + (ctx.request().path().equals("/api/directory/import") ? "a directory import may be (20 MB)" : MAX_BODY_BYTES + " bytes") + "."));
    return router;
  }

  /** Outbound TTY calls for follow-ups, with their status webhook: only with a Twilio account and a caller number. */
  private static java.util.Optional<org.accessline.web.followups.OutboundTtyCalls> outboundCalls(Router router, Vertx vertx, Services services,
      org.accessline.gateway.channel.Desk desk, java.time.Clock clock) {
    AccesslineConfig config = services.config();
    if (config.twilio().isEmpty() || config.followUps().callerNumber().isEmpty()) return java.util.Optional.empty();
    TwilioSignatures signed = new TwilioSignatures(config.twilio().get());
    org.accessline.web.followups.TwilioOutboundCalls calls = new org.accessline.web.followups.TwilioOutboundCalls(vertx, services.store(), desk,
        services.intake(), services.ttyCalls(), signed,
        org.accessline.channels.twilio.TwilioRest.client(config.twilio().get(), config.twilioApiBaseUrl(), config.smsSettings().answerTimeout()),
        config.followUps(), config.centerName(), clock);
    calls.mount(router);
    calls.watchInProgress().onFailure(e -> org.slf4j.LoggerFactory.getLogger(AccesslineRoutes.class)
        .warn("could not read the follow-up calls in progress; their call limit starts with their next change", e));
    return java.util.Optional.of(calls);
  }

  /** Twilio's webhooks and media streams; mounted only when a Twilio account is configured, SMS only with a sender. */
  private static void twilioChannels(Router router, Services services, TwilioSignatures signed) {
    AccesslineConfig config = services.config();
    // In a cluster a call's stream runs on the node Twilio reached; its replies reach it there (cluster/CallStreams).
    TtyCallRoutes.mount(router, signed, services.twilio().gate(), services.intake(), services.ttyCalls(), config.tty());
    if (config.smsSender().isEmpty()) return;
    SmsWebhooks sms = new SmsWebhooks(services.intake(), config.smsHelpText(), config.centerName(),
        services.twilio().smsLimit(), services.twilio().optingOut());
    SmsWebhookRoutes.mount(router, signed, services.twilio().gate(), sms);
  }
}
