package org.accessline.web.records;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.store.RecordQuery;

/**
 * The search parameters of the records API and the exports, read strictly: a filter that cannot be
 * applied as given is refused with the field's name, never dropped, so a search never answers more
 * than was asked for (and the audit log never names a narrower search than the one that ran).
 */
public final class SearchParameters {
  /** The filters both the search and the exports take. */
  static final Set<String> FILTERS = Set.of("from", "to", "channel", "agent", "contact", "disposition", "q", "tag", "category");
  /** The channels a record can be on; a search for any other could only ever find nothing. */
  static final Set<String> CHANNELS = Set.of(Channel.WEBCHAT.name(), Channel.SMS.name(), Channel.TTY.name(), Channel.RELAY.name());
  static final int MAX_CONTACT = 128;
  static final int MAX_DISPOSITION = 200;
  static final int MAX_OFFSET = 1_000_000;

  private SearchParameters() {}

  /** A parameter that is malformed, too long or unknown; {@code field} names it. */
  public static final class BadParameter extends IllegalArgumentException {
    private final String field;

    BadParameter(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /**
   * The filters, with {@code allowed} naming the parameters this route takes beside them. Limit and
   * offset are the caller's to read; the query carries the given page size and start.
   */
  static RecordQuery filters(MultiMap params, Set<String> allowed, int limit, int offset) {
    for (String name : params.names()) {
      if (!FILTERS.contains(name) && !allowed.contains(name)) throw new BadParameter(name, "Unknown search parameter \"" + name + "\".");
      if (params.getAll(name).size() > 1) throw new BadParameter(name, "\"" + name + "\" is given more than once.");
    }
    Optional<String> channel = value(params, "channel");
    if (channel.isPresent() && !CHANNELS.contains(channel.get())) {
      throw new BadParameter("channel", "\"channel\" must be one of " + String.join(", ", CHANNELS.stream().sorted().toList()) + ".");
    }
    Optional<String> contact = value(params, "contact");
    if (contact.filter(c -> c.length() > MAX_CONTACT).isPresent()) {
      throw new BadParameter("contact", "\"contact\" is at most " + MAX_CONTACT + " characters (a phone number or a chat id).");
    }
    Optional<String> disposition = value(params, "disposition");
    if (disposition.filter(d -> d.length() > MAX_DISPOSITION).isPresent()) {
      throw new BadParameter("disposition", "\"disposition\" is at most " + MAX_DISPOSITION + " characters.");
    }
    Optional<String> q = value(params, "q");
    if (q.filter(t -> t.length() > 200).isPresent()) throw new BadParameter("q", "\"q\" is at most 200 characters.");
    Optional<Instant> from = time(params, "from");
    Optional<Instant> to = time(params, "to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) throw new BadParameter("from", "\"from\" must be before \"to\".");
    Optional<AgentId> agent = value(params, "agent").map(a -> checked("agent", () -> new AgentId(a), "\"agent\" is an agent's username."));
    RecordQuery tagged = checked("tag", () -> new RecordQuery(from, to, channel.map(Channel::new), agent, contact, disposition, q,
        value(params, "tag"), Optional.<String>empty(), limit, offset), "\"tag\" is a lower-case word of at most 40 characters.");
    RecordQuery query = checked("category", () -> withCategory(tagged, value(params, "category")), "\"category\" is at most 200 characters.");
    if (query.text().isPresent() && query.words().isEmpty()) {
      throw new BadParameter("q", "\"q\" has no words to search for (letters or digits); leave it out to search without words.");
    }
    return query;
  }

  private static RecordQuery withCategory(RecordQuery q, Optional<String> category) {
    return new RecordQuery(q.openedFrom(), q.openedBefore(), q.channel(), q.agent(), q.contact(), q.disposition(), q.text(), q.tag(), category,
        q.limit(), q.offset());
  }

  /** {@code limit} and {@code offset} of a page of search results. */
  static RecordQuery search(MultiMap params) {
    int limit = number(params, "limit", 50, 1, RecordQuery.MAX_LIMIT);
    int offset = number(params, "offset", 0, 0, MAX_OFFSET);
    return filters(params, Set.of("limit", "offset"), limit, offset);
  }

  /** A whole number within bounds, or {@code otherwise} when the parameter is absent. */
  static int number(MultiMap params, String name, int otherwise, int min, int max) {
    Optional<String> given = value(params, name);
    if (given.isEmpty()) return otherwise;
    try {
      int n = Integer.parseInt(given.get());
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // Answered below with the bounds.
    }
    throw new BadParameter(name, "\"" + name + "\" must be a whole number from " + min + " to " + max + ".");
  }

  /** The search as it ran, for the audit log: every filter applied, in a fixed order. */
  public static String describe(RecordQuery q) {
    List<String> parts = new ArrayList<>();
    q.openedFrom().ifPresent(t -> parts.add("from=" + t));
    q.openedBefore().ifPresent(t -> parts.add("to=" + t));
    q.channel().ifPresent(c -> parts.add("channel=" + c.name()));
    q.agent().ifPresent(a -> parts.add("agent=" + a.value()));
    q.contact().ifPresent(c -> parts.add("contact=" + c));
    q.disposition().ifPresent(d -> parts.add("disposition=" + d));
    if (!q.words().isEmpty()) parts.add("q=" + String.join(" ", q.words()));
    q.tag().ifPresent(t -> parts.add("tag=" + t));
    q.category().ifPresent(c -> parts.add("category=" + c));
    return parts.isEmpty() ? "all records" : String.join("&", parts);
  }

  static Optional<String> value(MultiMap params, String name) {
    return Optional.ofNullable(params.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static Optional<Instant> time(MultiMap params, String name) {
    return value(params, name).map(v -> {
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new BadParameter(name, "\"" + name + "\" must be a time such as 2026-11-22T00:00:00Z.");
      }
    });
  }

  private static <T> T checked(String field, Supplier<T> make, String message) {
    try {
      return make.get();
    } catch (BadParameter e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new BadParameter(field, message);
    }
  }
}
