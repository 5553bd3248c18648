package org.accessline.channels.webchat;

import io.vertx.core.json.JsonObject;

/** An error frame: the socket stays open, and {@code code} is stable for the page to act on. */
public record FrameError(String code, String message, String clientId) {
  public FrameError(String code, String message) {
    this(code, message, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("type", "error").put("code", code).put("message", message);
    if (clientId != null) json.put("clientId", clientId);
    return json;
  }
}
