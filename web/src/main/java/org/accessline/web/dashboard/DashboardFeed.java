package org.accessline.web.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.supervision.Dashboard;
import org.accessline.gateway.supervision.DayCounts;
import org.accessline.gateway.supervision.FloorSummary;
import org.accessline.web.quality.QualityChanged;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.staff.DashboardWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the day's counts and pushes the dashboard to supervisors. The counts are read from the store
 * at start and at each midnight in the center's zone, and kept current by the stream's published
 * counts; a count heard both ways counts once. While a dashboard is open the feed looks at the floor
 * five times a second, and at once when the queue's length changes, a count is heard or supervisors
 * are alerted; it publishes a frame, encoded once for every console, when something other than the
 * passing of time changed, at most twice a second.
 */
public final class DashboardFeed implements DashboardWatch {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardFeed.class);
  static final long LOOK_EVERY_MILLIS = 200;
  static final long PUBLISH_AT_MOST_EVERY_MILLIS = 500;
  /** Frames between complete ones carry only the agents that changed; a complete one now and then puts right any page that missed a frame. */
  static final long COMPLETE_AT_LEAST_EVERY_MILLIS = 30_000;
  /** However many nudges come, the floor is looked at no more often than this, so a busy floor does not cost more to watch. */
  static final long LOOK_AT_MOST_EVERY_MILLIS = 100;
  private final Vertx vertx;
  private final Desk desk;
  private final RoutingSettings routing;
  private final DashboardConfig config;
  private final Clock clock;
  private final ConversationViews views;
  private final DayRebuild rebuild;
  private final QualityFigures qualityFigures;
  /** The quality part as last read; read again whenever an evaluation moves, and hourly so the 7- and 30-day windows slide on. */
  private JsonObject quality;
  private static final long QUALITY_WINDOWS_SLIDE_MILLIS = Duration.ofHours(1).toMillis();
  private long qualityTimer = -1;
  private MessageConsumer<String> qualityChanges;
  private DayCounts today;
  /** Counts heard while the day is being read back, added again once it is (they count once). */
  private List<DayCounts.Count> heardWhileRebuilding;
  private Map<AgentId, Dashboard.Since> states = Map.of();
  private MessageConsumer<?> counts;
  /** Signals that the floor changed in a way a supervisor must see at once: look now rather than at the next tick. */
  private List<MessageConsumer<?>> nudges = List.of();
  private long midnightTimer = -1;
  private int watchers;
  private long lookTimer = -1;
  private String lastShape;
  private long lastPublished = Long.MIN_VALUE / 2;
  private boolean looking;
  /** What every open dashboard holds of each agent, once it has had a complete frame; null sends the next one complete. */
  private Map<String, String> agentsSent;
  private long lastComplete = Long.MIN_VALUE / 2;
  private long lastLooked = Long.MIN_VALUE / 2;

  public DashboardFeed(Vertx vertx, Desk desk, InteractionStore store, RoutingSettings routing, DashboardConfig config, Clock clock, ConversationViews views) {
    this.vertx = vertx;
    this.desk = desk;
    this.routing = routing;
    this.config = config;
    this.clock = clock;
    this.views = views;
    this.rebuild = new DayRebuild(store, routing, config);
    this.qualityFigures = new QualityFigures(store.qualityReviews());
    this.today = new DayCounts(day(clock.instant()), config.timeZone(), config.targets());
  }

  /** Starts counting: listens for counts, then reads today back from the store. */
  public Future<Void> start() {
    MessageConsumer<?> consumer = Addresses.COUNTS.subscribe(vertx.eventBus(), c -> {
      heard(DayRebuild.countOf(c, routing));
      look();
    });
    List<MessageConsumer<?>> soon = List.of(Addresses.QUEUE.subscribe(vertx.eventBus(), q -> look()),
        Addresses.SUPERVISORS.subscribe(vertx.eventBus(), a -> look()));
    MessageConsumer<String> reviews = QualityChanged.subscribe(vertx, this::readQuality);
    synchronized (this) {
      counts = consumer;
      nudges = soon;
      qualityChanges = reviews;
      qualityTimer = vertx.setPeriodic(QUALITY_WINDOWS_SLIDE_MILLIS, t -> readQuality());
    }
    readQuality();
    return consumer.completion().compose(v -> reviews.completion()).compose(v -> newDay(day(clock.instant())));
  }

  public synchronized void stop() {
    if (counts != null) counts.unregister();
    nudges.forEach(MessageConsumer::unregister);
    if (qualityChanges != null) qualityChanges.unregister();
    if (qualityTimer >= 0) vertx.cancelTimer(qualityTimer);
    if (midnightTimer >= 0) vertx.cancelTimer(midnightTimer);
    if (lookTimer >= 0) vertx.cancelTimer(lookTimer);
  }

  private void readQuality() {
    qualityFigures.read(clock.instant()).onSuccess(q -> {
      synchronized (this) {
        quality = q;
      }
      look();
    }).onFailure(e -> LOG.warn("the quality averages could not be read from the store; the dashboard shows them as last read", e));
  }

  private LocalDate day(Instant at) {
    return at.atZone(config.timeZone()).toLocalDate();
  }

  private synchronized void heard(DayCounts.Count count) {
    if (!today.add(count) && day(count.at()).isAfter(today.day())) {
      // The midnight timer has not fired yet: this count opens the new day.
      newDay(day(count.at())).onComplete(ar -> heard(count));
      return;
    }
    if (heardWhileRebuilding != null) heardWhileRebuilding.add(count);
  }

  private Future<Void> newDay(LocalDate day) {
    synchronized (this) {
      if (heardWhileRebuilding != null && today.day().equals(day)) return Future.succeededFuture();
      if (today.day().isBefore(day)) today = new DayCounts(day, config.timeZone(), config.targets());
      heardWhileRebuilding = new ArrayList<>();
      scheduleMidnight(day);
    }
    return rebuild.of(day).map(read -> {
      synchronized (this) {
        if (read.day().equals(today.day())) {
          heardWhileRebuilding.forEach(read::add);
          today = read;
        }
        heardWhileRebuilding = null;
      }
      return (Void) null;
    }).onFailure(e -> {
      synchronized (this) {
        heardWhileRebuilding = null;
      }
      LOG.warn("the day's figures could not be read from the store; they count from now", e);
    });
  }

  private void scheduleMidnight(LocalDate day) {
    if (midnightTimer >= 0) vertx.cancelTimer(midnightTimer);
    Instant next = day.plusDays(1).atStartOfDay(config.timeZone()).toInstant();
    long in = Math.max(1, Duration.between(clock.instant(), next).toMillis());
    midnightTimer = vertx.setTimer(in, t -> newDay(day(clock.instant()).isAfter(day) ? day(clock.instant()) : day.plusDays(1)));
  }

  @Override
  public synchronized Future<String> watch() {
    boolean starting = watchers++ == 0;
    if (starting) lookTimer = vertx.setPeriodic(LOOK_EVERY_MILLIS, t -> look());
    // A dashboard that opens between two published frames holds a newer view of some agents than
    // the others do; the next published frame goes out complete, so every dashboard agrees again.
    agentsSent = null;
    return frame().map(frame -> {
      if (starting) learned(frame);
      return frame.encode();
    });
  }

  private synchronized void learned(JsonObject frame) {
    if (lastShape == null) lastShape = DashboardJson.shape(frame);
  }

  @Override
  public synchronized void unwatch() {
    if (watchers == 0 || --watchers > 0) return;
    vertx.cancelTimer(lookTimer);
    lookTimer = -1;
    lastShape = null;
    agentsSent = null;
  }

  /** The dashboard as it is now. */
  Future<JsonObject> frame() {
    return desk.floorView().map(view -> {
      Instant now = clock.instant();
      FloorSummary floor = FloorSummary.of(view.agents(), view.conversations(), routing, now);
      Map<ConversationId, ConversationState> open = new HashMap<>();
      view.conversations().forEach(s -> open.put(s.id(), s));
      synchronized (this) {
        if (day(now).isAfter(today.day())) today = new DayCounts(day(now), config.timeZone(), config.targets());
        states = Dashboard.statesSince(states, floor.agents(), now);
        Dashboard d = Dashboard.of(floor, today, config.targets(), states, routing, now);
        return DashboardJson.frame(d, open, views, today.day().toString(), now, quality);
      }
    });
  }

  private synchronized void look() {
    if (looking || watchers == 0) return;
    long now = System.nanoTime() / 1_000_000;
    if (now - lastPublished < PUBLISH_AT_MOST_EVERY_MILLIS || now - lastLooked < LOOK_AT_MOST_EVERY_MILLIS) return;
    looking = true;
    lastLooked = now;
    frame().onComplete(ar -> published(ar.succeeded() ? ar.result() : null, now));
  }

  private synchronized void published(JsonObject frame, long at) {
    looking = false;
    if (frame == null || watchers == 0) return;
    String shape = DashboardJson.shape(frame);
    if (shape.equals(lastShape)) return;
    lastShape = shape;
    lastPublished = at;
    JsonObject wire = frame;
    if (agentsSent != null && at - lastComplete < COMPLETE_AT_LEAST_EVERY_MILLIS) {
      wire = DashboardJson.changesSince(agentsSent, frame);
    } else {
      lastComplete = at;
    }
    agentsSent = DashboardJson.agentShapes(frame);
    vertx.eventBus().publish(FRAMES, wire.encode());
  }
}
