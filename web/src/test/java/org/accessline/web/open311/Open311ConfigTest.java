package org.accessline.web.open311;

import org.accessline.web.config.Open311Config;
import org.accessline.web.config.Open311Format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The open311 options: off by default, read from the file and the environment, refused when they cannot work, the key never printed. */
class Open311ConfigTest {
  private static Open311Config read(JsonObject json, Map<String, String> env) {
    return Open311Config.fromJson(json, name -> Optional.ofNullable(env.get("ACCESSLINE_" + name)));
  }

  @Test
  void offUnlessAnEndpointIsGivenAndTheEnvironmentWins() {
    assertFalse(read(new JsonObject(), Map.of()).enabled());
    Open311Config c = read(new JsonObject().put("baseUrl", "https://311.example.gov/open311/v2").put("apiKey", "k").put("format", "json").put("pollSeconds", 30),
        Map.of("ACCESSLINE_OPEN311_API_KEY", "secret-key"));
    assertEquals(Optional.of("https://311.example.gov/open311/v2/"), c.baseUrl());
    assertEquals("secret-key", c.apiKey());
    assertEquals(Open311Format.JSON, c.format());
    assertEquals(Duration.ofSeconds(30), c.poll());
    assertFalse(c.toString().contains("secret-key"), "the key is never printed");
  }

  @Test
  void settingsThatCannotWorkAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> read(new JsonObject().put("baseUrl", "ftp://x/").put("apiKey", "k"), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> read(new JsonObject().put("baseUrl", "https://x/v2/"), Map.of()), "no key");
    assertThrows(IllegalArgumentException.class, () -> read(new JsonObject().put("format", "csv"), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> read(new JsonObject().put("pollSeconds", 0), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> read(new JsonObject().put("firstRetryMillis", 60_000).put("longestRetrySeconds", 1), Map.of()));
  }
}
