package org.accessline.channels.webchat;

import java.util.List;
import java.util.Set;

/**
 * Who is at the other end of a connection. The peer's own address, unless the peer is a configured
 * trusted proxy: then the last address in {@code X-Forwarded-For} that is not itself a trusted
 * proxy, which is the address the outermost trusted proxy saw. Entries to the left of it were
 * written by the client and are never believed. Pure.
 */
public final class ClientAddress {
  private ClientAddress() {}

  public static String of(String peer, List<String> forwardedFor, Set<String> trustedProxies) {
    String self = normal(peer);
    if (!trustedProxies.contains(self)) return self;
    String[] hops = String.join(",", forwardedFor).split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = normal(hops[i]);
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) return hop;
    }
    return self;
  }

  static String normal(String address) {
    return address == null ? "" : address.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
