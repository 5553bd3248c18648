package org.accessline.gateway.stream;

import org.accessline.gateway.conversation.ConversationState;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The single writer of one conversation: commands run one at a time, so each sees the state the
 * previous one left and sequence numbers cannot collide or skip. Used only on the stream's context.
 */
final class Line {
  /** Empty until the line's first conversation opens; replaced when a resolved contact writes again. */
  Optional<ConversationState> state;
  private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
  private boolean busy;

  Line(Optional<ConversationState> state) {
    this.state = state;
  }

  <T> Future<T> submit(Supplier<Future<T>> task) {
    Promise<T> done = Promise.promise();
    pending.add(() -> {
      Future<T> running;
      try {
        running = task.get();
      } catch (RuntimeException e) {
        running = Future.failedFuture(e);
      }
      running.onComplete(ar -> {
        busy = false;
        done.handle(ar);
        drain();
      });
    });
    drain();
    return done.future();
  }

  boolean idle() {
    return !busy && pending.isEmpty();
  }

  private void drain() {
    if (busy || pending.isEmpty()) return;
    busy = true;
    pending.poll().run();
  }
}
