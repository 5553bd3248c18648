package org.accessline.gateway.channel;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Attachment;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.Transcription;
import org.accessline.gateway.signal.StreamSignal;

/** What channel adapters may ask of the stream. Every future completes only once the entry is durable. */
public interface Intake {

  /**
   * Appends a resident's message to the contact's open conversation, opening one if needed. A
   * repeated {@code dedupeKey} yields the first entry again, marked duplicate.
   */
  default Future<Posted> residentMessage(Contact contact, String text, String dedupeKey) {
    return residentMessage(contact, text, dedupeKey, List.of());
  }

  /** The same, with files the resident sent; the text may then be empty. */
  Future<Posted> residentMessage(Contact contact, String text, String dedupeKey, List<Attachment> attachments);

  /** Records that the resident opted out of messages, or back in, on their conversation. */
  Future<Posted> consent(ConversationId conversation, boolean optedOut, String keyword, String dedupeKey);

  /**
   * Opens a conversation for a phone call. Each call gets its own, even when the caller has another
   * open; a repeated {@code callKey} yields the first call's conversation again, marked duplicate.
   */
  Future<Posted> openCall(Contact caller, String callKey);

  /** Appends what the caller wrote to the call's conversation. Refused once it is resolved. */
  Future<Posted> callerMessage(ConversationId conversation, String text, String dedupeKey);

  /**
   * Appends what a relay assistant said for the resident, as the recogniser heard it: a resident's
   * message marked machine-transcribed, with the recogniser's confidence. Refused once resolved.
   */
  Future<Posted> relayedMessage(ConversationId conversation, String text, Transcription transcription, String dedupeKey);

  /** Records a relay assistant's description of what they hear ("(typing)"), apart from the resident's words. */
  Future<Posted> annotation(ConversationId conversation, String text, String dedupeKey);

  /** Records that a relay assistant announced themselves on the call: the service and their number. */
  Future<Posted> relayAssistant(ConversationId conversation, String service, Optional<String> number, String heard, String dedupeKey);

  /** Appends a message the channel sent the resident by itself, such as a call's greeting. */
  Future<Posted> automatedMessage(ConversationId conversation, String text, String dedupeKey);

  /**
   * Sends the resident a message from the center over their channel (a confirmation they asked for),
   * once per {@code dedupeKey}; unlike {@link #automatedMessage} it is handed to the channel to deliver.
   */
  Future<Posted> centerMessage(ConversationId conversation, String text, String dedupeKey);

  /** Records something the agent should know about the line, such as the caller hanging up. */
  Future<Posted> note(ConversationId conversation, String text, String dedupeKey);

  Future<Posted> deliveryStatus(ConversationId conversation, long messageSeq, DeliveryStatus status, String detail, Optional<String> dedupeKey);

  /**
   * A provider's report on the message at {@code messageSeq}, which must name the provider's id
   * recorded for that message (a mismatch is refused). A report no further along than what is
   * recorded changes nothing and answers as a duplicate.
   */
  Future<Posted> providerReport(ConversationId conversation, long messageSeq, DeliveryStatus status, String detail, String providerId,
      String dedupeKey);

  /**
   * Whether the contact has opted out of messages, as the stream's consent fold knows it (read from
   * the record once, then kept by every consent entry the stream writes).
   */
  Future<Boolean> optedOut(Contact contact);

  /** The contact's most recent conversation, open or resolved. */
  Future<Optional<ConversationId>> latestConversation(Contact contact);

  /** Durable entries after {@code afterSeq}, for a resident's connection to resume from. */
  Future<List<Entry>> entries(ConversationId conversation, long afterSeq);

  /** Where the conversation stands in line, if it is waiting. */
  Future<Optional<StreamSignal.QueuePosition>> placeInLine(ConversationId conversation);

  /** Tells the other side someone is typing. Never stored. */
  Future<Void> typing(ConversationId conversation, Participant who, boolean active);

  /** The same, with what a relay assistant has said so far, as the recogniser hears it ("CA speaking: …"). */
  Future<Void> typing(ConversationId conversation, Participant who, boolean active, Optional<String> heardSoFar);
}
