package org.accessline.web.staff;

import io.vertx.core.Future;

/**
 * The supervisors' live dashboard as pushed frames: while any dashboard is open, its figures are
 * published on {@link #FRAMES}, already encoded, whenever they change. A console opened with
 * {@code ?view=dashboard} follows these instead of the floor. Implemented where the figures are
 * kept; the console only subscribes.
 */
public interface DashboardWatch {
  /** Local event-bus address of the encoded {@code {"type":"dashboard",…}} frames (strings, so fifty consoles share one encoding). */
  String FRAMES = "accessline.staff.dashboard";

  /** A dashboard opened: its frame as it is now, for that console alone; changes follow on {@link #FRAMES}. */
  Future<String> watch();

  /** That dashboard closed. */
  void unwatch();
}
