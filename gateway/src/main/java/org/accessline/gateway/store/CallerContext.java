package org.accessline.gateway.store;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Completes a promise on the context that asked, so work done on another thread (a store's JDBC
 * thread, the stream's owning context) never runs a caller's callbacks on a foreign thread.
 */
public final class CallerContext<T> {
  private final Context caller;
  private final Promise<T> promise = Promise.promise();

  public CallerContext() {
    this.caller = Vertx.currentContext();
  }

  public Future<T> future() {
    return promise.future();
  }

  public void complete(AsyncResult<T> result) {
    if (caller == null) promise.handle(result);
    else caller.runOnContext(v -> promise.handle(result));
  }

  public void succeed(T value) {
    complete(Future.succeededFuture(value));
  }

  public void fail(Throwable failure) {
    complete(Future.failedFuture(failure));
  }
}
