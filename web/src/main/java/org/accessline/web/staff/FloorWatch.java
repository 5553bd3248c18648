package org.accessline.web.staff;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The supervisors' floor as pushed frames: while any supervisor's console is open, the floor is
 * published on {@link #FRAMES} whenever it changes. Implemented where the floor is built; the
 * console only subscribes.
 */
public interface FloorWatch {
  /** Local event-bus address of the {@code {"type":"floor",…}} frames. */
  String FRAMES = "accessline.staff.floor";

  /** A supervisor's console opened: the floor frame as it is now, for that console alone; changes follow on {@link #FRAMES}. */
  Future<JsonObject> watch();

  /** That console closed. */
  void unwatch();
}
