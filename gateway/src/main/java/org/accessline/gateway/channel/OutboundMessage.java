package org.accessline.gateway.channel;

import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;

/** An agent's message, already durable as entry {@code seq}, for the adapter to carry to the resident. */
public record OutboundMessage(ConversationId conversation, long seq, Contact contact, String text) {}
