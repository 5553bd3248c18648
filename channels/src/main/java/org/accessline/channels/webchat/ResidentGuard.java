package org.accessline.channels.webchat;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.signal.StreamSignal;

/**
 * What every resident connection shares, across reconnects and event loops: how fast each token
 * and each client address may send, and how many conversations each address holds open. One per
 * gateway. A place held by an address is given back when its conversation is resolved, which the
 * guard hears on the conversation's own address.
 */
public final class ResidentGuard {
  private final Vertx vertx;
  private final Intake intake;
  private final ResidentChat.Limits limits;
  private final Allowances<String> byToken;
  private final Allowances<String> byAddress;
  private final OpenConversations open;

  public ResidentGuard(Vertx vertx, Intake intake, ResidentChat.Limits limits) {
    this.vertx = vertx;
    this.intake = intake;
    this.limits = limits;
    this.byToken = new Allowances<>(limits.burst(), limits.perSecond());
    this.byAddress = new Allowances<>(limits.addressBurst(), limits.addressPerSecond());
    this.open = new OpenConversations(limits.conversationsPerAddress());
  }

  ResidentChat.Limits limits() {
    return limits;
  }

  /** The client's address, read from {@code X-Forwarded-For} only when the peer is a trusted proxy. */
  String addressOf(ServerWebSocket socket) {
    String peer = socket.remoteAddress() == null ? "" : socket.remoteAddress().hostAddress();
    return ClientAddress.of(peer, socket.headers().getAll("X-Forwarded-For"), limits.trustedProxies());
  }

  /** Takes one message's allowance from the token, then from the address; false if either is spent. */
  boolean maySend(String token, String address) {
    long now = System.nanoTime();
    return byToken.take(token, now) && byAddress.take(address, now);
  }

  OpenConversations.Claim claim(String address, String token) {
    return open.claim(address, token);
  }

  void notStored(String address, String token) {
    open.unclaim(address, token);
  }

  /** Notes where the token's message went, and watches a conversation not seen before until it is resolved. */
  void stored(String address, String token, Posted posted) {
    if (!open.posted(address, token, posted.conversation())) return;
    ConversationId id = posted.conversation();
    MessageConsumer<StreamSignal> consumer = Addresses.CONVERSATION.subscribe(vertx.eventBus(), id);
    consumer.handler(m -> {
      if (m.body() instanceof StreamSignal.EntryAdded added && resolves(added.entry())) {
        open.resolved(address, token, id);
        consumer.unregister();
      }
    });
    // Resolved before the watch began: the store has the entry.
    consumer.completion().compose(v -> intake.entries(id, posted.seq())).onSuccess(entries -> {
      if (entries.stream().anyMatch(ResidentGuard::resolves)) {
        open.resolved(address, token, id);
        consumer.unregister();
      }
    });
  }

  int openAt(String address) {
    return open.open(address);
  }

  private static boolean resolves(Entry entry) {
    return entry.event() instanceof ConversationEvent.Resolved;
  }
}
