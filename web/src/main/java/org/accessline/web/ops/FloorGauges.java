package org.accessline.web.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.routing.AgentView;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.RoutingSettings;

/**
 * Gauges of the floor, read from the stream's floor view just before each scrape: each queue's
 * length and oldest wait, agents by presence ({@code offline} for an agent with no console open),
 * and TTY calls under way.
 */
final class FloorGauges {
  static final String OFFLINE = "offline";
  private final RoutingSettings routing;
  private final MeterRegistry registry;
  private final List<Meter> registered = new ArrayList<>();
  private final Map<String, AtomicLong> queueLength = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> oldestWait = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> agents = new ConcurrentHashMap<>();

  FloorGauges(MeterRegistry registry, RoutingSettings routing, IntSupplier ttyCallsActive) {
    this.routing = routing;
    this.registry = registry;
    for (QueueDefinition q : routing.queues()) {
      queueLength.put(q.name(), gauge(registry, "accessline.queue.length", "queue", q.name(), "Conversations waiting in the queue"));
      oldestWait.put(q.name(), gauge(registry, "accessline.queue.oldest.wait.seconds", "queue", q.name(), "How long the longest-waiting conversation in the queue has waited"));
    }
    for (Presence p : Presence.values()) agents.put(p.wireName(), gauge(registry, "accessline.agents", "presence", p.wireName(), "Agents by presence"));
    agents.put(OFFLINE, gauge(registry, "accessline.agents", "presence", OFFLINE, "Agents by presence"));
    registered.add(Gauge.builder("accessline.tty.calls.active", ttyCallsActive, IntSupplier::getAsInt).description("TTY calls with an open media stream")
        .register(registry));
  }

  /**
   * Takes these gauges out of the registry, so a gateway started again on the same registry (as
   * tests restart one) registers gauges over its own floor rather than finding these.
   */
  void close() {
    registered.forEach(registry::remove);
    registered.clear();
  }

  /** The readings of one floor view at {@code now}. */
  record Readings(Map<String, Long> queueLength, Map<String, Long> oldestWaitSeconds, Map<String, Long> agentsByPresence) {}

  /** Pure: what the gauges should read for this view. */
  static Readings read(Desk.FloorView view, RoutingSettings routing, Instant now) {
    Map<String, Long> length = new HashMap<>();
    Map<String, Long> oldest = new HashMap<>();
    for (QueueDefinition q : routing.queues()) {
      length.put(q.name(), 0L);
      oldest.put(q.name(), 0L);
    }
    for (ConversationState s : view.conversations()) {
      if (!s.isWaiting()) continue;
      String queue = routing.queueOf(s.queue(), s.contact().channel()).name();
      length.merge(queue, 1L, Long::sum);
      oldest.merge(queue, Math.max(0, Duration.between(s.queuedSince().orElse(now), now).toSeconds()), Math::max);
    }
    Map<String, Long> byPresence = new HashMap<>();
    for (Presence p : Presence.values()) byPresence.put(p.wireName(), 0L);
    byPresence.put(OFFLINE, 0L);
    for (AgentView a : view.agents()) byPresence.merge(a.connections() > 0 ? a.presence().wireName() : OFFLINE, 1L, Long::sum);
    return new Readings(length, oldest, byPresence);
  }

  void update(Desk.FloorView view, Instant now) {
    Readings r = read(view, routing, now);
    r.queueLength().forEach((q, v) -> queueLength.computeIfAbsent(q, k -> new AtomicLong()).set(v));
    r.oldestWaitSeconds().forEach((q, v) -> oldestWait.computeIfAbsent(q, k -> new AtomicLong()).set(v));
    r.agentsByPresence().forEach((p, v) -> agents.computeIfAbsent(p, k -> new AtomicLong()).set(v));
  }

  private AtomicLong gauge(MeterRegistry registry, String name, String tag, String value, String description) {
    AtomicLong holder = new AtomicLong();
    registered.add(Gauge.builder(name, holder, AtomicLong::get).tag(tag, value).description(description).register(registry));
    return holder;
  }
}
