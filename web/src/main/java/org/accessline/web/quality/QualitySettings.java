package org.accessline.web.quality;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;

/**
 * Quality review's options ({@code quality} in the configuration file).
 *
 * @param samplesPerAgentWeek how many of each agent's resolved records the weekly sample picks
 * @param samplingKey the secret the sample is keyed with, so agents cannot tell in advance which of their records will be picked
 */
public record QualitySettings(int samplesPerAgentWeek, String samplingKey) {
  public QualitySettings {
    if (samplesPerAgentWeek < 0 || samplesPerAgentWeek > 50) throw new IllegalArgumentException("quality.samplesPerAgentWeek must be 0-50");
    if (samplingKey == null || samplingKey.length() > 200) throw new IllegalArgumentException("quality.samplingKey must be at most 200 characters");
  }

  public static QualitySettings defaults() {
    return new QualitySettings(3, "");
  }

  /** {@code var} reads {@code ACCESSLINE_<name>}. */
  public static QualitySettings fromJson(JsonObject json, Function<String, Optional<String>> var) {
    QualitySettings d = defaults();
    return new QualitySettings(
        var.apply("QUALITY_SAMPLES_PER_AGENT_WEEK").map(Integer::parseInt).orElse(json.getInteger("samplesPerAgentWeek", d.samplesPerAgentWeek)),
        var.apply("QUALITY_SAMPLING_KEY").orElse(json.getString("samplingKey", d.samplingKey)));
  }
}
