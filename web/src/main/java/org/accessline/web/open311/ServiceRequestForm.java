package org.accessline.web.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.accessline.web.open311.GeoReport.Attribute;
import org.accessline.web.open311.GeoReport.Definition;

/**
 * The agent's form for one service, checked against the service's attribute definitions and turned
 * into the fields of {@code POST requests}. Pure.
 */
public final class ServiceRequestForm {
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_ADDRESS = 400;
  static final int MAX_VALUE = 2000;
  private static final Pattern ATTRIBUTE_NAMED = Pattern.compile("attribute\\[([^\\]]+)\\]");
  private static final Pattern REFERENCE = Pattern.compile("\\[ref ([0-9a-f-]{36})\\]");

  private ServiceRequestForm() {}

  /** A field the agent must change, by its name in the form ({@code description}, {@code address}, or an attribute's code). */
  public record FieldError(String field, String message) {
    JsonObject json() {
      return new JsonObject().put("field", field).put("message", message);
    }
  }

  /** Checked or not: the fields to send, or what to change. */
  public sealed interface Checked {
    record Fields(JsonObject fields) implements Checked {}

    record Refused(List<FieldError> errors) implements Checked {}
  }

  /**
   * Checks {@code {"description","address","lat"?,"long"?,"attributes":{code: value or [values]}}}
   * against the definition. The fields are named as the spec names them; {@code reference} (ours) is
   * written at the end of the description so that a request can be recognised on the endpoint.
   */
  public static Checked check(JsonObject input, Definition definition, String reference) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject fields = new JsonObject();
    String description = string(input, "description").strip();
    if (description.isEmpty()) errors.add(new FieldError("description", "Describe the problem."));
    else if (description.length() > MAX_DESCRIPTION) errors.add(new FieldError("description", "The description is longer than " + MAX_DESCRIPTION + " characters."));
    String address = string(input, "address").strip();
    Optional<Double> lat = coordinate(input.getValue("lat"), 90);
    Optional<Double> lon = coordinate(input.getValue("long"), 180);
    if (address.length() > MAX_ADDRESS) errors.add(new FieldError("address", "The address is longer than " + MAX_ADDRESS + " characters."));
    else if (address.isEmpty() && (lat.isEmpty() || lon.isEmpty())) errors.add(new FieldError("address", "Give the address, or both latitude and longitude."));
    fields.put("service_code", definition.serviceCode());
    fields.put("description", description + " [ref " + reference + "]");
    if (!address.isEmpty()) fields.put("address_string", address);
    lat.ifPresent(v -> fields.put("lat", v.toString()));
    lon.ifPresent(v -> fields.put("long", v.toString()));

    Object given = input.getValue("attributes");
    JsonObject values = given instanceof JsonObject o ? o : new JsonObject();
    if (given != null && !(given instanceof JsonObject)) errors.add(new FieldError("attributes", "\"attributes\" must be an object of code to value."));
    Set<String> known = definition.attributes().stream().filter(Attribute::variable).map(Attribute::code).collect(Collectors.toSet());
    for (String code : values.fieldNames()) if (!known.contains(code)) errors.add(new FieldError(code, "This service has no question \"" + code + "\"."));
    for (Attribute a : definition.attributes()) {
      if (!a.variable()) continue;
      Object value = values.getValue(a.code());
      checkValue(a, value).ifPresentOrElse(errors::add, () -> put(fields, a, value));
    }
    return errors.isEmpty() ? new Checked.Fields(fields) : new Checked.Refused(List.copyOf(errors));
  }

  private static Optional<FieldError> checkValue(Attribute a, Object value) {
    boolean empty = value == null || (value instanceof String s && s.isBlank()) || (value instanceof JsonArray arr && arr.isEmpty());
    if (empty) return a.required() ? Optional.of(new FieldError(a.code(), a.description() + " is required.")) : Optional.empty();
    Set<String> keys = a.values().stream().map(GeoReport.Value::key).collect(Collectors.toSet());
    switch (a.datatype()) {
      case MULTIVALUELIST -> {
        if (!(value instanceof JsonArray arr)) return Optional.of(new FieldError(a.code(), a.description() + ": choose from the list."));
        for (Object v : arr) if (!(v instanceof String s) || !keys.contains(s)) return Optional.of(new FieldError(a.code(), a.description() + ": choose from the list."));
        return Optional.empty();
      }
      case SINGLEVALUELIST -> {
        return value instanceof String s && keys.contains(s) ? Optional.empty() : Optional.of(new FieldError(a.code(), a.description() + ": choose from the list."));
      }
      default -> {
        if (!(value instanceof String s)) return Optional.of(new FieldError(a.code(), a.description() + " must be text."));
        if (s.length() > MAX_VALUE) return Optional.of(new FieldError(a.code(), a.description() + " is longer than " + MAX_VALUE + " characters."));
        if (a.datatype() == GeoReport.Datatype.NUMBER && !s.strip().matches("-?\\d+(\\.\\d+)?")) {
          return Optional.of(new FieldError(a.code(), a.description() + " must be a number."));
        }
        if (a.datatype() == GeoReport.Datatype.DATETIME) {
          try {
            OffsetDateTime.parse(s.strip());
          } catch (DateTimeParseException e) {
            return Optional.of(new FieldError(a.code(), a.description() + " must be a date and time with its zone, such as 2026-11-28T09:30-06:00."));
          }
        }
        return Optional.empty();
      }
    }
  }

  private static void put(JsonObject fields, Attribute a, Object value) {
    if (value == null || (value instanceof String s && s.isBlank()) || (value instanceof JsonArray arr && arr.isEmpty())) return;
    fields.put("attribute[" + a.code() + "]", value instanceof String s ? s.strip() : value);
  }

  /** The form as {@code POST requests} takes it: a list value becomes one {@code attribute[code][]} per value. */
  public static List<Map.Entry<String, String>> wireFields(JsonObject fields) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, Object> f : fields) {
      if (f.getValue() instanceof JsonArray list) list.forEach(v -> out.add(Map.entry(f.getKey() + "[]", String.valueOf(v))));
      else out.add(Map.entry(f.getKey(), String.valueOf(f.getValue())));
    }
    return out;
  }

  /** Whether a request seen on the endpoint is the one we kept under this reference (a send whose answer was lost). */
  public static boolean carries(String description, String reference) {
    if (description == null) return false;
    Matcher m = REFERENCE.matcher(description);
    while (m.find()) if (m.group(1).equals(reference)) return true;
    return false;
  }

  /**
   * The endpoint's errors by field, for the agent to see next to the field: an error naming
   * {@code attribute[code]} or one of the form's attribute codes goes with it; one speaking of the
   * address or location with the address; the rest with the form as a whole ({@code ""}).
   */
  public static List<FieldError> byField(List<GeoReport.ApiError> errors, JsonObject fields) {
    Set<String> codes = new LinkedHashMap<String, Object>(fields.getMap()).keySet().stream().map(ATTRIBUTE_NAMED::matcher).filter(Matcher::matches)
        .map(m -> m.group(1)).collect(Collectors.toSet());
    List<FieldError> out = new ArrayList<>();
    for (GeoReport.ApiError e : errors) {
      String d = e.description();
      Matcher named = ATTRIBUTE_NAMED.matcher(d);
      String field = named.find() ? named.group(1)
          : codes.stream().filter(c -> Pattern.compile("\\b" + Pattern.quote(c) + "\\b").matcher(d).find()).findFirst()
              .orElseGet(() -> d.matches("(?is).*\\b(address|location|lat|long)\\b.*") ? "address"
                  : d.matches("(?is).*\\bdescription\\b.*") ? "description" : "");
      out.add(new FieldError(field, d.isBlank() ? "The city's system refused the request (" + e.code() + ")." : d));
    }
    return out;
  }

  private static String string(JsonObject o, String key) {
    return o.getValue(key) instanceof String s ? s : "";
  }

  private static Optional<Double> coordinate(Object value, double bound) {
    if (!(value instanceof Number n)) return Optional.empty();
    double d = n.doubleValue();
    return Double.isFinite(d) && Math.abs(d) <= bound ? Optional.of(d) : Optional.empty();
  }
}
