package org.accessline.web.open311;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.ServiceRequest;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * Service requests from the workspace: the endpoint's services and their questions, and a
 * conversation's requests, made and followed. A new request is kept before it is acknowledged and
 * is sent by the {@link ServiceRequestOutbox}, so the endpoint being away loses nothing.
 */
public final class ServiceRequestsApi {
  private final InteractionStore store;
  private final GeoReportClient client;
  private final ServiceRequestOutbox outbox;
  private final Clock clock;
  /** Each service's questions as last fetched: a request is checked against what the agent was shown, even while the endpoint is away. */
  private final Map<String, GeoReport.Definition> definitions = new ConcurrentHashMap<>();
  private final Map<String, String> serviceNames = new ConcurrentHashMap<>();

  public ServiceRequestsApi(InteractionStore store, GeoReportClient client, ServiceRequestOutbox outbox, Clock clock) {
    this.store = store;
    this.client = client;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** {@code GET /api/open311/services}. */
  public void services(RoutingContext ctx) {
    client.services().onComplete(ar -> {
      if (ar.failed()) {
        away(ctx);
        return;
      }
      JsonArray out = new JsonArray();
      for (GeoReport.Service s : ar.result()) {
        serviceNames.put(s.code(), s.name());
        out.add(new JsonObject().put("code", s.code()).put("name", s.name()).put("description", s.description()).put("group", s.group())
            .put("metadata", s.metadata()));
      }
      Answers.json(ctx, 200, new JsonObject().put("services", out));
    });
  }

  /** {@code GET /api/open311/services/{code}}: the service's questions, in their order. */
  public void definition(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    if (code == null || code.isBlank() || code.length() > 200) {
      Problem.send(ctx, 404, "not_found", "No service has that code.");
      return;
    }
    client.definition(code).onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof GeoReportClient.Refused r && r.status() == 404) {
        Problem.send(ctx, 404, "not_found", "No service has that code.");
      } else if (ar.failed()) {
        away(ctx);
      } else {
        definitions.put(code, ar.result());
        Answers.json(ctx, 200, ServiceRequestJson.definition(ar.result()));
      }
    });
  }

  /** {@code GET /api/conversations/{id}/service-requests}: its requests, and a draft from what the resident wrote; after the read was audited. */
  public void list(RoutingContext ctx) {
    ConversationId id = Validation.conversation(ctx);
    store.serviceRequests().forConversation(id).compose(requests -> store.entries(id, 0).map(entries -> {
      JsonArray out = new JsonArray();
      requests.forEach(r -> out.add(ServiceRequestJson.request(r)));
      List<String> said = entries.stream().filter(e -> e.actor().role() == org.accessline.gateway.conversation.Role.RESIDENT).map(Entry::text).flatMap(Optional::stream).toList();
      JsonObject draft = new JsonObject().put("description", String.join("\n", said).strip()).put("address", AddressGuess.in(said).orElse(""));
      return new JsonObject().put("requests", out).put("draft", draft);
    })).onComplete(ar -> Answers.respond(ctx, ar, 200));
  }

  /**
   * {@code POST /api/conversations/{id}/service-requests {"requestKey","serviceCode","description","address","lat"?,"long"?,"attributes"}}.
   * The key, made once by the form, makes a second press or a retried post the same request.
   */
  public void create(RoutingContext ctx) {
    ConversationId conversation = Validation.conversation(ctx);
    JsonObject body = Validation.body(ctx);
    Optional<String> key = Validation.text(body, "requestKey").filter(ServiceRequestsApi::uuid);
    if (key.isEmpty()) {
      Problem.send(ctx, 400, "bad_service_request", "\"requestKey\" must be a UUID made once for this form.");
      return;
    }
    String code = Validation.text(body, "serviceCode").orElse("");
    GeoReport.Definition definition = definitions.get(code);
    if (definition == null) {
      Problem.send(ctx, 400, "bad_service_request", "Choose a service from the list first.");
      return;
    }
    String actor = StaffAuth.account(ctx).username().value();
    store.serviceRequests().find(key.get()).onComplete(found -> {
      if (found.failed()) {
        Answers.respond(ctx, found.map(v -> null), 202);
        return;
      }
      if (found.result().isPresent()) {
        ServiceRequest was = found.result().get();
        if (!was.conversation().equals(conversation)) Problem.send(ctx, 409, "request_key_used", "That request key belongs to another conversation.");
        else Answers.json(ctx, 200, ServiceRequestJson.request(was));
        return;
      }
      ServiceRequestForm.Checked checked = ServiceRequestForm.check(body, definition, key.get());
      if (checked instanceof ServiceRequestForm.Checked.Refused refused) {
        JsonArray errors = new JsonArray();
        refused.errors().forEach(e -> errors.add(e.json()));
        Answers.json(ctx, 400, new JsonObject().put("error", "bad_service_request").put("message", "Some answers need changing.").put("fields", errors));
        return;
      }
      JsonObject fields = ((ServiceRequestForm.Checked.Fields) checked).fields();
      Instant now = clock.instant();
      ServiceRequest request = new ServiceRequest(key.get(), conversation, code, serviceNames.getOrDefault(code, code), fields.encode(), ServiceRequest.State.SENDING,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", 0, now, Optional.empty(), actor, now, now);
      store.serviceRequests().save(request)
          .compose(v -> store.audit(new AuditEvent(now, actor, "service_request", conversation.value(), "kept service request " + request.id() + " (" + code + ")")))
          .onComplete(ar -> {
            if (ar.succeeded()) outbox.kick();
            Answers.respond(ctx, ar.map(v -> ServiceRequestJson.request(request)), 202);
          });
    });
  }

  private static void away(RoutingContext ctx) {
    Problem.send(ctx, 502, "open311_unavailable", "The city's service request system did not answer. Try again in a moment.");
  }

  private static boolean uuid(String s) {
    try {
      return UUID.fromString(s).toString().equals(s);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static Future<Void> none() {
    return Future.succeededFuture();
  }
}
