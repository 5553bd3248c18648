package org.accessline.web.cluster;

import java.time.Duration;

/** No node took over the conversations within {@code cluster.ownerWaitSeconds}: the call was not carried out. */
public final class OwnerUnavailableException extends RuntimeException {
  public OwnerUnavailableException(Duration waited) {
    super("no gateway node owned the conversations within " + waited.toSeconds() + " s; nothing was changed", null, false, false);
  }
}
