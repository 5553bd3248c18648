package org.accessline.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.AgentSlot;
import org.accessline.gateway.routing.Offer;
import org.accessline.gateway.routing.Router;
import org.accessline.gateway.routing.RoutingRequest;
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
 * snapshot and making every offer there is room for (ten free places), as the floor does on each
 * change. Agents have random skills among four, a quarter of conversations need one (TTY, relay, a
 * language, a topic), and a TTY or relay conversation weighs two units.
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
}
