package org.accessline.gateway.channel;

/** Fails a stream future when the rules refused the command; nothing was written. */
public final class RefusedException extends RuntimeException {
  private final Refusal refusal;

  public RefusedException(Refusal refusal) {
    super(refusal.message, null, false, false);
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }
}
