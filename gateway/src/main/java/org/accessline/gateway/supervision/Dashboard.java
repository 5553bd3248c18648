package org.accessline.gateway.supervision;

import org.accessline.gateway.report.ServiceLevelTargets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.RoutingSettings;

/**
 * The live dashboard's figures: a pure function of the floor now, the day's counts and when each
 * agent entered their present state. Queues and channels each get a line; every configured queue
 * and every channel seen today or waiting now is listed, so a quiet one shows as zero, not as gone.
 */
public record Dashboard(List<Segment> queues, List<Segment> channels, List<Agent> agents, List<Alert> alerts) {

  /**
   * @param serviceLevel answered within the target's time ÷ (answered + abandoned after it) today, in whole percent; empty before any
   * @param meetsTarget whether the service level is at or above the target's percent; true before any count
   */
  public record Segment(String name, long waiting, long oldestWaitSeconds, OptionalInt serviceLevel, ServiceLevelTargets.Target target, boolean meetsTarget,
      long answeredToday, long abandonedToday, long limitsPassedToday, long emergenciesToday) {}

  /**
   * @param units the capacity units the agent's conversations take; {@code capacity} is in the same units
   * @param inStateSeconds how long the agent has been in {@code state}
   * @param state "offline" with no console open, else their presence
   */
  public record Agent(AgentId id, String name, String state, int conversations, int units, int capacity, long inStateSeconds, long handledToday) {}

  /** What needs a supervisor now, most pressing first: emergencies, then hand-ups, then time limits. */
  public record Alert(Kind kind, ConversationId conversation, String channel, String queue, java.util.Optional<AgentId> agent, List<String> limitsPassed,
      long openedSeconds, boolean waiting) {
    public Alert {
      limitsPassed = List.copyOf(limitsPassed);
    }
  }

  public enum Kind {
    EMERGENCY, SUPERVISOR, TIME_LIMIT;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** An agent's present state, and since when. */
  public record Since(String state, Instant since) {}

  public Dashboard {
    queues = List.copyOf(queues);
    channels = List.copyOf(channels);
    agents = List.copyOf(agents);
    alerts = List.copyOf(alerts);
  }

  public static Dashboard of(FloorSummary floor, DayCounts today, ServiceLevelTargets targets, Map<AgentId, Since> states, RoutingSettings routing,
      Instant now) {
    Map<String, long[]> byQueue = new HashMap<>();
    Map<String, long[]> byChannel = new HashMap<>();
    Map<AgentId, int[]> loads = new HashMap<>();
    List<Alert> alerts = new ArrayList<>();
    for (FloorSummary.Open c : floor.conversations()) {
      String channel = c.state().contact().channel().name();
      if (c.state().isWaiting()) {
        long waited = Duration.between(c.state().queuedSince().orElse(now), now).toSeconds();
        waitingLine(byQueue, c.queue(), waited);
        waitingLine(byChannel, channel, waited);
      }
      c.agent().ifPresent(a -> {
        int[] load = loads.computeIfAbsent(a, k -> new int[2]);
        load[0]++;
        load[1] += routing.weight(c.state().contact().channel());
      });
      alertOf(c).ifPresent(kind -> alerts.add(new Alert(kind, c.state().id(), channel, c.queue(), c.agent(), c.limitsPassed(), c.openedSeconds(), c.state().isWaiting())));
    }
    alerts.sort(Comparator.comparing(Alert::kind).thenComparing(Comparator.comparingLong(Alert::openedSeconds).reversed()));
    TreeSet<String> queueNames = new TreeSet<>(today.queues());
    routing.queues().stream().map(QueueDefinition::name).forEach(queueNames::add);
    queueNames.addAll(byQueue.keySet());
    TreeSet<String> channelNames = new TreeSet<>(today.channels());
    channelNames.addAll(byChannel.keySet());
    List<Segment> queues = queueNames.stream().map(q -> segment(q, byQueue.get(q), today.queue(q), targets.forQueue(q))).toList();
    List<Segment> channels = channelNames.stream().map(ch -> segment(ch, byChannel.get(ch), today.channel(ch), targets.forChannel(ch))).toList();
    List<Agent> agents = floor.agents().stream().map(a -> {
      int[] load = loads.getOrDefault(a.id(), new int[2]);
      Since since = states.get(a.id());
      long inState = since == null ? 0 : Math.max(0, Duration.between(since.since(), now).toSeconds());
      return new Agent(a.id(), a.name(), stateOf(a), load[0], load[1], a.capacity(), inState, today.handled(a.id()));
    }).toList();
    return new Dashboard(queues, channels, agents, alerts);
  }

  /** The state an agent's time is counted in: offline without a console, else their presence. */
  public static String stateOf(FloorSummary.AgentLoad agent) {
    return agent.online() ? agent.presence().wireName() : "offline";
  }

  /**
   * When each agent entered their present state: kept from {@code before} while the state holds,
   * {@code now} for a new or changed one. An agent gone from the floor is forgotten.
   */
  public static Map<AgentId, Since> statesSince(Map<AgentId, Since> before, List<FloorSummary.AgentLoad> agents, Instant now) {
    Map<AgentId, Since> out = new HashMap<>(agents.size() * 2);
    for (FloorSummary.AgentLoad a : agents) {
      String state = stateOf(a);
      Since was = before.get(a.id());
      out.put(a.id(), was != null && was.state().equals(state) ? was : new Since(state, now));
    }
    return out;
  }

  private static java.util.Optional<Kind> alertOf(FloorSummary.Open c) {
    if (c.state().urgent()) return java.util.Optional.of(Kind.EMERGENCY);
    if (c.state().awaitingSupervisor()) return java.util.Optional.of(Kind.SUPERVISOR);
    boolean pastLimit = c.limitsPassed().stream().anyMatch(l -> !l.equals(ConversationEvent.Escalated.EMERGENCY) && !l.equals(ConversationEvent.Escalated.SUPERVISOR));
    return pastLimit ? java.util.Optional.of(Kind.TIME_LIMIT) : java.util.Optional.empty();
  }

  private static void waitingLine(Map<String, long[]> lines, String name, long waited) {
    long[] line = lines.computeIfAbsent(name, k -> new long[2]);
    line[0]++;
    line[1] = Math.max(line[1], waited);
  }

  private static Segment segment(String name, long[] waiting, DayCounts.Tally day, ServiceLevelTargets.Target target) {
    OptionalInt level = day.serviceLevelPercent();
    return new Segment(name, waiting == null ? 0 : waiting[0], waiting == null ? 0 : waiting[1], level, target,
        level.isEmpty() || level.getAsInt() >= target.percent(), day.answered(), day.abandoned(), day.limitsPassed(), day.emergencies());
  }
}
