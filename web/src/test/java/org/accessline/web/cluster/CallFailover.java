package org.accessline.web.cluster;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioApi;
import org.accessline.web.support.TwilioWebhookClient;

/**
 * What the call failover tests share: two nodes whose Twilio client reaches a stand-in Calls API,
 * waiting on the stored record while the survivor takes over, and reading the agent's frames.
 */
final class CallFailover {
  static final long WAIT_MS = 120_000;

  private CallFailover() {}

  /** Two nodes with Twilio on, their Calls API the stand-in's; {@code more} adds to each node's configuration. */
  static TestCluster cluster(Path dir, FakeTwilioApi api, UnaryOperator<JsonObject> more) {
    return new TestCluster(dir, 2, json -> more.apply(json.mergeIn(TwilioWebhookClient.gatewayOptions(new JsonObject().put("apiBaseUrl", api.baseUrl())))));
  }

  static TestCluster cluster(Path dir, FakeTwilioApi api) {
    return cluster(dir, api, UnaryOperator.identity());
  }

  static void awaitTrue(String what, long withinMs, BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + withinMs;
    while (System.currentTimeMillis() < deadline) {
      if (condition.getAsBoolean()) return;
      TestCluster.sleep(100);
    }
    throw new AssertionError(what + " did not happen within " + withinMs + " ms");
  }

  /**
   * The conversation's stored messages; while the survivor takes over, a read may be answered
   * "try again" (no entries), which reads as none yet.
   */
  static List<String> storedMessages(AgentClient agent, String conversation) {
    try {
      return agent.storedMessages(conversation);
    } catch (RuntimeException notYet) {
      return List.of();
    }
  }

  /** Each entry of the record as "role kind text", for a failure message. */
  static List<String> described(AgentClient agent, String conversation) {
    return agent.recordEntries(conversation).stream().map(JsonObject.class::cast)
        .map(e -> e.getJsonObject("actor").getString("role") + " " + e.getJsonObject("event").getString("kind") + " " + e.getJsonObject("event").getString("text"))
        .toList();
  }

  static JsonObject event(JsonObject frame) {
    return frame.getJsonObject("entry").getJsonObject("event");
  }

  static boolean isEvent(JsonObject frame, String kind) {
    return "entry".equals(frame.getString("type")) && kind.equals(event(frame).getString("kind"));
  }

  static boolean isMessage(JsonObject frame, String role) {
    return isEvent(frame, "message") && role.equals(frame.getJsonObject("entry").getJsonObject("actor").getString("role"));
  }

  static String text(JsonObject frame) {
    return event(frame).getString("text");
  }
}
