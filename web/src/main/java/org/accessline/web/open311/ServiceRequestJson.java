package org.accessline.web.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.accessline.gateway.store.ServiceRequest;

/** Service requests and service definitions as the workspace reads them. */
final class ServiceRequestJson {
  private ServiceRequestJson() {}

  static JsonObject request(ServiceRequest r) {
    JsonObject form = new JsonObject(r.form());
    JsonObject attributes = new JsonObject();
    for (Map.Entry<String, Object> f : form) {
      if (f.getKey().startsWith("attribute[")) attributes.put(f.getKey().substring("attribute[".length(), f.getKey().length() - 1), f.getValue());
    }
    String description = form.getString("description", "").replaceFirst("\\s*\\[ref [0-9a-f-]{36}\\]$", "");
    return new JsonObject().put("id", r.id()).put("serviceCode", r.serviceCode()).put("serviceName", r.serviceName()).put("state", r.state().wireName())
        .put("token", r.token().orElse(null)).put("serviceRequestId", r.serviceRequestId().orElse(null)).put("status", r.status().orElse(null))
        .put("statusNotes", r.statusNotes().orElse(null)).put("errors", r.errors().isEmpty() ? new JsonArray() : new JsonArray(r.errors()))
        .put("attempts", r.attempts()).put("nextAttemptAt", r.nextAttemptAt().toString()).put("problem", r.lastProblem().orElse(null))
        .put("createdBy", r.createdBy()).put("createdAt", r.createdAt().toString()).put("updatedAt", r.updatedAt().toString())
        .put("description", description).put("address", form.getString("address_string")).put("attributes", attributes);
  }

  static JsonObject definition(GeoReport.Definition d) {
    JsonArray attributes = new JsonArray();
    for (GeoReport.Attribute a : d.attributes()) {
      JsonArray values = new JsonArray();
      a.values().forEach(v -> values.add(new JsonObject().put("key", v.key()).put("name", v.name())));
      attributes.add(new JsonObject().put("code", a.code()).put("variable", a.variable()).put("datatype", a.datatype().wireName()).put("required", a.required())
          .put("description", a.description()).put("datatypeDescription", a.datatypeDescription()).put("values", values));
    }
    return new JsonObject().put("serviceCode", d.serviceCode()).put("attributes", attributes);
  }
}
