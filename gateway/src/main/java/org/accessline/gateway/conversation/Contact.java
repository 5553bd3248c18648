package org.accessline.gateway.conversation;

/**
 * Who the resident is on one channel: a phone number for SMS and TTY, a hashed browser token for
 * web chat. A conversation is keyed by it, so a resident's next message finds their open one.
 */
public record Contact(Channel channel, String address) {
  public Contact {
    if (channel == null) throw new IllegalArgumentException("contact needs a channel");
    if (address == null || address.isBlank() || address.length() > 128) {
      throw new IllegalArgumentException("contact address must be 1-128 characters");
    }
  }
}
