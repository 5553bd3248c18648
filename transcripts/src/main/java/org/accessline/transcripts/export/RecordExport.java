package org.accessline.transcripts.export;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.store.InteractionRecord;

/** Interaction records as files people take away: redacted copies, a CSV summary row, a printable HTML transcript. */
public final class RecordExport {
  public static final String CSV_HEADER = "id,channel,contact,opened,resolved,disposition,wait_seconds,handle_seconds,messages,category,tags,referral,open311_id,"
      + "first_offered,first_assigned,first_agent_reply,previous_id,related_ids";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private RecordExport() {}

  /**
   * A copy with what {@link Redaction} lists masked in every free text, and the resident's contact
   * replaced wherever the record names it; the stored record is untouched.
   */
  public static InteractionRecord redacted(InteractionRecord r) {
    Optional<String> address = Optional.of(r.contact().address());
    Contact hidden = new Contact(r.contact().channel(), Redaction.CONTACT);
    Function<String, String> mask = text -> Redaction.mask(text, address);
    List<Entry> masked = new ArrayList<>(r.entries().size());
    for (Entry e : r.entries()) {
      ConversationEvent ev = e.event();
      ConversationEvent out = ev;
      if (ev instanceof ConversationEvent.Opened o) out = new ConversationEvent.Opened(hidden, o.previous());
      else if (ev instanceof ConversationEvent.MessagePosted m) out = new ConversationEvent.MessagePosted(mask.apply(m.text()), m.attachments(), m.transcription());
      else if (ev instanceof ConversationEvent.Annotated a) out = new ConversationEvent.Annotated(mask.apply(a.text()));
      else if (ev instanceof ConversationEvent.Noted n) out = new ConversationEvent.Noted(mask.apply(n.text()));
      else if (ev instanceof ConversationEvent.Whispered w) out = new ConversationEvent.Whispered(mask.apply(w.text()));
      else if (ev instanceof ConversationEvent.Transferred t) out = new ConversationEvent.Transferred(t.from(), t.to(), mask.apply(t.note()));
      else if (ev instanceof ConversationEvent.Escalated x) out = new ConversationEvent.Escalated(x.path(), mask.apply(x.reason()));
      else if (ev instanceof ConversationEvent.Resolved d) out = new ConversationEvent.Resolved(mask.apply(d.disposition()));
      else if (ev instanceof ConversationEvent.DeliveryUpdated d) out = new ConversationEvent.DeliveryUpdated(d.messageSeq(), d.status(), mask.apply(d.detail()));
      Participant actor = e.actor().role() == Role.RESIDENT ? Participant.resident(hidden) : e.actor();
      masked.add(new Entry(e.conversationId(), e.seq(), e.at(), actor, out, e.dedupeKey().map(mask)));
    }
    return InteractionRecord.of(masked).withFollowing(r.following());
  }

  /** The row a CSV export ends with when it could not finish: it says so where a reader looks, in the first column. */
  public static String csvErrorRow(String message) {
    return cell("ERROR: export incomplete") + "," + cell(message);
  }

  public static String csvRow(InteractionRecord r) {
    long messages = r.entries().stream().filter(e -> e.event() instanceof ConversationEvent.MessagePosted).count();
    return String.join(",", cell(r.id().value()), cell(r.contact().channel().name()), cell(r.contact().address()), cell(r.opened().toString()),
        cell(r.resolved().map(Object::toString).orElse("")), cell(r.disposition().orElse("")),
        cell(r.waitTime().map(d -> String.valueOf(d.toSeconds())).orElse("")), cell(r.handleTime().map(d -> String.valueOf(d.toSeconds())).orElse("")),
        cell(String.valueOf(messages)), cell(r.details().flatMap(d -> d.category()).orElse("")),
        cell(r.details().map(d -> String.join(";", d.tags())).orElse("")),
        cell(r.details().map(d -> d.referralAgency().orElse("") + d.referralService().map(x -> ": " + x).orElse("")).orElse("")),
        cell(r.details().flatMap(d -> d.open311Id()).orElse("")), cell(r.firstOffered().map(Object::toString).orElse("")),
        cell(r.firstAssigned().map(Object::toString).orElse("")), cell(r.firstAgentReply().map(Object::toString).orElse("")),
        cell(r.previous().map(Object::toString).orElse("")), cell(String.join(";", r.following().stream().map(Object::toString).toList())));
  }

  /** Quoted as CSV, and a leading = + - @ defused so a spreadsheet does not run it as a formula. */
  static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("[+-]?\\d+") ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }

  /** A self-contained page that prints cleanly: the record's facts, then every entry in order. */
  public static String html(InteractionRecord r, String centerName) {
    StringBuilder out = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Interaction record ")
        .append(esc(r.id().value())).append("</title><style>body{font:14px/1.5 serif;margin:2em}table{border-collapse:collapse}td,th{padding:.2em .6em;"
            + "text-align:left;vertical-align:top;border-bottom:1px solid #ccc}th{white-space:nowrap}@media print{a{color:inherit}}</style></head><body><main>")
        .append("<h1>").append(esc(centerName)).append(": interaction record</h1><dl>");
    fact(out, "Record", r.id().value());
    fact(out, "Channel", r.contact().channel().name());
    fact(out, "Contact", r.contact().address());
    fact(out, "Opened", TIME.format(r.opened()));
    r.queued().ifPresent(t -> fact(out, "Queued", TIME.format(t)));
    r.firstOffered().ifPresent(t -> fact(out, "First offered", TIME.format(t)));
    r.firstAssigned().ifPresent(t -> fact(out, "First assigned", TIME.format(t)));
    r.firstAgentReply().ifPresent(t -> fact(out, "First agent reply", TIME.format(t)));
    r.resolved().ifPresent(t -> fact(out, "Resolved", TIME.format(t)));
    r.waitTime().ifPresent(d -> fact(out, "Wait", d.toSeconds() + " s"));
    r.handleTime().ifPresent(d -> fact(out, "Handle time", d.toSeconds() + " s"));
    r.disposition().ifPresent(d -> fact(out, "Disposition", d));
    r.details().ifPresent(d -> {
      d.category().ifPresent(c -> fact(out, "Category", c));
      if (!d.tags().isEmpty()) fact(out, "Tags", String.join(", ", d.tags()));
      if (d.referralAgency().isPresent() || d.referralService().isPresent()) {
        fact(out, "Referred to", d.referralAgency().orElse("") + d.referralService().map(x -> (d.referralAgency().isPresent() ? ": " : "") + x).orElse(""));
      }
      d.followUpDue().ifPresent(due -> fact(out, "Follow-up", "due " + due + d.followUpOwner().map(o -> ", " + o).orElse("")));
      d.open311Id().ifPresent(x -> fact(out, "Open311 service request", x));
    });
    r.previous().ifPresent(p -> fact(out, "Previous record", p.value()));
    if (!r.following().isEmpty()) fact(out, "Followed by", String.join(", ", r.following().stream().map(Object::toString).toList()));
    out.append("</dl><table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Time</th><th scope=\"col\">Entry</th></tr></thead><tbody>");
    for (Entry e : r.entries()) {
      out.append("<tr><td>").append(e.seq()).append("</td><td>").append(TIME.format(e.at())).append("</td><td>").append(esc(TranscriptText.line(e)))
          .append("</td></tr>");
    }
    return out.append("</tbody></table></main></body></html>").toString();
  }

  private static void fact(StringBuilder out, String name, String value) {
    out.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
