package org.accessline.web.residents;

import java.util.List;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;

/**
 * Which contacts are one resident: a phone number is the same person whether they texted, called on
 * a TTY or came through a relay service; a web chat visitor is their browser's token alone. A caller
 * whose number was withheld is only that call. Pure.
 */
public final class SamePerson {
  private static final List<Channel> PHONE_CHANNELS = List.of(Channel.SMS, Channel.TTY, Channel.RELAY);

  private SamePerson() {}

  public static List<Contact> as(Contact contact) {
    boolean phone = PHONE_CHANNELS.contains(contact.channel()) && contact.address().matches("\\+[1-9][0-9]{6,14}");
    if (!phone) return List.of(contact);
    return PHONE_CHANNELS.stream().map(c -> new Contact(c, contact.address())).toList();
  }
}
