package org.accessline.web.dashboard;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.signal.Counts;
import org.accessline.gateway.signal.StreamSignal;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.RecordQuery;
import org.accessline.gateway.store.RecordSummary;
import org.accessline.gateway.supervision.DayCounts;

/**
 * The day's counts read back from the store, so a restart or midnight starts from the truth: every
 * record opened since the look-back before midnight is replayed through {@link Counts#of}, the same
 * function the stream counts live writes with, and what happened that day is kept.
 */
final class DayRebuild {
  private static final int PAGE = RecordQuery.MAX_LIMIT;
  private final InteractionStore store;
  private final RoutingSettings routing;
  private final DashboardConfig config;

  DayRebuild(InteractionStore store, RoutingSettings routing, DashboardConfig config) {
    this.store = store;
    this.routing = routing;
    this.config = config;
  }

  /** The day's counts, as the store has them now. */
  Future<DayCounts> of(LocalDate day) {
    ZoneId zone = config.timeZone();
    Instant from = day.atStartOfDay(zone).toInstant().minus(config.lookBack());
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    DayCounts counts = new DayCounts(day, zone, config.targets());
    return page(new RecordQuery(Optional.of(from), Optional.of(to), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        PAGE, 0), counts).map(v -> counts);
  }

  private Future<Void> page(RecordQuery query, DayCounts counts) {
    return store.search(query).compose(page -> {
      List<Future<Void>> each = new ArrayList<>(page.records().size());
      for (RecordSummary r : page.records()) each.add(replay(r.id(), counts));
      return Future.all(each).compose(v -> page.more() && query.offset() + PAGE <= 1_000_000 ? page(query.withOffset(query.offset() + PAGE), counts)
          : Future.succeededFuture());
    });
  }

  private Future<Void> replay(ConversationId id, DayCounts counts) {
    return store.entries(id, 0).map(entries -> {
      if (entries.isEmpty()) return null;
      List<StreamSignal.Counted> counted = Counts.of(Optional.empty(), entries);
      synchronized (counts) {
        counted.forEach(c -> counts.add(countOf(c, routing)));
      }
      return null;
    });
  }

  /** A published count as the day's counts take it: its queue named as routing names it. */
  static DayCounts.Count countOf(StreamSignal.Counted c, RoutingSettings routing) {
    String queue = routing.queueOf(c.queue(), new org.accessline.gateway.conversation.Channel(c.channel())).name();
    DayCounts.What what = DayCounts.What.valueOf(c.what().toUpperCase(java.util.Locale.ROOT));
    return new DayCounts.Count(what, c.conversation().value() + "@" + c.at().toEpochMilli(), queue, c.channel(), c.agent(), c.waitMillis(), c.at());
  }
}
