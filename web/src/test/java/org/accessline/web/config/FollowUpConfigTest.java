package org.accessline.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The call limit of outbound follow-up calls: two hours unless set, in minutes, seconds or by the environment, and bounded. */
class FollowUpConfigTest {
  @Test
  void theCallLimitDefaultsToTwoHoursAndIsSetInMinutesSecondsOrTheEnvironment() {
    assertEquals(Duration.ofMinutes(120), FollowUpConfig.fromJson(new JsonObject(), v -> Optional.empty()).callLimit());
    assertEquals(Duration.ofMinutes(45), FollowUpConfig.fromJson(new JsonObject().put("callLimitMinutes", 45), v -> Optional.empty()).callLimit());
    assertEquals(Duration.ofSeconds(5), FollowUpConfig.fromJson(new JsonObject().put("callLimitSeconds", 5), v -> Optional.empty()).callLimit());
    Map<String, String> env = Map.of("FOLLOW_UPS_CALL_LIMIT_SECONDS", "90");
    assertEquals(Duration.ofSeconds(90), FollowUpConfig.fromJson(new JsonObject().put("callLimitMinutes", 45), v -> Optional.ofNullable(env.get(v))).callLimit());
  }

  @Test
  void aCallLimitOutOfBoundsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> FollowUpConfig.fromJson(new JsonObject().put("callLimitSeconds", 0), v -> Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> FollowUpConfig.fromJson(new JsonObject().put("callLimitMinutes", 1441), v -> Optional.empty()));
  }
}
