package org.accessline.web.conversations;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.config.WorkspaceSettings;
import org.accessline.web.http.Validation;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.records.RecordReads;
import org.accessline.web.staff.StaffAuth;

/** An agent's conversations: the list, entries, replies, resolving, skills, details and the resident's history. */
public final class ConversationRoutes {
  private ConversationRoutes() {}

  /** @param reads lets a reader into a live conversation's entries and history, as {@link RecordReads#liveWork()} decides */
  public static void mount(Router router, StaffAuth staff, BodyHandler body, RecordReads reads, Desk desk, InteractionStore store, TtyCalls ttyCalls,
      int maxMessageBytes, Clock clock, ConversationViews views, java.util.function.Supplier<WorkspaceSettings> workspace) {
    ConversationsApi conversations = new ConversationsApi(desk, store, views, clock);
    ReplyApi replies = new ReplyApi(desk, store, ttyCalls, maxMessageBytes, clock);
    DetailsApi details = new DetailsApi(desk, workspace);
    router.get("/api/categories").handler(staff).handler(details::categories);
    router.get("/api/conversations").handler(staff).handler(conversations::myConversations);
    router.get("/api/conversations/:id/entries").handler(staff).handler(Validation.conversationId()).handler(conversations::entriesAfter).handler(reads.liveWork()).handler(conversations::entries);
    router.post("/api/conversations/:id/messages").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(replies::reply);
    router.post("/api/conversations/:id/resolve").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(replies::resolve);
    // Filing details writes into the record, so it takes the same need-to-know as reading it (audited).
    router.put("/api/conversations/:id/details").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody())
        .handler(details::checkDetails).handler(reads.record("file_details")).handler(details::fileDetails);
    router.put("/api/conversations/:id/skills").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(details::setSkills);
    router.get("/api/conversations/:id/history").handler(staff).handler(Validation.conversationId()).handler(reads.liveWork()).handler(conversations::history);
  }
}
