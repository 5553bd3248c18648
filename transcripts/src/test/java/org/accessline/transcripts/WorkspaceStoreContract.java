package org.accessline.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.CannedReplies;
import org.accessline.gateway.store.CannedReply;
import org.accessline.gateway.store.EarlierRecord;
import org.junit.jupiter.api.Test;

/** What the agent's workspace keeps in the store, the same on every backend: canned replies, and a resident's records across channels. */
public abstract class WorkspaceStoreContract extends InteractionStoreContract {

  private static CannedReply reply(CannedReply.Scope scope, String owner, String shortcut, String title) {
    return new CannedReply(UUID.randomUUID().toString(), scope, Optional.ofNullable(owner), title, shortcut, "Hello {resident}, this is {center}.",
        Optional.of("HELLO GA"), Instant.parse("2026-11-22T10:00:00.123Z"), owner == null ? "sam" : owner);
  }

  @Test
  void cannedRepliesAreSharedOrAnAgentsOwnAndSurviveReopening() {
    CannedReplies replies = store.cannedReplies();
    CannedReply shared = reply(CannedReply.Scope.SHARED, null, "hours", "Opening hours");
    CannedReply mine = reply(CannedReply.Scope.PERSONAL, "maria", "thanks", "Thank you");
    CannedReply theirs = reply(CannedReply.Scope.PERSONAL, "ken", "thanks", "Thanks from Ken");
    replies.save(shared).await();
    replies.save(mine).await();
    replies.save(theirs).await();
    store.close().await();
    store = openStore();
    replies = store.cannedReplies();

    assertEquals(List.of(shared, mine), replies.visibleTo("maria").await(), "by title; another agent's own are not seen");
    assertEquals(List.of(shared, theirs), replies.visibleTo("ken").await());
    assertEquals(Optional.of(mine), replies.find(mine.id()).await());
    assertEquals(1, replies.countOwnedBy("maria").await());
    assertEquals(0, replies.countOwnedBy("sam").await());

    CannedReply changed = new CannedReply(mine.id(), mine.scope(), mine.owner(), "Thanks again", "ty", "Thank you, {resident}.", Optional.empty(),
        mine.updatedAt().plusSeconds(60), "maria");
    replies.save(changed).await();
    assertEquals(Optional.of(changed), replies.find(mine.id()).await());

    assertEquals(true, replies.delete(mine.id()).await());
    assertEquals(false, replies.delete(mine.id()).await());
    assertEquals(List.of(shared), replies.visibleTo("maria").await());
    assertEquals(Optional.empty(), replies.find(UUID.randomUUID().toString()).await());
  }

  @Test
  void aShortcutIsUniqueWithinItsSetAndAClashChangesNothing() {
    CannedReplies replies = store.cannedReplies();
    replies.save(reply(CannedReply.Scope.SHARED, null, "hours", "Opening hours")).await();
    CannedReply clash = reply(CannedReply.Scope.SHARED, null, "hours", "Hours again");
    CompletionException e = assertThrows(CompletionException.class, () -> replies.save(clash).toCompletionStage().toCompletableFuture().join());
    assertInstanceOf(CannedReplies.ShortcutTaken.class, e.getCause());
    assertEquals(Optional.empty(), replies.find(clash.id()).await());
    replies.save(reply(CannedReply.Scope.PERSONAL, "maria", "hours", "My hours")).await();
    assertEquals(2, replies.visibleTo("maria").await().size(), "a personal set is apart from the shared one in the store; the API keeps them apart for the agent");
  }

  private ConversationId opened(Contact contact, Instant at, String agent, Optional<String> disposition, Optional<String> category) {
    ConversationId id = ConversationId.random();
    Participant resident = Participant.resident(contact);
    List<Entry> entries = new java.util.ArrayList<>(List.of(
        new Entry(id, 1, at, resident, new ConversationEvent.Opened(contact), Optional.empty()),
        new Entry(id, 2, at, Participant.SYSTEM, new ConversationEvent.Queued(at, "waiting"), Optional.empty()),
        new Entry(id, 3, at.plusSeconds(5), Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId(agent), agent.toUpperCase()), Optional.empty())));
    category.ifPresent(c -> entries.add(new Entry(id, entries.size() + 1, at.plusSeconds(30), Participant.agent(new AgentId(agent), agent),
        new ConversationEvent.DetailsSet(Optional.of(c), List.of("ward 3"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()), Optional.empty())));
    disposition.ifPresent(d -> entries.add(new Entry(id, entries.size() + 1, at.plusSeconds(60), Participant.SYSTEM, new ConversationEvent.Resolved(d),
        Optional.empty())));
    store.append(entries).await();
    return id;
  }

  @Test
  void aResidentsRecordsOnEveryChannelComeNewestFirstWithTheirDetailsAndAgents() {
    String number = "+15550007777";
    ConversationId bySms = opened(new Contact(Channel.SMS, number), T0, "maria", Optional.of("Information provided"), Optional.of("Streets"));
    ConversationId byTty = opened(new Contact(Channel.TTY, number), T0.plusSeconds(600), "ken", Optional.of("Service request created"), Optional.empty());
    ConversationId open = opened(new Contact(Channel.RELAY, number), T0.plusSeconds(1200), "maria", Optional.empty(), Optional.empty());
    opened(new Contact(Channel.SMS, "+15550008888"), T0.plusSeconds(300), "maria", Optional.empty(), Optional.empty());
    opened(new Contact(Channel.WEBCHAT, number), T0.plusSeconds(900), "maria", Optional.empty(), Optional.empty());

    List<Contact> samePerson = List.of(new Contact(Channel.SMS, number), new Contact(Channel.TTY, number), new Contact(Channel.RELAY, number));
    List<EarlierRecord> found = store.earlierRecords(samePerson, 10).await();
    assertEquals(List.of(open, byTty, bySms), found.stream().map(EarlierRecord::id).toList());
    EarlierRecord sms = found.get(2);
    assertEquals(Channel.SMS, sms.channel());
    assertEquals(T0, sms.opened());
    assertEquals(Optional.of(T0.plusSeconds(60)), sms.resolved());
    assertEquals(Optional.of("Information provided"), sms.disposition());
    assertEquals(Optional.of("Streets"), sms.category());
    assertEquals(List.of("ward 3"), sms.tags());
    assertEquals(List.of("MARIA"), sms.agentNames());
    assertEquals(List.of("KEN"), found.get(1).agentNames());
    assertEquals(Optional.empty(), found.get(0).resolved());
    assertEquals(List.of(), found.get(0).tags());
    assertEquals(2, store.earlierRecords(samePerson, 2).await().size());
    assertEquals(List.of(), store.earlierRecords(List.of(), 10).await());
  }

  @Test
  void aServiceRequestIsReplacedOnlyFromWhatWasRead() {
    org.accessline.gateway.store.ServiceRequests requests = store.serviceRequests();
    Instant at = Instant.parse("2026-11-22T10:00:00.123Z");
    org.accessline.gateway.store.ServiceRequest kept = new org.accessline.gateway.store.ServiceRequest(UUID.randomUUID().toString(), ConversationId.random(),
        "POTHOLE", "Pothole", "{}", org.accessline.gateway.store.ServiceRequest.State.SENDING, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), "", 0, at, Optional.empty(), "maria", at, at);
    requests.save(kept).await();
    org.accessline.gateway.store.ServiceRequest read = requests.find(kept.id()).await().orElseThrow();
    org.accessline.gateway.store.ServiceRequest claimed = read.with(read.state(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", 1,
        at.plusSeconds(50), Optional.empty(), at.plusSeconds(1));
    assertTrue(requests.replace(read, claimed).await());
    assertFalse(requests.replace(read, claimed).await(), "a second node working from the same read loses");
    org.accessline.gateway.store.ServiceRequest open = claimed.with(org.accessline.gateway.store.ServiceRequest.State.OPEN, Optional.empty(), Optional.of("SR-1"),
        Optional.of("open"), Optional.empty(), "", 0, at.plusSeconds(60), Optional.empty(), at.plusSeconds(2));
    assertTrue(requests.replace(claimed, open).await(), "the claim's holder keeps its outcome");
    assertEquals(Optional.of(open), requests.find(kept.id()).await());
    assertFalse(requests.replace(claimed, claimed).await());
  }

  @Test
  void serviceRequestsAreKeptUntilTakenThenFollowedAndSurviveReopening() {
    org.accessline.gateway.store.ServiceRequests requests = store.serviceRequests();
    ConversationId conversation = ConversationId.random();
    Instant at = Instant.parse("2026-11-22T10:00:00.123Z");
    org.accessline.gateway.store.ServiceRequest kept = new org.accessline.gateway.store.ServiceRequest(UUID.randomUUID().toString(), conversation, "POTHOLE",
        "Pothole", "{\"description\":\"Deep hole\"}", org.accessline.gateway.store.ServiceRequest.State.SENDING, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), "", 0, at, Optional.empty(), "maria", at, at);
    org.accessline.gateway.store.ServiceRequest later = new org.accessline.gateway.store.ServiceRequest(UUID.randomUUID().toString(), conversation, "GRAFFITI",
        "Graffiti", "{}", org.accessline.gateway.store.ServiceRequest.State.SENDING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", 0,
        at.plusSeconds(600), Optional.empty(), "maria", at.plusSeconds(1), at.plusSeconds(1));
    requests.save(kept).await();
    requests.save(later).await();
    store.close().await();
    store = openStore();
    requests = store.serviceRequests();

    assertEquals(List.of(kept, later), requests.forConversation(conversation).await(), "oldest first");
    assertEquals(List.of(kept), requests.due(at.plusSeconds(1), 10).await(), "only what is due");
    assertEquals(List.of(), requests.forConversation(ConversationId.random()).await());

    org.accessline.gateway.store.ServiceRequest retried = kept.with(org.accessline.gateway.store.ServiceRequest.State.SENDING, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), "", 1, at.plusSeconds(30), Optional.of("the endpoint did not answer"), at.plusSeconds(2));
    requests.save(retried).await();
    assertEquals(Optional.of(retried), requests.find(kept.id()).await());
    assertEquals(List.of(), requests.due(at.plusSeconds(29), 10).await(), "a retry waits its back-off");

    org.accessline.gateway.store.ServiceRequest open = retried.with(org.accessline.gateway.store.ServiceRequest.State.OPEN, Optional.of("tok-1"), Optional.of("SR-77"),
        Optional.of("open"), Optional.of("Crew assigned"), "", 0, at.plusSeconds(60), Optional.empty(), at.plusSeconds(3));
    requests.save(open).await();
    org.accessline.gateway.store.ServiceRequest refused = later.with(org.accessline.gateway.store.ServiceRequest.State.REJECTED, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), "[{\"code\":\"400\",\"description\":\"WHERE is required\",\"field\":\"WHERE\"}]", 1, at.plusSeconds(600),
        Optional.empty(), at.plusSeconds(4));
    requests.save(refused).await();
    assertEquals(List.of(open), requests.due(at.plusSeconds(3600), 10).await(), "a refused request is no longer worked");
    assertEquals(List.of(open, refused), requests.forConversation(conversation).await());
    assertEquals(Optional.empty(), requests.find(UUID.randomUUID().toString()).await());
  }

  @Test
  void aPurgedRecordsServiceRequestsGoWithItAndOthersStay() {
    ConversationId old = recorded(CONTACT, T0, "pothole at 1 Main St", "maria", "Information provided");
    ConversationId recent = recorded(CONTACT, T0.plusSeconds(86_400 * 30), "pothole at 2 Main St", "maria", "Information provided");
    Instant at = Instant.parse("2026-11-22T10:00:00.123Z");
    for (ConversationId c : List.of(old, recent)) {
      store.serviceRequests().save(new org.accessline.gateway.store.ServiceRequest(UUID.randomUUID().toString(), c, "POTHOLE", "Pothole",
          "{\"address_string\":\"1 Main St\"}", org.accessline.gateway.store.ServiceRequest.State.CLOSED, Optional.empty(), Optional.of("SR-1"),
          Optional.of("closed"), Optional.empty(), "", 0, at, Optional.empty(), "maria", at, at)).await();
    }
    assertEquals(1, store.purge(T0.plusSeconds(86_400), T0.plusSeconds(86_400 * 31)).await());
    assertEquals(List.of(), store.serviceRequests().forConversation(old).await(), "what the resident said and where goes with the record");
    assertEquals(1, store.serviceRequests().forConversation(recent).await().size());
  }
}
