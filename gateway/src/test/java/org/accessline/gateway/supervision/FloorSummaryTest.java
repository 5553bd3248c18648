package org.accessline.gateway.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

class FloorSummaryTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final AgentId MARIA = new AgentId("maria");
  private static final AgentId JO = new AgentId("jo");
  private static final RoutingSettings ROUTING = new RoutingSettings(Map.of(), false, java.time.Duration.ofSeconds(30),
      java.time.Duration.ofSeconds(60), java.time.Duration.ofHours(24),
      List.of(new QueueDefinition(RoutingSettings.GENERAL, 0, Set.of()), new QueueDefinition("tty-line", 10, Set.of()),
          new QueueDefinition("billing", 5, Set.of())),
      Map.of(Channel.TTY, "tty-line"), Optional.empty(), ContentSkills.none());

  /** A conversation opened {@code openedAgo} seconds before now, then the events given, a second apart. */
  private static ConversationState conversation(Channel channel, long openedAgo, ConversationEvent... events) {
    ConversationId id = ConversationId.random();
    Contact contact = new Contact(channel, channel == Channel.WEBCHAT ? "chat-" + id.value() : "+15551230000");
    Instant opened = NOW.minusSeconds(openedAgo);
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(id, 1, opened, Participant.resident(contact), new ConversationEvent.Opened(contact, Optional.empty()), Optional.empty()));
    for (ConversationEvent e : events) {
      entries.add(new Entry(id, entries.size() + 1, opened.plusSeconds(entries.size()), Participant.SYSTEM, e, Optional.empty()));
    }
    return ConversationState.replay(entries);
  }

  private static ConversationEvent.Queued queuedAgo(long seconds) {
    return new ConversationEvent.Queued(NOW.minusSeconds(seconds), "new");
  }

  @Test
  void theLineCountsWhatWaitsItsLongestWaitAndWhatRanPastALimit() {
    ConversationState waitingLong = conversation(Channel.SMS, 400, queuedAgo(300), new ConversationEvent.Escalated(Breach.QUEUE_WAIT, "waited"));
    ConversationState waitingShort = conversation(Channel.WEBCHAT, 50, queuedAgo(45));
    ConversationState held = conversation(Channel.SMS, 900, queuedAgo(890), new ConversationEvent.Assigned(MARIA, "Maria"));

    FloorSummary summary = FloorSummary.of(List.of(), List.of(waitingLong, waitingShort, held), ROUTING, NOW);

    assertEquals(new FloorSummary.Line(2, 300, 1), summary.line(), "the held conversation waits no longer, however long it once did");
  }

  @Test
  void anEmptyFloorHasNoWaitAtAll() {
    assertEquals(new FloorSummary.Line(0, 0, 0), FloorSummary.of(List.of(), List.of(), ROUTING, NOW).line());
  }

  @Test
  void eachAgentCarriesTheOpenConversationsAssignedToThem() {
    ConversationState a = conversation(Channel.SMS, 60, queuedAgo(59), new ConversationEvent.Assigned(MARIA, "Maria"));
    ConversationState b = conversation(Channel.TTY, 60, queuedAgo(59), new ConversationEvent.Assigned(MARIA, "Maria"));
    ConversationState c = conversation(Channel.WEBCHAT, 60, queuedAgo(59));
    List<AgentView> agents = List.of(new AgentView(MARIA, "Maria", Presence.AVAILABLE, 2, 4), new AgentView(JO, "Jo", Presence.AWAY, 0, 3));

    FloorSummary summary = FloorSummary.of(agents, List.of(a, b, c), ROUTING, NOW);

    assertEquals(List.of(new FloorSummary.AgentLoad(MARIA, "Maria", Presence.AVAILABLE, true, 4, 2),
        new FloorSummary.AgentLoad(JO, "Jo", Presence.AWAY, false, 3, 0)), summary.agents());
  }

  @Test
  void eachConversationShowsItsAgeItsQueueAndItsLimitsInNameOrder() {
    ConversationState tty = conversation(Channel.TTY, 125, queuedAgo(120), new ConversationEvent.Escalated(Breach.QUEUE_WAIT, "waited"),
        new ConversationEvent.Escalated(Breach.FIRST_RESPONSE, "no answer"));
    ConversationState moved = conversation(Channel.SMS, 10, queuedAgo(9), new ConversationEvent.QueueChanged("billing", "agent moved it"));
    ConversationState plain = conversation(Channel.SMS, 0, queuedAgo(0));

    List<FloorSummary.Open> open = FloorSummary.of(List.of(), List.of(tty, moved, plain), ROUTING, NOW).conversations();

    assertEquals(List.of(tty, moved, plain), open.stream().map(FloorSummary.Open::state).toList(), "in the order the floor gave them");
    assertEquals(List.of("tty-line", "billing", RoutingSettings.GENERAL), open.stream().map(FloorSummary.Open::queue).toList());
    assertEquals(List.of(125L, 10L, 0L), open.stream().map(FloorSummary.Open::openedSeconds).toList());
    assertEquals(List.of(Breach.FIRST_RESPONSE, Breach.QUEUE_WAIT), open.get(0).limitsPassed());
    assertEquals(List.of(), open.get(1).limitsPassed());
  }
}
