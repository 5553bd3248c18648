package org.accessline.web.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A resident's chat connection, speaking the same frames as the resident page. */
public final class ResidentClient implements AutoCloseable {
  private final WebSocketClient client;
  private final WebSocket socket;
  public final FrameLog frames = new FrameLog();

  private ResidentClient(Vertx vertx, int port) {
    client = vertx.createWebSocketClient();
    ClientWebSocket connecting = client.webSocket();
    connecting.textMessageHandler(text -> frames.add(new JsonObject(text)));
    socket = connecting.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/chat/socket")).await();
  }

  public static ResidentClient connect(Vertx vertx, int port) {
    return new ResidentClient(vertx, port);
  }

  public void sendRaw(String text) {
    socket.writeTextMessage(text).await();
  }

  public void send(JsonObject frame) {
    sendRaw(frame.encode());
  }

  /** Says hello as a first-time resident and returns the welcome. */
  public JsonObject helloNew() {
    send(new JsonObject().put("type", "hello"));
    return frames.awaitType("welcome");
  }

  public JsonObject hello(String token, String conversationId, long lastSeq) {
    send(new JsonObject().put("type", "hello").put("token", token).put("conversationId", conversationId).put("lastSeq", lastSeq));
    return frames.awaitType("welcome");
  }

  /** Sends a message and waits for its durable acknowledgement. */
  public JsonObject say(String clientId, String text) {
    send(new JsonObject().put("type", "message").put("clientId", clientId).put("text", text));
    return frames.await("ack for " + clientId, f -> "ack".equals(f.getString("type")) && clientId.equals(f.getString("clientId"))
        || "error".equals(f.getString("type")) && clientId.equals(f.getString("clientId")));
  }

  public List<JsonObject> entries() {
    return frames.ofType("entry");
  }

  public JsonObject awaitEntry(String kind, String description) {
    return frames.await(kind + " entry " + description, f -> "entry".equals(f.getString("type")) && kind.equals(f.getString("kind")));
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() {
    if (!socket.isClosed()) socket.close().await();
    client.close().await();
  }
}
