package org.accessline.web.ops;

import static org.accessline.web.support.SmsTexts.INBOUND;
import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.accessline.web.config.LogFormat;
import org.accessline.web.support.SmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Production logs: one JSON object per line, ids as fields, and never a resident's words or number. */
@Timeout(60)
class LogsIT {
  private static final String PHONE = "+15551239876";
  private static final String WORDS = "the water main on Quillfeather Lane burst";
  private static final String REPLY = "a crew is on the way to Quillfeather Lane";
  @TempDir Path dataDir;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream standardError;

  @BeforeEach
  void captureStandardError() {
    standardError = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Logs.configure(LogFormat.JSON, "node-a");
  }

  @AfterEach
  void restore() {
    System.setErr(standardError);
    Logs.configure(LogFormat.TEXT, "test");
  }

  @Test
  void aConversationLogsValidJsonLinesWithItsIdAndNeitherTheTextNorTheNumber() {
    String conversation;
    try (SmsGateway sms = new SmsGateway(dataDir, 4, new JsonObject())) {
      sms.maria.available();
      assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), PHONE, WORDS)).statusCode());
      conversation = sms.maria.awaitAssignment();
      assertEquals(201, sms.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", REPLY)).statusCode());
      assertEquals(200, sms.maria.post("/api/conversations/" + conversation + "/resolve", new JsonObject().put("disposition", "resolved")).statusCode());
      // A malformed webhook is logged too (a warning with its cause), and must not carry the number either.
      sms.webhooks.post(INBOUND, text("not-a-sid", PHONE, WORDS));
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    assertFalse(lines.isEmpty(), "nothing was logged");
    boolean openedWithId = false;
    for (String line : lines) {
      JsonObject event = new JsonObject(line); // throws if a line is not one JSON object
      assertTrue(event.containsKey("level") && event.containsKey("formattedMessage"), line);
      assertEquals("node-a", event.getJsonObject("context").getJsonObject("properties").getString(Logs.NODE_ID), line);
      JsonArray fields = event.getJsonArray("kvpList", new JsonArray());
      if ("conversation opened".equals(event.getString("formattedMessage"))) {
        openedWithId |= fields.stream().map(JsonObject.class::cast).anyMatch(f -> conversation.equals(f.getString("conversationId")));
      }
    }
    assertTrue(openedWithId, "the opening is logged with the conversation's id as a field:\n" + output);
    for (String secret : List.of(PHONE, PHONE.substring(2), "Quillfeather", WORDS, REPLY)) {
      assertFalse(output.contains(secret), "the logs hold " + secret + ":\n" + output);
    }
  }

  @Test
  void javaUtilLoggingComesOutAsTheSameJsonAndLibraryNoiseStaysAtWarn() {
    java.util.logging.Logger.getLogger("org.example.legacy").warning("a library that logs through java.util.logging");
    java.util.logging.Logger.getLogger("org.flywaydb.core.internal.command").info("Successfully validated 12 migrations");
    org.slf4j.LoggerFactory.getLogger("org.flywaydb.core").info("Schema is up to date");
    org.slf4j.LoggerFactory.getLogger("io.netty.channel").info("netty detail");
    org.slf4j.LoggerFactory.getLogger("io.netty.channel").warn("netty trouble");
    List<JsonObject> events = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).map(JsonObject::new).toList();
    assertTrue(events.stream().anyMatch(e -> "org.example.legacy".equals(e.getString("loggerName"))
        && "WARN".equals(e.getString("level")) && e.getString("formattedMessage").contains("java.util.logging")), events.toString());
    assertTrue(events.stream().anyMatch(e -> "netty trouble".equals(e.getString("formattedMessage"))), events.toString());
    assertTrue(events.stream().noneMatch(e -> e.getString("loggerName").startsWith("org.flywaydb") || "netty detail".equals(e.getString("formattedMessage"))),
        events.toString());
  }
}
