package org.accessline.transcripts.export;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.store.InteractionRecord;

/** A plain-text transcript a person can read, print or attach to a records request. */
public final class TranscriptText {
  /** Starts a continuation line: indented under the entry, where no entry line can start. */
  private static final String CONTINUATION = "\n      ";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));

  private TranscriptText() {}

  public static String render(InteractionRecord record) {
    StringBuilder out = new StringBuilder();
    out.append("Accessline interaction record ").append(record.id()).append('\n');
    out.append("Channel: ").append(record.contact().channel()).append('\n');
    out.append("Contact: ").append(record.contact().address()).append('\n');
    out.append("Opened: ").append(TIME.format(record.opened())).append('\n');
    record.previous().ifPresent(p -> out.append("Previous record: ").append(p).append('\n'));
    record.firstOffered().ifPresent(t -> out.append("First offered: ").append(TIME.format(t)).append('\n'));
    record.firstAssigned().ifPresent(t -> out.append("First assigned: ").append(TIME.format(t)).append('\n'));
    record.firstAgentReply().ifPresent(t -> out.append("First agent reply: ").append(TIME.format(t)).append('\n'));
    record.resolved().ifPresent(t -> out.append("Resolved: ").append(TIME.format(t)).append('\n'));
    record.disposition().ifPresent(d -> out.append("Disposition: ").append(continued(d)).append('\n'));
    out.append('\n');
    for (Entry e : record.entries()) {
      out.append('#').append(e.seq()).append(' ').append(TIME.format(e.at())).append("  ").append(line(e)).append('\n');
    }
    return out.toString();
  }

  /** One entry as a line of text: who said what, or what happened. */
  public static String line(Entry e) {
    ConversationEvent event = e.event();
    if (event instanceof ConversationEvent.MessagePosted m) {
      String who = switch (e.actor().role()) {
        case AGENT -> e.actor().displayName() + " (agent)";
        case SUPERVISOR -> e.actor().displayName() + " (supervisor, shown to the resident as the center)";
        case SYSTEM -> e.actor().displayName() + " (automatic)";
        case RESIDENT -> "Resident";
      };
      StringBuilder line = new StringBuilder(who).append(": ").append(continued(m.text()));
      m.attachments().forEach(a -> line.append(CONTINUATION).append("[attachment ").append(continued(a.contentType())).append(": ")
          .append(continued(a.url())).append(']'));
      return line.toString();
    }
    return continued(describe(e));
  }

  /**
   * Text as continuation lines: every kind of line break starts an indented line, so no text can
   * begin a line of its own and pass for another entry or speaker, and other control characters
   * (which could rewrite a terminal) show as U+FFFD.
   */
  static String continued(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        out.append(CONTINUATION);
      } else if (c == '\t' || !Character.isISOControl(c)) {
        out.append(c);
      } else {
        out.append('\uFFFD');
      }
    }
    return out.toString();
  }

  /** What happened, for entries other than messages. */
  private static String describe(Entry e) {
    ConversationEvent event = e.event();
    if (event instanceof ConversationEvent.Opened o) {
      return "[conversation opened on " + o.contact().channel() + o.previous().map(p -> ", following record " + p).orElse("") + "]";
    }
    if (event instanceof ConversationEvent.Queued q) return "[queued: " + q.reason() + "]";
    if (event instanceof ConversationEvent.Offered o) return "[offered to " + o.agentName() + "]";
    if (event instanceof ConversationEvent.Assigned a) return "[assigned to " + a.agentName() + "]";
    if (event instanceof ConversationEvent.Unassigned u) return "[returned to queue from " + u.agent() + ": " + u.reason() + "]";
    if (event instanceof ConversationEvent.DeliveryUpdated d) {
      return "[message #" + d.messageSeq() + " " + d.status().wireName() + (d.detail().isEmpty() ? "" : ": " + d.detail()) + "]";
    }
    if (event instanceof ConversationEvent.Noted n) return "[" + n.text() + "]";
    if (event instanceof ConversationEvent.Annotated a) return "[relay assistant's note: " + a.text() + "]";
    if (event instanceof ConversationEvent.RelayAssistantJoined r) {
      return "[relay assistant joined: " + r.service() + r.number().map(n -> " CA " + n).orElse("") + "]";
    }
    if (event instanceof ConversationEvent.Whispered w) return "[whisper from " + e.actor().displayName() + " to the agent: " + w.text() + "]";
    if (event instanceof ConversationEvent.Escalated x) return "[escalated (" + x.path() + "): " + x.reason() + "]";
    if (event instanceof ConversationEvent.ConsentChanged c) {
      return "[resident texted " + c.keyword() + ": " + (c.optedOut() ? "opted out of messages" : "opted back in") + "]";
    }
    if (event instanceof ConversationEvent.Resolved r) return "[resolved by " + e.actor().displayName() + ": " + r.disposition() + "]";
    return "[" + event.kind() + ": " + event.fields().encode() + "]";
  }
}
