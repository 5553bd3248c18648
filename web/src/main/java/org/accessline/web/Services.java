package org.accessline.web;

import io.vertx.core.Vertx;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.channels.webchat.ResidentChat;
import org.accessline.channels.webchat.ResidentGuard;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.stream.ConversationStream;
import org.accessline.web.api.AgentApi;
import org.accessline.web.api.RecordAccess;
import org.accessline.web.api.SignInApi;
import org.accessline.web.api.TtyApi;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.config.ClientLimits;

/** What the routes need, built once at startup and shared by every HTTP verticle instance. */
public record Services(AccesslineConfig config, ConversationStream stream, InteractionStore store, AgentDirectory directory, AgentSessions sessions, TtyCalls ttyCalls,
    TwilioIntake twilio, SignInApi.Guards signInGuards, ResidentGuard residentGuard) {
  /** What residents may send, shared by every server instance so limits hold across reconnects and event loops. */
  static ResidentGuard residentGuard(Vertx vertx, ConversationStream stream, AccesslineConfig config) {
    ClientLimits c = config.clientLimits();
    return new ResidentGuard(vertx, stream, new ResidentChat.Limits(config.maxMessageBytes(), config.residentBurst(), config.residentMessagesPerSecond(),
        c.residentAddressBurst(), c.residentAddressMessagesPerSecond(), c.residentConversationsPerAddress(), c.trustedProxies(),
        c.httpHeaderTimeout()));
  }

  RecordAccess recordAccess() {
    return new RecordAccess(store, java.time.Clock.systemUTC(), config.retention());
  }

  TtyApi ttyApi() {
    return new TtyApi(stream, ttyCalls, config.tty(), config.maxMessageBytes());
  }

  SignInApi signInApi(Vertx vertx) {
    return new SignInApi(vertx, stream, store, directory, sessions, signInGuards, config.secureCookies());
  }

  AgentApi agentApi() {
    return new AgentApi(stream, store, config.maxMessageBytes(), ttyCalls);
  }
}
