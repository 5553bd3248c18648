package org.accessline.gateway.rules;

import static org.accessline.gateway.rules.FloorDriver.T0;
import static org.accessline.gateway.rules.FloorDriver.agent;
import static org.accessline.gateway.rules.FloorDriver.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.QueueMessages;
import org.accessline.gateway.rules.FloorAction.PublishPlaceInLine;
import org.accessline.gateway.rules.FloorAction.TextPlaceInLine;
import org.accessline.gateway.rules.FloorDriver.Conversation;
import org.junit.jupiter.api.Test;

/** What waiting residents hear of their place in line, and how often. */
class PlacesInLineTest {
  private final AgentProfile maria = agent("maria", 1);

  @Test
  void webChatPlacesArePublishedForWhoeverMovedAtMostOncePerSecond() {
    FloorDriver floor = new FloorDriver();
    FloorAction.StartTimer quietSecond = new FloorAction.StartTimer(new FloorAction.TimerKey.Places(), Duration.ofSeconds(1), new FloorInput.PlacesDue());
    Conversation a = Conversation.waiting(Channel.WEBCHAT, T0);
    Conversation b = Conversation.waiting(Channel.WEBCHAT, T0.plusSeconds(1));
    Conversation c = Conversation.waiting(Channel.WEBCHAT, T0.plusSeconds(2));
    List<FloorAction> first = floor.changed(a);
    assertEquals(List.of(new PublishPlaceInLine(a.id(), 1, Optional.empty())), only(PublishPlaceInLine.class, first), "nobody on duty: no made-up wait");
    assertEquals(List.of(quietSecond), only(FloorAction.StartTimer.class, first));
    assertEquals(List.of(new FloorAction.PublishQueueLength(1)), only(FloorAction.PublishQueueLength.class, first));

    List<FloorAction> second = floor.changed(b);
    assertEquals(List.of(), only(PublishPlaceInLine.class, second), "within the quiet second");
    assertEquals(List.of(), only(FloorAction.StartTimer.class, second));
    floor.changed(c);
    assertEquals(List.of(new PublishPlaceInLine(b.id(), 2, Optional.empty()), new PublishPlaceInLine(c.id(), 3, Optional.empty()), quietSecond),
        floor.feed(new FloorInput.PlacesDue()), "the first resident did not move and hears nothing new");
    assertEquals(List.of(), floor.feed(new FloorInput.PlacesDue()), "nothing changed: the quiet ends");
    assertEquals(Optional.of(new PublishPlaceInLine(c.id(), 3, Optional.empty())), floor.rules.placeInLine(floor.state, c.id()));

    floor.feed(new FloorInput.AgentConnected(maria));
    List<FloorAction> offered = floor.feed(new FloorInput.PresenceSet(maria, org.accessline.gateway.routing.Presence.AVAILABLE));
    assertEquals(List.of(a.id()), only(FloorAction.RecordOffer.class, offered).stream().map(FloorAction.RecordOffer::conversation).toList());
    assertEquals(List.of(new PublishPlaceInLine(b.id(), 1, Optional.of(Duration.ofMinutes(5))), new PublishPlaceInLine(c.id(), 2, Optional.of(Duration.ofMinutes(10)))),
        only(PublishPlaceInLine.class, offered), "everyone behind the offered head moved up, and now a wait can be estimated");
    assertEquals(Optional.empty(), floor.rules.placeInLine(floor.state, a.id()), "an offered conversation has no place in line");
  }

  @Test
  void aTexterIsToldOnJoiningTheLineAndThenEveryTwoMinutesNotOnEveryChange() {
    FloorDriver floor = new FloorDriver();
    Conversation first = Conversation.waiting(Channel.SMS, T0);
    Conversation second = Conversation.waiting(Channel.TTY, T0.plusSeconds(10));
    Conversation chat = Conversation.waiting(Channel.WEBCHAT, T0.plusSeconds(20));
    assertEquals(List.of(new TextPlaceInLine(first.id(), QueueMessages.text(Channel.SMS, 1, Optional.empty()), "queue:" + first.id().value() + ":1")),
        only(TextPlaceInLine.class, floor.changed(first)));
    assertEquals(List.of(new TextPlaceInLine(second.id(), QueueMessages.text(Channel.TTY, 2, Optional.empty()), "queue:" + second.id().value() + ":1")),
        only(TextPlaceInLine.class, floor.at(Duration.ofSeconds(10)).changed(second)));
    assertEquals(List.of(), only(TextPlaceInLine.class, floor.at(Duration.ofSeconds(20)).changed(chat)), "web chat shows its place live instead");
    assertEquals(List.of(), only(TextPlaceInLine.class, floor.at(Duration.ofSeconds(119)).feed(new FloorInput.Tick())));
    assertEquals(List.of(new TextPlaceInLine(first.id(), QueueMessages.text(Channel.SMS, 1, Optional.empty()), "queue:" + first.id().value() + ":2")),
        only(TextPlaceInLine.class, floor.at(Duration.ofSeconds(120)).feed(new FloorInput.Tick())));
    assertEquals(List.of(second.id()), only(TextPlaceInLine.class, floor.at(Duration.ofSeconds(130)).feed(new FloorInput.Tick())).stream()
        .map(TextPlaceInLine::conversation).toList());
  }

  @Test
  void aTexterOfferedStraightAwayIsNotToldAPlace() {
    FloorDriver floor = new FloorDriver();
    floor.available(maria);
    List<FloorAction> joined = floor.changed(Conversation.waiting(Channel.SMS, T0));
    assertEquals(1, only(FloorAction.RecordOffer.class, joined).size());
    assertEquals(List.of(), only(TextPlaceInLine.class, joined));
    assertEquals(List.of(), only(PublishPlaceInLine.class, joined));
  }

  @Test
  void theQueueLengthIsPublishedWhenItChanges() {
    FloorDriver floor = new FloorDriver();
    Conversation a = Conversation.waiting(Channel.WEBCHAT, T0);
    assertEquals(List.of(new FloorAction.PublishQueueLength(1)), only(FloorAction.PublishQueueLength.class, floor.changed(a)));
    assertEquals(List.of(), only(FloorAction.PublishQueueLength.class, floor.feed(new FloorInput.Tick())));
    assertEquals(List.of(new FloorAction.PublishQueueLength(0)), only(FloorAction.PublishQueueLength.class, floor.changed(a.resolvedNow())));
    assertEquals(0, floor.state.waitingCount());
  }
}
