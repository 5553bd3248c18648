package org.accessline.web.cluster;

import static org.accessline.web.support.SmsTexts.CENTER_NUMBER;
import static org.accessline.web.support.SmsTexts.INBOUND;
import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.StaleOwnerException;
import org.accessline.transcripts.postgres.TestPostgres;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioApi;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, the first owning the conversations: Twilio's webhooks landing on the others are carried
 * out by the owner and stored once, however many nodes a retried text reaches; the reply goes out
 * once; and an epoch that was taken over can no longer write.
 */
class ForwardedWebhookIT {
  private static final String RESIDENT = "+15550007777";
  @TempDir Path dir;

  @BeforeEach
  void requireServer() {
    TestPostgres.require();
  }

  @Test
  void aTextLandingOnNodesThatDoNotOwnItIsStoredOnceAndAnsweredOnce() {
    Vertx apiVertx = Vertx.vertx();
    FakeTwilioApi twilio = new FakeTwilioApi(apiVertx);
    JsonObject options = TwilioWebhookClient.gatewayOptions(new JsonObject().put("smsFrom", CENTER_NUMBER).put("apiBaseUrl", twilio.baseUrl()));
    try (TestCluster cluster = new TestCluster(dir, 3, json -> json.mergeIn(options))) {
      TestCluster.Node a = cluster.start(0);
      long first = cluster.awaitOwner("node-0");
      TestCluster.Node b = cluster.start(1);
      TestCluster.Node c = cluster.start(2);
      try (AgentClient maria = new AgentClient(c.vertx(), c.port()).signedIn("maria").available();
          TwilioWebhookClient toB = new TwilioWebhookClient(b.vertx(), b.port()); TwilioWebhookClient toC = new TwilioWebhookClient(c.vertx(), c.port())) {
        String sid = String.format("SM%032x", 42);
        assertEquals(200, toB.post(INBOUND, text(sid, RESIDENT, "Is the pool open tonight?")).statusCode());
        // Twilio's retry of the same text reaches another node that does not own it either.
        assertEquals(200, toC.post(INBOUND, text(sid, RESIDENT, "Is the pool open tonight?")).statusCode());
        String conversation = maria.awaitAssignment();
        assertEquals(List.of("Is the pool open tonight?"), maria.residentMessages(conversation));
        assertEquals(201, maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Until 9 pm.").put("clientId", "c1"))
            .statusCode());
        long deadline = System.currentTimeMillis() + 10_000;
        while (twilio.sent().isEmpty() && System.currentTimeMillis() < deadline) TestCluster.sleep(50);
        TestCluster.sleep(300);
        assertEquals(1, twilio.sent().size(), "the reply is sent once, by the owner");
        assertEquals("Until 9 pm.", twilio.sent().get(0).fields().get("Body"));

        // The owner's epoch, once another claim outdates it, writes nothing.
        long later = a.app().store().claimOwnership(org.accessline.gateway.store.OwnerClaim.outright("elsewhere")).await();
        ConversationId id = ConversationId.random();
        Entry opened = new Entry(id, 1, Instant.now(), Participant.SYSTEM, new ConversationEvent.Opened(new org.accessline.gateway.conversation.Contact(
            org.accessline.gateway.conversation.Channel.SMS, RESIDENT)), Optional.empty());
        assertInstanceOf(StaleOwnerException.class, assertThrows(RuntimeException.class, () -> a.app().store().append(List.of(opened), first).await()));
        assertEquals(List.of(), a.app().store().entries(id, 0).await());
        assertEquals(first + 1, later);
      }
    } finally {
      twilio.close();
      apiVertx.close().await();
    }
  }
}
