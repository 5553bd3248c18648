package org.accessline.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardJsonTest {
  private static JsonObject agent(String id, String state, long inState) {
    return new JsonObject().put("id", id).put("name", id).put("state", state).put("conversations", 0).put("units", 0).put("capacity", 3)
        .put("inStateSeconds", inState).put("handledToday", 0);
  }

  private static JsonObject frame(JsonObject... agents) {
    return new JsonObject().put("type", "dashboard").put("queues", new JsonArray()).put("channels", new JsonArray())
        .put("agents", new JsonArray(java.util.List.of((Object[]) agents))).put("agentsComplete", true).put("alerts", new JsonArray());
  }

  @Test
  void onlyAgentsWhoseEntryChangedAreSentAndThoseGoneAreNamed() {
    Map<String, String> sent = DashboardJson.agentShapes(frame(agent("ana", "available", 10), agent("ben", "away", 10), agent("cy", "away", 5)));
    JsonObject changes = DashboardJson.changesSince(sent, frame(agent("ana", "available", 70), agent("ben", "available", 0), agent("dee", "available", 0)));
    assertFalse(changes.getBoolean("agentsComplete"));
    assertEquals(new JsonArray().add(agent("ben", "available", 0)).add(agent("dee", "available", 0)), changes.getJsonArray("agents"),
        "ana's age alone moved: not sent; ben changed state; dee is new");
    assertEquals(new JsonArray().add("cy"), changes.getJsonArray("agentsGone"));
  }

  @Test
  void nothingChangedSendsNoAgents() {
    JsonObject f = frame(agent("ana", "available", 10));
    JsonObject changes = DashboardJson.changesSince(DashboardJson.agentShapes(f), f);
    assertEquals(0, changes.getJsonArray("agents").size());
    assertEquals(0, changes.getJsonArray("agentsGone").size());
  }
}
