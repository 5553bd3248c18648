package org.accessline.gateway.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.QueueEstimate;
import org.accessline.gateway.routing.QueueUpdates;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.rules.FloorAction.TimerKey;
import org.accessline.gateway.rules.FloorInput.Accepted;
import org.accessline.gateway.rules.FloorInput.AgentConnected;
import org.accessline.gateway.rules.FloorInput.AgentDisconnected;
import org.accessline.gateway.rules.FloorInput.AssignmentDone;
import org.accessline.gateway.rules.FloorInput.AwaitReturn;
import org.accessline.gateway.rules.FloorInput.ConversationChanged;
import org.accessline.gateway.rules.FloorInput.Declined;
import org.accessline.gateway.rules.FloorInput.GraceEnded;
import org.accessline.gateway.rules.FloorInput.Handled;
import org.accessline.gateway.rules.FloorInput.LastAgentKnown;
import org.accessline.gateway.rules.FloorInput.LookingUpLastAgent;
import org.accessline.gateway.rules.FloorInput.OfferLapsed;
import org.accessline.gateway.rules.FloorInput.OfferNotRecorded;
import org.accessline.gateway.rules.FloorInput.OfferRecorded;
import org.accessline.gateway.rules.FloorInput.PassedOn;
import org.accessline.gateway.rules.FloorInput.PlacesDue;
import org.accessline.gateway.rules.FloorInput.PresenceSet;
import org.accessline.gateway.rules.FloorInput.RetryDue;
import org.accessline.gateway.rules.FloorInput.Tick;
import org.accessline.gateway.rules.FloorInput.TransferLapsed;
import org.accessline.gateway.rules.FloorInput.TransferOffered;
import org.accessline.gateway.rules.FloorState.Desk;
import org.accessline.gateway.rules.FloorState.Reserved;
import org.accessline.gateway.rules.FloorState.WarmTransfer;

/**
 * The floor's decisions, without timers or an event bus: {@code on(state, input, now)} gives the next
 * state and what the shell must do. Offers are reservations the agent accepts within the accept
 * timeout, recorded before the agent is told; one declined or lapsed goes back to the line and not
 * to that agent for the cool-down. A warm transfer leaves the conversation with its first agent
 * until the second accepts. An agent whose last console closed gets their conversations handed back
 * once the grace runs out, unless they return. Routing is incremental: the line is kept in service
 * order, grouped by need, so a change costs the offers it makes, not a pass over everyone waiting.
 */
public final class FloorRules {
  /** Channels that hear their place in line as messages, not as a live display. */
  private static final Set<Channel> TOLD_BY_MESSAGE = Set.of(Channel.SMS, Channel.TTY, Channel.RELAY);
  private static final int HANDLE_TIMES_KEPT = 50;
  private static final Duration ROUTING_RETRY = Duration.ofSeconds(1);
  /**
   * Live places in line are published at once, then not again for this long: what changed meanwhile
   * goes out together. When the head of a long line is offered everyone behind moves up, and one
   * publish per change would send the whole line each time.
   */
  static final Duration PLACES_EVERY = Duration.ofSeconds(1);

  /** What an input leads to: the next state, the actions in order, and the answer for whoever asked. */
  public record Step(FloorState state, List<FloorAction> actions, Answer answer) {}

  /** The answer to an agent's accept, decline or transfer. */
  public sealed interface Answer {
    record Done() implements Answer {}

    record Refused(Refusal refusal) implements Answer {}

    /** The answer is the outcome of this write (an assignment, a completed transfer). */
    record AfterWrite(FloorAction.Write write) implements Answer {}
  }

  private static final Answer DONE = new Answer.Done();

  private final RoutingSettings routing;
  private final QueueUpdates queueUpdates;
  private final Duration handbackGrace;

  public FloorRules(RoutingSettings routing, QueueUpdates queueUpdates, Duration handbackGrace) {
    this.routing = routing;
    this.queueUpdates = queueUpdates;
    this.handbackGrace = handbackGrace;
  }

  public Step on(FloorState state, FloorInput input, Instant now) {
    FloorChange c = new FloorChange(state, routing, now);
    Answer answer = apply(c, input);
    PlacesInLine.settle(c, queueUpdates);
    return new Step(c.state(), List.copyOf(c.actions), answer);
  }

  /** A waiting resident's place in line and expected wait, as of now; empty when not in the line. */
  public Optional<FloorAction.PublishPlaceInLine> placeInLine(FloorState state, ConversationId conversation) {
    FloorState.Seat seat = state.seats.get(conversation);
    if (seat == null || !seat.inLine()) return Optional.empty();
    int position = state.line.rank(seat.toldPlace()) + 1;
    Duration typical = QueueEstimate.typicalHandle(state.recentHandles, queueUpdates.typicalHandle());
    return Optional.of(new FloorAction.PublishPlaceInLine(conversation, position, QueueEstimate.wait(position, state.onDutyUnits, typical)));
  }

  private Answer apply(FloorChange c, FloorInput input) {
    if (input instanceof ConversationChanged changed) {
      c.conversationChanged(changed.state());
      if (changed.routingChanged()) route(c);
    } else if (input instanceof AgentConnected connected) {
      Desk desk = desk(c, connected.profile());
      if (desk.handbackPending()) c.actions.add(new FloorAction.CancelTimer(new TimerKey.Handback(desk.profile().id())));
      c.putDesk(desk.profile().id(), new Desk(desk.profile(), desk.presence(), desk.connections() + 1, false, desk.idleSince()));
      route(c);
    } else if (input instanceof AgentDisconnected disconnected) {
      Desk desk = c.desks.get(disconnected.agent());
      if (desk != null && desk.connections() > 0) {
        c.putDesk(disconnected.agent(), new Desk(desk.profile(), desk.presence(), desk.connections() - 1, desk.handbackPending(), desk.idleSince()));
        if (desk.connections() == 1) awaitReturn(c, disconnected.agent());
      }
    } else if (input instanceof AwaitReturn waiting) {
      if (c.desks.get(waiting.agent()) == null) desk(c, new AgentProfile(waiting.agent(), waiting.agent().value(), 1));
      awaitReturn(c, waiting.agent());
    } else if (input instanceof PresenceSet set) {
      Desk desk = desk(c, set.profile());
      c.putDesk(desk.profile().id(), new Desk(desk.profile(), set.presence(), desk.connections(), desk.handbackPending(), desk.idleSince()));
      route(c);
    } else if (input instanceof GraceEnded ended) {
      Desk desk = c.desks.get(ended.agent());
      if (desk == null) return DONE;
      c.putDesk(ended.agent(), new Desk(desk.profile(), desk.presence(), desk.connections(), false, desk.idleSince()));
      if (desk.connections() > 0) return DONE;
      for (ConversationId conversation : c.load(ended.agent()).assigned().stream().sorted(FloorState.BY_CONVERSATION).toList()) {
        c.actions.add(new FloorAction.Release(conversation, ended.agent(), "agent disconnected"));
      }
    } else if (input instanceof LookingUpLastAgent lookingUp) {
      c.lookingUp = c.lookingUp.put(lookingUp.conversation(), Boolean.TRUE);
      c.settle(lookingUp.conversation());
    } else if (input instanceof LastAgentKnown known) {
      c.lookingUp = c.lookingUp.remove(known.conversation());
      if (c.seats.get(known.conversation()) != null) known.agent().ifPresent(a -> c.preferred = c.preferred.put(known.conversation(), a));
      c.settle(known.conversation());
      route(c);
    } else if (input instanceof PassedOn passed) {
      if (c.seats.get(passed.conversation()) != null) c.letGo(passed.conversation(), passed.agent());
    } else if (input instanceof Handled handled) {
      List<Duration> recent = new ArrayList<>(c.recentHandles);
      recent.add(handled.handled());
      if (recent.size() > HANDLE_TIMES_KEPT) recent.remove(0);
      c.recentHandles = List.copyOf(recent);
    } else if (input instanceof OfferRecorded recorded) {
      if (c.holds.get(recorded.conversation()) instanceof Reserved r && r.offer() == recorded.offer()) {
        c.actions.add(new FloorAction.TellOffered(r.agent(), recorded.conversation(), c.seats.get(recorded.conversation()).channel().name(), r.expires(),
            Optional.empty(), ""));
      }
    } else if (input instanceof OfferNotRecorded notRecorded) {
      // Nobody was told, so nothing is withdrawn.
      if (c.holds.get(notRecorded.conversation()) instanceof Reserved r && r.offer() == notRecorded.offer()) {
        c.actions.add(new FloorAction.CancelTimer(new TimerKey.OfferAnswer(notRecorded.conversation())));
        c.hold(notRecorded.conversation(), Optional.empty());
        if (notRecorded.retry()) retryLater(c);
      }
    } else if (input instanceof OfferLapsed lapsed) {
      if (c.holds.get(lapsed.conversation()) instanceof Reserved r && r.offer() == lapsed.offer()) letGo(c, lapsed.conversation(), r.agent(), "lapsed");
    } else if (input instanceof Accepted accepted) {
      return accept(c, accepted.conversation(), accepted.agent());
    } else if (input instanceof Declined declined) {
      return decline(c, declined.conversation(), declined.agent());
    } else if (input instanceof AssignmentDone done) {
      if (c.holds.get(done.conversation()) instanceof FloorState.Assigning) c.hold(done.conversation(), Optional.empty());
      if (done.retry()) retryLater(c);
    } else if (input instanceof TransferOffered offered) {
      if (c.transfers.contains(offered.conversation())) return new Answer.Refused(Refusal.TRANSFER_PENDING);
      Instant expires = c.now.plus(routing.acceptTimeout());
      c.transfers = c.transfers.put(offered.conversation(), new WarmTransfer(offered.from(), offered.to(), offered.note(), expires));
      c.actions.add(new FloorAction.StartTimer(new TimerKey.TransferAnswer(offered.conversation()), routing.acceptTimeout(),
          new TransferLapsed(offered.conversation())));
      c.actions.add(new FloorAction.TellOffered(offered.to().id(), offered.conversation(), offered.channel(), expires,
          Optional.of(offered.from().displayName()), offered.note()));
    } else if (input instanceof TransferLapsed lapsed) {
      endTransfer(c, lapsed.conversation(), "lapsed");
    } else if (input instanceof RetryDue) {
      c.retryPending = false;
      route(c);
    } else if (input instanceof PlacesDue) {
      c.publishing = new FloorState.Publishing(c.publishing.changedFrom(), false, c.publishing.withWait());
    } else if (input instanceof Tick) {
      c.pruneCoolDowns();
      route(c);
    }
    return DONE;
  }

  private Answer accept(FloorChange c, ConversationId conversation, AgentId agent) {
    WarmTransfer t = c.transfers.get(conversation);
    if (t != null && t.to().id().equals(agent)) {
      c.transfers = c.transfers.remove(conversation);
      c.actions.add(new FloorAction.CancelTimer(new TimerKey.TransferAnswer(conversation)));
      FloorAction.Write write = new FloorAction.CompleteTransfer(conversation, t.from().participant(), t.to().id(), t.to().displayName(), t.note());
      c.actions.add(write);
      return new Answer.AfterWrite(write);
    }
    if (!(c.holds.get(conversation) instanceof Reserved r) || !r.agent().equals(agent)) return new Answer.Refused(Refusal.NO_OFFER);
    c.actions.add(new FloorAction.CancelTimer(new TimerKey.OfferAnswer(conversation)));
    return new Answer.AfterWrite(assign(c, conversation, agent));
  }

  private Answer decline(FloorChange c, ConversationId conversation, AgentId agent) {
    WarmTransfer t = c.transfers.get(conversation);
    if (t != null && t.to().id().equals(agent)) {
      endTransfer(c, conversation, "declined");
      return DONE;
    }
    if (!(c.holds.get(conversation) instanceof Reserved r) || !r.agent().equals(agent)) return new Answer.Refused(Refusal.NO_OFFER);
    letGo(c, conversation, agent, "declined");
    return DONE;
  }

  /** Every offer there is room for, best first: each is one decision over the heads of the line's groups. */
  private void route(FloorChange c) {
    for (Optional<FloorRouting.Pick> pick = FloorRouting.next(c); pick.isPresent(); pick = FloorRouting.next(c)) {
      ConversationId conversation = pick.get().conversation();
      AgentId agent = pick.get().agent();
      Desk desk = c.desks.get(agent);
      c.putDesk(agent, new Desk(desk.profile(), desk.presence(), desk.connections(), desk.handbackPending(), c.now));
      c.preferred = c.preferred.remove(conversation);
      if (routing.autoAccept()) {
        assign(c, conversation, agent);
        continue;
      }
      long offer = ++c.offersMade;
      c.hold(conversation, Optional.of(new Reserved(agent, c.now.plus(routing.acceptTimeout()), offer)));
      c.actions.add(new FloorAction.StartTimer(new TimerKey.OfferAnswer(conversation), routing.acceptTimeout(), new OfferLapsed(conversation, agent, offer)));
      c.actions.add(new FloorAction.RecordOffer(conversation, agent, desk.profile().displayName(), offer));
    }
  }

  private FloorAction.Write assign(FloorChange c, ConversationId conversation, AgentId agent) {
    c.letGo = c.letGo.remove(conversation);
    c.hold(conversation, Optional.of(new FloorState.Assigning(agent)));
    FloorAction.Write write = new FloorAction.Assign(conversation, agent, c.desks.get(agent).profile().displayName());
    c.actions.add(write);
    return write;
  }

  /** The offer goes back to the line, and not to this agent again for the cool-down; the record says why. */
  private void letGo(FloorChange c, ConversationId conversation, AgentId agent, String how) {
    c.actions.add(new FloorAction.CancelTimer(new TimerKey.OfferAnswer(conversation)));
    c.hold(conversation, Optional.empty());
    c.letGo(conversation, agent);
    c.actions.add(new FloorAction.TellWithdrawn(agent, conversation, how));
    String name = c.desks.get(agent).profile().displayName();
    String text = how.equals("lapsed") ? name + " did not accept the offer within " + routing.acceptTimeout().toSeconds() + " s; it went back to the queue."
        : name + " declined the offer; it went back to the queue.";
    c.actions.add(new FloorAction.Note(conversation, text, "offer:" + conversation.value() + ":" + agent.value() + ":" + c.now.toEpochMilli() + ":"
        + (++c.notesWritten)));
    route(c);
  }

  private void endTransfer(FloorChange c, ConversationId conversation, String how) {
    WarmTransfer t = c.transfers.get(conversation);
    if (t == null) return;
    c.transfers = c.transfers.remove(conversation);
    c.actions.add(new FloorAction.CancelTimer(new TimerKey.TransferAnswer(conversation)));
    c.actions.add(new FloorAction.TellWithdrawn(t.to().id(), conversation, how));
    String text = t.to().displayName() + (how.equals("lapsed") ? " did not take the transfer in time" : " declined the transfer") + "; it stays with "
        + t.from().displayName() + ".";
    c.actions.add(new FloorAction.Note(conversation, text, "transfer:" + conversation.value() + ":" + t.to().id().value() + ":" + c.now.toEpochMilli()
        + ":" + (++c.notesWritten)));
  }

  /** The agent's desk with {@code profile} as their latest; a new desk is away and idle since ever. */
  private static Desk desk(FloorChange c, AgentProfile profile) {
    Desk desk = c.desks.get(profile.id());
    Desk updated = desk == null ? new Desk(profile, Presence.AWAY, 0, false, Instant.EPOCH)
        : new Desk(profile, desk.presence(), desk.connections(), desk.handbackPending(), desk.idleSince());
    c.putDesk(profile.id(), updated);
    return updated;
  }

  private void awaitReturn(FloorChange c, AgentId agent) {
    Desk desk = c.desks.get(agent);
    if (desk.handbackPending()) return;
    c.putDesk(agent, new Desk(desk.profile(), desk.presence(), desk.connections(), true, desk.idleSince()));
    c.actions.add(new FloorAction.StartTimer(new TimerKey.Handback(agent), Duration.ofMillis(Math.max(1, handbackGrace.toMillis())),
        new GraceEnded(agent)));
  }

  private static void retryLater(FloorChange c) {
    if (c.retryPending) return;
    c.retryPending = true;
    c.actions.add(new FloorAction.StartTimer(new TimerKey.Retry(), ROUTING_RETRY, new RetryDue()));
  }

  static boolean toldByMessage(Channel channel) {
    return TOLD_BY_MESSAGE.contains(channel);
  }
}
