package org.accessline.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperationsTest {

  @Test
  void defaultsAreReadableLogsAndMetricsOnTheMainPort() {
    Operations ops = AccesslineConfig.fromJson(new JsonObject(), Map.of()).operations();
    assertEquals(LogFormat.TEXT, ops.logFormat());
    assertTrue(ops.metricsEnabled());
    assertEquals(Optional.empty(), ops.metricsToken());
    assertEquals(Optional.empty(), ops.metricsPort());
    assertFalse(ops.nodeId().isBlank());
  }

  @Test
  void theFileAndThenTheEnvironmentSetThem() {
    JsonObject file = new JsonObject().put("log", new JsonObject().put("format", "json")).put("nodeId", "file-node")
        .put("metrics", new JsonObject().put("token", "a-token-of-16-chars").put("port", 9464).put("host", "0.0.0.0"));
    Operations fromFile = AccesslineConfig.fromJson(file, Map.of()).operations();
    assertEquals(LogFormat.JSON, fromFile.logFormat());
    assertEquals("file-node", fromFile.nodeId());
    assertEquals(Optional.of(9464), fromFile.metricsPort());
    assertEquals("0.0.0.0", fromFile.metricsHost());
    Operations fromEnv = AccesslineConfig.fromJson(file, Map.of("ACCESSLINE_LOG_FORMAT", "text", "ACCESSLINE_NODE_ID", "env-node",
        "ACCESSLINE_METRICS_ENABLED", "false")).operations();
    assertEquals(LogFormat.TEXT, fromEnv.logFormat());
    assertEquals("env-node", fromEnv.nodeId());
    assertFalse(fromEnv.metricsEnabled());
  }

  @Test
  void badValuesAreRefusedWithTheirName() {
    assertRefused(new JsonObject().put("log", new JsonObject().put("format", "xml")), "log.format");
    assertRefused(new JsonObject().put("nodeId", "a node with spaces"), "nodeId");
    assertRefused(new JsonObject().put("metrics", new JsonObject().put("token", "short")), "metrics.token");
    assertRefused(new JsonObject().put("metrics", new JsonObject().put("port", 70000)), "metrics.port");
  }

  private static void assertRefused(JsonObject json, String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(json, Map.of()));
    assertTrue(e.getMessage().contains(name), e.getMessage());
  }
}
