package org.accessline.gateway.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.QueueUpdates;
import org.accessline.gateway.routing.RoutingSettings;

/** Drives {@link FloorRules} on a set clock, keeping the latest state and step. */
final class FloorDriver {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  static final Duration GRACE = Duration.ofSeconds(30);

  final FloorRules rules;
  FloorState state = FloorState.empty();
  FloorRules.Step last;
  Instant now = T0;

  FloorDriver(RoutingSettings routing) {
    this.rules = new FloorRules(routing, new QueueUpdates(Duration.ofMinutes(2), Duration.ofMinutes(5)), GRACE);
  }

  FloorDriver() {
    this(RoutingSettings.defaults());
  }

  List<FloorAction> feed(FloorInput input) {
    last = rules.on(state, input, now);
    state = last.state();
    return last.actions();
  }

  FloorDriver at(Duration sinceStart) {
    now = T0.plus(sinceStart);
    return this;
  }

  /** An agent with one console open, available. */
  List<FloorAction> available(AgentProfile profile) {
    feed(new FloorInput.AgentConnected(profile));
    return feed(new FloorInput.PresenceSet(profile, Presence.AVAILABLE));
  }

  List<FloorAction> changed(Conversation conversation) {
    return feed(new FloorInput.ConversationChanged(conversation.state(), true));
  }

  /** An agent with exactly these skills. */
  static AgentProfile agent(String id, int capacity, String... skills) {
    return new AgentProfile(new AgentId(id), Character.toUpperCase(id.charAt(0)) + id.substring(1), capacity, Set.of(skills));
  }

  static <T extends FloorAction> List<T> only(Class<T> type, List<FloorAction> actions) {
    return actions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** A conversation as the stream would report it: waiting since {@code since} unless assigned or resolved. */
  record Conversation(ConversationId id, Channel channel, Instant since, Optional<AgentId> agent, boolean resolved, boolean urgent, int breaches,
      Set<String> skills, String queue) {
    static Conversation waiting(Channel channel, Instant since) {
      return new Conversation(ConversationId.random(), channel, since, Optional.empty(), false, false, 0, Set.of(), "");
    }

    Conversation assignedTo(AgentProfile agent) {
      return new Conversation(id, channel, since, Optional.of(agent.id()), resolved, urgent, breaches, skills, queue);
    }

    Conversation backInLine() {
      return new Conversation(id, channel, since, Optional.empty(), resolved, urgent, breaches, skills, queue);
    }

    Conversation resolvedNow() {
      return new Conversation(id, channel, since, Optional.empty(), true, urgent, breaches, skills, queue);
    }

    Conversation emergency() {
      return new Conversation(id, channel, since, agent, resolved, true, breaches, skills, queue);
    }

    Conversation breaches(int count) {
      return new Conversation(id, channel, since, agent, resolved, urgent, count, skills, queue);
    }

    Conversation needing(String... more) {
      return new Conversation(id, channel, since, agent, resolved, urgent, breaches, Set.of(more), queue);
    }

    Conversation inQueue(String name) {
      return new Conversation(id, channel, since, agent, resolved, urgent, breaches, skills, name);
    }

    ConversationState state() {
      Set<String> passed = new HashSet<>();
      for (int i = 0; i < breaches; i++) passed.add("limit-" + i);
      return new ConversationState(id, new Contact(channel, "resident-" + id.value().substring(0, 8)), since, 1, agent,
          resolved ? Optional.empty() : Optional.of(since), resolved, urgent, passed, 0, Optional.empty(), 0, 0, 0, false,
          agent.map(a -> since), skills, queue, Map.of(), Map.of(), Optional.empty(), Optional.empty());
    }
  }
}
