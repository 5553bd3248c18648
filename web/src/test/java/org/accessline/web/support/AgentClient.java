package org.accessline.web.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** An agent: REST calls with the session cookie, and the console socket. */
public final class AgentClient implements AutoCloseable {
  private final WebClient http;
  private final WebSocketClient sockets;
  private final int port;
  private String cookie = "";
  private WebSocket console;
  public final FrameLog frames = new FrameLog();

  public AgentClient(Vertx vertx, int port) {
    this.http = WebClient.create(vertx);
    this.sockets = vertx.createWebSocketClient();
    this.port = port;
  }

  public HttpResponse<Buffer> signIn(String username, String password) {
    HttpResponse<Buffer> response = request(HttpMethod.POST, "/api/session").sendJsonObject(new JsonObject().put("username", username).put("password", password)).await();
    response.cookies().stream().filter(c -> c.startsWith("accessline_session=")).findFirst().ifPresent(c -> cookie = c.split(";", 2)[0]);
    return response;
  }

  public AgentClient signedIn(String username) {
    HttpResponse<Buffer> r = signIn(username, TestGateway.PASSWORD);
    if (r.statusCode() != 200) throw new IllegalStateException("sign-in failed: " + r.bodyAsString());
    return this;
  }

  /** Carries on a sign-in made elsewhere, as a browser that kept its cookie does when it reaches another gateway node. */
  public AgentClient withCookie(String cookie) {
    this.cookie = cookie;
    return this;
  }

  /** The session cookie, for tests that speak HTTP with a client of their own. */
  public String cookie() {
    return cookie;
  }

  public HttpRequest<Buffer> request(HttpMethod method, String path) {
    HttpRequest<Buffer> request = http.request(method, port, "127.0.0.1", path);
    if (!cookie.isEmpty()) request.putHeader("Cookie", cookie);
    return request;
  }

  public HttpResponse<Buffer> get(String path) {
    return request(HttpMethod.GET, path).send().await();
  }

  public HttpResponse<Buffer> post(String path, JsonObject body) {
    return request(HttpMethod.POST, path).sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> put(String path, JsonObject body) {
    return request(HttpMethod.PUT, path).sendJsonObject(body).await();
  }

  /** The record's entries, in order, as the interactions API returns them. */
  public JsonArray recordEntries(String conversationId) {
    return get("/api/interactions/" + conversationId).bodyAsJsonObject().getJsonArray("entries");
  }

  /** The text of every message in the stored record, in order. */
  public List<String> storedMessages(String conversationId) {
    return recordEntries(conversationId).stream().map(JsonObject.class::cast)
        .filter(e -> "message".equals(e.getJsonObject("event").getString("kind")))
        .map(e -> e.getJsonObject("event").getString("text")).toList();
  }

  /** The text of every message the resident wrote, in order, leaving out what the center and agents said. */
  public List<String> residentMessages(String conversationId) {
    return recordEntries(conversationId).stream().map(JsonObject.class::cast)
        .filter(e -> "message".equals(e.getJsonObject("event").getString("kind")) && "resident".equals(e.getJsonObject("actor").getString("role")))
        .map(e -> e.getJsonObject("event").getString("text")).toList();
  }

  /** Connects with the frame handler already in place: the gateway sends its snapshot at once. */
  public Future<WebSocket> tryConsole() {
    return tryConsole("http://127.0.0.1:" + port);
  }

  /** Connects as a page from {@code origin} would. */
  public Future<WebSocket> tryConsole(String origin) {
    return tryConsole(origin, "/agent/socket");
  }

  /** Opens the console as the live dashboard does ({@code ?view=dashboard}), and waits for its snapshot. */
  public JsonObject openDashboard() {
    console = tryConsole("http://127.0.0.1:" + port, "/agent/socket?view=dashboard").await();
    return frames.awaitType("snapshot");
  }

  private Future<WebSocket> tryConsole(String origin, String uri) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri).addHeader("Origin", origin);
    if (!cookie.isEmpty()) options.addHeader("Cookie", cookie);
    ClientWebSocket socket = sockets.webSocket();
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    return socket.connect(options);
  }

  /** Opens the console socket, waits for its snapshot, and becomes available. */
  public AgentClient available() {
    openConsole();
    HttpResponse<Buffer> r = put("/api/presence", new JsonObject().put("presence", "available"));
    if (r.statusCode() != 200) throw new IllegalStateException("presence failed: " + r.bodyAsString());
    return this;
  }

  public JsonObject openConsole() {
    console = tryConsole().await();
    return frames.awaitType("snapshot");
  }

  public void sendConsole(JsonObject frame) {
    console.writeTextMessage(frame.encode()).await();
  }

  public void dropConsole() {
    console.close().await();
  }

  /** Waits for this agent to be assigned a conversation and returns its id. */
  public String awaitAssignment() {
    JsonObject frame = frames.await("assignment", f -> "entry".equals(f.getString("type"))
        && "assigned".equals(f.getJsonObject("entry").getJsonObject("event").getString("kind")));
    return frame.getJsonObject("entry").getString("conversationId");
  }

  /** The conversation of the {@code n}th assignment (counting from 1). */
  public String awaitAssignment(int n) {
    return frames.awaitCount(n + " assignments", n, f -> "entry".equals(f.getString("type"))
        && "assigned".equals(f.getJsonObject("entry").getJsonObject("event").getString("kind"))).get(n - 1).getJsonObject("entry").getString("conversationId");
  }

  @Override
  public void close() {
    if (console != null && !console.isClosed()) console.close().await();
    http.close();
    sockets.close().await();
  }
}
