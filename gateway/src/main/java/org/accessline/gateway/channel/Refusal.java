package org.accessline.gateway.channel;

import org.accessline.gateway.conversation.ResidentText;

/** Why the stream would not take a command. Codes are stable; messages are for people. */
public enum Refusal {
  UNKNOWN_CONVERSATION("unknown_conversation", "There is no open conversation with that id."),
  NOT_YOURS("not_assigned", "This conversation is not assigned to you."),
  RESOLVED("resolved", "This conversation has been resolved."),
  UNKNOWN_MESSAGE("unknown_message", "No message with that sequence number."),
  OTHER_MESSAGE("other_message", "That message id is not the one recorded for this message."),
  NOT_ASSIGNABLE("not_assignable", "This conversation is not waiting for an agent."),
  ALREADY_ESCALATED("already_escalated", "This conversation is already waiting for a supervisor."),
  NOT_ESCALATED("not_escalated", "This conversation is not waiting for a supervisor."),
  TRANSFER_PENDING("transfer_pending", "This conversation is already being passed to another agent; wait for their answer."),
  ALREADY_THEIRS("already_theirs", "This conversation is already with that agent."),
  NO_OFFER("no_offer", "There is no offer of this conversation for you; it may have lapsed."),
  REQUEST_REUSED("request_reused", "That request id was already used for something else; a retry sends the same thing, a new request a new id."),
  ALREADY_OPEN("already_open", "The resident already has an open conversation; continue there instead of opening another."),
  EMPTY_TEXT("empty_message", ResidentText.Problem.EMPTY.message),
  INVALID_TEXT("invalid_text", ResidentText.Problem.INVALID.message);

  public final String code;
  public final String message;

  Refusal(String code, String message) {
    this.code = code;
    this.message = message;
  }

  /** Why a resident's text was not taken. */
  public static Refusal of(ResidentText.Problem problem) {
    return problem == ResidentText.Problem.EMPTY ? EMPTY_TEXT : INVALID_TEXT;
  }
}
