package org.accessline.web.staff;

import org.accessline.gateway.conversation.AgentId;

/**
 * Event-bus addresses of frames that features push to staff consoles beside the stream's own
 * signals. A frame is a JSON object with a {@code type}; it says that something changed, and the
 * page fetches what it may see through the audited API.
 */
public final class StaffFrames {
  /** Frames for every signed-in staff console. */
  public static final String EVERYONE = "accessline.staff.frames.everyone";
  /** Frames for supervisors' consoles. */
  public static final String SUPERVISORS = "accessline.staff.frames.supervisors";

  private StaffFrames() {}

  /** Frames for one agent's consoles. */
  public static String to(AgentId agent) {
    return "accessline.staff.frames.agent." + agent.value();
  }
}
