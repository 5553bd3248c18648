package org.accessline.gateway.stream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.rules.Consent;
import org.accessline.gateway.rules.DeliveryRecords;
import org.accessline.gateway.rules.Effect;
import org.accessline.gateway.rules.StreamCommand;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.signal.StreamSignal;

/**
 * Hands durable messages to the resident's channel and records what the channel answered. A message
 * to a contact who opted out never reaches the channel: it is recorded not sent. Used on the stream's
 * context.
 */
final class Deliveries {
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

  private final Vertx vertx;
  private final Clock clock;
  private final Map<Channel, ChannelAdapter> adapters;
  private final Consents consents;
  private final Function<StreamCommand.RecordDelivery, Future<Posted>> record;
  /** Each delivery handed over whose outcome is not yet stored. */
  private final Set<Future<Void>> pending = ConcurrentHashMap.newKeySet();

  /** @param record writes a delivery's outcome on its conversation's writer */
  Deliveries(Vertx vertx, Clock clock, Map<Channel, ChannelAdapter> adapters, Consents consents,
      Function<StreamCommand.RecordDelivery, Future<Posted>> record) {
    this.vertx = vertx;
    this.clock = clock;
    this.adapters = Map.copyOf(adapters);
    this.consents = consents;
    this.record = record;
  }

  void deliver(Effect.Deliver delivery) {
    Promise<Void> recorded = Promise.promise();
    pending.add(recorded.future());
    recorded.future().onComplete(x -> pending.remove(recorded.future()));
    consents.of(delivery.contact())
        .recover(e -> Future.failedFuture("Not sent: could not check whether the resident opted out (" + e.getMessage() + ")."))
        .compose(consent -> handOver(delivery, consent))
        .onComplete(ar -> {
          Optional<StreamCommand.RecordDelivery> report = ar.succeeded() ? ar.result()
              : Optional.of(DeliveryRecords.failed(delivery.message(), String.valueOf(ar.cause().getMessage())));
          if (report.isEmpty()) {
            recorded.complete();
            return;
          }
          DeliveryRecords.guidanceNotSent(delivery, report.get()).ifPresent(reason -> Addresses.SUPERVISORS.publish(vertx.eventBus(),
              new StreamSignal.Alert(delivery.message().conversationId(), ConversationEvent.Escalated.EMERGENCY, reason, clock.instant())));
          record.apply(report.get()).onComplete(done -> {
            if (done.failed() && !(done.cause() instanceof RefusedException)) {
              LOG.atWarn().addKeyValue("conversationId", delivery.message().conversationId()).addKeyValue("seq", delivery.message().seq())
                  .setCause(done.cause()).log("could not record a delivery");
            }
            recorded.complete();
          });
        });
  }

  /** What to record of the message: withheld from a contact who opted out, else what its channel answers. */
  private Future<Optional<StreamCommand.RecordDelivery>> handOver(Effect.Deliver delivery, Consent consent) {
    Optional<StreamCommand.RecordDelivery> withheld = consent.withholds(delivery.message());
    if (withheld.isPresent()) return Future.succeededFuture(withheld);
    ChannelAdapter adapter = adapters.get(delivery.contact().channel());
    if (adapter == null) return Future.failedFuture("no adapter for channel " + delivery.contact().channel());
    OutboundMessage message = new OutboundMessage(delivery.message().conversationId(), delivery.message().seq(), delivery.contact(), delivery.text());
    return adapter.deliver(message).map(outcome -> DeliveryRecords.of(delivery.message(), outcome));
  }

  /**
   * Completes once every message handed to a channel so far has its outcome stored, or after
   * {@code within}, for a channel that holds a reply longer, such as a TTY call still playing it.
   */
  Future<Void> recorded(Duration within) {
    List<Future<Void>> waiting = List.copyOf(pending);
    if (waiting.isEmpty()) return Future.succeededFuture();
    Promise<Void> done = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, within.toMillis()), t -> done.tryComplete());
    Future.join(waiting).onComplete(ar -> {
      vertx.cancelTimer(timer);
      done.tryComplete();
    });
    return done.future();
  }
}
