package org.accessline.web.api;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.RecordQuery;

/** Searching interaction records: {@code GET /api/interactions?from&to&channel&agent&contact&disposition&q&limit&offset}. */
public final class RecordsApi {
  private final InteractionStore store;

  public RecordsApi(InteractionStore store) {
    this.store = store;
  }

  public void search(RoutingContext ctx) {
    RecordQuery query;
    try {
      query = parse(ctx.queryParams());
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "bad_query", e.getMessage());
      return;
    }
    store.search(query).onComplete(ar -> AgentApi.respond(ctx, ar.map(page -> {
      JsonArray records = new JsonArray();
      page.records().forEach(r -> records.add(r.toJson()));
      return new JsonObject().put("records", records).put("more", page.more()).put("offset", query.offset()).put("limit", query.limit());
    }), 200));
  }

  /**
   * {@code GET /api/records/verify}: the audit log's chain, records the checkpoints remember that the
   * database lost, and the checkpoint file's own chain. 200 with {@code intact} true or false.
   */
  public void verifyStore(RoutingContext ctx) {
    store.verifyStore().onComplete(ar -> AgentApi.respond(ctx, ar.map(report -> report.toJson().put("intact", report.intact())), 200));
  }

  static RecordQuery parse(MultiMap params) {
    for (String name : params.names()) {
      if (!java.util.Set.of("from", "to", "channel", "agent", "contact", "disposition", "q", "tag", "category", "limit", "offset").contains(name)) {
        throw new IllegalArgumentException("Unknown search parameter \"" + name + "\".");
      }
      if (params.getAll(name).size() > 1) throw new IllegalArgumentException("\"" + name + "\" is given more than once.");
    }
    return new RecordQuery(time(params, "from"), time(params, "to"),
        value(params, "channel").map(c -> wrap(() -> new Channel(c), "\"channel\" is a channel name such as sms, tty or webchat.")),
        value(params, "agent").map(a -> wrap(() -> new AgentId(a), "\"agent\" is an agent's username.")),
        value(params, "contact").filter(c -> c.length() <= 128), value(params, "disposition").filter(d -> d.length() <= 200), value(params, "q"),
        value(params, "tag"), value(params, "category"), number(params, "limit", 50), number(params, "offset", 0));
  }

  private static Optional<String> value(MultiMap params, String name) {
    return Optional.ofNullable(params.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static Optional<Instant> time(MultiMap params, String name) {
    return value(params, name).map(v -> {
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("\"" + name + "\" must be a time such as 2026-11-22T00:00:00Z.");
      }
    });
  }

  private static int number(MultiMap params, String name, int otherwise) {
    return value(params, name).map(v -> {
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + name + "\" must be a whole number.");
      }
    }).orElse(otherwise);
  }

  private static <T> T wrap(java.util.function.Supplier<T> make, String message) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(message);
    }
  }
}
