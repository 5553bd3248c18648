package org.accessline.web.records;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.EntryJson;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionRecord;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.QualityReviews;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.signal.StreamSignal;
import org.accessline.transcripts.export.TranscriptText;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.Permission;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.staff.StaffAuth;

/**
 * Guards every route that serves a conversation's entries: it decides with {@link NeedToKnow},
 * writes the read (or the refusal) to the audit log, and only then lets the request through.
 */
public final class RecordReads {
  static final String VIEWER = "accessline.viewer";
  static final String ENTRIES = "accessline.entries";
  /** What an agent sees in place of a whisper that was not for them. */
  static final String WITHHELD = "not shown: a whisper is shown to supervisors and to the agent it was for";

  private final Desk stream;
  private final InteractionStore store;
  private final Clock clock;
  private final ConversationViews views;

  public RecordReads(Desk stream, InteractionStore store, Clock clock, ConversationViews views) {
    this.views = views;
    this.stream = stream;
    this.store = store;
    this.clock = clock;
  }

  /** What the signed-in staff member is working on now: held and offered conversations, and their residents. */
  public Future<NeedToKnow.Viewer> viewer(AgentAccount account) {
    return stream.assignedTo(account.username()).compose(held -> stream.offersFor(account.username()).compose(offers -> {
      Set<ConversationId> holding = new HashSet<>();
      Set<String> addresses = new HashSet<>();
      held.forEach(s -> {
        holding.add(s.id());
        addresses.add(s.contact().address());
      });
      Set<ConversationId> offered = new HashSet<>();
      List<Future<?>> lookups = new ArrayList<>();
      for (StreamSignal.Offered o : offers) {
        offered.add(o.conversation());
        lookups.add(stream.openConversation(o.conversation()).onSuccess(s -> s.ifPresent(state -> addresses.add(state.contact().address()))));
      }
      return Future.all(lookups).map(v -> new NeedToKnow.Viewer(account.username(), account.supervisor(), holding, offered, addresses));
    }));
  }

  /** The console's routes for one live conversation: its entries and its resident's history. */
  public Handler<RoutingContext> liveWork() {
    return ctx -> {
      ConversationId id = Validation.conversation(ctx);
      viewer(StaffAuth.account(ctx)).onComplete(ar -> {
        if (ar.failed()) {
          Answers.respond(ctx, ar.map(v -> null), 200);
          return;
        }
        ctx.put(VIEWER, ar.result());
        decided(ctx, NeedToKnow.liveEntries(ar.result(), id), "read", id.value());
      });
    };
  }

  /** The records API's routes for one record: the decision needs the record's own entries. */
  public Handler<RoutingContext> record(String action) {
    return ctx -> {
      ConversationId id = Validation.conversation(ctx);
      AgentAccount account = StaffAuth.account(ctx);
      viewer(account).compose(v -> reviewing(account, id).map(v::reviewing)).compose(v -> store.entries(id, 0).map(entries -> {
        ctx.put(VIEWER, v);
        ctx.put(ENTRIES, entries);
        return entries;
      })).onComplete(ar -> {
        if (ar.failed()) Answers.respond(ctx, ar.map(v -> null), 200);
        else if (ar.result().isEmpty()) Problem.send(ctx, 404, "not_found", "No interaction record has that id.");
        else decided(ctx, NeedToKnow.record(ctx.get(VIEWER), ar.result()), action, id.value());
      });
    };
  }

  /** The record, if the account reviews quality without supervising and an evaluation of it names them as reviewer. */
  private Future<Set<ConversationId>> reviewing(AgentAccount account, ConversationId id) {
    if (account.supervisor() || !account.may(Permission.REVIEW_QUALITY)) return Future.succeededFuture(Set.of());
    return store.qualityReviews().evaluations(new QualityReviews.Query(Optional.empty(), Optional.of(account.username().value()), Optional.of(id.value()),
        Optional.empty(), Optional.empty(), 1)).map(found -> found.isEmpty() ? Set.<ConversationId>of() : Set.of(id));
  }

  /** Audits then continues, or audits the refusal then answers 403. Nothing is served if the audit log cannot be written. */
  void decided(RoutingContext ctx, NeedToKnow.Decision decision, String action, String target) {
    decided(ctx, decision, action, target, ctx.request().method() + " " + ctx.request().path());
  }

  /** As above, with what the log's detail should say of the request (the target is cut at 400 characters, the detail at 1000). */
  void decided(RoutingContext ctx, NeedToKnow.Decision decision, String action, String target, String route) {
    String actor = StaffAuth.account(ctx).username().value();
    if (decision instanceof NeedToKnow.Decision.Refused refused) {
      store.audit(new AuditEvent(clock.instant(), actor, "refused", target, route + ": " + refused.reason()))
          .onComplete(ignored -> Problem.send(ctx, 403, "not_yours", refused.reason()));
      return;
    }
    NeedToKnow.Grant grant = ((NeedToKnow.Decision.Allowed) decision).grant();
    if (!grant.audited()) {
      ctx.next();
      return;
    }
    store.audit(new AuditEvent(clock.instant(), actor, action, target, route + " (" + grant.name().toLowerCase(java.util.Locale.ROOT) + ")"))
        .onSuccess(v -> ctx.next())
        .onFailure(e -> Problem.send(ctx, 503, "unavailable", "The audit log could not be written, so nothing was served. Please try again."));
  }

  /** {@code GET /api/interactions/{id}}: the whole record, whispers shown as the viewer may see them. */
  public void interaction(RoutingContext ctx) {
    ConversationId id = Validation.conversation(ctx);
    store.following(id).compose(later -> store.onLegalHold(id).map(hold -> {
      InteractionRecord record = InteractionRecord.of(ctx.<List<Entry>>get(ENTRIES)).withFollowing(later);
      JsonObject json = record.toJson().put("legalHold", hold).put("residentName", views.residentName(record.contact()));
      json.put("entries", entriesJson(ctx.get(VIEWER), record.entries()));
      return json;
    })).onComplete(ar -> Answers.respond(ctx, ar, 200));
  }

  /** {@code GET /api/interactions/{id}/transcript.txt}. */
  public void transcript(RoutingContext ctx) {
    ConversationId id = Validation.conversation(ctx);
    store.following(id).onComplete(ar -> {
      if (ar.failed()) {
        Answers.respond(ctx, ar.map(v -> null), 200);
        return;
      }
      List<Entry> entries = ctx.get(ENTRIES);
      InteractionRecord record = InteractionRecord.of(shown(ctx.get(VIEWER), entries)).withFollowing(ar.result());
      ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"interaction-" + record.id() + ".txt\"").end(TranscriptText.render(record));
    });
  }

  /** The resident's stable name for a record found by a search: its channel and contact as stored. */
  String residentName(String channel, String contact) {
    return views.residentName(new org.accessline.gateway.conversation.Contact(new org.accessline.gateway.conversation.Channel(channel), contact));
  }

  /** Who is reading, as {@link #liveWork()} or {@link #record(String)} found them, for the handler serving the entries. */
  public static NeedToKnow.Viewer viewerOf(RoutingContext ctx) {
    return ctx.get(VIEWER);
  }

  /** The entries as JSON; a whisper the viewer may not see keeps its place but not its text. */
  public static JsonArray entriesJson(NeedToKnow.Viewer viewer, List<Entry> entries) {
    Set<Long> withheld = NeedToKnow.withheldWhispers(viewer, entries);
    JsonArray out = new JsonArray();
    for (Entry e : entries) {
      JsonObject json = EntryJson.toJson(e);
      if (withheld.contains(e.seq())) json.put("event", new JsonObject().put("kind", "whisper").put("withheld", true));
      out.add(json);
    }
    return out;
  }

  /** The entries with the text of whispers the viewer may not see replaced by a note saying so. */
  static List<Entry> shown(NeedToKnow.Viewer viewer, List<Entry> entries) {
    Set<Long> withheld = NeedToKnow.withheldWhispers(viewer, entries);
    if (withheld.isEmpty()) return entries;
    return entries.stream().map(e -> withheld.contains(e.seq())
        ? new Entry(e.conversationId(), e.seq(), e.at(), e.actor(), new ConversationEvent.Whispered(WITHHELD), e.dedupeKey()) : e).toList();
  }
}
