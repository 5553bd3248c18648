package org.accessline.web.open311;

import java.util.List;
import java.util.Optional;

/** What an Open311 GeoReport v2 endpoint says, in either of its formats, once read. */
public final class GeoReport {
  private GeoReport() {}

  /** One entry of {@code GET services}: {@code metadata} says whether it has attributes to ask for. */
  public record Service(String code, String name, String description, boolean metadata, String type, String group) {}

  public enum Datatype {
    STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

    static Optional<Datatype> parse(String name) {
      for (Datatype d : values()) if (d.name().equalsIgnoreCase(name)) return Optional.of(d);
      return Optional.empty();
    }

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public record Value(String key, String name) {}

  /** An attribute of a service; one that is not {@code variable} is only text to show, never asked for. */
  public record Attribute(String code, boolean variable, Datatype datatype, boolean required, String datatypeDescription, int order, String description,
      List<Value> values) {
    public Attribute {
      values = List.copyOf(values);
    }
  }

  public record Definition(String serviceCode, List<Attribute> attributes) {
    public Definition {
      attributes = attributes.stream().sorted(java.util.Comparator.comparingInt(Attribute::order)).toList();
    }
  }

  /** What {@code POST requests} answered: the id at once, or a token to ask about later. */
  public sealed interface Posted {
    record Id(String serviceRequestId) implements Posted {}

    record Token(String token) implements Posted {}
  }

  /** One entry of {@code GET requests}. */
  public record RequestStatus(String serviceRequestId, String status, Optional<String> statusNotes, Optional<String> agencyResponsible,
      Optional<String> updatedDatetime, Optional<String> description) {
    public boolean closed() {
      return "closed".equalsIgnoreCase(status);
    }
  }

  /** One entry of the spec's error array. */
  public record ApiError(String code, String description) {}

  /** The body was not what the spec says this call answers. */
  public static final class Malformed extends RuntimeException {
    public Malformed(String message) {
      super(message);
    }
  }
}
