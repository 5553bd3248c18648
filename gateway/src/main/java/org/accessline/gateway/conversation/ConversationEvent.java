package org.accessline.gateway.conversation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/** What an entry records. Every conversation is the ordered list of these. */
public sealed interface ConversationEvent {

  /** The stable name of this event on the wire and in stored records. */
  String kind();

  /** This event's own fields (without {@code kind}). */
  JsonObject fields();

  default JsonObject toJson() {
    return fields().put("kind", kind());
  }

  static ConversationEvent fromJson(JsonObject json) {
    String kind = json.getString("kind", "");
    Function<JsonObject, ConversationEvent> decoder = Decoders.BY_KIND.get(kind);
    if (decoder == null) throw new IllegalArgumentException("unknown entry kind: " + kind);
    return decoder.apply(json);
  }

  /**
   * The first entry of every conversation. {@code previous} is the contact's record before this one,
   * if they had one: a returning resident, or a caller who typed again after their call was resolved.
   */
  record Opened(Contact contact, Optional<ConversationId> previous) implements ConversationEvent {
    public Opened {
      if (contact == null) throw new IllegalArgumentException("opened needs a contact");
      if (previous == null) previous = Optional.empty();
    }

    public Opened(Contact contact) {
      this(contact, Optional.empty());
    }

    public String kind() { return "opened"; }

    public JsonObject fields() {
      JsonObject json = new JsonObject().put("channel", contact.channel().name()).put("contact", contact.address());
      previous.ifPresent(p -> json.put("previous", p.value()));
      return json;
    }
  }

  /** Waiting for an agent, since {@code since} (kept across hand-backs so the oldest goes first). */
  record Queued(Instant since, String reason) implements ConversationEvent {
    public Queued {
      if (since == null) throw new IllegalArgumentException("queued needs a time");
      if (reason == null) reason = "";
    }

    public String kind() { return "queued"; }

    public JsonObject fields() {
      return new JsonObject().put("since", since.toString()).put("reason", reason);
    }
  }

  record Assigned(AgentId agent, String agentName) implements ConversationEvent {
    public Assigned {
      if (agent == null) throw new IllegalArgumentException("assigned needs an agent");
      if (agentName == null || agentName.isBlank()) agentName = agent.value();
    }

    public String kind() { return "assigned"; }

    public JsonObject fields() {
      return new JsonObject().put("agent", agent.value()).put("agentName", agentName);
    }
  }

  /** Routing offered the waiting conversation to an agent, who may accept it, decline it or let it lapse. */
  record Offered(AgentId agent, String agentName) implements ConversationEvent {
    public Offered {
      if (agent == null) throw new IllegalArgumentException("an offer names an agent");
      if (agentName == null || agentName.isBlank()) agentName = agent.value();
    }

    public String kind() { return "offered"; }

    public JsonObject fields() {
      return new JsonObject().put("agent", agent.value()).put("agentName", agentName);
    }
  }

  /** An agent let go of the conversation without resolving it; it goes back to the queue. */
  record Unassigned(AgentId agent, String reason) implements ConversationEvent {
    public Unassigned {
      if (agent == null) throw new IllegalArgumentException("unassigned needs an agent");
      if (reason == null) reason = "";
    }

    public String kind() { return "unassigned"; }

    public JsonObject fields() {
      return new JsonObject().put("agent", agent.value()).put("reason", reason);
    }
  }

  /**
   * A message; from a resident it may be only attachments, with empty text. A relay assistant's
   * spoken words carry their {@link Transcription}: they are what a machine heard, not what was typed.
   */
  record MessagePosted(String text, List<Attachment> attachments, Optional<Transcription> transcription) implements ConversationEvent {
    public MessagePosted {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
      transcription = transcription == null ? Optional.empty() : transcription;
      if (text == null || (text.isBlank() && attachments.isEmpty())) throw new IllegalArgumentException("a message needs text or an attachment");
    }

    public MessagePosted(String text, List<Attachment> attachments) {
      this(text, attachments, Optional.empty());
    }

    public MessagePosted(String text) {
      this(text, List.of());
    }

    public String kind() { return "message"; }

    public JsonObject fields() {
      JsonObject json = new JsonObject().put("text", text);
      if (!attachments.isEmpty()) {
        JsonArray list = new JsonArray();
        attachments.forEach(a -> list.add(new JsonObject().put("url", a.url()).put("contentType", a.contentType())));
        json.put("attachments", list);
      }
      // Left out when absent, so typed messages hash as they always did.
      transcription.ifPresent(t -> json.put("transcription", new JsonObject().put("engine", t.engine()).put("confidence", t.confidence())));
      return json;
    }
  }

  /**
   * A relay assistant's description of what they hear, such as "(typing)" or "(background noise)":
   * kept apart from the resident's words, never searched as them and never sent to the resident.
   */
  record Annotated(String text) implements ConversationEvent {
    public Annotated {
      if (text == null || text.isBlank()) throw new IllegalArgumentException("an annotation needs text");
    }

    public String kind() { return "annotation"; }

    public JsonObject fields() {
      return new JsonObject().put("text", text);
    }
  }

  /**
   * A relay assistant joined the call: the service and their number as they announced them, and
   * what was heard. A second one on the same call is a new assistant (a shift change).
   */
  record RelayAssistantJoined(String service, Optional<String> number, String heard) implements ConversationEvent {
    public RelayAssistantJoined {
      if (service == null || service.isBlank() || service.length() > 100) throw new IllegalArgumentException("a relay service has a name of 1-100 characters");
      if (number == null) number = Optional.empty();
      if (number.filter(n -> !n.matches("[0-9A-Za-z-]{1,16}")).isPresent()) throw new IllegalArgumentException("an assistant's number is 1-16 letters or digits");
      if (heard == null) heard = "";
    }

    public String kind() { return "relay-assistant"; }

    public JsonObject fields() {
      JsonObject json = new JsonObject().put("service", service).put("heard", heard);
      number.ifPresent(n -> json.put("number", n));
      return json;
    }
  }

  /** What an agent must have to take the conversation beyond what its channel needs: a language, a topic. */
  record SkillsRequired(java.util.Set<String> skills) implements ConversationEvent {
    public SkillsRequired {
      skills = java.util.Set.copyOf(skills);
      for (String s : skills) if (!s.matches("[a-z][a-z0-9-]{0,31}")) throw new IllegalArgumentException("skills are lower-case words such as es or billing");
    }

    public String kind() { return "skills"; }

    public JsonObject fields() {
      return new JsonObject().put("skills", new JsonArray(skills.stream().sorted().toList()));
    }
  }

  /** The conversation moved to another queue (by a transfer, or overflowing when it waited too long). */
  record QueueChanged(String queue, String reason) implements ConversationEvent {
    public QueueChanged {
      if (queue == null || !queue.matches("[a-z][a-z0-9-]{0,31}")) throw new IllegalArgumentException("a queue name is a lower-case word");
      if (reason == null) reason = "";
    }

    public String kind() { return "queue"; }

    public JsonObject fields() {
      return new JsonObject().put("queue", queue).put("reason", reason);
    }
  }

  /** An agent passed the conversation on, to another agent or back to the queue, with a note for whoever takes it. */
  record Transferred(AgentId from, java.util.Optional<AgentId> to, String note) implements ConversationEvent {
    public Transferred {
      if (from == null || to == null) throw new IllegalArgumentException("a transfer needs who passed it on");
      if (note == null) note = "";
    }

    public String kind() { return "transferred"; }

    public JsonObject fields() {
      JsonObject json = new JsonObject().put("from", from.value()).put("note", note);
      to.ifPresent(a -> json.put("to", a.value()));
      return json;
    }
  }

  /** A supervisor's note to the conversation's agent. Never shown or sent to the resident. */
  record Whispered(String text) implements ConversationEvent {
    public Whispered {
      if (text == null || text.isBlank()) throw new IllegalArgumentException("a whisper needs text");
    }

    public String kind() { return "whisper"; }

    public JsonObject fields() {
      return new JsonObject().put("text", text);
    }
  }

  /** The resident opted out of messages (STOP and the like) or back in (START). Kept per contact. */
  record ConsentChanged(boolean optedOut, String keyword) implements ConversationEvent {
    public ConsentChanged {
      if (keyword == null || keyword.isBlank()) throw new IllegalArgumentException("consent changes by a keyword");
    }

    public String kind() { return "consent"; }

    public JsonObject fields() {
      return new JsonObject().put("optedOut", optedOut).put("keyword", keyword);
    }
  }

  /**
   * Delivery progress of the message at {@code messageSeq}, as the channel reported it.
   * {@code providerId} is the provider's id for the message (Twilio's MessageSid), or empty when the
   * channel has none or does not know it yet.
   */
  record DeliveryUpdated(long messageSeq, DeliveryStatus status, String detail, String providerId) implements ConversationEvent {
    public DeliveryUpdated {
      if (messageSeq < 1) throw new IllegalArgumentException("delivery refers to a message sequence number");
      if (status == null) throw new IllegalArgumentException("delivery needs a status");
      if (detail == null) detail = "";
      if (providerId == null) providerId = "";
    }

    public DeliveryUpdated(long messageSeq, DeliveryStatus status, String detail) {
      this(messageSeq, status, detail, "");
    }

    public String kind() { return "delivery"; }

    public JsonObject fields() {
      JsonObject json = new JsonObject().put("messageSeq", messageSeq).put("status", status.wireName()).put("detail", detail);
      // Left out when empty, so entries written before providers' ids were kept hash as they did.
      if (!providerId.isEmpty()) json.put("providerId", providerId);
      return json;
    }
  }

  /** Something the channel saw that the agent should know: a call ended, the caller signed off. */
  record Noted(String text) implements ConversationEvent {
    public Noted {
      if (text == null || text.isBlank()) throw new IllegalArgumentException("a note needs text");
    }

    public String kind() { return "note"; }

    public JsonObject fields() {
      return new JsonObject().put("text", text);
    }
  }

  /**
   * What staff filed about the record: category and tags, where the resident was referred, a
   * follow-up, and an Open311 service request. The latest one counts; earlier ones stay in the record.
   */
  record DetailsSet(Optional<String> category, List<String> tags, Optional<String> referralAgency, Optional<String> referralService,
      Optional<java.time.LocalDate> followUpDue, Optional<String> followUpOwner, Optional<String> open311Id) implements ConversationEvent {
    public DetailsSet {
      tags = List.copyOf(tags);
      if (tags.size() > 20 || tags.stream().anyMatch(t -> !t.matches("[a-z0-9][a-z0-9 -]{0,39}"))) {
        throw new IllegalArgumentException("tags are up to 20 lower-case words of at most 40 characters");
      }
      for (Optional<String> text : List.of(category, referralAgency, referralService, followUpOwner, open311Id)) {
        if (text.filter(t -> t.isBlank() || t.length() > 200).isPresent()) throw new IllegalArgumentException("each detail is 1-200 characters");
      }
    }

    public String kind() { return "details"; }

    public JsonObject fields() {
      JsonObject json = new JsonObject().put("tags", new JsonArray(tags));
      category.ifPresent(v -> json.put("category", v));
      referralAgency.ifPresent(v -> json.put("referralAgency", v));
      referralService.ifPresent(v -> json.put("referralService", v));
      followUpDue.ifPresent(v -> json.put("followUpDue", v.toString()));
      followUpOwner.ifPresent(v -> json.put("followUpOwner", v));
      open311Id.ifPresent(v -> json.put("open311Id", v));
      return json;
    }

    static DetailsSet fromJson(JsonObject j) {
      List<String> tags = new ArrayList<>();
      j.getJsonArray("tags", new JsonArray()).forEach(t -> tags.add(String.valueOf(t)));
      return new DetailsSet(Optional.ofNullable(j.getString("category")), tags, Optional.ofNullable(j.getString("referralAgency")),
          Optional.ofNullable(j.getString("referralService")), Optional.ofNullable(j.getString("followUpDue")).map(java.time.LocalDate::parse),
          Optional.ofNullable(j.getString("followUpOwner")), Optional.ofNullable(j.getString("open311Id")));
    }
  }

  /**
   * Staff referred the resident to a service of the resource directory: which agency and service
   * (ids and names as they were then) and how to reach it, by kind ({@link #REACH_KINDS}).
   */
  record Referred(String agencyId, String agencyName, String serviceId, String serviceName, Map<String, String> reach) implements ConversationEvent {
    public static final List<String> REACH_KINDS = List.of("phone", "tty", "videoPhone", "text", "web", "address");

    public Referred {
      for (String id : List.of(agencyId == null ? "" : agencyId, serviceId == null ? "" : serviceId)) {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) throw new IllegalArgumentException("a referral names its agency and service by id");
      }
      for (String name : java.util.Arrays.asList(agencyName, serviceName)) {
        if (name == null || name.isBlank() || name.length() > 200) throw new IllegalArgumentException("a referral's agency and service names are 1-200 characters");
      }
      reach = Map.copyOf(new java.util.TreeMap<>(reach));
      for (Map.Entry<String, String> e : reach.entrySet()) {
        if (!REACH_KINDS.contains(e.getKey()) || e.getValue().isBlank() || e.getValue().length() > 400) {
          throw new IllegalArgumentException("a referral's ways to reach are " + REACH_KINDS + ", each 1-400 characters");
        }
      }
    }

    public String kind() { return "referral"; }

    public JsonObject fields() {
      JsonObject how = new JsonObject();
      new java.util.TreeMap<>(reach).forEach(how::put);
      return new JsonObject().put("agencyId", agencyId).put("agencyName", agencyName).put("serviceId", serviceId).put("serviceName", serviceName)
          .put("reach", how);
    }

    static Referred fromJson(JsonObject j) {
      Map<String, String> how = new java.util.TreeMap<>();
      j.getJsonObject("reach", new JsonObject()).forEach(e -> how.put(e.getKey(), String.valueOf(e.getValue())));
      return new Referred(j.getString("agencyId"), j.getString("agencyName"), j.getString("serviceId"), j.getString("serviceName"), how);
    }
  }

  /** The conversation went up a path (emergency, supervisor, a time limit) for a reason people can read. */
  record Escalated(String path, String reason) implements ConversationEvent {
    public static final String EMERGENCY = "emergency";
    public static final String SUPERVISOR = "supervisor";

    public Escalated {
      if (path == null || !path.matches("[a-z_]{1,32}")) throw new IllegalArgumentException("an escalation needs a path");
      if (reason == null || reason.isBlank()) throw new IllegalArgumentException("an escalation needs a reason");
    }

    public String kind() { return "escalated"; }

    public JsonObject fields() {
      return new JsonObject().put("path", path).put("reason", reason);
    }
  }

  record Resolved(String disposition) implements ConversationEvent {
    public Resolved {
      if (disposition == null || disposition.isBlank()) throw new IllegalArgumentException("resolving needs a disposition");
    }

    public String kind() { return "resolved"; }

    public JsonObject fields() {
      return new JsonObject().put("disposition", disposition);
    }
  }

  /** Holds the decoders apart from the interface so the records stay plain. */
  final class Decoders {
    private Decoders() {}

    private static List<Attachment> attachments(JsonArray json) {
      if (json == null) return List.of();
      List<Attachment> out = new ArrayList<>();
      for (int i = 0; i < json.size(); i++) out.add(new Attachment(json.getJsonObject(i).getString("url"), json.getJsonObject(i).getString("contentType")));
      return out;
    }

    static final Map<String, Function<JsonObject, ConversationEvent>> BY_KIND = Map.ofEntries(
        Map.entry("opened", j -> new Opened(new Contact(new Channel(j.getString("channel")), j.getString("contact")),
            Optional.ofNullable(j.getString("previous")).map(ConversationId::new))),
        Map.entry("queued", j -> new Queued(Instant.parse(j.getString("since")), j.getString("reason"))),
        Map.entry("assigned", j -> new Assigned(new AgentId(j.getString("agent")), j.getString("agentName"))),
        Map.entry("offered", j -> new Offered(new AgentId(j.getString("agent")), j.getString("agentName"))),
        Map.entry("unassigned", j -> new Unassigned(new AgentId(j.getString("agent")), j.getString("reason"))),
        Map.entry("message", j -> new MessagePosted(j.getString("text"), attachments(j.getJsonArray("attachments")),
            Optional.ofNullable(j.getJsonObject("transcription")).map(t -> new Transcription(t.getString("engine"), t.getDouble("confidence"))))),
        Map.entry("annotation", j -> new Annotated(j.getString("text"))),
        Map.entry("relay-assistant", j -> new RelayAssistantJoined(j.getString("service"), Optional.ofNullable(j.getString("number")), j.getString("heard", ""))),
        Map.entry("consent", j -> new ConsentChanged(j.getBoolean("optedOut"), j.getString("keyword"))),
        Map.entry("delivery", j -> new DeliveryUpdated(
            j.getLong("messageSeq"),
            DeliveryStatus.parse(j.getString("status")).orElseThrow(() -> new IllegalArgumentException("unknown delivery status")),
            j.getString("detail"), j.getString("providerId", ""))),
        Map.entry("note", j -> new Noted(j.getString("text"))),
        Map.entry("whisper", j -> new Whispered(j.getString("text"))),
        Map.entry("queue", j -> new QueueChanged(j.getString("queue"), j.getString("reason"))),
        Map.entry("skills", j -> new SkillsRequired(new java.util.HashSet<>(j.getJsonArray("skills").stream().map(String::valueOf).toList()))),
        Map.entry("transferred", j -> new Transferred(new AgentId(j.getString("from")), java.util.Optional.ofNullable(j.getString("to")).map(AgentId::new),
            j.getString("note"))),
        Map.entry("details", DetailsSet::fromJson),
        Map.entry("referral", Referred::fromJson),
        Map.entry("escalated", j -> new Escalated(j.getString("path"), j.getString("reason"))),
        Map.entry("resolved", j -> new Resolved(j.getString("disposition"))));
  }
}
