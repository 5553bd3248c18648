package org.accessline.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.signal.StreamSignal;
import org.accessline.gateway.signal.StreamSignalCodec;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a change at the head of a long line costs on the event bus: everyone behind has a new place,
 * published to their conversation's address, where one resident connection listens. Measured until
 * every listener has it. The floor coalesces these publishes to at most one a second; compare with
 * {@code RouterBenchmark.floorPlacesPublished}, which decides them.
 *
 * <p>Run: {@code java -cp bench/target/accessline-bench.jar org.openjdk.jmh.Main PlacesBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlacesBenchmark {
  @Param({"10000"})
  public int waiting;

  private Vertx vertx;
  private final List<StreamSignal.QueuePosition> places = new ArrayList<>();
  private final AtomicInteger heard = new AtomicInteger();
  private volatile CountDownLatch allHeard;

  @Setup(Level.Trial)
  public void listeners() {
    vertx = Vertx.vertx();
    StreamSignalCodec.register(vertx);
    List<Future<Void>> registered = new ArrayList<>();
    for (int i = 0; i < waiting; i++) {
      ConversationId id = ConversationId.random();
      places.add(new StreamSignal.QueuePosition(id, i + 1, Optional.of(Duration.ofSeconds(30L * (i + 1)))));
      MessageConsumer<StreamSignal> consumer = Addresses.CONVERSATION.subscribe(vertx.eventBus(), id, signal -> {
        if (heard.incrementAndGet() == waiting) allHeard.countDown();
      });
      registered.add(consumer.completion());
    }
    Future.all(registered).await();
  }

  @TearDown(Level.Trial)
  public void close() {
    vertx.close().await();
  }

  @Benchmark
  public void everyPlacePublished() throws InterruptedException {
    heard.set(0);
    allHeard = new CountDownLatch(1);
    for (StreamSignal.QueuePosition place : places) Addresses.CONVERSATION.publish(vertx.eventBus(), place.conversation(), place);
    if (!allHeard.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("not every listener heard its place");
  }
}
