package org.accessline.web.open311;

import org.accessline.web.config.Open311Config;
import org.accessline.web.config.Open311Format;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.web.open311.GeoReport.ApiError;
import org.accessline.web.open311.GeoReport.Attribute;
import org.accessline.web.open311.GeoReport.Definition;
import org.accessline.web.open311.GeoReport.Malformed;
import org.accessline.web.open311.GeoReport.Posted;
import org.accessline.web.open311.GeoReport.RequestStatus;
import org.accessline.web.open311.GeoReport.Service;
import org.accessline.web.open311.GeoReport.Value;

/**
 * Reads a GeoReport v2 answer in JSON or XML. XML is first turned into the same tree as the JSON
 * format gives ({@link GeoReportXml}), so one reading serves both; XML carries every value as text,
 * so booleans and numbers are read from text too. Pure.
 */
public final class GeoReportReader {
  private final Open311Format format;

  public GeoReportReader(Open311Format format) {
    this.format = format;
  }

  public List<Service> services(String body) {
    List<Service> out = new ArrayList<>();
    for (JsonObject s : objects(array(body))) {
      out.add(new Service(required(s, "service_code"), required(s, "service_name"), text(s, "description").orElse(""), bool(s, "metadata"),
          text(s, "type").orElse("realtime"), text(s, "group").orElse("")));
    }
    return out;
  }

  public Definition definition(String body) {
    Object tree = tree(body);
    if (!(tree instanceof JsonObject d)) throw new Malformed("a service definition is an object");
    List<Attribute> attributes = new ArrayList<>();
    for (JsonObject a : objects(listOf(d.getValue("attributes")))) {
      String code = required(a, "code");
      GeoReport.Datatype type = GeoReport.Datatype.parse(required(a, "datatype")).orElseThrow(() -> new Malformed("attribute " + code + " has an unknown datatype"));
      List<Value> values = new ArrayList<>();
      for (JsonObject v : objects(listOf(a.getValue("values")))) values.add(new Value(required(v, "key"), required(v, "name")));
      int order = text(a, "order").map(GeoReportReader::integer).orElse(Integer.MAX_VALUE);
      attributes.add(new Attribute(code, bool(a, "variable"), type, bool(a, "required"), text(a, "datatype_description").orElse(""), order,
          text(a, "description").orElse(code), values));
    }
    return new Definition(required(d, "service_code"), attributes);
  }

  /** {@code POST requests}: an id, or a token when the endpoint takes requests in its own time. */
  public Posted posted(String body) {
    List<JsonObject> answers = objects(array(body));
    if (answers.isEmpty()) throw new Malformed("the answer to a new request is empty");
    JsonObject first = answers.get(0);
    Optional<String> id = text(first, "service_request_id");
    if (id.isPresent()) return new Posted.Id(id.get());
    return new Posted.Token(text(first, "token").orElseThrow(() -> new Malformed("the answer to a new request has neither an id nor a token")));
  }

  /** {@code GET tokens/{token}}: the id once the endpoint has one. */
  public Optional<String> idForToken(String body) {
    List<JsonObject> answers = objects(array(body));
    return answers.isEmpty() ? Optional.empty() : text(answers.get(0), "service_request_id");
  }

  public List<RequestStatus> requests(String body) {
    List<RequestStatus> out = new ArrayList<>();
    for (JsonObject r : objects(array(body))) {
      out.add(new RequestStatus(required(r, "service_request_id"), required(r, "status"), text(r, "status_notes"), text(r, "agency_responsible"),
          text(r, "updated_datetime"), text(r, "description")));
    }
    return out;
  }

  /** The spec's error array; empty when the body is not one. */
  public List<ApiError> errors(String body) {
    try {
      List<ApiError> out = new ArrayList<>();
      for (JsonObject e : objects(array(body))) out.add(new ApiError(required(e, "code"), text(e, "description").orElse("")));
      return out;
    } catch (Malformed | DecodeException | ClassCastException e) {
      return List.of();
    }
  }

  private Object tree(String body) {
    if (body == null || body.isBlank()) throw new Malformed("the answer is empty");
    if (format == Open311Format.XML) return GeoReportXml.tree(body);
    try {
      return io.vertx.core.json.Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new Malformed("the answer is not JSON");
    }
  }

  private JsonArray array(String body) {
    return listOf(tree(body));
  }

  private static JsonArray listOf(Object value) {
    if (value == null) return new JsonArray();
    if (value instanceof JsonArray a) return a;
    if (value instanceof String s && s.isBlank()) return new JsonArray();
    throw new Malformed("expected a list");
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof JsonObject j)) throw new Malformed("expected a list of objects");
      out.add(j);
    }
    return out;
  }

  private static Optional<String> text(JsonObject o, String key) {
    Object v = o.getValue(key);
    if (v == null || v instanceof JsonObject || v instanceof JsonArray) return Optional.empty();
    String s = v.toString().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static String required(JsonObject o, String key) {
    return text(o, key).orElseThrow(() -> new Malformed("\"" + key + "\" is missing"));
  }

  private static boolean bool(JsonObject o, String key) {
    return text(o, key).map(v -> v.equalsIgnoreCase("true")).orElse(false);
  }

  private static int integer(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new Malformed("\"order\" is not a whole number");
    }
  }
}
