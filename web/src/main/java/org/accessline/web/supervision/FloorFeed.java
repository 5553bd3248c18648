package org.accessline.web.supervision;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import org.accessline.web.staff.FloorWatch;

/**
 * Pushes the floor to supervisors' consoles. While one is open it looks at the floor four times a
 * second, and publishes it when something other than the passing of time changed, at most once a
 * second: a burst of changes is one frame, and a quiet floor sends none. Ages in the frame
 * ({@code openedSeconds}, {@code oldestWaitSeconds}) are as of the frame; the timestamps beside them
 * let a page count on by itself.
 */
public final class FloorFeed implements FloorWatch {
  static final long LOOK_EVERY_MILLIS = 250;
  static final long PUBLISH_AT_MOST_EVERY_MILLIS = 1000;
  private final Vertx vertx;
  private final Supplier<Future<JsonObject>> floor;
  private int watchers;
  private long timer = -1;
  private String lastShape;
  private long lastPublished = Long.MIN_VALUE / 2;
  private boolean looking;

  /** @param floor the floor's body, as {@code GET /api/supervisor/floor} answers */
  public FloorFeed(Vertx vertx, Supplier<Future<JsonObject>> floor) {
    this.vertx = vertx;
    this.floor = floor;
  }

  @Override
  public synchronized Future<JsonObject> watch() {
    boolean starting = watchers++ == 0;
    if (starting) timer = vertx.setPeriodic(LOOK_EVERY_MILLIS, t -> look());
    return floor.get().map(body -> {
      // A feed starting takes this floor as the one already sent; a running one keeps its own, so no change is lost to the others.
      if (starting) learned(body);
      return frame(body);
    });
  }

  private synchronized void learned(JsonObject body) {
    if (lastShape == null) lastShape = shape(body);
  }

  @Override
  public synchronized void unwatch() {
    if (watchers == 0 || --watchers > 0) return;
    vertx.cancelTimer(timer);
    timer = -1;
    lastShape = null;
  }

  private synchronized void look() {
    if (looking || watchers == 0) return;
    long now = System.nanoTime() / 1_000_000;
    if (now - lastPublished < PUBLISH_AT_MOST_EVERY_MILLIS) return;
    looking = true;
    floor.get().onComplete(ar -> published(ar.succeeded() ? ar.result() : null, now));
  }

  private synchronized void published(JsonObject body, long at) {
    looking = false;
    if (body == null || watchers == 0) return;
    String shape = shape(body);
    if (shape.equals(lastShape)) return;
    lastShape = shape;
    lastPublished = at;
    vertx.eventBus().publish(FRAMES, frame(body));
  }

  static JsonObject frame(JsonObject body) {
    return body.copy().put("type", "floor");
  }

  /** The floor without the ages that grow by themselves, so the passing of time alone is not a change. */
  static String shape(JsonObject body) {
    JsonObject copy = body.copy();
    JsonObject queue = copy.getJsonObject("queue");
    if (queue != null) queue.remove("oldestWaitSeconds");
    JsonArray conversations = copy.getJsonArray("conversations", new JsonArray());
    for (int i = 0; i < conversations.size(); i++) conversations.getJsonObject(i).remove("openedSeconds");
    return copy.encode();
  }
}
