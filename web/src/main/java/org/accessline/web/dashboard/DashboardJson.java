package org.accessline.web.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.supervision.Dashboard;
import org.accessline.web.residents.ConversationViews;

/**
 * The dashboard frame. Ages ({@code oldestWaitSeconds}, {@code inStateSeconds}, {@code openedSeconds})
 * are as of {@code asOf}, so a page can count on between frames; {@link #shape} leaves them out, so
 * the passing of time alone is not a change worth a frame.
 */
final class DashboardJson {
  private DashboardJson() {}

  static JsonObject frame(Dashboard d, Map<ConversationId, ConversationState> open, ConversationViews views, String day, Instant asOf, JsonObject quality) {
    JsonArray alerts = new JsonArray();
    for (Dashboard.Alert a : d.alerts()) {
      ConversationState s = open.get(a.conversation());
      alerts.add(new JsonObject().put("kind", a.kind().wireName()).put("conversationId", a.conversation().value())
          .put("residentName", s == null ? null : views.residentName(s.contact())).put("channel", a.channel()).put("queue", a.queue())
          .put("agent", a.agent().map(AgentId::value).orElse(null)).put("limitsPassed", new JsonArray(a.limitsPassed()))
          .put("openedSeconds", a.openedSeconds()).put("waiting", a.waiting()));
    }
    JsonArray agents = new JsonArray();
    for (Dashboard.Agent a : d.agents()) {
      agents.add(new JsonObject().put("id", a.id().value()).put("name", a.name()).put("state", a.state()).put("conversations", a.conversations())
          .put("units", a.units()).put("capacity", a.capacity()).put("inStateSeconds", a.inStateSeconds()).put("handledToday", a.handledToday()));
    }
    return new JsonObject().put("type", "dashboard").put("day", day).put("asOf", asOf.toString())
        .put("queues", segments(d.queues())).put("channels", segments(d.channels())).put("agents", agents).put("agentsComplete", true).put("alerts", alerts)
        .put("quality", quality);
  }

  private static JsonArray segments(java.util.List<Dashboard.Segment> list) {
    JsonArray out = new JsonArray();
    for (Dashboard.Segment s : list) {
      out.add(new JsonObject().put("name", s.name()).put("waiting", s.waiting()).put("oldestWaitSeconds", s.oldestWaitSeconds())
          .put("serviceLevel", s.serviceLevel().isPresent() ? s.serviceLevel().getAsInt() : null)
          .put("targetPercent", s.target().percent()).put("targetSeconds", s.target().within().toSeconds()).put("meetsTarget", s.meetsTarget())
          .put("answeredToday", s.answeredToday()).put("abandonedToday", s.abandonedToday()).put("limitsPassedToday", s.limitsPassedToday())
          .put("emergenciesToday", s.emergenciesToday()));
    }
    return out;
  }

  /**
   * Each agent's entry as the page compares it: without the age, so the passing of time alone does
   * not send an agent again.
   */
  static Map<String, String> agentShapes(JsonObject frame) {
    Map<String, String> shapes = new java.util.LinkedHashMap<>();
    for (Object o : frame.getJsonArray("agents")) {
      JsonObject a = ((JsonObject) o).copy();
      a.remove("inStateSeconds");
      shapes.put(a.getString("id"), a.encode());
    }
    return shapes;
  }

  /**
   * The frame as sent to dashboards that already hold {@code before}: only the agents whose entry
   * changed, and the ids of those gone. A floor of 500 agents is most of a frame's bytes, and one
   * presence change should not send all 500 to every supervisor twice a second.
   */
  static JsonObject changesSince(Map<String, String> before, JsonObject frame) {
    Map<String, String> now = agentShapes(frame);
    JsonArray changed = new JsonArray();
    for (Object o : frame.getJsonArray("agents")) {
      JsonObject a = (JsonObject) o;
      if (!now.get(a.getString("id")).equals(before.get(a.getString("id")))) changed.add(a);
    }
    JsonArray gone = new JsonArray();
    before.keySet().stream().filter(id -> !now.containsKey(id)).forEach(gone::add);
    JsonObject out = frame.copy();
    out.put("agents", changed).put("agentsComplete", false).put("agentsGone", gone);
    return out;
  }

  /** The frame without its ages and time stamp. */
  static String shape(JsonObject frame) {
    JsonObject copy = frame.copy();
    copy.remove("asOf");
    for (String list : new String[] {"queues", "channels"}) copy.getJsonArray(list).forEach(o -> ((JsonObject) o).remove("oldestWaitSeconds"));
    copy.getJsonArray("agents").forEach(o -> ((JsonObject) o).remove("inStateSeconds"));
    copy.getJsonArray("alerts").forEach(o -> ((JsonObject) o).remove("openedSeconds"));
    return copy.encode();
  }
}
