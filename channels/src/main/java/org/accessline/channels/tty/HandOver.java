package org.accessline.channels.tty;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;

/**
 * A call's media stream passed from the TTY session to the speech session: the socket, who is
 * calling, the audio clock so far, the conversation if one was opened, and the audio heard while
 * the line was being told apart, which the recogniser still has to hear.
 *
 * @param callerAddress the caller's number, or {@code withheld:<callSid>}
 * @param samples samples received on the stream so far (the audio clock)
 * @param unheard 8 kHz audio not yet given to anyone, oldest first
 * @param why what to note on the record about the switch, if anything
 * @param attachment how many streams carried the call before this one (more than none after its node was lost)
 * @param resume what the call's earlier stream left for this one (see {@link TtyCalls.Watch#carrying})
 */
public record HandOver(ServerWebSocket socket, Context context, String callSid, String streamSid, String callerAddress, long samples,
    Optional<Future<ConversationId>> conversation, short[] unheard, Optional<String> why, int attachment, java.util.Map<String, String> resume) {}
