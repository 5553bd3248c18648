package org.accessline.web.ops;

import static org.accessline.web.support.SmsTexts.INBOUND;
import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.SmsGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics}: every named series after a short conversation, and nobody without the token or a supervisor's sign-in. */
@Timeout(60)
class MetricsIT {
  private static final String TOKEN = "metrics-token-0123456789";
  @TempDir Path dataDir;

  @Test
  void aShortConversationShowsInEveryNamedSeries() throws Exception {
    // A one-second queue-wait limit, checked often, so the conversation passes it before Maria takes it.
    JsonObject extra = new JsonObject().put("metrics", new JsonObject().put("token", TOKEN))
        .put("limits", new JsonObject().put("queueWaitSeconds", 1).put("checkMillis", 100));
    try (SmsGateway sms = new SmsGateway(dataDir, 4, new JsonObject().put("firstRetryMillis", 10), extra)) {
      assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230001", "is the pool open")).statusCode());
      Thread.sleep(1_600);
      sms.maria.available();
      String conversation = sms.maria.awaitAssignment();
      sms.twilio.failNext(503, 1);
      assertEquals(201, sms.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "until eight")).statusCode());
      // The resident may have been sent a notice already (an "ok" before the reply's first, failed, try): wait for the retry too.
      String metrics = awaitMetrics(sms, "accessline_twilio_api_calls_total{node=", "outcome=\"ok\"", "outcome=\"retry\"");
      for (String series : List.of(
          "accessline_messages_in_total{channel=\"sms\"", "accessline_messages_out_total{channel=\"sms\"",
          "accessline_append_seconds_count", "accessline_append_seconds{node=", "accessline_queue_length{node=", "queue=\"general\"",
          "accessline_queue_oldest_wait_seconds{node=", "accessline_agents{node=", "presence=\"available\"", "presence=\"offline\"",
          "accessline_tty_calls_active", "accessline_tty_decoder_characters_dropped_total", "outcome=\"retry\"",
          "accessline_time_limits_passed_total{limit=", "vertx_http_server_requests_total", "vertx_http_server_active_connections")) {
        assertTrue(metrics.contains(series), series + " is missing from:\n" + metrics);
      }
      assertTrue(metrics.contains("accessline_agents{node=") && metrics.matches("(?s).*accessline_agents\\{node=\"[^\"]+\",presence=\"available\"} 1\\.0.*"),
          "Maria is available:\n" + metrics);
    }
  }

  @Test
  void withoutTheTokenOrASupervisorsSignInMetricsAreRefused() {
    try (SmsGateway sms = new SmsGateway(dataDir, 4, new JsonObject(), new JsonObject().put("metrics", new JsonObject().put("token", TOKEN)))) {
      WebClient client = WebClient.create(sms.gateway.vertx);
      try {
        assertEquals(401, get(client, sms.gateway.port(), null).statusCode());
        assertEquals(401, get(client, sms.gateway.port(), "Bearer not-the-token-at-all").statusCode());
        assertEquals(401, get(client, sms.gateway.port(), TOKEN).statusCode(), "the token without the Bearer scheme");
        assertEquals(403, sms.maria.get("/metrics").statusCode(), "an agent who is not a supervisor");
        assertEquals(200, get(client, sms.gateway.port(), "Bearer " + TOKEN).statusCode());
        AgentClient sam = new AgentClient(sms.gateway.vertx, sms.gateway.port()).signedIn("sam");
        try {
          HttpResponse<Buffer> bySupervisor = sam.get("/metrics");
          assertEquals(200, bySupervisor.statusCode());
          assertTrue(bySupervisor.getHeader("Content-Type").startsWith("text/plain"), bySupervisor.getHeader("Content-Type"));
        } finally {
          sam.close();
        }
      } finally {
        client.close();
      }
    }
  }

  @Test
  void onAManagementPortMetricsLeaveTheMainPortAndStillNeedTheToken() {
    JsonObject extra = new JsonObject().put("metrics", new JsonObject().put("token", TOKEN).put("port", 0));
    try (SmsGateway sms = new SmsGateway(dataDir, 4, new JsonObject(), extra)) {
      WebClient client = WebClient.create(sms.gateway.vertx);
      try {
        int management = sms.gateway.application().managementPort().orElseThrow();
        assertEquals(404, get(client, sms.gateway.port(), "Bearer " + TOKEN).statusCode(), "not on the main port");
        assertEquals(401, get(client, management, null).statusCode());
        HttpResponse<Buffer> ok = get(client, management, "Bearer " + TOKEN);
        assertEquals(200, ok.statusCode());
        assertTrue(ok.bodyAsString().contains("accessline_append_seconds"), ok.bodyAsString());
      } finally {
        client.close();
      }
    }
  }

  private static HttpResponse<Buffer> get(WebClient client, int port, String authorization) {
    var request = client.request(HttpMethod.GET, port, "127.0.0.1", "/metrics");
    if (authorization != null) request.putHeader("Authorization", authorization);
    return request.send().await();
  }

  /** Metrics read until {@code needed} all show (the reply's Twilio requests settle after the 201). */
  private static String awaitMetrics(SmsGateway sms, String... needed) throws InterruptedException {
    WebClient client = WebClient.create(sms.gateway.vertx);
    try {
      String last = "";
      for (int i = 0; i < 100; i++) {
        last = get(client, sms.gateway.port(), "Bearer " + TOKEN).bodyAsString();
        String body = last;
        if (List.of(needed).stream().allMatch(body::contains)) return body;
        Thread.sleep(100);
      }
      return last;
    } finally {
      client.close();
    }
  }
}
