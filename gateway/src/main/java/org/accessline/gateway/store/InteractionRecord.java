package org.accessline.gateway.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.EntryJson;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.Role;

/** The record of one conversation, derived from its entries alone so it can never disagree with them. */
public record InteractionRecord(
    ConversationId id,
    Contact contact,
    List<Participant> participants,
    Instant opened,
    Optional<ConversationId> previous,
    List<ConversationId> following,
    Optional<Instant> queued,
    Optional<Instant> firstOffered,
    Optional<Instant> firstAssigned,
    Optional<Instant> firstAgentReply,
    Optional<Instant> resolved,
    Optional<String> disposition,
    List<Entry> entries) {

  public static InteractionRecord of(List<Entry> entries) {
    if (entries.isEmpty() || !(entries.get(0).event() instanceof ConversationEvent.Opened opened)) {
      throw new IllegalArgumentException("a record starts with an opened entry");
    }
    Map<String, Participant> people = new LinkedHashMap<>();
    Instant queued = null, offered = null, assigned = null, reply = null, resolved = null;
    String disposition = null;
    for (Entry e : entries) {
      if (e.actor().role() != Role.SYSTEM) people.putIfAbsent(e.actor().role() + ":" + e.actor().id(), e.actor());
      ConversationEvent event = e.event();
      if (event instanceof ConversationEvent.Queued && queued == null) queued = e.at();
      // Assigned without an offer first (auto-accept, a supervisor taking it) is offered and taken at once.
      if ((event instanceof ConversationEvent.Offered || event instanceof ConversationEvent.Assigned) && offered == null) offered = e.at();
      if (event instanceof ConversationEvent.Assigned && assigned == null) assigned = e.at();
      if (event instanceof ConversationEvent.MessagePosted && e.actor().isStaff() && reply == null) reply = e.at();
      if (event instanceof ConversationEvent.Resolved r) {
        resolved = e.at();
        disposition = r.disposition();
      }
    }
    return new InteractionRecord(entries.get(0).conversationId(), opened.contact(), List.copyOf(people.values()), entries.get(0).at(),
        opened.previous(), List.of(), Optional.ofNullable(queued), Optional.ofNullable(offered), Optional.ofNullable(assigned), Optional.ofNullable(reply), Optional.ofNullable(resolved),
        Optional.ofNullable(disposition), List.copyOf(entries));
  }

  /** The same record, knowing the records that followed it (the contact's next conversations that link back here). */
  public InteractionRecord withFollowing(List<ConversationId> later) {
    return new InteractionRecord(id, contact, participants, opened, previous, List.copyOf(later), queued, firstOffered, firstAssigned, firstAgentReply,
        resolved, disposition, entries);
  }

  /** How long the resident waited for an agent, if one was ever assigned. */
  public Optional<Duration> waitTime() {
    return firstAssigned.map(a -> Duration.between(queued.orElse(opened), a));
  }

  public Optional<Duration> handleTime() {
    return firstAssigned.flatMap(a -> resolved.map(r -> Duration.between(a, r)));
  }

  public JsonObject toJson() {
    JsonArray people = new JsonArray();
    participants.forEach(p -> people.add(EntryJson.participantToJson(p)));
    JsonArray all = new JsonArray();
    entries.forEach(e -> all.add(EntryJson.toJson(e)));
    JsonObject times = new JsonObject().put("opened", opened.toString());
    queued.ifPresent(t -> times.put("queued", t.toString()));
    firstOffered.ifPresent(t -> times.put("firstOffered", t.toString()));
    firstAssigned.ifPresent(t -> times.put("firstAssigned", t.toString()));
    firstAgentReply.ifPresent(t -> times.put("firstAgentReply", t.toString()));
    resolved.ifPresent(t -> times.put("resolved", t.toString()));
    JsonObject json = new JsonObject()
        .put("id", id.value())
        .put("channel", contact.channel().name())
        .put("contact", contact.address())
        .put("status", resolved.isPresent() ? "resolved" : "open")
        .put("participants", people)
        .put("relatedIds", new JsonArray(following.stream().map(ConversationId::value).toList()))
        .put("timestamps", times)
        .put("entries", all);
    previous.ifPresent(p -> json.put("previousId", p.value()));
    waitTime().ifPresent(d -> json.put("waitSeconds", d.toMillis() / 1000.0));
    handleTime().ifPresent(d -> json.put("handleSeconds", d.toMillis() / 1000.0));
    disposition.ifPresent(d -> json.put("disposition", d));
    details().ifPresent(d -> json.mergeIn(d.fields().put("filed", true)));
    JsonArray escalations = new JsonArray();
    for (Entry e : entries) {
      if (e.event() instanceof ConversationEvent.Escalated x) {
        escalations.add(new JsonObject().put("seq", e.seq()).put("at", e.at().toString()).put("path", x.path()).put("reason", x.reason()));
      }
    }
    json.put("escalations", escalations);
    JsonArray transfers = new JsonArray();
    for (Entry e : entries) {
      if (e.event() instanceof ConversationEvent.Transferred t) {
        JsonObject transfer = new JsonObject().put("seq", e.seq()).put("at", e.at().toString()).put("from", t.from().value()).put("note", t.note());
        t.to().ifPresent(a -> transfer.put("to", a.value()));
        transfers.add(transfer);
      }
    }
    json.put("transfers", transfers);
    return json;
  }

  /** What staff last filed about the record, if anything. */
  public Optional<ConversationEvent.DetailsSet> details() {
    Optional<ConversationEvent.DetailsSet> last = Optional.empty();
    for (Entry e : entries) if (e.event() instanceof ConversationEvent.DetailsSet d) last = Optional.of(d);
    return last;
  }
}
