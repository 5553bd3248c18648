package org.accessline.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.accessline.web.auth.PasswordHasher;
import org.junit.jupiter.api.Test;

class AccesslineConfigTest {
  @Test
  void categoriesComeFromTheFileOrAnEnvironmentListAndTheirKeyFileDefaultsToTheDataDirectory() {
    AccesslineConfig d = AccesslineConfig.fromJson(new JsonObject(), Map.of());
    assertEquals(WorkspaceSettings.DEFAULT_CATEGORIES, d.workspace().categories());
    assertEquals(Path.of("data", "resident-names.key"), d.workspace().residentNamesKeyFile(d.dataDir()));
    JsonObject file = new JsonObject().put("records", new JsonObject().put("categories", new JsonArray().add("Roads").add(" Parks ")))
        .put("residentNames", new JsonObject().put("keyFile", "/keys/names.key"));
    AccesslineConfig fromFile = AccesslineConfig.fromJson(file, Map.of());
    assertEquals(java.util.List.of("Roads", "Parks"), fromFile.workspace().categories());
    assertEquals(java.util.Optional.of("Parks"), fromFile.workspace().category("PARKS"));
    assertEquals(java.util.Optional.empty(), fromFile.workspace().category("Potholes"));
    assertEquals(Path.of("/keys/names.key"), fromFile.workspace().residentNamesKeyFile(fromFile.dataDir()));
    assertEquals(java.util.List.of("Water", "Noise"),
        AccesslineConfig.fromJson(file, Map.of("ACCESSLINE_RECORDS_CATEGORIES", "Water, Noise")).workspace().categories(), "the environment wins");
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("records",
        new JsonObject().put("categories", new JsonArray().add("Parks").add("parks"))), Map.of()), "the same category twice");
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("records",
        new JsonObject().put("categories", new JsonArray())), Map.of()), "no categories at all");
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("records",
        new JsonObject().put("categories", new JsonArray().add("x".repeat(201)))), Map.of()));
  }

  @Test
  void withNothingSetTheDefaultsApply() {
    AccesslineConfig c = AccesslineConfig.fromJson(new JsonObject(), Map.of());
    assertEquals(8080, c.httpPort());
    assertEquals(Path.of("data"), c.dataDir());
    assertEquals(4, c.agentCapacity());
    assertEquals(Duration.ofSeconds(60), c.handbackGrace());
    assertEquals(4096, c.maxMessageBytes());
    assertEquals(10, c.residentBurst());
    assertEquals(1.0, c.residentMessagesPerSecond());
    assertEquals(false, c.secureCookies());
  }

  @Test
  void theSealKeyAndCheckpointsLiveInTheDataDirectoryUnlessConfiguredElsewhere() {
    AccesslineConfig d = AccesslineConfig.fromJson(new JsonObject().put("dataDir", "/srv/accessline"), Map.of());
    assertEquals(Path.of("/srv/accessline/seal.key"), d.recordSeals().keyFile());
    assertEquals(Path.of("/srv/accessline/checkpoints.log"), d.recordSeals().checkpointFile());
    assertEquals(Duration.ofMinutes(5), d.checkpointEvery());

    JsonObject file = new JsonObject().put("seal", new JsonObject().put("keyFile", "/etc/accessline/seal.key").put("checkpointMinutes", 15));
    AccesslineConfig c = AccesslineConfig.fromJson(file, Map.of("ACCESSLINE_SEAL_CHECKPOINT_FILE", "/var/lib/checkpoints/node1.log"));
    assertEquals(Path.of("/etc/accessline/seal.key"), c.recordSeals().keyFile());
    assertEquals(Path.of("/var/lib/checkpoints/node1.log"), c.recordSeals().checkpointFile());
    assertEquals(Duration.ofMinutes(15), c.checkpointEvery());

    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("seal", new JsonObject().put("checkpointMinutes", 0)), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject(), Map.of("ACCESSLINE_SEAL_CHECKPOINT_MINUTES", "1441")));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("seal", new JsonObject().put("keyFile", "/x/same")
        .put("checkpointFile", "/x/same")), Map.of()), "the checkpoint file must never overwrite the key");
  }

  @Test
  void theEnvironmentOverridesTheFile() {
    JsonObject file = new JsonObject().put("httpPort", 9000).put("centerName", "From file").put("agentCapacity", 3);
    AccesslineConfig c = AccesslineConfig.fromJson(file, Map.of("ACCESSLINE_HTTP_PORT", "9100", "ACCESSLINE_CENTER_NAME", "Riverside County 311",
        "ACCESSLINE_SECURE_COOKIES", "true", "ACCESSLINE_RESIDENT_MESSAGES_PER_SECOND", "0.5"));
    assertEquals(9100, c.httpPort());
    assertEquals(true, c.secureCookies());
    assertEquals(0.5, c.residentMessagesPerSecond());
    assertEquals("Riverside County 311", c.centerName());
    assertEquals(3, c.agentCapacity());
  }

  @Test
  void agentsWithoutTheirOwnCapacityTakeTheCentersDefault() {
    String hash = PasswordHasher.hash("pw".toCharArray(), 1_000);
    JsonObject file = new JsonObject().put("agentCapacity", 6)
        .put("agents", new JsonArray().add(new JsonObject().put("username", "maria").put("passwordHash", hash))
            .add(new JsonObject().put("username", "lee").put("passwordHash", hash).put("capacity", 2)));
    AccesslineConfig c = AccesslineConfig.fromJson(file, Map.of());
    assertEquals(6, c.agents().get(0).capacity());
    assertEquals(2, c.agents().get(1).capacity());
  }

  @Test
  void clusterModeIsOffByDefaultAndRefusedWithoutASharedPostgresStore() {
    assertFalse(AccesslineConfig.fromJson(new JsonObject(), Map.of()).cluster().enabled());
    JsonObject cluster = new JsonObject().put("enabled", true).put("members", new JsonArray().add("10.0.0.2").add("10.0.0.3:5701"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("cluster", cluster), Map.of()));
    assertTrue(e.getMessage().startsWith("cluster.enabled needs store.url"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject(), Map.of("ACCESSLINE_CLUSTER_ENABLED", "true",
        "ACCESSLINE_CLUSTER_MEMBERS", "10.0.0.2")));

    AccesslineConfig on = AccesslineConfig.fromJson(new JsonObject().put("cluster", cluster).put("store", new JsonObject().put("url", "postgresql://a@db:5432/x")),
        Map.of("ACCESSLINE_CLUSTER_PORT", "5801", "ACCESSLINE_CLUSTER_HEARTBEAT_SECONDS", "2"));
    assertTrue(on.cluster().enabled());
    assertEquals(java.util.List.of("10.0.0.2", "10.0.0.3:5701"), on.cluster().members());
    assertEquals(5801, on.cluster().port());
    assertEquals(java.time.Duration.ofSeconds(2), on.cluster().heartbeat());
  }

  @Test
  void aClusterWithNoWayToFindItsMembersOrImpossibleTimingsIsRefused() {
    JsonObject store = new JsonObject().put("url", "postgresql://a@db:5432/x");
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> AccesslineConfig.fromJson(new JsonObject().put("store", store).put("cluster", new JsonObject().put("enabled", true)), Map.of()));
    assertTrue(none.getMessage().contains("cluster.members"), none.getMessage());
    assertTrue(AccesslineConfig.fromJson(new JsonObject().put("store", store).put("cluster", new JsonObject().put("enabled", true).put("multicast", true)), Map.of())
        .cluster().multicast());
    IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("store", store)
        .put("cluster", new JsonObject().put("enabled", true).put("multicast", true).put("heartbeatSeconds", 5).put("memberTimeoutSeconds", 6)), Map.of()));
    assertEquals("cluster.memberTimeoutSeconds must be at least twice cluster.heartbeatSeconds and at most 600", timeout.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("store", store)
        .put("cluster", new JsonObject().put("enabled", true).put("members", new JsonArray().add("10.0.0.2; rm -rf"))), Map.of()));
  }

  @Test
  void aCallIsHeldLongerThanALostNodeTakesToBeSeen() {
    JsonObject store = new JsonObject().put("url", "postgresql://a@db:5432/x");
    JsonObject cluster = new JsonObject().put("enabled", true).put("multicast", true);
    assertEquals(java.time.Duration.ofSeconds(90), AccesslineConfig.fromJson(new JsonObject().put("store", store).put("cluster", cluster), Map.of()).cluster().callHold());
    assertEquals(java.time.Duration.ofSeconds(45), AccesslineConfig.fromJson(new JsonObject().put("store", store).put("cluster", cluster),
        Map.of("ACCESSLINE_CLUSTER_CALL_HOLD_SECONDS", "45")).cluster().callHold());
    IllegalArgumentException shorter = assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("store", store)
        .put("cluster", cluster.copy().put("memberTimeoutSeconds", 30).put("callHoldSeconds", 20)), Map.of()));
    assertTrue(shorter.getMessage().startsWith("cluster.callHoldSeconds must be at least"), shorter.getMessage());
  }

  @Test
  void impossibleValuesAreRefusedWithTheOptionNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AccesslineConfig.fromJson(new JsonObject().put("maxMessageBytes", 10), Map.of()));
    assertEquals("maxMessageBytes must be 64-60000", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject(), Map.of("ACCESSLINE_HTTP_PORT", "70000")));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject(), Map.of("ACCESSLINE_AGENT_CAPACITY", "0")));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("residentMessagesPerSecond", 0), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(
        new JsonObject().put("agents", new JsonArray().add(new JsonObject().put("username", "x").put("passwordHash", "plaintext"))), Map.of()));
  }

  private static final String SID = "AC0123456789abcdef0123456789abcdef";

  @Test
  void withoutTwilioCredentialsTheTwilioChannelsAreOffAndTheTtyGreetingNamesTheCenter() {
    AccesslineConfig c = AccesslineConfig.fromJson(new JsonObject().put("centerName", "Fairview 311"), Map.of());
    assertEquals(java.util.Optional.empty(), c.twilio());
    assertEquals("FAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA", c.tty().greeting());
    assertEquals(Duration.ofMinutes(20), c.tty().idleHangup());
  }

  @Test
  void aLiveTtyCallReadsTheShiftConventionFromTheCallUnlessForced() {
    assertEquals(org.accessline.channels.tty.ModemSettings.US_TTY, AccesslineConfig.fromJson(new JsonObject(), Map.of()).tty().modem());
    assertEquals(org.accessline.channels.tty.ModemSettings.ShiftAfterSpace.AUTO, AccesslineConfig.fromJson(new JsonObject(), Map.of()).tty().shiftAfterSpace());
    assertEquals(org.accessline.channels.tty.ModemSettings.ShiftAfterSpace.LETTERS, AccesslineConfig.fromJson(
        new JsonObject().put("tty", new JsonObject().put("shiftAfterSpace", "letters")), Map.of()).tty().modem().shiftAfterSpace());
    assertEquals(org.accessline.channels.tty.ModemSettings.ShiftAfterSpace.UNCHANGED, AccesslineConfig.fromJson(
        new JsonObject().put("tty", new JsonObject().put("shiftAfterSpace", "letters")), Map.of("ACCESSLINE_TTY_SHIFT_AFTER_SPACE", "unchanged")).tty().shiftAfterSpace());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(
        new JsonObject().put("tty", new JsonObject().put("shiftAfterSpace", "sometimes")), Map.of()));
    assertEquals("tty.shiftAfterSpace must be auto, letters or unchanged, not \"sometimes\"", e.getMessage());
  }

  @Test
  void twilioComesFromTheEnvironmentWithThePublicAddress() {
    AccesslineConfig c = AccesslineConfig.fromJson(new JsonObject(), Map.of("ACCESSLINE_TWILIO_ACCOUNT_SID", SID,
        "ACCESSLINE_TWILIO_AUTH_TOKEN", "secret", "ACCESSLINE_PUBLIC_BASE_URL", "https://311.example.gov/", "ACCESSLINE_TTY_APPEND_GA", "false"));
    assertEquals("https://311.example.gov/channels/tty/twilio/voice", c.twilio().orElseThrow().url("/channels/tty/twilio/voice"));
    assertEquals("wss://311.example.gov/channels/tty/twilio/stream", c.twilio().orElseThrow().socketUrl("/channels/tty/twilio/stream"));
    assertEquals(false, c.tty().appendGa());
    assertEquals(false, c.twilio().toString().contains("secret"), "the auth token stays out of logs");
  }

  @Test
  void ttyIntakeLimitsComeFromTheFileAndTheEnvironmentAndBadOnesAreRefused() {
    AccesslineConfig d = AccesslineConfig.fromJson(new JsonObject(), Map.of());
    assertEquals(Duration.ofSeconds(30), d.tty().intake().streamTokenTtl());
    assertEquals(5, d.tty().intake().callsPerNumber());
    assertEquals(Duration.ofMinutes(10), d.tty().intake().callWindow());
    AccesslineConfig c = AccesslineConfig.fromJson(new JsonObject().put("tty", new JsonObject().put("streamTokenSeconds", 10).put("callsPerNumber", 2)),
        Map.of("ACCESSLINE_TTY_CALLS_PER_NUMBER", "3", "ACCESSLINE_TTY_CALL_WINDOW_MINUTES", "60"));
    assertEquals(Duration.ofSeconds(10), c.tty().intake().streamTokenTtl());
    assertEquals(3, c.tty().intake().callsPerNumber());
    assertEquals(Duration.ofMinutes(60), c.tty().intake().callWindow());
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("tty", new JsonObject().put("streamTokenSeconds", 0)), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("tty", new JsonObject().put("streamTokenSeconds", 3600)), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("tty", new JsonObject().put("callsPerNumber", 0)), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject(), Map.of("ACCESSLINE_TTY_CALL_WINDOW_MINUTES", "0")));
  }

  @Test
  void halfATwilioSetupOrABadValueIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("twilio", new JsonObject().put("accountSid", SID)), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject()
        .put("twilio", new JsonObject().put("accountSid", SID).put("authToken", "t")), Map.of()), "no public base URL");
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("publicBaseUrl", "ftp://x")
        .put("twilio", new JsonObject().put("accountSid", SID).put("authToken", "t")), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("publicBaseUrl", "https://x.gov")
        .put("twilio", new JsonObject().put("accountSid", "AC123").put("authToken", "t")), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject()
        .put("tty", new JsonObject().put("idleHangupMinutes", 5)), Map.of()), "a TTY call is never ended for inactivity under ten minutes");
  }

  @Test
  void smsNeedsExactlyOneWellFormedSenderAndATwilioAccount() {
    JsonObject account = new JsonObject().put("accountSid", SID).put("authToken", "t");
    AccesslineConfig c = AccesslineConfig.fromJson(new JsonObject().put("publicBaseUrl", "https://x.gov").put("twilio", account.copy().put("smsFrom", "+15550003110")), Map.of());
    assertEquals(java.util.Optional.of("+15550003110"), c.smsSender().orElseThrow().fromNumber());
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("publicBaseUrl", "https://x.gov")
        .put("twilio", account.copy().put("smsFrom", "+15550003110").put("messagingServiceSid", "MG" + "0".repeat(32))), Map.of()), "both senders");
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("publicBaseUrl", "https://x.gov")
        .put("twilio", account.copy().put("smsFrom", "555-0003")), Map.of()), "not E.164");
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject()
        .put("twilio", new JsonObject().put("smsFrom", "+15550003110")), Map.of()), "a sender without an account");
    assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("sms", new JsonObject().put("attempts", 0)), Map.of()));
  }

  @Test
  void aContentSkillNoAgentHasIsRefused() {
    JsonObject routing = new JsonObject().put("contentSkills", new JsonObject().put("es", new JsonArray().add("hola").add("necesito")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("routing", routing), Map.of()));
    assertEquals(true, e.getMessage().contains("no agent has the skill es"), e.getMessage());
  }
}
