package org.accessline.web.directory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.Directory;
import org.accessline.gateway.directory.DirectoryHit;
import org.accessline.gateway.directory.DirectoryIds;
import org.accessline.gateway.directory.DirectoryQuery;
import org.accessline.gateway.directory.ServiceEntry;
import org.accessline.gateway.directory.Synonyms;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.config.DirectoryConfig;
import org.accessline.web.auth.Permission;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** The directory's routes: search and read for all staff; changes, verification and import for editors, each audited. */
public final class DirectoryApi {
  private final Directory directory;
  private final InteractionStore store;
  private final Synonyms synonyms;
  private final DirectoryConfig config;
  private final Clock clock;

  public DirectoryApi(InteractionStore store, DirectoryConfig config, Clock clock) {
    this.directory = store.directory();
    this.store = store;
    this.synonyms = config.synonyms();
    this.config = config;
    this.clock = clock;
  }

  /** Lets through only staff who may edit the directory. */
  public void mayEdit(RoutingContext ctx) {
    if (StaffAuth.account(ctx).may(Permission.EDIT_DIRECTORY)) ctx.next();
    else Problem.send(ctx, 403, "not_an_editor", "Only a directory editor changes the directory.");
  }

  /** {@code GET /api/directory/me}: whether the signed-in staff member may edit, so the page offers only what they may do. */
  public void me(RoutingContext ctx) {
    Answers.json(ctx, 200, new JsonObject().put("mayEdit", StaffAuth.account(ctx).may(Permission.EDIT_DIRECTORY)));
  }

  /** Checks {@code :id} is a directory id, so a bad one is a clear 404 and never reaches the database. */
  public void validId(RoutingContext ctx) {
    if (DirectoryIds.valid(ctx.pathParam("id"))) ctx.next();
    else Problem.send(ctx, 404, "not_found", "No directory entry has that id.");
  }

  LocalDate staleBefore() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(config.staleAfter().toDays());
  }

  /** {@code GET /api/directory/search?q=&openNow=true&language=es&tty=true&limit=20}. */
  public void search(RoutingContext ctx) {
    String q = Optional.ofNullable(ctx.queryParams().get("q")).orElse("");
    Optional<String> language = Optional.ofNullable(ctx.queryParams().get("language")).filter(l -> !l.isBlank()).map(String::strip);
    int limit;
    try {
      limit = Integer.parseInt(Optional.ofNullable(ctx.queryParams().get("limit")).orElse("20"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (q.length() > 200 || limit < 1 || limit > DirectoryQuery.MOST || language.filter(l -> !l.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")).isPresent()) {
      Problem.send(ctx, 400, "bad_search", "Search with \"q\" of at most 200 characters, \"limit\" 1-" + DirectoryQuery.MOST + ", and \"language\" a tag such as es.");
      return;
    }
    Instant now = clock.instant();
    DirectoryQuery query;
    try {
      query = synonyms.query(q, "true".equals(ctx.queryParams().get("openNow")) ? Optional.of(now) : Optional.empty(), language,
          "true".equals(ctx.queryParams().get("tty")), limit);
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "bad_search", DirectoryJson.sentence(e));
      return;
    }
    directory.search(query).onComplete(ar -> Answers.respond(ctx, ar.map(hits -> hits(hits, now)), 200));
  }

  /** {@code GET /api/directory/stale}: services to verify again, never verified first. */
  public void stale(RoutingContext ctx) {
    Instant now = clock.instant();
    directory.stale(staleBefore(), DirectoryQuery.MOST).onComplete(ar -> Answers.respond(ctx,
        ar.map(hits -> hits(hits, now).put("staleBefore", staleBefore().toString()).put("staleAfterDays", config.staleAfter().toDays())), 200));
  }

  public void service(RoutingContext ctx) {
    directory.service(ctx.pathParam("id")).onComplete(ar -> {
      if (ar.succeeded() && ar.result().isEmpty()) Problem.send(ctx, 404, "not_found", "No service has that id.");
      else Answers.respond(ctx, ar.map(h -> DirectoryJson.hit(h.get(), clock.instant(), staleBefore())), 200);
    });
  }

  public void agency(RoutingContext ctx) {
    directory.agency(ctx.pathParam("id")).onComplete(ar -> {
      if (ar.succeeded() && ar.result().isEmpty()) Problem.send(ctx, 404, "not_found", "No agency has that id.");
      else Answers.respond(ctx, ar.map(a -> DirectoryJson.agency(a.get())), 200);
    });
  }

  /** {@code PUT /api/directory/agencies/{id}}: adds or replaces the agency. */
  public void saveAgency(RoutingContext ctx) {
    String me = StaffAuth.account(ctx).username().value();
    DirectoryJson.Parsed<Agency> parsed = DirectoryJson.parseAgency(Validation.body(ctx), ctx.pathParam("id"), clock.instant(), me);
    if (parsed.value().isEmpty()) {
      bad(ctx, parsed.problems());
      return;
    }
    Agency agency = parsed.value().get();
    changed(ctx, directory.saveAgency(agency), "directory_agency", "agency " + agency.id(), "saved", DirectoryJson.agency(agency));
  }

  /** {@code PUT /api/directory/services/{id}}: adds or replaces the service; its verification stays as it was. */
  public void saveService(RoutingContext ctx) {
    String me = StaffAuth.account(ctx).username().value();
    String id = ctx.pathParam("id");
    directory.service(id).onComplete(found -> {
      if (found.failed()) {
        Answers.respond(ctx, found.map(v -> null), 200);
        return;
      }
      DirectoryJson.Parsed<ServiceEntry> parsed = DirectoryJson.parseService(Validation.body(ctx), id,
          found.result().flatMap(h -> h.service().verified()), clock.instant(), me);
      if (parsed.value().isEmpty()) {
        bad(ctx, parsed.problems());
        return;
      }
      ServiceEntry service = parsed.value().get();
      changed(ctx, directory.saveService(service), "directory_service", "service " + service.id(), "saved", DirectoryJson.service(service));
    });
  }

  /** {@code POST /api/directory/services/{id}/verify}: "verified today", by the signed-in editor. */
  public void verify(RoutingContext ctx) {
    String me = StaffAuth.account(ctx).username().value();
    Instant now = clock.instant();
    directory.service(ctx.pathParam("id")).onComplete(found -> {
      if (found.succeeded() && found.result().isEmpty()) {
        Problem.send(ctx, 404, "not_found", "No service has that id.");
        return;
      }
      if (found.failed()) {
        Answers.respond(ctx, found.map(v -> null), 200);
        return;
      }
      ServiceEntry verified = found.result().get().service().verifiedBy(me, LocalDate.ofInstant(now, ZoneOffset.UTC), now);
      changed(ctx, directory.saveService(verified), "directory_verify", "service " + verified.id(), "verified", DirectoryJson.service(verified));
    });
  }

  /** {@code GET /api/directory/export.csv} and {@code .json} (HSDS): the whole directory, audited as an export. */
  public void export(RoutingContext ctx, boolean csv) {
    String me = StaffAuth.account(ctx).username().value();
    store.audit(new AuditEvent(clock.instant(), me, "directory_export", "directory", csv ? "csv" : "hsds"))
        .compose(v -> directory.contents()).onComplete(ar -> {
          if (ar.failed()) {
            Answers.respond(ctx, ar.map(v -> null), 200);
            return;
          }
          String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
          ctx.response().putHeader("Content-Type", csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
              .putHeader("Content-Disposition", "attachment; filename=\"directory-" + day + (csv ? ".csv" : ".json") + "\"")
              .end(csv ? DirectoryCsv.write(ar.result()) : Hsds.write(ar.result()).encodePrettily());
        });
  }

  /**
   * {@code POST /api/directory/import?format=csv} with {@code {"csv": "…"}}, or {@code ?format=hsds} with the
   * HSDS object itself (JSON either way, as every API write is): all of it, or, with any bad row, nothing
   * and every bad row listed.
   */
  public void importFile(RoutingContext ctx) {
    String me = StaffAuth.account(ctx).username().value();
    String format = Optional.ofNullable(ctx.queryParams().get("format")).orElse("");
    Instant now = clock.instant();
    if (!format.equals("csv") && !format.equals("hsds")) {
      Problem.send(ctx, 400, "bad_import", "Say the file's \"format\": csv or hsds.");
      return;
    }
    // A file of tens of thousands of rows takes seconds to read: never on the event loop, where it
    // would hold up every other request this thread serves.
    io.vertx.core.buffer.Buffer body = ctx.body().buffer();
    ctx.vertx().executeBlocking(() -> readImport(format, body, now, me), false).onComplete(parsed -> {
      if (parsed.failed()) {
        Answers.respond(ctx, parsed.map(v -> null), 200);
        return;
      }
      imported(ctx, format, now, me, parsed.result());
    });
  }

  /** The file read whole; a body that is not what the format needs reads as a problem, never a throw. */
  private static DirectoryImport readImport(String format, io.vertx.core.buffer.Buffer body, Instant now, String me) {
    JsonObject json;
    try {
      json = body == null ? null : new JsonObject(body);
    } catch (RuntimeException e) {
      json = null;
    }
    if (format.equals("csv")) {
      if (json == null || !(json.getValue("csv") instanceof String)) return DirectoryImport.refused(List.of("The body must be {\"csv\": \"the file's text\"}."));
      return DirectoryCsv.read(json.getString("csv"), now, me);
    }
    if (json == null) return DirectoryImport.refused(List.of("The body must be an HSDS JSON object with \"organizations\" and \"services\"."));
    return Hsds.read(json, now, me);
  }

  private void imported(RoutingContext ctx, String format, Instant now, String me, DirectoryImport read) {
    if (!read.ok()) {
      bad(ctx, read.problems());
      return;
    }
    if (read.services().isEmpty() && read.agencies().isEmpty()) {
      bad(ctx, List.of("The file holds no agencies or services."));
      return;
    }
    directory.importAll(read.agencies(), read.services()).onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof Directory.UnknownAgency unknown) {
        bad(ctx, List.of("A service names an agency the directory does not keep (" + unknown.getMessage() + "). Nothing was imported."));
        return;
      }
      if (ar.failed()) {
        Answers.respond(ctx, ar.map(v -> null), 200);
        return;
      }
      String detail = format + ": " + read.agencies().size() + " agencies, " + read.services().size() + " services";
      store.audit(new AuditEvent(now, me, "directory_import", "directory", detail)).onComplete(audited -> Answers.respond(ctx,
          audited.map(v -> new JsonObject().put("agencies", read.agencies().size()).put("services", read.services().size())), 200));
    });
  }

  private void changed(RoutingContext ctx, Future<Void> change, String action, String target, String what, JsonObject saved) {
    String me = StaffAuth.account(ctx).username().value();
    change.compose(v -> store.audit(new AuditEvent(clock.instant(), me, action, target, what))).onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof Directory.UnknownAgency) {
        bad(ctx, List.of("\"agencyId\" names no agency of the directory; add the agency first."));
        return;
      }
      Answers.respond(ctx, ar.map(v -> saved), 200);
    });
  }

  private JsonObject hits(List<DirectoryHit> hits, Instant now) {
    JsonArray out = new JsonArray();
    LocalDate staleBefore = staleBefore();
    hits.forEach(h -> out.add(DirectoryJson.hit(h, now, staleBefore)));
    return new JsonObject().put("results", out);
  }

  static void bad(RoutingContext ctx, List<String> problems) {
    if (ctx.response().ended()) return;
    Answers.json(ctx, 400, new JsonObject().put("error", "bad_directory_entry").put("message", problems.get(0)).put("problems", new JsonArray(problems)));
  }
}
