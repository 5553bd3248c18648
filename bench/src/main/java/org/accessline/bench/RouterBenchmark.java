package org.accessline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.AgentSlot;
import org.accessline.gateway.routing.Offer;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.QueueUpdates;
import org.accessline.gateway.routing.Router;
import org.accessline.gateway.routing.RoutingRequest;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.rules.FloorInput;
import org.accessline.gateway.rules.FloorRules;
import org.accessline.gateway.rules.FloorState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing decision on a busy floor. {@code oneDecision}: the next conversation and its agent on a
 * board already built (what each offer costs). {@code routingPass}: building the board from a
 * snapshot and making every offer there is room for (ten free places), as the floor did on each
 * change before it kept its own index. Agents have random skills among four, a quarter of
 * conversations need one (TTY, relay, a language, a topic), and a TTY or relay conversation weighs
 * two units.
 *
 * <p>The {@code floor…} benchmarks make one routing change through {@link FloorRules} on the same
 * floor (every agent full, everyone else waiting), from one persistent state, so each invocation does
 * the same work: {@code floorSlotFreed} resolves one of an agent's conversations and the freed unit
 * is offered, with the places in line that move coalesced into a later publish;
 * {@code floorSlotFreedPublishingPlaces} is the same change after the quiet second that follows a publish,
 * so everyone behind the offered conversation is published; {@code floorJoins} adds one conversation
 * at the back of the line; {@code floorPlacesPublished} is the coalesced publish after a change at
 * the head of the line.
 *
 * <p>Run: {@code java -cp bench/target/accessline-bench.jar org.openjdk.jmh.Main RouterBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouterBenchmark {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final List<String> SKILLS = List.of("tty", "relay", "es", "billing");

  @Param({"100", "1000", "10000"})
  public int agents;

  @Param({"1000", "10000"})
  public int waiting;

  private List<AgentSlot> floor;
  private List<AgentSlot> nearlyFull;
  private List<RoutingRequest> queue;
  private Router board;

  private final FloorRules rules = new FloorRules(RoutingSettings.defaults(), QueueUpdates.defaults(), Duration.ofSeconds(30));
  /** Every agent full, everyone else waiting; the places in line just published, so the next publish waits for the quiet second to end. */
  private FloorState fullFloor;
  /** The same after the quiet second: the next change is published at once. */
  private FloorState quietFloor;
  private FloorState headMoved;
  private FloorInput slotFreed;
  private FloorInput joins;

  @Setup(Level.Trial)
  public void snapshot() {
    Random random = new Random(42);
    floor = new ArrayList<>();
    nearlyFull = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      Set<String> skills = Set.copyOf(SKILLS.subList(0, random.nextInt(SKILLS.size() + 1)));
      AgentId id = new AgentId("agent" + i);
      Instant idle = T0.plusSeconds(random.nextInt(3600));
      // Room for every decision an iteration makes, so the board never runs dry while being measured.
      floor.add(new AgentSlot(id, skills, 1_000_000, random.nextInt(4), true, idle));
      nearlyFull.add(new AgentSlot(id, skills, 4, i < 10 ? 3 : 4, true, idle));
    }
    queue = new ArrayList<>();
    for (int i = 0; i < waiting; i++) {
      Set<String> needs = random.nextInt(4) == 0 ? Set.of(SKILLS.get(random.nextInt(SKILLS.size()))) : Set.of();
      int weight = needs.contains("tty") || needs.contains("relay") ? 2 : 1;
      queue.add(new RoutingRequest(ConversationId.random(), random.nextInt(10) == 0 ? 1 : 0, T0.plusMillis(random.nextInt(3_600_000)), needs, weight,
          random.nextInt(20) == 0 ? Optional.of(new AgentId("agent" + random.nextInt(agents))) : Optional.empty(), Set.of()));
    }
    fullFloor();
  }

  private static final Instant PUBLISHED = T0.plusSeconds(7200);

  private void fullFloor() {
    Random random = new Random(7);
    FloorState s = FloorState.empty();
    ConversationState freed = null;
    for (int i = 0; i < agents; i++) {
      AgentProfile profile = new AgentProfile(new AgentId("agent" + i), "Agent " + i, 4, Set.copyOf(SKILLS.subList(0, random.nextInt(SKILLS.size() + 1))));
      s = rules.on(s, new FloorInput.AgentConnected(profile), T0).state();
      s = rules.on(s, new FloorInput.PresenceSet(profile, Presence.AVAILABLE), T0).state();
      for (int u = 0; u < profile.capacity(); u++) {
        ConversationState assigned = conversation(Channel.WEBCHAT, Set.of(), T0, Optional.of(profile.id()), 0);
        s = rules.on(s, new FloorInput.ConversationChanged(assigned, false), T0).state();
        if (freed == null) freed = assigned;
      }
    }
    for (RoutingRequest r : queue) {
      Channel channel = r.skills().contains("tty") ? Channel.TTY : r.skills().contains("relay") ? Channel.RELAY : Channel.WEBCHAT;
      ConversationState waiting = conversation(channel, channel.equals(Channel.WEBCHAT) ? r.skills() : Set.of(), r.since(), Optional.empty(), r.priority());
      if (r.preferred().isPresent()) s = rules.on(s, new FloorInput.LookingUpLastAgent(waiting.id()), T0).state();
      s = rules.on(s, new FloorInput.ConversationChanged(waiting, false), T0).state();
      if (r.preferred().isPresent()) s = rules.on(s, new FloorInput.LastAgentKnown(waiting.id(), r.preferred()), T0).state();
    }
    fullFloor = rules.on(s, new FloorInput.PlacesDue(), PUBLISHED).state();
    quietFloor = rules.on(fullFloor, new FloorInput.PlacesDue(), PUBLISHED.plusSeconds(1)).state();
    slotFreed = new FloorInput.ConversationChanged(resolved(freed), true);
    joins = new FloorInput.ConversationChanged(conversation(Channel.WEBCHAT, Set.of(), PUBLISHED, Optional.empty(), 0), true);
    headMoved = rules.on(fullFloor, slotFreed, PUBLISHED.plusMillis(500)).state();
  }

  @Setup(Level.Iteration)
  public void board() {
    board = new Router(floor, queue, T0.plusSeconds(7200));
  }

  @Benchmark
  public Optional<Offer> oneDecision() {
    Optional<Offer> next = board.next();
    if (next.isEmpty()) board = new Router(floor, queue, T0.plusSeconds(7200));
    return next;
  }

  @Benchmark
  public List<Offer> routingPass() {
    return Router.decide(nearlyFull, queue, T0.plusSeconds(7200));
  }

  @Benchmark
  public FloorRules.Step floorSlotFreed() {
    return rules.on(fullFloor, slotFreed, PUBLISHED.plusMillis(500));
  }

  @Benchmark
  public FloorRules.Step floorSlotFreedPublishingPlaces() {
    return rules.on(quietFloor, slotFreed, PUBLISHED.plusSeconds(2));
  }

  @Benchmark
  public FloorRules.Step floorJoins() {
    return rules.on(quietFloor, joins, PUBLISHED.plusSeconds(2));
  }

  @Benchmark
  public FloorRules.Step floorPlacesPublished() {
    return rules.on(headMoved, new FloorInput.PlacesDue(), PUBLISHED.plusSeconds(1));
  }

  private static ConversationState conversation(Channel channel, Set<String> skills, Instant since, Optional<AgentId> agent, int breaches) {
    Set<String> passed = new java.util.HashSet<>();
    for (int i = 0; i < breaches; i++) passed.add("limit-" + i);
    ConversationId id = ConversationId.random();
    return new ConversationState(id, new Contact(channel, "resident-" + id.value()), since, 1, agent, Optional.of(since), false, false, passed, 0,
        Optional.empty(), 0, 0, 0, false, agent.map(a -> since), skills, "", Map.of(), Map.of(), Optional.empty(), Optional.empty());
  }

  private static ConversationState resolved(ConversationState s) {
    return new ConversationState(s.id(), s.contact(), s.opened(), s.lastSeq() + 1, Optional.empty(), Optional.empty(), true, s.urgent(), s.breaches(),
        s.lastResidentSeq(), s.lastResidentAt(), s.firstAgentReplySeq(), s.lastAgentReplySeq(), s.nextResponseBreachedSeq(), false, s.firstAssignedAt(),
        s.requiredSkills(), s.queue(), s.seqByDedupeKey(), s.deliveries(), s.lastMessage(), Optional.empty());
  }
}
