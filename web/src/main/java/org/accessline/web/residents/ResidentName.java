package org.accessline.web.residents;

import java.util.function.UnaryOperator;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;

/**
 * A short name staff can say and read for a resident, the same on every reload and restart: the
 * channel's word and the last four digits of a phone number ("Texter …4821"), or, for a web chat, a
 * code taken from a keyed hash of the browser's token ("Web chat visitor K7Q-2MX"), so neither the
 * whole number nor the token is ever shown. Pure: the keyed hash is given.
 */
public final class ResidentName {
  /** Letters and digits that cannot be mistaken for one another when read aloud or copied (no 0/O, 1/I/L). */
  private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final char ELLIPSIS = '\u2026';

  private ResidentName() {}

  /** @param keyedHash a keyed hash of a text, as hexadecimal; the same key must be used on every node and every start */
  public static String of(Contact contact, UnaryOperator<String> keyedHash) {
    Channel channel = contact.channel();
    String address = contact.address();
    if (channel.equals(Channel.WEBCHAT)) return "Web chat visitor " + code(keyedHash, address);
    String word = channel.equals(Channel.SMS) ? "Texter" : channel.equals(Channel.TTY) ? "TTY caller" : channel.equals(Channel.RELAY) ? "Relay caller"
        : "Resident (" + channel.name() + ")";
    if (address.matches("\\+?[0-9]{5,15}")) return word + " " + ELLIPSIS + address.substring(address.length() - 4);
    return word + ", number withheld, " + code(keyedHash, address);
  }

  /** Six characters of the keyed hash in two groups of three: 30 bits, so two visitors of a day almost never share one. */
  static String code(UnaryOperator<String> keyedHash, String address) {
    String hex = keyedHash.apply("resident-name:" + address);
    long bits = Long.parseLong(hex.substring(0, 15), 16);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      if (i == 3) out.append('-');
      out.append(CODE_ALPHABET.charAt((int) (bits % CODE_ALPHABET.length())));
      bits /= CODE_ALPHABET.length();
    }
    return out.toString();
  }
}
