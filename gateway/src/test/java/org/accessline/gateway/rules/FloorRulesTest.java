package org.accessline.gateway.rules;

import static org.accessline.gateway.rules.FloorDriver.T0;
import static org.accessline.gateway.rules.FloorDriver.agent;
import static org.accessline.gateway.rules.FloorDriver.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.AgentView;
import org.accessline.gateway.routing.ContentSkills;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.rules.FloorAction.TimerKey;
import org.accessline.gateway.rules.FloorDriver.Conversation;
import org.junit.jupiter.api.Test;

/** Offers, reservations, cool-downs, priorities and capacity on a set clock. */
class FloorRulesTest {
  private static final Duration ACCEPT = RoutingSettings.defaults().acceptTimeout();
  private final AgentProfile maria = agent("maria", 2);
  private final AgentProfile lee = agent("lee", 2);

  @Test
  void anOfferIsRecordedBeforeTheAgentIsToldAndTheAgentWhoAcceptsIsAssigned() {
    FloorDriver floor = new FloorDriver();
    floor.available(maria);
    Conversation c = Conversation.waiting(Channel.WEBCHAT, T0);
    assertEquals(List.of(new FloorAction.StartTimer(new TimerKey.OfferAnswer(c.id()), ACCEPT, new FloorInput.OfferLapsed(c.id(), maria.id(), 1)),
        new FloorAction.RecordOffer(c.id(), maria.id(), "Maria", 1)), floor.changed(c), "nobody is told before the offer is on the record");
    assertEquals(0, floor.state.waitingCount(), "an offered conversation is out of the line");
    assertEquals(1, floor.state.unitsUsed(maria.id()), "the offer holds one of maria's units");

    FloorAction.TellOffered told = new FloorAction.TellOffered(maria.id(), c.id(), "webchat", T0.plus(ACCEPT), Optional.empty(), "");
    assertEquals(List.of(told), floor.feed(new FloorInput.OfferRecorded(c.id(), maria.id(), 1)));
    assertEquals(List.of(told), floor.state.offersFor(maria.id(), Map.of(c.id(), "webchat")), "a console that reconnects sees the offer");

    floor.feed(new FloorInput.Accepted(c.id(), lee.id()));
    assertEquals(new FloorRules.Answer.Refused(Refusal.NO_OFFER), floor.last.answer());
    List<FloorAction> accepted = floor.feed(new FloorInput.Accepted(c.id(), maria.id()));
    FloorAction.Assign assign = new FloorAction.Assign(c.id(), maria.id(), "Maria");
    assertEquals(List.of(new FloorAction.CancelTimer(new TimerKey.OfferAnswer(c.id())), assign), accepted);
    assertEquals(new FloorRules.Answer.AfterWrite(assign), floor.last.answer(), "the agent hears how the assignment's write went");

    floor.feed(new FloorInput.ConversationChanged(c.assignedTo(maria).state(), false));
    floor.feed(new FloorInput.AssignmentDone(c.id(), maria.id(), false));
    assertEquals(1, floor.state.unitsUsed(maria.id()));
    floor.changed(c.resolvedNow());
    assertEquals(0, floor.state.unitsUsed(maria.id()), "a resolved conversation frees its agent");
  }

  @Test
  void aLapsedOfferGoesBackToTheLineAndNotToThatAgentUntilTheCoolDownEnds() {
    FloorDriver floor = new FloorDriver();
    floor.available(maria);
    Conversation c = Conversation.waiting(Channel.WEBCHAT, T0);
    floor.changed(c);
    List<FloorAction> lapsed = floor.at(Duration.ofSeconds(30)).feed(new FloorInput.OfferLapsed(c.id(), maria.id(), 1));
    assertEquals(List.of(new FloorAction.TellWithdrawn(maria.id(), c.id(), "lapsed")), only(FloorAction.TellWithdrawn.class, lapsed));
    assertEquals(List.of(new FloorAction.Note(c.id(), "Maria did not accept the offer within 30 s; it went back to the queue.",
        "offer:" + c.id().value() + ":maria:" + T0.plusSeconds(30).toEpochMilli() + ":1")), only(FloorAction.Note.class, lapsed));
    assertEquals(List.of(), only(FloorAction.RecordOffer.class, lapsed), "maria is cooling down and nobody else is on duty");
    assertEquals(List.of(new FloorAction.PublishPlaceInLine(c.id(), 1, Optional.of(Duration.ofSeconds(150)))),
        only(FloorAction.PublishPlaceInLine.class, lapsed), "back in line, first, with five minutes over maria's two places");
    assertEquals(1, floor.state.waitingCount());

    assertEquals(List.of(), only(FloorAction.RecordOffer.class, floor.at(Duration.ofSeconds(89)).feed(new FloorInput.Tick())));
    assertEquals(List.of(new FloorAction.RecordOffer(c.id(), maria.id(), "Maria", 2)),
        only(FloorAction.RecordOffer.class, floor.at(Duration.ofSeconds(91)).feed(new FloorInput.Tick())), "the cool-down is 60 s");
    assertEquals(List.of(), floor.feed(new FloorInput.OfferLapsed(c.id(), maria.id(), 1)), "the first offer's timer means nothing now");
  }

  @Test
  void aDeclinedOfferGoesToTheNextAgentAtOnce() {
    FloorDriver floor = new FloorDriver();
    AgentProfile roomier = agent("maria", 3);
    floor.available(roomier);
    floor.available(lee);
    Conversation c = Conversation.waiting(Channel.WEBCHAT, T0);
    assertEquals(List.of(new FloorAction.RecordOffer(c.id(), roomier.id(), "Maria", 1)), only(FloorAction.RecordOffer.class, floor.changed(c)),
        "the agent with the most free units first");
    List<FloorAction> declined = floor.at(Duration.ofSeconds(5)).feed(new FloorInput.Declined(c.id(), roomier.id()));
    assertEquals(new FloorRules.Answer.Done(), floor.last.answer());
    assertEquals(List.of(new FloorAction.CancelTimer(new TimerKey.OfferAnswer(c.id())), new FloorAction.TellWithdrawn(roomier.id(), c.id(), "declined"),
        new FloorAction.Note(c.id(), "Maria declined the offer; it went back to the queue.",
            "offer:" + c.id().value() + ":maria:" + T0.plusSeconds(5).toEpochMilli() + ":1"),
        new FloorAction.StartTimer(new TimerKey.OfferAnswer(c.id()), ACCEPT, new FloorInput.OfferLapsed(c.id(), lee.id(), 2)),
        new FloorAction.RecordOffer(c.id(), lee.id(), "Lee", 2)), declined);
    floor.feed(new FloorInput.Declined(c.id(), roomier.id()));
    assertEquals(new FloorRules.Answer.Refused(Refusal.NO_OFFER), floor.last.answer(), "her offer is gone");
  }

  @Test
  void anOfferThatCannotBeRecordedGoesBackSilentlyAndAFailedStoreIsTriedAgain() {
    FloorDriver floor = new FloorDriver();
    floor.available(maria);
    Conversation c = Conversation.waiting(Channel.WEBCHAT, T0);
    floor.changed(c);
    List<FloorAction> refused = floor.feed(new FloorInput.OfferNotRecorded(c.id(), maria.id(), 1, false));
    assertEquals(List.of(new FloorAction.CancelTimer(new TimerKey.OfferAnswer(c.id()))), only(FloorAction.CancelTimer.class, refused));
    assertEquals(List.of(), only(FloorAction.TellWithdrawn.class, refused), "nobody was told, so nothing is withdrawn");
    assertTrue(only(FloorAction.StartTimer.class, refused).stream().noneMatch(t -> t.key() instanceof TimerKey.Retry), "a refusal is not retried");
    assertEquals(1, floor.state.waitingCount());

    assertEquals(1, only(FloorAction.RecordOffer.class, floor.feed(new FloorInput.Tick())).size());
    List<FloorAction> failed = floor.feed(new FloorInput.OfferNotRecorded(c.id(), maria.id(), 2, true));
    assertTrue(failed.contains(new FloorAction.StartTimer(new TimerKey.Retry(), Duration.ofSeconds(1), new FloorInput.RetryDue())));
    assertEquals(List.of(new FloorAction.RecordOffer(c.id(), maria.id(), "Maria", 3)),
        only(FloorAction.RecordOffer.class, floor.feed(new FloorInput.RetryDue())));
  }

  @Test
  void aWarmTransferStaysWithTheFirstAgentUntilTheSecondAccepts() {
    FloorDriver floor = new FloorDriver();
    floor.available(maria);
    floor.available(lee);
    Conversation c = Conversation.waiting(Channel.SMS, T0).assignedTo(maria);
    floor.changed(c);
    FloorAction.TellOffered offer = new FloorAction.TellOffered(lee.id(), c.id(), "sms", T0.plus(ACCEPT), Optional.of("Maria"), "needs billing");
    assertEquals(List.of(new FloorAction.StartTimer(new TimerKey.TransferAnswer(c.id()), ACCEPT, new FloorInput.TransferLapsed(c.id())), offer),
        floor.feed(new FloorInput.TransferOffered(c.id(), "sms", maria, lee, "needs billing")));
    assertEquals(List.of(offer), floor.state.offersFor(lee.id(), Map.of(c.id(), "sms")));
    assertEquals(1, floor.state.unitsUsed(maria.id()), "maria keeps it meanwhile");
    floor.feed(new FloorInput.TransferOffered(c.id(), "sms", maria, agent("bob", 1), ""));
    assertEquals(new FloorRules.Answer.Refused(Refusal.TRANSFER_PENDING), floor.last.answer());
    floor.feed(new FloorInput.Accepted(c.id(), maria.id()));
    assertEquals(new FloorRules.Answer.Refused(Refusal.NO_OFFER), floor.last.answer());

    FloorAction.CompleteTransfer complete = new FloorAction.CompleteTransfer(c.id(), maria.participant(), lee.id(), "Lee", "needs billing");
    assertEquals(List.of(new FloorAction.CancelTimer(new TimerKey.TransferAnswer(c.id())), complete), floor.feed(new FloorInput.Accepted(c.id(), lee.id())));
    assertEquals(new FloorRules.Answer.AfterWrite(complete), floor.last.answer());
    assertEquals(List.of(), floor.state.offersFor(lee.id(), Map.of()));
  }

  @Test
  void aDeclinedOrLapsedWarmTransferIsNotedAndTheConversationStays() {
    FloorDriver floor = new FloorDriver();
    Conversation c = Conversation.waiting(Channel.WEBCHAT, T0).assignedTo(maria);
    floor.changed(c);
    floor.feed(new FloorInput.TransferOffered(c.id(), "webchat", maria, lee, ""));
    assertEquals(List.of(new FloorAction.CancelTimer(new TimerKey.TransferAnswer(c.id())), new FloorAction.TellWithdrawn(lee.id(), c.id(), "declined"),
        new FloorAction.Note(c.id(), "Lee declined the transfer; it stays with Maria.", "transfer:" + c.id().value() + ":lee:" + T0.toEpochMilli() + ":1")),
        floor.feed(new FloorInput.Declined(c.id(), lee.id())));

    floor.feed(new FloorInput.TransferOffered(c.id(), "webchat", maria, lee, ""));
    List<FloorAction> lapsed = floor.at(ACCEPT).feed(new FloorInput.TransferLapsed(c.id()));
    assertEquals(List.of(new FloorAction.TellWithdrawn(lee.id(), c.id(), "lapsed")), only(FloorAction.TellWithdrawn.class, lapsed));
    assertEquals("Lee did not take the transfer in time; it stays with Maria.", only(FloorAction.Note.class, lapsed).get(0).text());
    assertEquals(List.of(), floor.feed(new FloorInput.TransferLapsed(c.id())), "only once");
  }

  @Test
  void anAgentWhoseLastConsoleClosesHasTheirConversationsHandedBackAfterTheGrace() {
    FloorDriver floor = new FloorDriver();
    floor.available(maria);
    floor.feed(new FloorInput.AgentConnected(maria));
    Conversation c = Conversation.waiting(Channel.WEBCHAT, T0).assignedTo(maria);
    floor.changed(c);
    assertEquals(List.of(), floor.feed(new FloorInput.AgentDisconnected(maria.id())), "another console is still open");
    assertEquals(List.of(new FloorAction.StartTimer(new TimerKey.Handback(maria.id()), FloorDriver.GRACE, new FloorInput.GraceEnded(maria.id()))),
        floor.feed(new FloorInput.AgentDisconnected(maria.id())));
    assertEquals(List.of(new FloorAction.Release(c.id(), maria.id(), "agent disconnected")), floor.at(FloorDriver.GRACE).feed(new FloorInput.GraceEnded(maria.id())));
  }

  @Test
  void anAgentWhoReconnectsWithinTheGraceKeepsTheirConversations() {
    FloorDriver floor = new FloorDriver();
    floor.available(maria);
    floor.changed(Conversation.waiting(Channel.WEBCHAT, T0).assignedTo(maria));
    floor.feed(new FloorInput.AgentDisconnected(maria.id()));
    assertTrue(floor.feed(new FloorInput.AgentConnected(maria)).contains(new FloorAction.CancelTimer(new TimerKey.Handback(maria.id()))));
    assertEquals(List.of(), floor.feed(new FloorInput.GraceEnded(maria.id())), "a timer that fired anyway hands nothing back");
  }

  @Test
  void afterARestartAgentsWithConversationsHaveTheGraceToComeBack() {
    FloorDriver floor = new FloorDriver();
    assertEquals(List.of(new FloorAction.StartTimer(new TimerKey.Handback(maria.id()), FloorDriver.GRACE, new FloorInput.GraceEnded(maria.id()))),
        only(FloorAction.StartTimer.class, floor.feed(new FloorInput.AwaitReturn(maria.id()))));
    assertEquals(List.of(new AgentView(maria.id(), "maria", Presence.AWAY, 0, 1)), floor.state.agents(), "known by id until she signs in");
    Conversation c = Conversation.waiting(Channel.TTY, T0).assignedTo(maria);
    floor.feed(new FloorInput.ConversationChanged(c.state(), false));
    assertEquals(List.of(), only(FloorAction.StartTimer.class, floor.feed(new FloorInput.AwaitReturn(maria.id()))), "one grace per agent");
    assertEquals(List.of(new FloorAction.Release(c.id(), maria.id(), "agent disconnected")), floor.feed(new FloorInput.GraceEnded(maria.id())));

    FloorDriver returning = new FloorDriver();
    returning.feed(new FloorInput.AwaitReturn(maria.id()));
    assertTrue(returning.feed(new FloorInput.AgentConnected(maria)).contains(new FloorAction.CancelTimer(new TimerKey.Handback(maria.id()))));
    assertEquals(List.of(new AgentView(maria.id(), "Maria", Presence.AWAY, 1, 2)), returning.state.agents());
  }

  @Test
  void aReturningResidentWaitsForTheirLastAgentToBeKnownAndGoesBackToThem() {
    FloorDriver floor = new FloorDriver();
    floor.available(maria);
    floor.available(lee);
    Conversation c = Conversation.waiting(Channel.WEBCHAT, T0);
    floor.feed(new FloorInput.LookingUpLastAgent(c.id()));
    assertEquals(List.of(), only(FloorAction.RecordOffer.class, floor.changed(c)));
    assertEquals(0, floor.state.waitingCount(), "held out of the line while its last agent is looked up");
    assertEquals(List.of(new FloorAction.RecordOffer(c.id(), maria.id(), "Maria", 1)),
        only(FloorAction.RecordOffer.class, floor.feed(new FloorInput.LastAgentKnown(c.id(), Optional.of(maria.id())))),
        "maria, though lee would win the tie");

    Conversation other = Conversation.waiting(Channel.WEBCHAT, T0);
    floor.feed(new FloorInput.LookingUpLastAgent(other.id()));
    floor.changed(other);
    floor.feed(new FloorInput.PresenceSet(maria, Presence.AWAY));
    assertEquals(List.of(new FloorAction.RecordOffer(other.id(), lee.id(), "Lee", 2)),
        only(FloorAction.RecordOffer.class, floor.feed(new FloorInput.LastAgentKnown(other.id(), Optional.of(maria.id())))),
        "a last agent who is away does not keep the resident waiting");
  }

  @Test
  void anEmergencyGoesFirstThenTheHigherQueueThenTimeLimitsPassedThenTheLongestWaiting() {
    RoutingSettings queues = new RoutingSettings(RoutingSettings.defaults().weights(), false, ACCEPT, Duration.ofSeconds(60), Duration.ofHours(24),
        List.of(new QueueDefinition(RoutingSettings.GENERAL, 0, java.util.Set.of()), new QueueDefinition("billing", 5, java.util.Set.of())), Map.of(),
        Optional.empty(), ContentSkills.none());
    FloorDriver floor = new FloorDriver(queues);
    AgentProfile ana = agent("ana", 3);
    floor.feed(new FloorInput.AgentConnected(ana));
    Conversation plain = Conversation.waiting(Channel.WEBCHAT, T0);
    Conversation billing = Conversation.waiting(Channel.WEBCHAT, T0.plusSeconds(10)).inQueue("billing");
    Conversation late = Conversation.waiting(Channel.WEBCHAT, T0.plusSeconds(20)).breaches(2);
    Conversation emergency = Conversation.waiting(Channel.WEBCHAT, T0.plusSeconds(30)).emergency();
    for (Conversation c : List.of(plain, billing, late, emergency)) floor.changed(c);
    List<FloorAction> offers = floor.feed(new FloorInput.PresenceSet(ana, Presence.AVAILABLE));
    assertEquals(List.of(emergency.id(), billing.id(), late.id()), only(FloorAction.RecordOffer.class, offers).stream().map(FloorAction.RecordOffer::conversation).toList());
    assertEquals(1, floor.state.waitingCount());
  }

  @Test
  void aTtyConversationTakesTwoUnitsAndAnAgentWithTheSkill() {
    FloorDriver floor = new FloorDriver(RoutingSettings.defaults().withAutoAccept(true));
    AgentProfile tty = agent("maria", 2, "tty");
    AgentProfile text = agent("lee", 3);
    floor.available(tty);
    floor.available(text);
    Conversation call = Conversation.waiting(Channel.TTY, T0);
    assertEquals(List.of(new FloorAction.Assign(call.id(), tty.id(), "Maria")), only(FloorAction.Assign.class, floor.changed(call)));
    assertEquals(2, floor.state.unitsUsed(tty.id()));
    Conversation second = Conversation.waiting(Channel.TTY, T0.plusSeconds(1));
    assertEquals(List.of(), only(FloorAction.Assign.class, floor.changed(second)), "maria is full and lee cannot take TTY");
    Conversation chat = Conversation.waiting(Channel.WEBCHAT, T0.plusSeconds(2));
    assertEquals(List.of(new FloorAction.Assign(chat.id(), text.id(), "Lee")), only(FloorAction.Assign.class, floor.changed(chat)),
        "the TTY call waiting ahead does not block a chat someone can take");
  }

  @Test
  void withAutoAcceptEveryOfferIsTakenAtOnceAndAFailedWriteIsTriedAgain() {
    FloorDriver floor = new FloorDriver(RoutingSettings.defaults().withAutoAccept(true));
    floor.available(maria);
    Conversation c = Conversation.waiting(Channel.WEBCHAT, T0);
    assertEquals(List.of(new FloorAction.Assign(c.id(), maria.id(), "Maria")), floor.changed(c));
    assertTrue(floor.feed(new FloorInput.AssignmentDone(c.id(), maria.id(), true))
        .contains(new FloorAction.StartTimer(new TimerKey.Retry(), Duration.ofSeconds(1), new FloorInput.RetryDue())));
    assertEquals(List.of(new FloorAction.Assign(c.id(), maria.id(), "Maria")), only(FloorAction.Assign.class, floor.feed(new FloorInput.RetryDue())));
  }

  @Test
  void anAgentWhoPassedAConversationBackIsNotOfferedItAgainAtOnce() {
    FloorDriver floor = new FloorDriver();
    floor.available(maria);
    Conversation c = Conversation.waiting(Channel.WEBCHAT, T0).assignedTo(maria);
    floor.changed(c);
    floor.feed(new FloorInput.PassedOn(c.id(), maria.id()));
    assertEquals(List.of(), only(FloorAction.RecordOffer.class, floor.changed(c.backInLine())));
    assertEquals(1, only(FloorAction.RecordOffer.class, floor.at(Duration.ofSeconds(61)).feed(new FloorInput.Tick())).size());
  }

  @Test
  void aStepLeavesTheStateBeforeItAsItWas() {
    FloorDriver floor = new FloorDriver();
    FloorState before = floor.state;
    floor.changed(Conversation.waiting(Channel.WEBCHAT, T0));
    assertEquals(0, before.waitingCount());
    assertEquals(1, floor.state.waitingCount());
    floor.changed(Conversation.waiting(Channel.WEBCHAT, T0).resolvedNow());
    assertEquals(1, floor.state.waitingCount(), "a conversation the floor never saw waiting, resolved, changes nothing");
  }
}
