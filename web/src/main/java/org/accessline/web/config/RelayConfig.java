package org.accessline.web.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.accessline.channels.relay.DecodingSettings;
import org.accessline.channels.relay.RelaySettings;

/** The {@code relay} section: off unless {@code enabled}, since the speech model takes seconds and memory to load. */
final class RelayConfig {
  private RelayConfig() {}

  static Optional<RelaySettings> fromJson(JsonObject json, Function<String, Optional<String>> var, String centerName) {
    boolean enabled = var.apply("RELAY_ENABLED").map(Boolean::parseBoolean).orElse(json.getBoolean("enabled", false));
    if (!enabled) return Optional.empty();
    RelaySettings d = RelaySettings.defaults(centerName);
    Set<String> numbers = var.apply("RELAY_NUMBERS").map(v -> Set.copyOf(Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()))
        .orElseGet(() -> {
          Set<String> out = new HashSet<>();
          for (Object n : json.getJsonArray("numbers", new JsonArray())) {
            if (!(n instanceof String s)) throw new IllegalArgumentException("relay.numbers are E.164 numbers in quotes");
            out.add(s.strip());
          }
          return out;
        });
    return Optional.of(new RelaySettings(
        var.apply("RELAY_GREETING").orElse(json.getString("greeting", d.greeting())),
        Duration.ofMillis(json.getLong("greetingDelayMillis", d.greetingDelay().toMillis())),
        Duration.ofMillis(json.getLong("guardMillis", d.guard().toMillis())),
        Duration.ofMillis(json.getLong("pauseMillis", d.pause().toMillis())),
        Duration.ofMinutes(var.apply("RELAY_IDLE_HANGUP_MINUTES").map(Long::parseLong).orElse(json.getLong("idleHangupMinutes", d.idleHangup().toMinutes()))),
        numbers,
        var.apply("RELAY_DETECT_SPEECH").map(Boolean::parseBoolean).orElse(json.getBoolean("detectSpeech", d.detectSpeech())),
        Duration.ofSeconds(json.getLong("backlogSeconds", d.backlog().toSeconds())),
        var.apply("RELAY_MODEL_DIR").orElse(json.getString("modelDir", d.modelDir())),
        json.getInteger("recognitionThreads", d.recognitionThreads()),
        new DecodingSettings(json.getInteger("maxActive", d.decoding().maxActive()), json.getDouble("beam", d.decoding().beam()),
            json.getDouble("latticeBeam", d.decoding().latticeBeam()), json.getInteger("framesPerChunk", d.decoding().framesPerChunk()))));
  }
}
