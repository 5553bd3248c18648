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
 *
 * <p>In a cluster one node works the outbox at a time, and each request is claimed in the store
 * before it is worked: the claim counts the attempt (so whoever sends after it searches first) and
 * keeps the request out of every pass until the calls it allows could have ended. Two nodes that both
 * believe they work the outbox therefore never both send one request.
 */
public final class ServiceRequestOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRequestOutbox.class);
  private static final int BATCH = 50;
  /** Event-bus address: a node that kept a new request tells the node working the outbox to pass now. */
  static final String KICK = "accessline.open311.kick";
  /** How far before our own creation time the endpoint's clock may be when a lost send is looked for. */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);
  private final Vertx vertx;
  private final ServiceRequests requests;
  private final GeoReportClient client;
  private final Clock clock;
  private final OutboxStep.Timing timing;
  private final boolean claims;
  /** Longer than a search and a send can take together, so a claim outlives the calls it covers. */
  private final Duration claimFor;
  private volatile io.vertx.core.Context context;
  private boolean working;
  private boolean again;
  private long timer = -1;

  public ServiceRequestOutbox(Vertx vertx, ServiceRequests requests, GeoReportClient client, Clock clock, Open311Config config) {
    this(vertx, requests, client, clock, config, false);
  }

  /** {@code claims}: claim each request in the store before working it, as every node of a cluster must. */
  public ServiceRequestOutbox(Vertx vertx, ServiceRequests requests, GeoReportClient client, Clock clock, Open311Config config, boolean claims) {
    this.vertx = vertx;
    this.claims = claims;
    this.claimFor = config.connectTimeout().plus(config.answerTimeout()).multipliedBy(2).plusSeconds(10);
    this.requests = requests;
    this.client = client;
    this.clock = clock;
    Duration tick = config.poll().compareTo(config.firstRetry()) < 0 ? config.poll() : config.firstRetry();
    this.timing = new OutboxStep.Timing(config.poll(), config.firstRetry(), config.longestRetry());
    this.tick = tick;
  }

  private final Duration tick;

  /** Deployed once per process (in a cluster, on one node at a time): every pass runs on its one context, so passes never overlap. */
  public io.vertx.core.Deployable verticle() {
    return new io.vertx.core.VerticleBase() {
      private io.vertx.core.eventbus.MessageConsumer<String> kicks;

      @Override
      public Future<?> start() {
        ServiceRequestOutbox.this.context = context;
        working = false;
        kicks = vertx.eventBus().consumer(KICK, m -> kick());
        timer = vertx.setPeriodic(Math.max(50, tick.toMillis()), id -> kick());
        kick();
        return Future.succeededFuture();
      }

      @Override
      public Future<?> stop() {
        vertx.cancelTimer(timer);
        ServiceRequestOutbox.this.context = null;
        return kicks.unregister();
      }
    };
  }

  /** A pass now, or right after the one under way: a new request is sent at once, not at the next tick. */
  public void kick() {
    if (context == null) {
      // Another node works the outbox (or none yet, and the first pass of whichever takes it over finds the request).
      if (claims) vertx.eventBus().publish(KICK, "");
      return;
    }
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
    if (!claims || !worked(r)) return stepAs(r, next -> requests.save(next));
    ServiceRequest claimed = OutboxStep.claimed(r, clock.instant(), claimFor);
    return requests.replace(r, claimed).compose(mine -> {
      if (!mine) return Future.succeededFuture();
      return stepAs(r, next -> requests.replace(claimed, next).map(kept -> {
        if (!kept) LOG.warn("Service request {} was claimed again before its outcome was kept; the next claim searches before it sends", r.id());
        return null;
      }));
    });
  }

  private static boolean worked(ServiceRequest r) {
    return r.state() == ServiceRequest.State.SENDING || r.state() == ServiceRequest.State.AWAITING_ID || r.state() == ServiceRequest.State.OPEN;
  }

  private Future<Void> stepAs(ServiceRequest r, java.util.function.Function<ServiceRequest, Future<Void>> keep) {
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
      return keep.apply(next);
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
