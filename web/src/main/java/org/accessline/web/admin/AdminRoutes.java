package org.accessline.web.admin;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.auth.Permission;
import org.accessline.web.config.WorkspaceSettings;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** {@code /api/admin/*}: for ADMINISTER only, checked before anything is looked up, so a refusal says nothing about what exists. */
public final class AdminRoutes {
  private AdminRoutes() {}

  public static void mount(Router router, Vertx vertx, StaffAuth staff, BodyHandler body, AccountsApi accounts, RecordCategories categories,
      InteractionStore store, RoutingSettings routing, Clock clock) {
    router.route("/api/admin/*").handler(staff).handler(AdminRoutes::administratorsOnly);
    router.get("/api/admin/accounts").handler(accounts::list);
    router.post("/api/admin/accounts").handler(body).handler(Validation.jsonObjectBody()).handler(accounts::create);
    router.put("/api/admin/accounts/:username").handler(body).handler(Validation.jsonObjectBody()).handler(accounts::edit);
    router.post("/api/admin/accounts/:username/password").handler(accounts::resetPassword);
    router.get("/api/admin/categories").handler(ctx -> Answers.json(ctx, 200, new JsonObject().put("categories", new JsonArray(categories.list()))));
    router.put("/api/admin/categories").handler(body).handler(Validation.jsonObjectBody()).handler(ctx -> replaceCategories(ctx, vertx, categories, store, clock));
    router.get("/api/admin/queues").handler(ctx -> Answers.json(ctx, 200, queues(routing)));
  }

  private static void administratorsOnly(RoutingContext ctx) {
    if (StaffAuth.account(ctx).may(Permission.ADMINISTER)) ctx.next();
    else Problem.send(ctx, 403, "administrators_only", "Only an administrator can use the admin API.");
  }

  /** {@code PUT /api/admin/categories {"categories":[…]}}: the whole list, in order; records filed before keep the category they were filed under. */
  private static void replaceCategories(RoutingContext ctx, Vertx vertx, RecordCategories categories, InteractionStore store, Clock clock) {
    JsonObject json = Validation.body(ctx);
    List<String> given = new ArrayList<>();
    WorkspaceSettings checked;
    try {
      if (json.size() != 1 || !(json.getValue("categories") instanceof JsonArray list)) throw new IllegalArgumentException("Send {\"categories\":[…]} only.");
      for (Object o : list) {
        if (!(o instanceof String s)) throw new IllegalArgumentException("Each category is a string.");
        given.add(s);
      }
      checked = new WorkspaceSettings(given, categories.settings().residentNamesKeyFile());
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "bad_categories", e.getMessage().replace("records.categories", "categories") + " Nothing was changed.");
      return;
    }
    List<String> before = categories.list();
    String actor = StaffAuth.account(ctx).username().value();
    store.administration().replaceCategories(checked.categories())
        .compose(v -> store.audit(new AuditEvent(clock.instant(), actor, "categories_change", "categories", before + " -> " + checked.categories())))
        .onComplete(ar -> {
          if (ar.failed()) {
            Problem.send(ctx, 503, "unavailable", "The categories could not be saved and audited; please try again.");
            return;
          }
          vertx.eventBus().publish(RecordCategories.CHANGED, "");
          Answers.json(ctx, 200, new JsonObject().put("categories", new JsonArray(checked.categories())));
        });
  }

  /** The queues as configured: read-only here, as routing reads them once at start (see the README's {@code routing} rows). */
  static JsonObject queues(RoutingSettings routing) {
    JsonArray queues = new JsonArray();
    routing.queues().forEach(q -> queues.add(new JsonObject().put("name", q.name()).put("priority", q.priority())
        .put("skills", new JsonArray(q.skills().stream().sorted().toList()))));
    JsonObject channels = new JsonObject();
    routing.channelQueues().forEach((channel, queue) -> channels.put(channel.name().toLowerCase(java.util.Locale.ROOT), queue));
    return new JsonObject().put("queues", queues).put("channelQueues", channels).put("overflowQueue", routing.overflowQueue().orElse(null))
        .put("editable", false)
        .put("why", "Queues are read from the configuration file (routing.queues) when the gateway starts, because conversations waiting in a queue"
            + " would be stranded if it were removed while they wait. Change the file and restart to change them.");
  }
}
