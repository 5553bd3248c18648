package org.accessline.web.cluster;

import com.hazelcast.replicatedmap.ReplicatedMap;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentSessions;

/**
 * Staff sessions every node of the cluster shares, so losing a node signs nobody out. Kept in a
 * Hazelcast replicated map: each node holds a full copy, so finding a session on a request reads
 * memory, never the network; a sign-in reaches the other nodes within moments.
 */
public final class SharedSessions extends AbstractMap<String, AgentSessions.Session> {
  private static final String MAP = "accessline.staff-sessions";
  private static final int ANY_CAPACITY = 1;

  private final ReplicatedMap<String, String> shared;

  private SharedSessions(ReplicatedMap<String, String> shared) {
    this.shared = shared;
  }

  /** The sessions of the cluster this Vert.x belongs to. */
  public static SharedSessions of(Vertx vertx) {
    HazelcastClusterManager manager = (HazelcastClusterManager) ((VertxInternal) vertx).clusterManager();
    return new SharedSessions(manager.getHazelcastInstance().getReplicatedMap(MAP));
  }

  @Override
  public AgentSessions.Session get(Object token) {
    String json = shared.get(token);
    return json == null ? null : decode(json);
  }

  @Override
  public AgentSessions.Session put(String token, AgentSessions.Session session) {
    String was = shared.put(token, encode(session));
    return was == null ? null : decode(was);
  }

  @Override
  public AgentSessions.Session remove(Object token) {
    String was = shared.remove(token);
    return was == null ? null : decode(was);
  }

  @Override
  public boolean containsKey(Object token) {
    return shared.containsKey(token);
  }

  @Override
  public Set<Entry<String, AgentSessions.Session>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, AgentSessions.Session>> iterator() {
        List<Entry<String, AgentSessions.Session>> now = new ArrayList<>();
        for (Map.Entry<String, String> e : shared.entrySet()) now.add(new SimpleImmutableEntry<>(e.getKey(), decode(e.getValue())));
        Iterator<Entry<String, AgentSessions.Session>> it = now.iterator();
        return new Iterator<>() {
          private Entry<String, AgentSessions.Session> last;

          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Entry<String, AgentSessions.Session> next() {
            last = it.next();
            return last;
          }

          @Override
          public void remove() {
            shared.remove(last.getKey());
          }
        };
      }

      @Override
      public int size() {
        return shared.size();
      }
    };
  }

  private static String encode(AgentSessions.Session s) {
    return new JsonObject().put("id", s.id()).put("account", s.account().toJson()).put("expires", s.expires().toEpochMilli()).encode();
  }

  private static AgentSessions.Session decode(String json) {
    JsonObject o = new JsonObject(json);
    return new AgentSessions.Session(o.getString("id"), AgentAccount.fromJson(o.getJsonObject("account"), ANY_CAPACITY), Instant.ofEpochMilli(o.getLong("expires")));
  }
}
