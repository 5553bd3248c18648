package org.accessline.web.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.StaleOwnerException;

/**
 * This node's {@link Intake} and {@link Desk}: straight to the stream while this node owns the
 * conversations, otherwise a call over the event bus to the node that does, answered the same way.
 * While no node owns them (a takeover under way), a call waits for the new owner, up to a limit.
 * A call is sent again only when it was never carried out: no owner took it, or the owner that
 * took it had been taken over and wrote nothing.
 */
public final class ClusterPorts {
  /** Where the owning node takes calls from the other nodes. */
  static final String CALLS = "accessline.stream.calls";
  /** How long after losing the owner a call waits for an answer at most. */
  private static final Duration AFTER_LOSS = Duration.ofMillis(1_500);

  /** The stream of the node that owns the conversations, as its two ports. */
  public record Owned(Intake intake, Desk desk) {}

  /** A call that was not carried out and may be made again. */
  private static final class NotCarriedOut extends RuntimeException {
    NotCarriedOut(String message) {
      super(message, null, false, false);
    }
  }

  private static final Map<String, Method> METHODS = new HashMap<>();

  static {
    for (Class<?> port : new Class<?>[] {Intake.class, Desk.class}) {
      for (Method m : port.getMethods()) if (!m.isDefault()) METHODS.put(key(m), m);
    }
  }

  private final Vertx vertx;
  private final InteractionStore store;
  private final Duration ownerWait;
  private final LocalAgents agents = new LocalAgents();
  private volatile Owned local;
  private volatile Runnable onStale = () -> {};
  /** The Vert.x node id of the node owning the conversations, as it announced itself. */
  private volatile String ownerNode;
  /** When the owner was last seen gone ({@link System#nanoTime}); 0 before that. */
  private volatile long ownerLostAt;
  /** Calls on their way to the owner, each with the context to answer it on. */
  private final Map<Promise<Message<JsonObject>>, Context> onTheirWay = new ConcurrentHashMap<>();
  private final Object proxy;
  /** The same ports without noting agents' presence: for introducing them again to a new owner. */
  private final Object quiet;

  public ClusterPorts(Vertx vertx, InteractionStore store, Duration ownerWait) {
    this.vertx = vertx;
    this.store = store;
    this.ownerWait = ownerWait;
    this.proxy = Proxy.newProxyInstance(ClusterPorts.class.getClassLoader(), new Class<?>[] {Intake.class, Desk.class}, new Forwarding(true));
    this.quiet = Proxy.newProxyInstance(ClusterPorts.class.getClassLoader(), new Class<?>[] {Intake.class, Desk.class}, new Forwarding(false));
  }

  public Intake intake() {
    return (Intake) proxy;
  }

  public Desk desk() {
    return (Desk) proxy;
  }

  /** This node now owns the conversations: calls go straight to its stream; a stale write calls {@code onStale}. */
  void own(Owned owned, Runnable onStale) {
    this.onStale = onStale;
    this.local = owned;
  }

  void disown() {
    this.local = null;
  }

  boolean owns() {
    return local != null;
  }

  /** The node owning the conversations from now on, by its Vert.x node id. */
  void ownerIs(String node) {
    ownerNode = node;
  }

  /**
   * A node left the cluster. If it owned the conversations, the calls still waiting for its answer
   * fail now rather than when they time out: whether it carried them out is unknown, as after a
   * timeout, and the sender (a chat page, Twilio) sends them again with the same id.
   */
  void nodeLeft(String node) {
    if (!node.equals(ownerNode)) return;
    ownerLostAt = System.nanoTime();
    onTheirWay.forEach((call, context) -> context.runOnContext(v -> call.tryFail(new OwnerLostException())));
  }

  /** Tells the new owner about the agents whose consoles are connected to this node. */
  Future<Void> introduceAgents() {
    return agents.replayTo((Desk) quiet);
  }

  /** Carries out a call from another node on this node's stream; the answer is always a reply, a failure inside it. */
  Future<JsonObject> serve(JsonObject call) {
    Owned owned = local;
    if (owned == null) return Future.succeededFuture(failure("moved", "this node does not own the conversations"));
    Method method = METHODS.get(call.getString("method"));
    if (method == null) return Future.succeededFuture(failure("failed", "no such call: " + call.getString("method")));
    Object[] args;
    try {
      JsonArray json = call.getJsonArray("args");
      Type[] types = method.getGenericParameterTypes();
      args = new Object[types.length];
      for (int i = 0; i < types.length; i++) args[i] = PortsJson.decode(types[i], json.getValue(i));
    } catch (RuntimeException e) {
      return Future.succeededFuture(failure("invalid", e.getMessage()));
    }
    return invoke(owned, method, args).transform(ar -> {
      if (ar.succeeded()) {
        // Which node answered, so a node that joined after the last takeover knows whose loss to watch for.
        return Future.succeededFuture(new JsonObject().put("result", PortsJson.encode(answerType(method), ar.result()))
            .put("node", ((VertxInternal) vertx).clusterManager().getNodeId()));
      }
      Throwable e = ar.cause();
      if (e instanceof StaleOwnerException) {
        onStale.run();
        return Future.succeededFuture(failure("moved", e.getMessage()));
      }
      if (e instanceof RefusedException r) return Future.succeededFuture(failure("refused", r.refusal().name()));
      if (e instanceof IllegalArgumentException) return Future.succeededFuture(failure("invalid", e.getMessage()));
      return Future.succeededFuture(failure("failed", String.valueOf(e.getMessage())));
    });
  }

  private static JsonObject failure(String kind, String detail) {
    return new JsonObject().put("failure", kind).put("detail", detail);
  }

  @SuppressWarnings("unchecked")
  private static Future<Object> invoke(Owned owned, Method method, Object[] args) {
    try {
      Object target = method.getDeclaringClass() == Desk.class ? owned.desk() : owned.intake();
      return (Future<Object>) method.invoke(target, args);
    } catch (InvocationTargetException e) {
      return Future.failedFuture(e.getCause());
    } catch (IllegalAccessException e) {
      return Future.failedFuture(e);
    }
  }

  private static String key(Method m) {
    return m.getDeclaringClass().getSimpleName() + "." + m.getName()
        + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
  }

  private static Type answerType(Method m) {
    return ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
  }

  private final class Forwarding implements InvocationHandler {
    private final boolean notesAgents;

    Forwarding(boolean notesAgents) {
      this.notesAgents = notesAgents;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "hashCode" -> System.identityHashCode(self);
          case "equals" -> self == args[0];
          default -> "ClusterPorts";
        };
      }
      if (method.isDefault()) return InvocationHandler.invokeDefault(self, method, args);
      Object[] given = args == null ? new Object[0] : args;
      return switch (method.getName()) {
        // Read from the shared store, or about this node alone: never forwarded.
        case "entries" -> store.entries((org.accessline.gateway.conversation.ConversationId) given[0], (Long) given[1]);
        case "deliveriesRecorded" -> local == null ? Future.succeededFuture() : local.desk().deliveriesRecorded((Duration) given[0]);
        default -> {
          Future<Object> answer = call(method, given, System.nanoTime() + ownerWait.toNanos());
          yield notesAgents ? agents.noted(method, given, answer) : answer;
        }
      };
    }
  }

  /** Straight to this node's stream when it owns the conversations, else to the owner; made again while it was not carried out. */
  private Future<Object> call(Method method, Object[] args, long deadline) {
    Owned owned = local;
    Future<Object> attempt = owned != null ? invoke(owned, method, args).recover(e -> {
      if (!(e instanceof StaleOwnerException)) return Future.failedFuture(e);
      onStale.run();
      return Future.failedFuture(new NotCarriedOut(e.getMessage()));
    }) : forward(method, args, deadline);
    return attempt.recover(e -> {
      if (!(e instanceof NotCarriedOut) || System.nanoTime() > deadline) {
        return Future.failedFuture(e instanceof NotCarriedOut ? new OwnerUnavailableException(ownerWait) : e);
      }
      Promise<Object> again = Promise.promise();
      vertx.setTimer(50 + ThreadLocalRandom.current().nextLong(150), t -> call(method, args, deadline).onComplete(again));
      return again.future();
    });
  }

  private Future<Object> forward(Method method, Object[] args, long deadline) {
    Type[] types = method.getGenericParameterTypes();
    JsonArray json = new JsonArray();
    for (int i = 0; i < types.length; i++) json.add(PortsJson.encode(types[i], args[i]));
    JsonObject call = new JsonObject().put("method", key(method)).put("args", json);
    long wait = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    // Just after the owner was lost, a call may still be routed to its node before the event bus
    // forgets it there; such a call would wait out its whole timeout. The new owner answers well
    // within this, so a call not answered by then ends as one whose outcome is unknown.
    if (ownerLostAt != 0 && System.nanoTime() - ownerLostAt < AFTER_LOSS.toNanos()) wait = Math.min(wait, AFTER_LOSS.toMillis());
    Promise<Message<JsonObject>> answered = Promise.promise();
    onTheirWay.put(answered, vertx.getOrCreateContext());
    vertx.eventBus().<JsonObject>request(CALLS, call, new DeliveryOptions().setSendTimeout(Math.max(wait, 1000))).onComplete(ar -> {
      if (ar.succeeded()) answered.tryComplete(ar.result());
      else answered.tryFail(ar.cause());
    });
    return answered.future().andThen(ar -> onTheirWay.remove(answered)).transform(ar -> {
      if (ar.failed()) {
        // No owner listening, or the call never written to the owner's node (gone before it connected):
        // nothing was done. A timeout may follow a call that was carried out, so it is never sent again.
        boolean undelivered = ar.cause() instanceof ReplyException r && (r.failureType() == ReplyFailure.NO_HANDLERS || r.failureType() == ReplyFailure.ERROR);
        return Future.failedFuture(undelivered ? new NotCarriedOut(ar.cause().getMessage()) : ar.cause());
      }
      JsonObject answer = ar.result().body();
      String failure = answer.getString("failure");
      if (failure == null) {
        ownerNode = answer.getString("node", ownerNode);
        return Future.succeededFuture(PortsJson.decode(answerType(method), answer.getValue("result")));
      }
      return Future.failedFuture(switch (failure) {
        case "moved" -> new NotCarriedOut(answer.getString("detail"));
        case "refused" -> new RefusedException(Refusal.valueOf(answer.getString("detail")));
        case "invalid" -> new IllegalArgumentException(answer.getString("detail"));
        default -> new IllegalStateException(answer.getString("detail"));
      });
    });
  }
}
