package org.accessline.web.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** A resident's chat connection, speaking the same frames as the resident page. */
public final class ResidentClient implements AutoCloseable {
  private final WebSocketClient client;
  private final WebSocket socket;
  public final FrameLog frames = new FrameLog();

  private ResidentClient(Vertx vertx, int port, Map<String, String> headers) {
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(128 * 1024).setMaxMessageSize(256 * 1024));
    ClientWebSocket connecting = client.webSocket();
    connecting.textMessageHandler(text -> frames.add(new JsonObject(text)));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/chat/socket");
    headers.forEach(options::addHeader);
    socket = connecting.connect(options).await();
  }

  public static ResidentClient connect(Vertx vertx, int port) {
    return new ResidentClient(vertx, port, Map.of());
  }

  /** With extra headers on the upgrade request, such as a proxy's {@code X-Forwarded-For}. */
  public static ResidentClient connect(Vertx vertx, int port, Map<String, String> headers) {
    return new ResidentClient(vertx, port, headers);
  }

  /** Any frame, byte for byte: binary, split into continuations, or not valid UTF-8. */
  public void sendFrame(WebSocketFrame frame) {
    socket.writeFrame(frame).await();
  }

  /** The close code the gateway sent, waiting up to {@code waitMs} for the socket to close; null if it stayed open. */
  public Short awaitClosed(long waitMs) {
    long deadline = System.currentTimeMillis() + waitMs;
    while (!socket.isClosed() && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return socket.isClosed() ? socket.closeStatusCode() : null;
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
