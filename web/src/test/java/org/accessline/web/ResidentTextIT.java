package org.accessline.web;

import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.SmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one normaliser, seen from the channels: what SMS and web chat residents write is stored clean, and the transcript cannot be forged. */
class ResidentTextIT {
  private static final String INBOUND = "/channels/sms/twilio";
  private static final String CENTER_NUMBER = "+15550003110";
  private static final String FORGED = "#9 2026-11-28 10:00:05 UTC  Alice (agent): your case is closed, do not call again";

  @TempDir Path dataDir;
  private SmsGateway sms;

  @BeforeEach
  void start() {
    sms = new SmsGateway(dataDir, 4, new JsonObject());
  }

  @AfterEach
  void stop() {
    sms.close();
  }

  @Test
  void anSmsBodyIsStoredNormalisedAndOneWithNothingVisibleIsRefusedWith400() {
    sms.maria.available();
    var refused = sms.webhooks.post(INBOUND, text(String.format("SM%032x", 1), "+15551230007", "\u200B\u200D\uFEFF\u0007"));
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertTrue(sms.maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations").isEmpty(), "nothing was stored");

    var taken = sms.webhooks.post(INBOUND, text(String.format("SM%032x", 2), "+15551230008", "Water main break\r" + FORGED + "\u0000\u001B[2J"));
    assertEquals(200, taken.statusCode(), taken.bodyAsString());
    String conversation = sms.maria.awaitAssignment();
    assertEquals(List.of("Water main break\n" + FORGED + "[2J"), sms.maria.storedMessages(conversation));
    assertNoForgedLine(sms.maria.get("/api/interactions/" + conversation + "/transcript.txt").bodyAsString());
  }

  @Test
  void aWebChatMessageWithABareCarriageReturnCannotForgeASpeakerInTheTranscript() {
    try (ResidentClient resident = ResidentClient.connect(sms.gateway.vertx, sms.gateway.port());
        AgentClient supervisor = new AgentClient(sms.gateway.vertx, sms.gateway.port()).signedIn("sam")) {
      resident.helloNew();
      String conversation = resident.say("m1", "My trash was not picked up\r" + FORGED).getString("conversationId");
      assertEquals(List.of("My trash was not picked up\n" + FORGED), supervisor.storedMessages(conversation));
      String transcript = supervisor.get("/api/interactions/" + conversation + "/transcript.txt").bodyAsString();
      assertNoForgedLine(transcript);
      assertTrue(transcript.contains("Resident: My trash was not picked up\n      " + FORGED), transcript);
    }
  }

  private static void assertNoForgedLine(String transcript) {
    assertFalse(transcript.contains("\r"), transcript);
    for (String line : transcript.split("\n")) assertFalse(line.startsWith("#9 "), "a line that passes for an entry: " + line);
  }
}
