package org.accessline.gateway.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.AgentView;
import org.accessline.gateway.routing.Presence;

/**
 * Everything the floor knows, as a value: agents and what they carry, every open conversation, the
 * line in service order, offers, warm transfers and cool-downs. {@link FloorRules} makes the next
 * state from this one; both stay valid, and a change copies only what it touches.
 */
public final class FloorState {
  /** An agent as the floor knows them: presence, open consoles, and when they were last given work. */
  record Desk(AgentProfile profile, Presence presence, int connections, boolean handbackPending, Instant idleSince) {
    boolean accepting() {
      return presence == Presence.AVAILABLE && connections > 0;
    }
  }

  /** The capacity units an agent's conversations and offers take, and the conversations assigned to them. */
  record Load(int units, Set<ConversationId> assigned) {
    static final Load NONE = new Load(0, Set.of());
  }

  /** An accepting agent as routing ranks them: most free units first, ties to whoever has been idle longest. */
  record Ready(int free, Instant idleSince, AgentId agent, Set<String> skills) {}

  static final Comparator<Ready> BEST_AGENT = Comparator.comparingInt((Ready r) -> -r.free()).thenComparing(Ready::idleSince)
      .thenComparing(r -> r.agent().value());

  /** What a waiting conversation asks of an agent: skills, and the units it takes. Conversations with the same need queue together. */
  record Need(Set<String> skills, int weight) {}

  /** A waiting conversation's place: higher priority first, then longest waiting. */
  record Place(int priority, Instant since, ConversationId conversation) {}

  static final Comparator<Place> SERVICE_ORDER = Comparator.comparingInt((Place p) -> -p.priority()).thenComparing(Place::since)
      .thenComparing(p -> p.conversation().value());

  /**
   * An open conversation as the floor sees it. {@code toldPlace} orders the line residents are told
   * about (by the conversation's own priority); {@code servedPlace} orders routing (its queue's priority
   * first). {@code inLine} and {@code occupying} say where the floor has counted it.
   */
  record Seat(ConversationId id, Channel channel, Need need, boolean waiting, boolean resolved, Optional<AgentId> assigned, Place toldPlace,
      Place servedPlace, boolean inLine, Set<AgentId> occupying) {}

  /** A waiting conversation held out of the line for one agent. */
  sealed interface Hold {
    AgentId agent();
  }

  /** Offered, waiting for the agent's answer until {@code expires}. */
  record Reserved(AgentId agent, Instant expires, long offer) implements Hold {}

  /** Taken (accepted, or given at once), being written. */
  record Assigning(AgentId agent) implements Hold {}

  /** A warm transfer: {@code from} keeps the conversation until {@code to} accepts. */
  record WarmTransfer(AgentProfile from, AgentProfile to, String note, Instant expires) {}

  /** When a texter or TTY caller was last told their place, and how many times. */
  record Told(Instant at, int times) {}

  record Due(Instant at, ConversationId conversation) {}

  static final Comparator<Due> FIRST_DUE = Comparator.comparing(Due::at).thenComparing(d -> d.conversation().value());

  /**
   * Places in line are published together: {@code changedFrom} is the first place changed since the
   * last publish (everyone behind it moved too), {@link Integer#MAX_VALUE} when none did;
   * {@code quiet} while the second after a publish runs; {@code withWait} whether the published
   * places came with a wait estimate.
   */
  record Publishing(int changedFrom, boolean quiet, boolean withWait) {}

  static final Comparator<ConversationId> BY_CONVERSATION = Comparator.comparing(ConversationId::value);
  static final Comparator<AgentId> BY_AGENT = Comparator.comparing(AgentId::value);

  final Ranked<AgentId, Desk> desks;
  final Ranked<AgentId, Load> loads;
  final Ranked<Ready, AgentId> ready;
  final int onDutyUnits;
  final Ranked<ConversationId, Seat> seats;
  final Ranked<Place, ConversationId> line;
  final Map<Need, Ranked<Place, ConversationId>> groups;
  final Ranked<ConversationId, Hold> holds;
  final Ranked<ConversationId, WarmTransfer> transfers;
  final Ranked<ConversationId, Map<AgentId, Instant>> letGo;
  final Ranked<ConversationId, AgentId> preferred;
  final Ranked<ConversationId, Boolean> lookingUp;
  final Ranked<ConversationId, Told> told;
  final Ranked<Due, ConversationId> textsDue;
  final List<Duration> recentHandles;
  final Publishing publishing;
  final int publishedWaiting;
  final long offersMade;
  final long notesWritten;
  final boolean retryPending;

  FloorState(Ranked<AgentId, Desk> desks, Ranked<AgentId, Load> loads, Ranked<Ready, AgentId> ready, int onDutyUnits, Ranked<ConversationId, Seat> seats,
      Ranked<Place, ConversationId> line, Map<Need, Ranked<Place, ConversationId>> groups, Ranked<ConversationId, Hold> holds,
      Ranked<ConversationId, WarmTransfer> transfers, Ranked<ConversationId, Map<AgentId, Instant>> letGo, Ranked<ConversationId, AgentId> preferred,
      Ranked<ConversationId, Boolean> lookingUp, Ranked<ConversationId, Told> told, Ranked<Due, ConversationId> textsDue, List<Duration> recentHandles,
      Publishing publishing, int publishedWaiting, long offersMade, long notesWritten, boolean retryPending) {
    this.desks = desks;
    this.loads = loads;
    this.ready = ready;
    this.onDutyUnits = onDutyUnits;
    this.seats = seats;
    this.line = line;
    this.groups = groups;
    this.holds = holds;
    this.transfers = transfers;
    this.letGo = letGo;
    this.preferred = preferred;
    this.lookingUp = lookingUp;
    this.told = told;
    this.textsDue = textsDue;
    this.recentHandles = recentHandles;
    this.publishing = publishing;
    this.publishedWaiting = publishedWaiting;
    this.offersMade = offersMade;
    this.notesWritten = notesWritten;
    this.retryPending = retryPending;
  }

  /** A floor with nobody on it. */
  public static FloorState empty() {
    return new FloorState(Ranked.empty(BY_AGENT), Ranked.empty(BY_AGENT), Ranked.empty(BEST_AGENT), 0, Ranked.empty(BY_CONVERSATION),
        Ranked.empty(SERVICE_ORDER), Map.of(), Ranked.empty(BY_CONVERSATION), Ranked.empty(BY_CONVERSATION), Ranked.empty(BY_CONVERSATION),
        Ranked.empty(BY_CONVERSATION), Ranked.empty(BY_CONVERSATION), Ranked.empty(BY_CONVERSATION), Ranked.empty(FIRST_DUE), List.of(),
        new Publishing(Integer.MAX_VALUE, false, false), -1, 0, 0, false);
  }

  /** Each agent the floor knows, by id: presence, open consoles and capacity. */
  public List<AgentView> agents() {
    List<AgentView> out = new ArrayList<>(desks.size());
    for (Map.Entry<AgentId, Desk> e : desks) {
      Desk d = e.getValue();
      out.add(new AgentView(e.getKey(), d.profile().displayName(), d.presence(), d.connections(), d.profile().capacity()));
    }
    return out;
  }

  public Presence presence(AgentId agent) {
    Desk desk = desks.get(agent);
    return desk == null ? Presence.AWAY : desk.presence();
  }

  /** Conversations in line: waiting, and neither offered nor held for their resident's last agent. */
  public int waitingCount() {
    return line.size();
  }

  /** Offers and warm transfers waiting for this agent's answer, for a console that (re)connects; {@code channels} names each conversation's channel. */
  public List<FloorAction.TellOffered> offersFor(AgentId agent, Map<ConversationId, String> channels) {
    List<FloorAction.TellOffered> out = new ArrayList<>();
    for (Map.Entry<ConversationId, WarmTransfer> e : transfers) {
      WarmTransfer t = e.getValue();
      if (t.to().id().equals(agent)) {
        out.add(new FloorAction.TellOffered(agent, e.getKey(), channels.getOrDefault(e.getKey(), ""), t.expires(), Optional.of(t.from().displayName()),
            t.note()));
      }
    }
    for (Map.Entry<ConversationId, Hold> e : holds) {
      if (e.getValue() instanceof Reserved r && r.agent().equals(agent)) {
        out.add(new FloorAction.TellOffered(agent, e.getKey(), channels.getOrDefault(e.getKey(), ""), r.expires(), Optional.empty(), ""));
      }
    }
    return out;
  }

  /** The capacity units the agent's conversations and offers take. */
  public int unitsUsed(AgentId agent) {
    Load load = loads.get(agent);
    return load == null ? 0 : load.units();
  }
}
