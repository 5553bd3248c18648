package org.accessline.gateway.conversation;

/** A way residents reach the center. A value, not an enum, so a new adapter needs no change here. */
public record Channel(String name) {
  public static final Channel WEBCHAT = new Channel("webchat");
  public static final Channel SMS = new Channel("sms");
  public static final Channel TTY = new Channel("tty");
  public static final Channel RELAY = new Channel("relay");

  public Channel {
    if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}")) {
      throw new IllegalArgumentException("channel name must be 1-32 lower-case letters, digits or '-'");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
