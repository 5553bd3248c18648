package org.accessline.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a waiting resident stands and about how long they will wait. The wait is the line ahead of
 * them divided by how fast the agents on duty free a place: their capacity over the typical time a
 * conversation takes (the median of recent ones). Pure.
 */
public final class QueueEstimate {
  private QueueEstimate() {}

  /** The queue in the order it is served: highest priority first, then longest waiting. */
  public static List<Waiting> inServiceOrder(Collection<Waiting> waiting) {
    List<Waiting> order = new ArrayList<>(waiting);
    order.sort(Comparator.comparingInt((Waiting w) -> -w.priority()).thenComparing(Waiting::since).thenComparing(w -> w.conversation().value()));
    return order;
  }

  /** Empty when nobody is on duty: then no honest estimate can be given. */
  public static Optional<Duration> wait(int position, int capacityOnDuty, Duration typicalHandle) {
    if (capacityOnDuty <= 0) return Optional.empty();
    try {
      // Whole nanoseconds, as Duration.dividedBy gives them, without its BigDecimal: a long line is estimated place by place.
      return Optional.of(Duration.ofNanos(Math.multiplyExact(typicalHandle.toNanos(), position) / capacityOnDuty));
    } catch (ArithmeticException beyondNanos) {
      return Optional.of(typicalHandle.multipliedBy(position).dividedBy(capacityOnDuty));
    }
  }

  public static Duration typicalHandle(Collection<Duration> recent, Duration otherwise) {
    if (recent.isEmpty()) return otherwise;
    List<Duration> sorted = new ArrayList<>(recent);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
