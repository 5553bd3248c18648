package org.accessline.gateway.supervision;

import org.accessline.gateway.report.ServiceLevelTargets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Breach;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.routing.AgentView;
import org.accessline.gateway.routing.ContentSkills;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.RoutingSettings;
import org.junit.jupiter.api.Test;

class DashboardTest {
  private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final AgentId MARIA = new AgentId("maria");
  private static final AgentId JO = new AgentId("jo");
  private static final RoutingSettings ROUTING = new RoutingSettings(Map.of(Channel.TTY, 2), false, java.time.Duration.ofSeconds(30),
      java.time.Duration.ofSeconds(60), java.time.Duration.ofHours(24),
      List.of(new QueueDefinition(RoutingSettings.GENERAL, 0, Set.of()), new QueueDefinition("tty-line", 10, Set.of())),
      Map.of(Channel.TTY, "tty-line"), Optional.empty(), ContentSkills.none());
  private static final ServiceLevelTargets TARGETS = ServiceLevelTargets.defaults();

  private static ConversationState conversation(Channel channel, long openedAgo, ConversationEvent... events) {
    ConversationId id = ConversationId.random();
    Contact contact = new Contact(channel, "+15551230000");
    Instant opened = NOW.minusSeconds(openedAgo);
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(id, 1, opened, Participant.resident(contact), new ConversationEvent.Opened(contact, Optional.empty()), Optional.empty()));
    for (ConversationEvent e : events) entries.add(new Entry(id, entries.size() + 1, opened, Participant.SYSTEM, e, Optional.empty()));
    return ConversationState.replay(entries);
  }

  private static ConversationEvent.Queued queuedAgo(long seconds) {
    return new ConversationEvent.Queued(NOW.minusSeconds(seconds), "new");
  }

  private static DayCounts.Count count(DayCounts.What what, String key, String queue, String channel, Optional<AgentId> agent, long waitSeconds, Instant at) {
    return new DayCounts.Count(what, key, queue, channel, agent, waitSeconds * 1000, at);
  }

  private static DayCounts today() {
    return new DayCounts(LocalDate.of(2026, 11, 22), CHICAGO, TARGETS);
  }

  @Test
  void serviceLevelIsAnsweredInTargetOverAnsweredAndAbandonedAfterTargetPerQueueAndChannel() {
    DayCounts day = today();
    Instant at = NOW.minusSeconds(600);
    day.add(count(DayCounts.What.ANSWERED, "a", "general", "webchat", Optional.of(MARIA), 10, at));
    day.add(count(DayCounts.What.ANSWERED, "b", "general", "webchat", Optional.of(MARIA), 19, at));
    day.add(count(DayCounts.What.ANSWERED, "c", "general", "webchat", Optional.of(MARIA), 45, at));
    day.add(count(DayCounts.What.ABANDONED, "d", "general", "webchat", Optional.empty(), 5, at));
    day.add(count(DayCounts.What.ABANDONED, "e", "general", "webchat", Optional.empty(), 50, at));
    day.add(count(DayCounts.What.ANSWERED, "f", "tty-line", "tty", Optional.of(JO), 45, at));

    Dashboard d = Dashboard.of(FloorSummary.of(List.of(), List.of(), ROUTING, NOW), day, TARGETS, Map.of(), ROUTING, NOW);

    Dashboard.Segment chat = d.channels().stream().filter(s -> s.name().equals("webchat")).findFirst().orElseThrow();
    assertEquals(OptionalInt.of(50), chat.serviceLevel(), "2 in 20 s of 3 answered + 1 abandoned after 20 s; the quick abandon does not count");
    assertFalse(chat.meetsTarget());
    assertEquals(3, chat.answeredToday());
    assertEquals(2, chat.abandonedToday());
    Dashboard.Segment tty = d.channels().stream().filter(s -> s.name().equals("tty")).findFirst().orElseThrow();
    assertEquals(OptionalInt.of(100), tty.serviceLevel(), "45 s is within TTY's 60 s");
    assertEquals(new ServiceLevelTargets.Target(80, java.time.Duration.ofSeconds(60)), tty.target());
    assertEquals(List.of("general", "tty-line"), d.queues().stream().map(Dashboard.Segment::name).toList(), "every configured queue, in name order");
    assertEquals(OptionalInt.of(0), d.queues().get(1).serviceLevel(), "tty-line takes the general 20 s target: 45 s misses it");
  }

  @Test
  void aDayCountsEachThingOnceAndOnlyItsOwnDayInTheCentersZone() {
    DayCounts day = today();
    Instant lateYesterdayThere = Instant.parse("2026-11-22T05:30:00Z"); // 23:30 on the 21st in Chicago
    assertTrue(day.add(count(DayCounts.What.HANDLED, "x", "general", "sms", Optional.of(MARIA), 0, NOW)));
    assertFalse(day.add(count(DayCounts.What.HANDLED, "x", "general", "sms", Optional.of(MARIA), 0, NOW)), "heard live and read back");
    assertFalse(day.add(count(DayCounts.What.HANDLED, "y", "general", "sms", Optional.of(MARIA), 0, lateYesterdayThere)), "yesterday in Chicago");
    assertTrue(day.add(count(DayCounts.What.HANDLED, "z", "general", "sms", Optional.of(MARIA), 0, Instant.parse("2026-11-22T06:00:00Z"))));
    assertEquals(2, day.handled(MARIA));
    assertEquals(OptionalInt.empty(), day.channel("sms").serviceLevelPercent(), "nothing answered or abandoned yet");
  }

  @Test
  void waitingAndOldestWaitArePerQueueAndChannelAndAgentsShowLoadInConversationsAndUnits() {
    ConversationState chatWaiting = conversation(Channel.WEBCHAT, 100, queuedAgo(90));
    ConversationState ttyWaiting = conversation(Channel.TTY, 300, queuedAgo(240));
    ConversationState ttyHeld = conversation(Channel.TTY, 900, queuedAgo(890), new ConversationEvent.Assigned(MARIA, "Maria"));
    ConversationState smsHeld = conversation(Channel.SMS, 900, queuedAgo(890), new ConversationEvent.Assigned(MARIA, "Maria"));
    List<AgentView> agents = List.of(new AgentView(MARIA, "Maria", Presence.AVAILABLE, 1, 4), new AgentView(JO, "Jo", Presence.AWAY, 0, 3));
    FloorSummary floor = FloorSummary.of(agents, List.of(chatWaiting, ttyWaiting, ttyHeld, smsHeld), ROUTING, NOW);
    DayCounts day = today();
    day.add(count(DayCounts.What.HANDLED, "h", "general", "sms", Optional.of(MARIA), 0, NOW.minusSeconds(60)));
    Map<AgentId, Dashboard.Since> states = Dashboard.statesSince(Map.of(), floor.agents(), NOW.minusSeconds(120));

    Dashboard d = Dashboard.of(floor, day, TARGETS, states, ROUTING, NOW);

    Dashboard.Segment ttyLine = d.queues().stream().filter(s -> s.name().equals("tty-line")).findFirst().orElseThrow();
    assertEquals(1, ttyLine.waiting());
    assertEquals(240, ttyLine.oldestWaitSeconds());
    Dashboard.Segment chat = d.channels().stream().filter(s -> s.name().equals("webchat")).findFirst().orElseThrow();
    assertEquals(1, chat.waiting());
    assertEquals(90, chat.oldestWaitSeconds());
    assertEquals(new Dashboard.Agent(MARIA, "Maria", "available", 2, 3, 4, 120, 1), d.agents().get(0), "a TTY weighs 2 units, a text 1");
    assertEquals(new Dashboard.Agent(JO, "Jo", "offline", 0, 0, 3, 120, 0), d.agents().get(1), "no console open: offline, whatever the presence");
  }

  @Test
  void anAgentsTimeInStateRestartsOnlyWhenTheStateChanges() {
    List<AgentView> before = List.of(new AgentView(MARIA, "Maria", Presence.AVAILABLE, 1, 4));
    Map<AgentId, Dashboard.Since> first = Dashboard.statesSince(Map.of(), FloorSummary.of(before, List.of(), ROUTING, NOW).agents(), NOW);
    Map<AgentId, Dashboard.Since> same = Dashboard.statesSince(first, FloorSummary.of(before, List.of(), ROUTING, NOW).agents(), NOW.plusSeconds(30));
    assertSame(first.get(MARIA), same.get(MARIA));
    List<AgentView> away = List.of(new AgentView(MARIA, "Maria", Presence.AWAY, 1, 4));
    Map<AgentId, Dashboard.Since> changed = Dashboard.statesSince(same, FloorSummary.of(away, List.of(), ROUTING, NOW).agents(), NOW.plusSeconds(40));
    assertEquals(new Dashboard.Since("away", NOW.plusSeconds(40)), changed.get(MARIA));
    assertEquals(Map.of(), Dashboard.statesSince(changed, List.of(), NOW.plusSeconds(50)), "an agent gone from the floor is forgotten");
  }

  @Test
  void alertsPutEmergenciesFirstThenHandUpsThenTimeLimitsOldestFirstWithinEach() {
    ConversationState limit = conversation(Channel.SMS, 800, queuedAgo(700), new ConversationEvent.Escalated(Breach.QUEUE_WAIT, "waited"));
    ConversationState handUp = conversation(Channel.SMS, 100, queuedAgo(90), new ConversationEvent.Assigned(JO, "Jo"),
        new ConversationEvent.Escalated(ConversationEvent.Escalated.SUPERVISOR, "angry"));
    ConversationState newEmergency = conversation(Channel.WEBCHAT, 10, queuedAgo(10),
        new ConversationEvent.Escalated(ConversationEvent.Escalated.EMERGENCY, "fire"), new ConversationEvent.Escalated(Breach.QUEUE_WAIT, "waited"));
    ConversationState oldEmergency = conversation(Channel.TTY, 50, queuedAgo(40), new ConversationEvent.Escalated(ConversationEvent.Escalated.EMERGENCY, "fire"));
    ConversationState calm = conversation(Channel.SMS, 5, queuedAgo(5));
    FloorSummary floor = FloorSummary.of(List.of(), List.of(limit, handUp, newEmergency, oldEmergency, calm), ROUTING, NOW);

    List<Dashboard.Alert> alerts = Dashboard.of(floor, today(), TARGETS, Map.of(), ROUTING, NOW).alerts();

    assertEquals(List.of(oldEmergency.id(), newEmergency.id(), handUp.id(), limit.id()), alerts.stream().map(Dashboard.Alert::conversation).toList());
    assertEquals(List.of(Dashboard.Kind.EMERGENCY, Dashboard.Kind.EMERGENCY, Dashboard.Kind.SUPERVISOR, Dashboard.Kind.TIME_LIMIT),
        alerts.stream().map(Dashboard.Alert::kind).toList());
    assertEquals(Optional.of(JO), alerts.get(2).agent());
    assertTrue(alerts.get(3).waiting());
  }
}
