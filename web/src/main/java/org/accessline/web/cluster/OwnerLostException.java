package org.accessline.web.cluster;

/** The node owning the conversations left while a call was on its way to it: whether it was carried out is unknown. */
public final class OwnerLostException extends RuntimeException {
  public OwnerLostException() {
    super("the gateway node owning the conversations was lost before it answered; send it again with the same id", null, false, false);
  }
}
