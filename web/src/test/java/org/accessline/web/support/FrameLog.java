package org.accessline.web.support;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every frame a test socket received, in arrival order, with bounded waits for the one a test expects. */
public final class FrameLog {
  private static final long WAIT_MS = 5000;
  private final List<JsonObject> frames = new ArrayList<>();

  synchronized void add(JsonObject frame) {
    frames.add(frame);
    notifyAll();
  }

  public synchronized List<JsonObject> all() {
    return List.copyOf(frames);
  }

  public synchronized List<JsonObject> ofType(String type) {
    return frames.stream().filter(f -> type.equals(f.getString("type"))).toList();
  }

  /** The first received frame that matches, waiting up to five seconds for it. */
  public JsonObject await(String description, Predicate<JsonObject> match) {
    return await(description, match, WAIT_MS);
  }

  /** The first received frame that matches, waiting up to {@code waitMs} for it. */
  public synchronized JsonObject await(String description, Predicate<JsonObject> match, long waitMs) {
    long deadline = System.currentTimeMillis() + waitMs;
    while (true) {
      for (JsonObject f : frames) if (match.test(f)) return f;
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) fail("no frame " + description + " within " + waitMs + " ms; received: " + frames.size() + " frames, the last: "
          + frames.subList(Math.max(0, frames.size() - 5), frames.size()));
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  public JsonObject awaitType(String type) {
    return await("of type " + type, f -> type.equals(f.getString("type")));
  }

  /** Waits until at least {@code count} frames match, and returns them. */
  public List<JsonObject> awaitCount(String description, int count, Predicate<JsonObject> match) {
    await(count + " × " + description, f -> countMatching(match) >= count);
    synchronized (this) {
      return frames.stream().filter(match).toList();
    }
  }

  private synchronized long countMatching(Predicate<JsonObject> match) {
    return frames.stream().filter(match).count();
  }
}
