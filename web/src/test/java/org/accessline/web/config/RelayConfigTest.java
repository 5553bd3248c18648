package org.accessline.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.accessline.channels.relay.DecodingSettings;
import org.accessline.channels.relay.RelaySettings;
import org.junit.jupiter.api.Test;

class RelayConfigTest {
  private static RelaySettings relay(JsonObject section) {
    return AccesslineConfig.fromJson(new JsonObject().put("relay", section.copy().put("enabled", true)), Map.of()).relay().orElseThrow();
  }

  @Test
  void theDecodingSettingsDefaultToTheMeasuredOnesAndComeFromTheFile() {
    assertEquals(DecodingSettings.DEFAULT, relay(new JsonObject()).decoding());
    RelaySettings set = relay(new JsonObject().put("maxActive", 7000).put("beam", 13.0).put("latticeBeam", 6).put("framesPerChunk", 30));
    assertEquals(new DecodingSettings(7000, 13.0, 6.0, 30), set.decoding());
  }

  @Test
  void decodingSettingsTheDecoderCannotUseAreRefusedAtStart() {
    assertThrows(IllegalArgumentException.class, () -> relay(new JsonObject().put("maxActive", 50)));
    assertThrows(IllegalArgumentException.class, () -> relay(new JsonObject().put("beam", 1.0)));
    assertThrows(IllegalArgumentException.class, () -> relay(new JsonObject().put("beam", 8.0).put("latticeBeam", 9.0)));
    assertThrows(IllegalArgumentException.class, () -> relay(new JsonObject().put("framesPerChunk", 500)));
  }
}
