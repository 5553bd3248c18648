package org.accessline.web.auth;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Password hashing on a small pool of its own, taken in turns by client address: one address
 * flooding sign-ins waits behind itself, never in front of a colleague, and never on the workers
 * that serve the store or Twilio. Each address may have a few checks waiting; more are refused at
 * once with {@link Busy}.
 */
public final class PasswordChecks {
  /** The pool or this address's share of it is full: answer 429 and let the client retry. */
  public static final class Busy extends RuntimeException {
    public Busy() {
      super("too many sign-ins waiting", null, false, false);
    }
  }

  private record Job(Callable<Boolean> work, Promise<Boolean> done, Context context) {}

  private final WorkerExecutor executor;
  private final int threads;
  private final int perAddress;
  private final int total;
  private final Map<String, Deque<Job>> waiting = new HashMap<>();
  private final Deque<String> turns = new ArrayDeque<>();
  private int running;
  private int queued;

  /**
   * @param threads hashing threads (each check is one core busy for a fraction of a second)
   * @param perAddress checks one address may have waiting
   * @param total checks waiting in all
   */
  public PasswordChecks(Vertx vertx, int threads, int perAddress, int total) {
    this.executor = vertx.createSharedWorkerExecutor("accessline-password-checks", threads);
    this.threads = threads;
    this.perAddress = perAddress;
    this.total = total;
  }

  /** Half the cores, and at least two, so one long check never holds up the next colleague alone. */
  public static PasswordChecks standard(Vertx vertx) {
    return new PasswordChecks(vertx, Math.max(2, Runtime.getRuntime().availableProcessors() / 2), 4, 256);
  }

  public Future<Boolean> submit(String address, Callable<Boolean> work) {
    Context context = Vertx.currentContext();
    Promise<Boolean> done = Promise.promise();
    synchronized (this) {
      Deque<Job> mine = waiting.computeIfAbsent(address, a -> new ArrayDeque<>());
      if (mine.size() >= perAddress || queued >= total) {
        if (mine.isEmpty()) waiting.remove(address);
        return Future.failedFuture(new Busy());
      }
      if (mine.isEmpty()) turns.addLast(address);
      mine.addLast(new Job(work, done, context));
      queued++;
    }
    drain();
    return done.future();
  }

  private void drain() {
    while (true) {
      Job job;
      synchronized (this) {
        if (running >= threads || turns.isEmpty()) return;
        String address = turns.pollFirst();
        Deque<Job> theirs = waiting.get(address);
        job = theirs.pollFirst();
        if (theirs.isEmpty()) waiting.remove(address);
        else turns.addLast(address);
        queued--;
        running++;
      }
      executor.executeBlocking(job.work(), false).onComplete(ar -> {
        synchronized (this) {
          running--;
        }
        drain();
        if (job.context() != null) job.context().runOnContext(v -> job.done().handle(ar));
        else job.done().handle(ar);
      });
    }
  }

  public Future<Void> close() {
    return executor.close();
  }
}
