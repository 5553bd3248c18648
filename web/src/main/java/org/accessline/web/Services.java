package org.accessline.web;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.channels.webchat.ResidentChat;
import org.accessline.channels.webchat.ResidentGuard;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.admin.RecordCategories;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.config.ClientLimits;
import org.accessline.web.ops.MetricsEndpoint;
import org.accessline.web.records.RecordAccess;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.staff.FloorWatch;
import org.accessline.web.staff.SignInApi;

/**
 * What the routes need, built once at startup and shared by every HTTP verticle instance. The stream
 * is here only as its two ports: {@code desk} for staff, {@code intake} for channels.
 *
 * @param clock the one clock every business time on the web side is read from
 * @param floorWatch pushes the floor to supervisors' consoles
 * @param dashboardWatch pushes the live dashboard to supervisors' dashboards
 * @param views one conversation as every staff view shows it, with the resident's stable name
 * @param metrics {@code /metrics} on the main port, when metrics are on and have no management port of their own
 * @param categories what a record may be filed under, as the administrators keep it
 * @param open311 service requests, when an Open311 endpoint is configured
 */
public record Services(AccesslineConfig config, Desk desk, Intake intake, InteractionStore store, AgentDirectory directory, AgentSessions sessions,
    TtyCalls ttyCalls, TwilioIntake twilio, SignInApi.Guards signInGuards, ResidentGuard residentGuard, Clock clock, ConversationViews views, FloorWatch floorWatch,
    Optional<MetricsEndpoint> metrics, org.accessline.web.staff.DashboardWatch dashboardWatch, RecordCategories categories,
    Optional<org.accessline.web.open311.ServiceRequestsApi> open311) {
  /** What residents may send, shared by every server instance so limits hold across reconnects and event loops. */
  static ResidentGuard residentGuard(Vertx vertx, Intake intake, AccesslineConfig config) {
    ClientLimits c = config.clientLimits();
    return new ResidentGuard(vertx, intake, new ResidentChat.Limits(config.maxMessageBytes(), config.residentBurst(), config.residentMessagesPerSecond(),
        c.residentAddressBurst(), c.residentAddressMessagesPerSecond(), c.residentConversationsPerAddress(), c.trustedProxies(),
        c.httpHeaderTimeout()));
  }

  RecordAccess recordAccess() {
    return new RecordAccess(store, clock, config.retention());
  }

  SignInApi signInApi(Vertx vertx) {
    return new SignInApi(vertx, desk, store, directory, sessions, signInGuards, config.secureCookies());
  }
}
