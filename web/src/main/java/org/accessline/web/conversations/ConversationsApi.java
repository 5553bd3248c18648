package org.accessline.web.conversations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.http.Answers;
import org.accessline.gateway.store.EarlierRecord;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.residents.SamePerson;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.records.RecordReads;
import org.accessline.web.staff.StaffAuth;

/** What an agent reads of their conversations: the list, each one's entries, and the resident's earlier ones. */
public final class ConversationsApi {
  private static final int HISTORY_LIMIT = 20;
  private static final String AFTER = "accessline.after";
  private final Desk stream;
  private final InteractionStore store;
  private final ConversationViews views;
  private final java.time.Clock clock;

  public ConversationsApi(Desk stream, InteractionStore store, ConversationViews views, java.time.Clock clock) {
    this.clock = clock;
    this.stream = stream;
    this.store = store;
    this.views = views;
  }

  /** {@code GET /api/conversations}: the conversations assigned to the agent. */
  public void myConversations(RoutingContext ctx) {
    stream.assignedTo(StaffAuth.account(ctx).username()).onComplete(ar -> Answers.respond(ctx, ar.map(list -> {
      JsonArray out = new JsonArray();
      list.forEach(s -> out.add(views.json(s)));
      return new JsonObject().put("conversations", out);
    }), 200));
  }

  /** {@code after} of the entries route, checked before access is judged so bad input is a 400 for anyone. */
  public void entriesAfter(RoutingContext ctx) {
    String after = ctx.queryParams().get("after");
    try {
      long afterSeq = after == null ? 0 : Long.parseLong(after);
      if (afterSeq < 0) throw new NumberFormatException();
      ctx.put(AFTER, afterSeq);
      ctx.next();
    } catch (NumberFormatException e) {
      Problem.send(ctx, 400, "bad_after", "\"after\" must be a whole number, 0 or more.");
    }
  }

  /** {@code GET /api/conversations/{id}/entries?after=}: runs after {@link RecordReads#liveWork()} has let the reader in. */
  public void entries(RoutingContext ctx) {
    long afterSeq = ctx.get(AFTER);
    // The whole conversation is read so whispers can be judged by who held it when each was made.
    stream.entries(Validation.conversation(ctx), 0).onComplete(ar -> Answers.respond(ctx, ar.map(list -> {
      JsonArray all = RecordReads.entriesJson(RecordReads.viewerOf(ctx), list);
      JsonArray out = new JsonArray();
      for (int i = 0; i < list.size(); i++) if (list.get(i).seq() > afterSeq) out.add(all.getValue(i));
      return new JsonObject().put("entries", out);
    }), 200));
  }

  /**
   * {@code GET /api/conversations/{id}/history}: the resident's other records, newest first, on every
   * channel where the contact is the same person ({@link SamePerson}).
   */
  public void history(RoutingContext ctx) {
    ConversationId id = Validation.conversation(ctx);
    store.entries(id, 0).compose(entries -> {
      if (entries.isEmpty() || !(entries.get(0).event() instanceof ConversationEvent.Opened opened)) return Future.succeededFuture((JsonObject) null);
      return store.earlierRecords(SamePerson.as(opened.contact()), HISTORY_LIMIT + 1).compose(list -> {
        java.util.List<EarlierRecord> shown = list.stream().filter(h -> !h.id().equals(id)).limit(HISTORY_LIMIT).toList();
        // Each earlier record whose summary is served is a read of that record, logged under its own id before the answer.
        String actor = StaffAuth.account(ctx).username().value();
        java.time.Instant now = clock.instant();
        java.util.List<org.accessline.gateway.store.AuditEvent> reads = shown.stream()
            .map(h -> new org.accessline.gateway.store.AuditEvent(now, actor, "read", h.id().value(), "GET /api/conversations/" + id.value() + "/history (summary)"))
            .toList();
        JsonArray out = new JsonArray();
        shown.forEach(h -> out.add(json(h)));
        return (reads.isEmpty() ? Future.<Void>succeededFuture() : store.audit(reads))
            .map(v -> new JsonObject().put("residentName", views.residentName(opened.contact())).put("conversations", out));
      });
    }).onComplete(ar -> {
      if (ar.succeeded() && ar.result() == null) Problem.send(ctx, 404, "not_found", "No conversation has that id.");
      else Answers.respond(ctx, ar, 200);
    });
  }

  /** One earlier record; {@code opened}, {@code resolved} and {@code disposition} keep the names the history had before it spanned channels. */
  static JsonObject json(EarlierRecord r) {
    JsonObject json = new JsonObject().put("id", r.id().value()).put("channel", r.channel().name()).put("opened", r.opened().toString())
        .put("openedAt", r.opened().toString()).put("resolvedAt", r.resolved().map(Object::toString).orElse(null))
        .put("disposition", r.disposition().orElse(null)).put("category", r.category().orElse(null)).put("tags", new JsonArray(r.tags()))
        .put("agentNames", new JsonArray(r.agentNames()));
    r.resolved().ifPresent(t -> json.put("resolved", t.toString()));
    return json;
  }
}
