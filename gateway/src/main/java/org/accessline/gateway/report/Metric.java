package org.accessline.gateway.report;

import java.util.Optional;

/**
 * Each figure a report gives, in the order reports show them. Adding one is this constant, its SQL
 * in the stores' {@code ReportSql} (an exhaustive switch, so the compiler asks for it), its known
 * answer in the report contract, and its definition in the README.
 */
public enum Metric {
  OFFERED("offered", "Offered", Unit.COUNT),
  HANDLED("handled", "Handled", Unit.COUNT),
  ABANDONED("abandoned", "Abandoned", Unit.COUNT),
  ABANDONMENT_RATE("abandonmentRate", "Abandonment rate", Unit.RATIO),
  SERVICE_LEVEL("serviceLevel", "Service level", Unit.RATIO),
  FIRST_RESPONSE("firstResponse", "Average first response", Unit.MILLIS),
  HANDLE_AVERAGE("handleAverage", "Average handle time", Unit.MILLIS),
  HANDLE_P90("handleP90", "90th percentile handle time", Unit.MILLIS),
  WAIT_AVERAGE("waitAverage", "Average wait", Unit.MILLIS),
  TRANSFERS("transfers", "Transfers", Unit.COUNT),
  ESCALATIONS("escalations", "Escalations", Unit.COUNT),
  EMERGENCIES("emergencies", "Emergencies", Unit.COUNT);

  /** How a figure reads: a count, a share between 0 and 1, or a duration in milliseconds. */
  public enum Unit { COUNT, RATIO, MILLIS }

  private final String key;
  private final String label;
  private final Unit unit;

  Metric(String key, String label, Unit unit) {
    this.key = key;
    this.label = label;
    this.unit = unit;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public Unit unit() {
    return unit;
  }

  public static Optional<Metric> byKey(String key) {
    for (Metric m : values()) if (m.key.equals(key)) return Optional.of(m);
    return Optional.empty();
  }
}
