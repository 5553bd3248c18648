package org.accessline.web.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password guessing: throttled per name and address, audited, checked on a pool a flood cannot take over; old hashes upgraded. */
class SignInIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private final List<AutoCloseable> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    gateway = TestGateway.start(dataDir);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : clients) c.close();
    gateway.close();
  }

  private AgentClient client() {
    AgentClient c = new AgentClient(gateway.vertx, gateway.port());
    clients.add(c);
    return c;
  }

  private List<AuditEvent> audit(String action) {
    return gateway.store().auditTrail(Optional.empty(), 1000).await().stream().filter(e -> e.action().equals(action)).toList();
  }

  @Test
  void twoHundredWrongPasswordsMeet429sAndTheRightOneWaitsOutTheLock() throws Exception {
    AgentClient guesser = client();
    int refused = 0;
    int throttled = 0;
    long lastRetryAfter = 0;
    for (int i = 0; i < 200; i++) {
      HttpResponse<Buffer> r = guesser.signIn("maria", "guess-" + i);
      if (r.statusCode() == 401) {
        refused++;
      } else {
        assertEquals(429, r.statusCode(), r.bodyAsString());
        assertEquals("too_many_attempts", r.bodyAsJsonObject().getString("error"));
        lastRetryAfter = Long.parseLong(r.getHeader("Retry-After"));
        assertTrue(lastRetryAfter >= 1, "Retry-After in whole seconds");
        throttled++;
      }
    }
    assertTrue(refused >= 5 && refused <= 9, "five free mistakes, then only the odd check as each lock ends: " + refused);
    assertEquals(200 - refused, throttled);

    HttpResponse<Buffer> right = guesser.signIn("maria", TestGateway.PASSWORD);
    assertEquals(429, right.statusCode(), "the right password is refused too while the name is locked");
    assertEquals(0, audit("sign_in").size());

    List<AuditEvent> failures = audit("sign_in_failed");
    assertEquals(refused, failures.size(), "every checked failure is in the audit log");
    assertTrue(failures.stream().allMatch(e -> e.actor().equals("maria") && e.detail().startsWith("from 127.0.0.1")));
    assertTrue(failures.stream().anyMatch(e -> e.detail().contains("username maria locked for")), "the lock is recorded");

    Thread.sleep(Long.parseLong(right.getHeader("Retry-After")) * 1000 + 100);
    assertEquals(200, guesser.signIn("maria", TestGateway.PASSWORD).statusCode(), "the lock ends");
    assertEquals(1, audit("sign_in").size());
    assertEquals(204, guesser.request(io.vertx.core.http.HttpMethod.DELETE, "/api/session").putHeader("Content-Type", "application/json").send().await().statusCode());
    assertEquals(1, audit("sign_out").size());
    assertTrue(audit("role_change").stream().anyMatch(e -> e.detail().equals("sam: new account, supervisor")), "the first start records each account's role");
  }

  @Test
  void aColleagueSignsInPromptlyDuringAGuessingFloodFromAnotherAddress() throws Exception {
    long calm = timedSignIn("lee");
    // The guesser's own loopback address, so the gateway sees another client than the colleague's.
    WebClient flood = WebClient.create(gateway.vertx, new WebClientOptions().setLocalAddress("127.0.0.2"), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(32));
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger throttled = new AtomicInteger();
    ExecutorService lanes = Executors.newFixedThreadPool(16);
    for (int lane = 0; lane < 16; lane++) {
      int l = lane;
      lanes.submit(() -> {
        for (int i = 0; running.get(); i++) {
          String name = l % 2 == 0 ? "maria" : "nobody" + l + "x" + i;
          var r = flood.post(gateway.port(), "127.0.0.1", "/api/session").sendJsonObject(new JsonObject().put("username", name).put("password", "guess" + i)).await();
          answered.incrementAndGet();
          if (r.statusCode() == 429) throttled.incrementAndGet();
        }
        return null;
      });
    }
    long slowest = 0;
    try {
      Thread.sleep(500);
      for (int i = 0; i < 3; i++) slowest = Math.max(slowest, timedSignIn("lee"));
    } finally {
      running.set(false);
      lanes.shutdown();
      assertTrue(lanes.awaitTermination(30, TimeUnit.SECONDS));
      flood.close();
    }
    System.out.println("SignInIT: colleague sign-in " + calm + " ms calm (hash upgraded), slowest " + slowest + " ms during the flood; flood answered "
        + answered.get() + ", throttled " + throttled.get());
    assertTrue(slowest < Math.max(3_000, 3 * calm), "a colleague's sign-in stays prompt during a flood: " + slowest + " ms, calm " + calm + " ms");
    assertTrue(throttled.get() > answered.get() / 2, "most of the flood was answered 429 without a hash: " + throttled.get() + " of " + answered.get());
  }

  private long timedSignIn(String username) {
    AgentClient client = client();
    long began = System.nanoTime();
    assertEquals(200, client.signIn(username, TestGateway.PASSWORD).statusCode());
    return (System.nanoTime() - began) / 1_000_000;
  }

  @Test
  void aNameThatIsNoAccountIsNotWrittenToTheAuditLog() {
    assertEquals(401, client().signIn("correct horse battery staple", "maria").statusCode(), "a password typed into the name field");
    List<AuditEvent> failures = audit("sign_in_failed");
    assertEquals(1, failures.size());
    assertEquals("(unknown username)", failures.get(0).actor());
    assertTrue(gateway.store().auditTrail(Optional.empty(), 1000).await().stream().noneMatch(e -> (e.actor() + e.target() + e.detail()).contains("horse")));
  }

  @Test
  void anOldHashIsReplacedAtTheNextSignInAndKeptAcrossARestart() throws Exception {
    AgentClient maria = client();
    assertEquals(200, maria.signIn("maria", TestGateway.PASSWORD).statusCode());
    // The stronger hash is written beside the answer, not before it: the sign-in does not wait on it.
    String stored = "";
    for (long deadline = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < deadline && !stored.startsWith("pbkdf2-sha256$600000$"); Thread.sleep(50)) {
      stored = gateway.store().administration().account("maria").await().orElseThrow().passwordHash();
    }
    assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), "the account in the store has the stronger hash: " + stored);

    gateway.restart();
    assertEquals(401, client().signIn("maria", "not it").statusCode());
    assertEquals(200, client().signIn("maria", TestGateway.PASSWORD).statusCode(), "the stronger hash checks the same password");
    assertEquals(stored, gateway.store().administration().account("maria").await().orElseThrow().passwordHash(), "upgraded once, not at every sign-in");
  }
}
