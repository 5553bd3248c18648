package org.accessline.web.cluster;

import io.vertx.core.Future;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Presence;

/**
 * The agents whose consoles are connected to this node, and the presence each last set here. The
 * floor lives with the owning node; when ownership moves, each node introduces its agents to the new
 * owner, so the floor is whole again without anyone reconnecting.
 */
final class LocalAgents {
  private record Agent(AgentProfile profile, int connections, Presence presence) {}

  private final Map<AgentId, Agent> agents = new HashMap<>();

  /**
   * Notes a presence call once the floor has taken it; answers what the call answers. A console that
   * went away is gone whether or not the floor heard it (it may have been changing hands), so a
   * disconnection is noted either way.
   */
  Future<Object> noted(Method method, Object[] args, Future<Object> call) {
    return call.onComplete(ar -> {
      if (ar.failed() && !method.getName().equals("agentDisconnected")) return;
      synchronized (this) {
        switch (method.getName()) {
          case "agentConnected" -> {
            AgentProfile p = (AgentProfile) args[0];
            Agent was = agents.get(p.id());
            agents.put(p.id(), new Agent(p, was == null ? 1 : was.connections() + 1, was == null ? null : was.presence()));
          }
          case "agentDisconnected" -> {
            Agent was = agents.get((AgentId) args[0]);
            if (was != null && was.connections() <= 1) agents.remove(was.profile().id());
            else if (was != null) agents.put(was.profile().id(), new Agent(was.profile(), was.connections() - 1, was.presence()));
          }
          case "setPresence" -> {
            AgentProfile p = (AgentProfile) args[0];
            Agent was = agents.get(p.id());
            if (was != null) agents.put(p.id(), new Agent(was.profile(), was.connections(), (Presence) args[1]));
          }
          default -> { }
        }
      }
    });
  }

  /**
   * Connects each agent to the desk as often as their consoles are connected here, then sets their
   * presence again. The desk must not note these calls: they are already counted.
   */
  Future<Void> replayTo(Desk desk) {
    List<Agent> now;
    synchronized (this) {
      now = new ArrayList<>(agents.values());
    }
    List<Future<?>> done = new ArrayList<>();
    for (Agent a : now) {
      Future<?> chain = Future.succeededFuture();
      for (int i = 0; i < a.connections(); i++) chain = chain.compose(v -> desk.agentConnected(a.profile()));
      if (a.presence() != null) chain = chain.compose(v -> desk.setPresence(a.profile(), a.presence()));
      done.add(chain);
    }
    return Future.join(done).mapEmpty();
  }
}
