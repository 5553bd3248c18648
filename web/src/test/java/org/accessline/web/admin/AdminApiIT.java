package org.accessline.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.StaffAccount;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over HTTP, attacked from every side: other roles, other sites, forged and stale sessions. */
class AdminApiIT {
  private static final String HASH = PasswordHasher.hash(TestGateway.PASSWORD.toCharArray(), 1_000);
  @TempDir Path dir;
  private TestGateway gateway;
  private AgentClient ada;

  private static JsonObject staff(String username, String role) {
    return new JsonObject().put("username", username).put("passwordHash", HASH).put("role", role);
  }

  @BeforeEach
  void start() {
    JsonArray agents = new JsonArray().add(staff("ada", "admin")).add(staff("bea", "admin")).add(staff("maria", "agent")).add(staff("sam", "supervisor"));
    gateway = new TestGateway(dir, Duration.ofSeconds(30), 4, new JsonObject().put("agents", agents));
    ada = new AgentClient(gateway.vertx, gateway.port()).signedIn("ada");
  }

  @AfterEach
  void stop() {
    ada.close();
    gateway.close();
  }

  private AgentClient as(String username) {
    return new AgentClient(gateway.vertx, gateway.port()).signedIn(username);
  }

  private JsonObject account(String username) {
    return ada.get("/api/admin/accounts").bodyAsJsonObject().getJsonArray("accounts").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("username").equals(username)).findFirst().orElseThrow();
  }

  private static JsonObject edited(JsonObject account) {
    JsonObject out = account.copy();
    for (String f : List.of("username", "createdAt", "createdBy", "changedAt", "changedBy")) out.remove(f);
    return out;
  }

  private List<AuditEvent> audit(String action) {
    return gateway.store().auditTrail(Optional.empty(), 1000).await().stream().filter(e -> e.action().equals(action)).toList();
  }

  @Test
  void anAgentOrASupervisorIsRefusedEveryAdminRouteAlikeWhetherTheAccountExistsOrNot() {
    for (String who : List.of("maria", "sam")) {
      AgentClient c = as(who);
      List<HttpResponse<Buffer>> answers = List.of(c.get("/api/admin/accounts"), c.post("/api/admin/accounts", new JsonObject().put("username", "x").put("role", "admin")),
          c.put("/api/admin/accounts/bea", edited(account("bea"))), c.put("/api/admin/accounts/nobody", edited(account("bea"))),
          c.post("/api/admin/accounts/bea/password", new JsonObject()), c.post("/api/admin/accounts/nobody/password", new JsonObject()),
          c.get("/api/admin/categories"), c.put("/api/admin/categories", new JsonObject().put("categories", new JsonArray().add("X"))), c.get("/api/admin/queues"));
      for (HttpResponse<Buffer> r : answers) {
        assertEquals(403, r.statusCode(), who + ": " + r.bodyAsString());
        assertEquals(answers.get(0).bodyAsString(), r.bodyAsString(), "the same refusal everywhere: nothing learned about which accounts exist");
      }
      c.close();
    }
    assertEquals(401, new AgentClient(gateway.vertx, gateway.port()).get("/api/admin/accounts").statusCode());
    assertEquals(List.of(), audit("account_create"));
  }

  @Test
  void aSupervisorCannotMakeThemselvesAnAdministrator() {
    AgentClient sam = as("sam");
    JsonObject promote = edited(account("sam")).put("role", "admin");
    assertEquals(403, sam.put("/api/admin/accounts/sam", promote).statusCode());
    assertEquals("supervisor", gateway.store().administration().account("sam").await().orElseThrow().role());
    assertFalse(sam.get("/api/me").bodyAsJsonObject().getJsonArray("permissions").contains("administer"));
    sam.close();
  }

  @Test
  void aCreatedAccountsPasswordIsShownOnceAndNoAnswerEverCarriesAHash() {
    HttpResponse<Buffer> made = ada.post("/api/admin/accounts", new JsonObject().put("username", "lee").put("displayName", "Lee").put("role", "agent")
        .put("grants", new JsonArray().add("directory-editor")));
    assertEquals(201, made.statusCode(), made.bodyAsString());
    String password = made.bodyAsJsonObject().getString("password");
    assertEquals(409, ada.post("/api/admin/accounts", new JsonObject().put("username", "lee").put("role", "admin")).statusCode(), "the name is taken");

    AgentClient lee = new AgentClient(gateway.vertx, gateway.port());
    HttpResponse<Buffer> signIn = lee.signIn("lee", password);
    assertEquals(200, signIn.statusCode());
    JsonObject me = lee.get("/api/me").bodyAsJsonObject();
    assertEquals(new JsonArray().add("edit_directory"), me.getJsonArray("permissions"), "an agent with the directory editor grant");

    for (HttpResponse<Buffer> r : List.of(made, signIn, lee.get("/api/me"), ada.get("/api/admin/accounts"), ada.put("/api/admin/accounts/lee", edited(account("lee"))),
        ada.post("/api/admin/accounts/lee/password", new JsonObject()))) {
      assertFalse(r.bodyAsString().contains("pbkdf2"), "no hash in " + r.bodyAsString());
      assertFalse(r.bodyAsString().contains("passwordHash"));
    }
    AuditEvent created = audit("account_create").get(0);
    assertEquals("ada", created.actor());
    assertEquals("lee: new account, agent + directory-editor", created.detail());
    assertFalse(audit("account_create").toString().contains(password), "the password is never logged");
    lee.close();
  }

  @Test
  void disablingAnAccountEndsItsSessionsAndItsSignInFailsLikeAWrongPassword() {
    AgentClient maria = as("maria");
    assertEquals(200, maria.get("/api/me").statusCode());
    HttpResponse<Buffer> disabled = ada.put("/api/admin/accounts/maria", edited(account("maria")).put("disabled", true));
    assertEquals(200, disabled.statusCode(), disabled.bodyAsString());
    assertEquals(401, maria.get("/api/me").statusCode(), "her session ended");

    HttpResponse<Buffer> right = new AgentClient(gateway.vertx, gateway.port()).signIn("maria", TestGateway.PASSWORD);
    HttpResponse<Buffer> wrong = new AgentClient(gateway.vertx, gateway.port()).signIn("nobody", "guess");
    assertEquals(401, right.statusCode());
    assertEquals(wrong.bodyAsString(), right.bodyAsString(), "a disabled account looks like no account");
    assertTrue(audit("account_change").stream().anyMatch(e -> e.actor().equals("ada") && e.detail().equals("maria: agent -> agent, disabled (sessions ended)")));
    maria.close();
  }

  @Test
  void aRoleChangeEndsTheSessionSoTheOldRoleIsNeverUsedAgain() {
    AgentClient sam = as("sam");
    assertEquals(200, sam.get("/api/audit").statusCode(), "a supervisor reads the audit log");
    assertEquals(200, ada.put("/api/admin/accounts/sam", edited(account("sam")).put("role", "agent")).statusCode());
    assertEquals(401, sam.get("/api/audit").statusCode(), "the session that was a supervisor's is gone");
    sam.signedIn("sam");
    assertEquals(403, sam.get("/api/audit").statusCode());
    assertEquals("agent", sam.get("/api/me").bodyAsJsonObject().getString("role"));
    sam.close();
  }

  @Test
  void aForgedOrStolenLookingSessionCookieGetsNothing() {
    AgentClient forged = new AgentClient(gateway.vertx, gateway.port()).withCookie("accessline_session=" + "A".repeat(43));
    assertEquals(401, forged.get("/api/admin/accounts").statusCode());
    assertEquals(401, forged.get("/api/me").statusCode());
    forged.close();
  }

  @Test
  void anAdministratorCannotLockThemselvesOutAndAStaleEditChangesNothing() {
    HttpResponse<Buffer> self = ada.put("/api/admin/accounts/ada", edited(account("ada")).put("disabled", true));
    assertEquals(409, self.statusCode());
    assertEquals("own_account", self.bodyAsJsonObject().getString("error"));
    assertEquals("own_account", ada.put("/api/admin/accounts/ada", edited(account("ada")).put("role", "supervisor")).bodyAsJsonObject().getString("error"));

    JsonObject bea = edited(account("bea"));
    assertEquals(200, ada.put("/api/admin/accounts/bea", bea.copy().put("displayName", "Bea B.")).statusCode());
    HttpResponse<Buffer> stale = ada.put("/api/admin/accounts/bea", bea.copy().put("role", "agent"));
    assertEquals(409, stale.statusCode());
    assertEquals("stale", stale.bodyAsJsonObject().getString("error"));
    assertEquals(StaffAccount.ADMIN, gateway.store().administration().account("bea").await().orElseThrow().role());
    assertEquals(404, ada.put("/api/admin/accounts/nobody", bea).statusCode());
    assertEquals(400, ada.put("/api/admin/accounts/bea", edited(account("bea")).put("passwordHash", HASH)).statusCode(), "no hash set through the API");
  }

  @Test
  void aPasswordResetShowsTheNewOneOnceEndsSessionsAndTheOldOneStopsWorking() {
    AgentClient maria = as("maria");
    HttpResponse<Buffer> reset = ada.post("/api/admin/accounts/maria/password", new JsonObject());
    assertEquals(200, reset.statusCode(), reset.bodyAsString());
    assertEquals(401, maria.get("/api/me").statusCode());
    assertEquals(401, new AgentClient(gateway.vertx, gateway.port()).signIn("maria", TestGateway.PASSWORD).statusCode());
    assertEquals(200, new AgentClient(gateway.vertx, gateway.port()).signIn("maria", reset.bodyAsJsonObject().getString("password")).statusCode());
    assertEquals(1, audit("password_reset").size());
    maria.close();
  }

  @Test
  void anotherSitesPageCannotChangeAccountsWithAnAdministratorsCookie() {
    JsonObject body = new JsonObject().put("username", "mallory").put("role", "admin");
    HttpResponse<Buffer> origin = ada.request(HttpMethod.POST, "/api/admin/accounts").putHeader("Origin", "http://evil.example").sendJsonObject(body).await();
    assertEquals(403, origin.statusCode());
    HttpResponse<Buffer> site = ada.request(HttpMethod.POST, "/api/admin/accounts").putHeader("Sec-Fetch-Site", "cross-site").sendJsonObject(body).await();
    assertEquals(403, site.statusCode());
    HttpResponse<Buffer> form = ada.request(HttpMethod.POST, "/api/admin/accounts").putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer(body.encode())).await();
    assertEquals(415, form.statusCode());
    HttpResponse<Buffer> reset = ada.request(HttpMethod.POST, "/api/admin/accounts/maria/password").putHeader("Sec-Fetch-Site", "same-site").send().await();
    assertEquals(403, reset.statusCode());
    HttpResponse<Buffer> read = ada.request(HttpMethod.GET, "/api/admin/accounts").putHeader("Sec-Fetch-Site", "cross-site").send().await();
    assertEquals(403, read.statusCode(), "another site cannot read the account list either");
    assertTrue(gateway.store().administration().account("mallory").await().isEmpty());
    assertEquals(List.of(), audit("password_reset"));
  }

  @Test
  void categoriesAreKeptByAdministratorsAndFilingUsesTheNewList() {
    HttpResponse<Buffer> bad = ada.put("/api/admin/categories", new JsonObject().put("categories", new JsonArray().add("Noise").add("noise")));
    assertEquals(400, bad.statusCode());
    HttpResponse<Buffer> saved = ada.put("/api/admin/categories", new JsonObject().put("categories", new JsonArray().add("Noise").add("Potholes")));
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    AgentClient maria = as("maria");
    long deadline = System.currentTimeMillis() + 5_000;
    JsonArray seen = null;
    while (System.currentTimeMillis() < deadline) {
      seen = maria.get("/api/categories").bodyAsJsonObject().getJsonArray("categories");
      if (seen.size() == 2) break;
    }
    assertEquals(new JsonArray().add("Noise").add("Potholes"), seen);
    assertEquals(1, audit("categories_change").size());
    JsonObject queues = ada.get("/api/admin/queues").bodyAsJsonObject();
    assertEquals(false, queues.getBoolean("editable"));
    assertTrue(queues.getString("why").contains("routing.queues"));
    maria.close();
  }
}
