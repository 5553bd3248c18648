package org.accessline.gateway.store;

import java.time.Duration;

/** A claim refused: the node holding the open conversations renewed its ownership too recently to be taken over. Nothing changed. */
public final class OwnerStillActiveException extends RuntimeException {
  private final String node;

  public OwnerStillActiveException(String node, Duration silent) {
    super("node " + node + " still holds the open conversations (it renewed " + silent.toMillis() + " ms ago)");
    this.node = node;
  }

  public String node() {
    return node;
  }
}
