package org.accessline.channels.tty;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.conversation.ConversationId;

/**
 * How a call's session writes to the record: in call order, each write retried with growing pauses
 * (its dedupe key makes a retry land once), and never retried when the stream refused it. Shared by
 * TTY and relay calls; it runs on the call's context.
 */
public final class CallRecorder {
  private static final int ATTEMPTS = 5;

  private final Context context;
  private Future<?> recorded = Future.succeededFuture();

  public CallRecorder(Context context) {
    this.context = context;
  }

  /** Writes after everything recorded before it, once the call's conversation is known; {@code failed} hears a write given up on. */
  public void record(Future<ConversationId> conversation, Function<ConversationId, Future<?>> write, Consumer<Throwable> failed) {
    recorded = recorded.transform(ignored -> conversation.compose(id -> retried(() -> write.apply(id))).onFailure(failed::accept));
  }

  /** One write, tried again after 400 ms, 800 ms, … up to five times in all. */
  public <T> Future<T> retried(Supplier<Future<T>> write) {
    return attempt(write, 1);
  }

  private <T> Future<T> attempt(Supplier<Future<T>> write, int n) {
    return write.get().recover(e -> {
      if (n >= ATTEMPTS || e instanceof RefusedException) return Future.failedFuture(e);
      Promise<T> later = Promise.promise();
      context.owner().setTimer(200L << n, t -> attempt(write, n + 1).onComplete(later));
      return later.future();
    });
  }
}
