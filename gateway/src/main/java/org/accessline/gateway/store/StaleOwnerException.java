package org.accessline.gateway.store;

/**
 * An append fenced with an ownership epoch that is no longer the latest: another node has claimed the
 * open conversations since, so this one must stop writing. Nothing of the append was written.
 */
public final class StaleOwnerException extends RuntimeException {
  private final long epoch;
  private final long current;

  public StaleOwnerException(long epoch, long current) {
    super("this node's ownership (epoch " + epoch + ") has been taken over (epoch " + current + " is current); nothing was written");
    this.epoch = epoch;
    this.current = current;
  }

  public long epoch() {
    return epoch;
  }

  public long current() {
    return current;
  }
}
