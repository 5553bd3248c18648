package org.accessline.gateway.conversation;

/** A time limit that has just run out, to be recorded once (the key makes sure). */
public record Breach(String path, String reason, String dedupeKey) {
  public static final String QUEUE_WAIT = "queue_wait";
  public static final String FIRST_RESPONSE = "first_response";
  public static final String NEXT_RESPONSE = "next_response";
}
