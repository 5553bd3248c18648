package org.accessline.web.open311;

import org.accessline.web.config.Open311Config;
import org.accessline.web.config.Open311Format;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.store.ServiceRequest;
import org.accessline.gateway.store.ServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the kept service requests: sends those not yet taken, asks for the id of those given a
 * token, and follows the status of open ones, each when its time comes. One pass at a time; each
 * request's new state is kept before the next call is made. A send that failed may yet have reached
 * the endpoint, so before sending again it looks for the request there by our reference.
 */
public final class ServiceRequestOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRequestOutbox.class);
  private static final int BATCH = 50;
  /** How far before our own creation time the endpoint's clock may be when a lost send is looked for. */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);
  private final Vertx vertx;
  private final ServiceRequests requests;
  private final GeoReportClient client;
  private final Clock clock;
  private final OutboxStep.Timing timing;
  private io.vertx.core.Context context;
  private boolean working;
  private boolean again;
  private long timer = -1;

  public ServiceRequestOutbox(Vertx vertx, ServiceRequests requests, GeoReportClient client, Clock clock, Open311Config config) {
    this.vertx = vertx;
    this.requests = requests;
    this.client = client;
    this.clock = clock;
    Duration tick = config.poll().compareTo(config.firstRetry()) < 0 ? config.poll() : config.firstRetry();
    this.timing = new OutboxStep.Timing(config.poll(), config.firstRetry(), config.longestRetry());
    this.tick = tick;
  }

  private final Duration tick;

  /** Deployed once per process: every pass runs on its one context, so passes never overlap. */
  public io.vertx.core.Deployable verticle() {
    return new io.vertx.core.VerticleBase() {
      @Override
      public Future<?> start() {
        ServiceRequestOutbox.this.context = context;
        timer = vertx.setPeriodic(Math.max(50, tick.toMillis()), id -> kick());
        kick();
        return Future.succeededFuture();
      }

      @Override
      public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
      }
    };
  }

  /** A pass now, or right after the one under way: a new request is sent at once, not at the next tick. */
  public void kick() {
    if (context == null) return;
    context.runOnContext(v -> {
      if (working) {
        again = true;
        return;
      }
      working = true;
      pass().onComplete(ar -> {
        if (ar.failed()) LOG.warn("Service request outbox pass failed: {}", ar.cause().toString());
        working = false;
        if (again) {
          again = false;
          kick();
        }
      });
    });
  }

  private Future<Void> pass() {
    return requests.due(clock.instant(), BATCH).compose(this::each);
  }

  private Future<Void> each(List<ServiceRequest> due) {
    Future<Void> chain = Future.succeededFuture();
    for (ServiceRequest r : due) chain = chain.compose(v -> step(r).recover(e -> {
      LOG.warn("Service request {} not worked this pass: {}", r.id(), e.toString());
      return Future.succeededFuture();
    }));
    return chain;
  }

  Future<Void> step(ServiceRequest r) {
    Future<OutboxStep.Outcome> outcome;
    if (r.state() == ServiceRequest.State.SENDING) outcome = OutboxStep.maySendAgainOnlyAfterSearch(r) ? searchThenSend(r) : send(r);
    else if (r.state() == ServiceRequest.State.AWAITING_ID) outcome = outcome(client.idForToken(r.token().orElseThrow())
        .map(id -> id.<OutboxStep.Outcome>map(OutboxStep.Outcome.IdGiven::new).orElse(new OutboxStep.Outcome.StillPending())));
    else if (r.state() == ServiceRequest.State.OPEN) outcome = outcome(client.status(r.serviceRequestId().orElseThrow())
        .map(s -> s.<OutboxStep.Outcome>map(OutboxStep.Outcome.Status::new).orElse(new OutboxStep.Outcome.StillPending())));
    else return Future.succeededFuture();
    return outcome.compose(o -> {
      ServiceRequest next = OutboxStep.next(r, o, clock.instant(), timing);
      if (o instanceof OutboxStep.Outcome.Unreachable u) LOG.info("Service request {} kept for attempt {}: {}", r.id(), next.attempts() + 1, u.problem());
      return requests.save(next);
    });
  }

  private Future<OutboxStep.Outcome> send(ServiceRequest r) {
    return outcome(client.post(new JsonObject(r.form())).map(OutboxStep.Outcome.Taken::new));
  }

  private Future<OutboxStep.Outcome> searchThenSend(ServiceRequest r) {
    return client.requestsSince(r.serviceCode(), r.createdAt().minus(CLOCK_SLACK)).transform(ar -> {
      if (ar.failed()) return outcome(Future.failedFuture(ar.cause()));
      Optional<GeoReport.RequestStatus> there = ar.result().stream()
          .filter(s -> ServiceRequestForm.carries(s.description().orElse(null), r.id())).findFirst();
      return there.isPresent() ? Future.succeededFuture(new OutboxStep.Outcome.AlreadyThere(there.get().serviceRequestId())) : send(r);
    });
  }

  /** A refusal with the spec's errors is the endpoint's answer; anything else failing is the endpoint being away. */
  private static Future<OutboxStep.Outcome> outcome(Future<? extends OutboxStep.Outcome> call) {
    return call.<OutboxStep.Outcome>map(o -> o).recover(e -> {
      if (e instanceof GeoReportClient.Refused refused) {
        return Future.succeededFuture(new OutboxStep.Outcome.Refused(refused.errors().isEmpty()
            ? List.of(new GeoReport.ApiError(String.valueOf(refused.status()), "")) : refused.errors()));
      }
      String problem = e instanceof GeoReportClient.Unreachable ? e.getMessage()
          : e instanceof GeoReport.Malformed ? "the city's service request system answered something unreadable: " + e.getMessage()
          : "the city's service request system could not be asked (" + e.getClass().getSimpleName() + ")";
      return Future.succeededFuture(new OutboxStep.Outcome.Unreachable(problem));
    });
  }

}
