package org.accessline.gateway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Who did what to which records, and when: every read, search, export, hold and purge. */
public record AuditEvent(Instant at, String actor, String action, String target, String detail) {
  public AuditEvent {
    if (at == null || actor == null || actor.isBlank() || action == null || !action.matches("[a-z_]{1,32}") || target == null) {
      throw new IllegalArgumentException("an audit event needs a time, an actor, an action and a target");
    }
    target = target.length() > 400 ? target.substring(0, 400) : target;
    detail = detail == null ? "" : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
  }

  public JsonObject toJson() {
    return new JsonObject().put("at", at.toString()).put("actor", actor).put("action", action).put("target", target).put("detail", detail);
  }
}
