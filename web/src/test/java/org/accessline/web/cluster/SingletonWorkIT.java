package org.accessline.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.accessline.channels.tty.StreamTokens;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.channels.tty.TtyIntakeSettings;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpChannel;
import org.accessline.gateway.followup.FollowUpState;
import org.accessline.gateway.followup.Owner;
import org.accessline.gateway.store.ServiceRequest;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.followups.FollowUpScheduler;
import org.accessline.web.open311.FakeGeoReport;
import org.accessline.web.staff.StaffFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work done by one node at a time in a cluster: follow-up reminders and the service-request outbox
 * run on the node holding their lease, each reminder and request is claimed in the store, and a
 * survivor takes the work over when the holder is lost. Also: the stream of an outbound call may
 * reach another node than the one that placed it.
 */
class SingletonWorkIT {
  @TempDir
  Path dir;

  @Test
  void aDueFollowUpIsRemindedOnceAndAfterTheHolderIsLostTheSurvivorRemindsTheNext() {
    try (TestCluster cluster = new TestCluster(dir, 2, json -> json)) {
      TestCluster.Node a = cluster.start(0);
      TestCluster.sleep(1_000);
      TestCluster.Node b = cluster.start(1);
      List<String> reminders = new CopyOnWriteArrayList<>();
      // A publish from either node reaches this one consumer once.
      b.vertx().eventBus().<JsonObject>consumer(StaffFrames.to(new AgentId("maria")), m -> {
        if ("follow-up-due".equals(m.body().getString("type"))) reminders.add(m.body().getString("followUpId"));
      }).completion().await();

      FollowUp first = followUp(Instant.now().plusSeconds(2));
      assertTrue(b.app().store().followUps().create(first).await());
      FollowUpScheduler.changed(b.vertx(), first.id());
      await(() -> reminders.contains(first.id()), 30_000, "the due follow-up was never reminded");
      TestCluster.sleep(3_000);
      assertEquals(List.of(first.id()), reminders, "reminded once, by one node");
      assertEquals(List.of("node-0"), claimants(cluster, first.id()), "the node that started first holds the lease");

      a.loseClusterAbruptly();
      cluster.closeLost(a);
      FollowUp next = followUp(Instant.now().plusSeconds(1));
      assertTrue(b.app().store().followUps().create(next).await());
      FollowUpScheduler.changed(b.vertx(), next.id());
      await(() -> reminders.contains(next.id()), 60_000, "the survivor never reminded the next follow-up");
      TestCluster.sleep(2_000);
      assertEquals(List.of(first.id(), next.id()), reminders);
      assertEquals(List.of("node-1"), claimants(cluster, next.id()));
    }
  }

  @Test
  void aStoppedHolderHandsTheSchedulerOnAndTheOtherNodeRemindsTheNextFollowUp() {
    try (TestCluster cluster = new TestCluster(dir, 2, json -> json)) {
      TestCluster.Node a = cluster.start(0);
      TestCluster.sleep(1_000);
      TestCluster.Node b = cluster.start(1);
      List<String> reminders = new CopyOnWriteArrayList<>();
      b.vertx().eventBus().<JsonObject>consumer(StaffFrames.to(new AgentId("maria")), m -> {
        if ("follow-up-due".equals(m.body().getString("type"))) reminders.add(m.body().getString("followUpId"));
      }).completion().await();
      cluster.stopGracefully(a);
      FollowUp next = followUp(Instant.now().plusSeconds(1));
      assertTrue(b.app().store().followUps().create(next).await());
      FollowUpScheduler.changed(b.vertx(), next.id());
      await(() -> reminders.contains(next.id()), 30_000, "the node left running never reminded the follow-up");
      TestCluster.sleep(2_000);
      assertEquals(List.of(next.id()), reminders);
      assertEquals(List.of("node-1"), claimants(cluster, next.id()));
    }
  }

  @Test
  void aServiceRequestIsSentOnceWithTwoNodesAndOnceAcrossTheHoldersLossMidSend() {
    Vertx cityVertx = Vertx.vertx();
    FakeGeoReport city = new FakeGeoReport(cityVertx);
    city.start();
    JsonObject open311 = new JsonObject().put("baseUrl", city.baseUrl()).put("apiKey", FakeGeoReport.API_KEY).put("format", "json").put("pollSeconds", 0.2)
        .put("firstRetryMillis", 200).put("longestRetrySeconds", 1).put("connectTimeoutMillis", 500).put("answerTimeoutMillis", 5_000);
    try (TestCluster cluster = new TestCluster(dir, 2, json -> json.put("open311", open311))) {
      TestCluster.Node a = cluster.start(0);
      TestCluster.sleep(1_000);
      TestCluster.Node b = cluster.start(1);
      ConversationId conversation = ConversationId.random();
      ServiceRequest first = request(conversation);
      b.app().store().serviceRequests().save(first).await();
      ServiceRequest opened = awaitState(b, first.id(), ServiceRequest.State.OPEN, 30_000);
      assertEquals(1, city.posts().size(), "sent once though two nodes run");
      assertEquals(Optional.of(only(city.requests().keySet())), opened.serviceRequestId());

      // The holder sends, the city takes the request, and the holder is lost before the answer comes.
      city.answerAfter(Duration.ofSeconds(3));
      ServiceRequest second = request(conversation);
      b.app().store().serviceRequests().save(second).await();
      await(() -> city.posts().size() == 2, 30_000, "the holder never sent the second request");
      a.loseClusterAbruptly();
      cluster.closeLost(a);
      ServiceRequest found = awaitState(b, second.id(), ServiceRequest.State.OPEN, 90_000);
      assertEquals(2, city.requests().size(), "the city holds each request once");
      assertEquals(2, city.posts().size(), "the survivor found the request at the city rather than sending it again");
      assertTrue(city.requests().get(found.serviceRequestId().orElseThrow()).getString("description").contains(second.id()));
    } finally {
      city.stop();
      cityVertx.close().await();
    }
  }

  @Test
  void anOutboundCallsStreamReachingAnotherNodeIsAccepted() {
    String name = "accessline-test-" + UUID.randomUUID().toString().substring(0, 8);
    int[] ports = {TestCluster.freePort(), TestCluster.freePort()};
    JsonArray members = new JsonArray().add("127.0.0.1:" + ports[0]).add("127.0.0.1:" + ports[1]);
    Vertx one = null;
    Vertx two = null;
    try {
      one = ClusterNode.join(settings(name, members, ports[0])).await();
      two = ClusterNode.join(settings(name, members, ports[1])).await();
      TtyCalls placing = new TtyCalls(TtyIntakeSettings.defaults(), System::currentTimeMillis);
      TtyCalls streaming = new TtyCalls(TtyIntakeSettings.defaults(), System::currentTimeMillis);
      one.deployVerticle(new CallStreams(placing, null, null, null, Duration.ofSeconds(90))).await();
      two.deployVerticle(new CallStreams(streaming, null, null, null, Duration.ofSeconds(90))).await();
      StreamTokens.Outbound outbound = new StreamTokens.Outbound(ConversationId.random().value(), "+15551230001", "HELLO THIS IS THE CITY GA");
      String token = placing.streamTokens().issueOutbound(outbound);

      StreamTokens.Claim claim = streaming.streamTokens().claim("CA-placed", token);
      long deadline = System.currentTimeMillis() + 20_000;
      while (claim instanceof StreamTokens.Claim.NotYetShared && System.currentTimeMillis() < deadline) {
        TestCluster.sleep(50);
        claim = streaming.streamTokens().claim("CA-placed", token);
      }
      StreamTokens.Claim.Granted granted = assertInstanceOf(StreamTokens.Claim.Granted.class, claim);
      assertEquals(Optional.of(outbound), granted.outbound(), "the other node knows what the call carries");
      await(() -> placing.streamTokens().answered("CA-placed"), 20_000,
          "the call's stream was not known as claimed on the node that placed it");
      TestCluster.sleep(500);
      assertTrue(!(placing.streamTokens().claim("CA-other", token) instanceof StreamTokens.Claim.Granted), "the token is spent on the node that placed the call");
      assertTrue(!(streaming.streamTokens().claim("CA-other", token) instanceof StreamTokens.Claim.Granted), "and where it was used");
    } finally {
      if (two != null) two.close().await();
      if (one != null) one.close().await();
    }
  }

  private static org.accessline.web.config.ClusterSettings settings(String name, JsonArray members, int port) {
    JsonObject json = new JsonObject().put("store", new JsonObject().put("url", org.accessline.transcripts.postgres.TestPostgres.URI)).put("cluster", new JsonObject().put("enabled", true).put("name", name).put("members", members).put("host", "127.0.0.1")
        .put("port", port).put("heartbeatSeconds", 1).put("memberTimeoutSeconds", 4));
    return AccesslineConfig.fromJson(json, Map.of()).cluster();
  }

  private static FollowUp followUp(Instant due) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant at = due.truncatedTo(ChronoUnit.MILLIS);
    return new FollowUp(UUID.randomUUID().toString(), ConversationId.random(), Optional.empty(), FollowUpChannel.TASK, Owner.agent("maria"), at,
        "Call back about the pothole", FollowUpState.SCHEDULED, 0, Optional.empty(), at, Optional.empty(), now, "maria", now);
  }

  private static ServiceRequest request(ConversationId conversation) {
    String id = UUID.randomUUID().toString();
    JsonObject fields = new JsonObject().put("service_code", "POTHOLE").put("description", "Huge pothole [ref " + id + "]").put("address_string", "1200 W Elm St")
        .put("attribute[WHERE]", "street");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new ServiceRequest(id, conversation, "POTHOLE", "Pothole", fields.encode(), ServiceRequest.State.SENDING, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), "", 0, now, Optional.empty(), "maria", now, now);
  }

  private static ServiceRequest awaitState(TestCluster.Node node, String id, ServiceRequest.State state, long withinMillis) {
    long deadline = System.currentTimeMillis() + withinMillis;
    ServiceRequest last = null;
    while (System.currentTimeMillis() < deadline) {
      last = node.app().store().serviceRequests().find(id).await().orElse(null);
      if (last != null && last.state() == state) return last;
      TestCluster.sleep(100);
    }
    throw new AssertionError("the request never got to " + state + ": " + last);
  }

  private static List<String> claimants(TestCluster cluster, String followUpId) {
    return cluster.query("SELECT claimed_by FROM follow_up_notices WHERE follow_up_id = '" + followUpId + "' AND phase = 'due'");
  }

  private static String only(java.util.Set<String> ids) {
    assertEquals(1, ids.size(), ids.toString());
    return ids.iterator().next();
  }

  private static void await(BooleanSupplier done, long withinMillis, String failure) {
    long deadline = System.currentTimeMillis() + withinMillis;
    while (System.currentTimeMillis() < deadline) {
      if (done.getAsBoolean()) return;
      TestCluster.sleep(50);
    }
    throw new AssertionError(failure);
  }
}
