package org.accessline.web.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.RecordQuery;
import org.junit.jupiter.api.Test;

/** The records access rule, decided without a server. */
class NeedToKnowTest {
  private static final AgentId MARIA = new AgentId("maria");
  private static final AgentId LEE = new AgentId("lee");
  private static final Contact RESIDENT = new Contact(Channel.SMS, "+15550001111");
  private static final ConversationId LIVE = ConversationId.random();
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  private static NeedToKnow.Viewer agent(AgentId id, Set<ConversationId> holding, Set<ConversationId> offered, Set<String> addresses) {
    return new NeedToKnow.Viewer(id, false, holding, offered, addresses);
  }

  private static final NeedToKnow.Viewer IDLE_LEE = agent(LEE, Set.of(), Set.of(), Set.of());
  private static final NeedToKnow.Viewer SUPERVISOR = new NeedToKnow.Viewer(new AgentId("sam"), true, Set.of(), Set.of(), Set.of());

  /** Opened, assigned to {@code holder}, a message, a whisper, then handed to {@code next} who gets a second whisper. */
  private static List<Entry> record(ConversationId id, Contact contact, AgentId holder, AgentId next) {
    Participant sam = Participant.supervisor(new AgentId("sam"), "Sam");
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(id, 1, T, Participant.resident(contact), new ConversationEvent.Opened(contact), Optional.empty()));
    entries.add(new Entry(id, 2, T, Participant.SYSTEM, new ConversationEvent.Assigned(holder, "H"), Optional.empty()));
    entries.add(new Entry(id, 3, T, Participant.resident(contact), new ConversationEvent.MessagePosted("hello"), Optional.empty()));
    entries.add(new Entry(id, 4, T, sam, new ConversationEvent.Whispered("first whisper"), Optional.empty()));
    entries.add(new Entry(id, 5, T, Participant.SYSTEM, new ConversationEvent.Unassigned(holder, "transferred"), Optional.empty()));
    entries.add(new Entry(id, 6, T, Participant.SYSTEM, new ConversationEvent.Assigned(next, "N"), Optional.empty()));
    entries.add(new Entry(id, 7, T, sam, new ConversationEvent.Whispered("second whisper"), Optional.empty()));
    return entries;
  }

  @Test
  void theConsoleServesAnAgentOnlyTheConversationsTheyHoldOrAreOffered() {
    ConversationId offered = ConversationId.random();
    NeedToKnow.Viewer maria = agent(MARIA, Set.of(LIVE), Set.of(offered), Set.of(RESIDENT.address()));
    assertEquals(new NeedToKnow.Decision.Allowed(NeedToKnow.Grant.WORKING), NeedToKnow.liveEntries(maria, LIVE));
    assertEquals(new NeedToKnow.Decision.Allowed(NeedToKnow.Grant.WORKING), NeedToKnow.liveEntries(maria, offered));
    assertInstanceOf(NeedToKnow.Decision.Refused.class, NeedToKnow.liveEntries(IDLE_LEE, LIVE));
    assertEquals(new NeedToKnow.Decision.Allowed(NeedToKnow.Grant.SUPERVISOR), NeedToKnow.liveEntries(SUPERVISOR, LIVE));
    assertEquals(false, NeedToKnow.Grant.WORKING.audited());
    assertEquals(true, NeedToKnow.Grant.SUPERVISOR.audited());
  }

  @Test
  void aQualityReviewerReadsTheRecordsTheyEvaluateAndNoOthers() {
    ConversationId evaluated = ConversationId.random();
    List<Entry> theirs = record(evaluated, RESIDENT, MARIA, MARIA);
    List<Entry> another = record(ConversationId.random(), RESIDENT, MARIA, MARIA);
    NeedToKnow.Viewer reviewer = IDLE_LEE.reviewing(Set.of(evaluated));
    assertEquals(new NeedToKnow.Decision.Allowed(NeedToKnow.Grant.REVIEWING), NeedToKnow.record(reviewer, theirs));
    assertEquals(true, NeedToKnow.Grant.REVIEWING.audited());
    assertInstanceOf(NeedToKnow.Decision.Refused.class, NeedToKnow.record(reviewer, another));
    assertInstanceOf(NeedToKnow.Decision.Refused.class, NeedToKnow.search(reviewer, withAgentAndContact(Optional.of(MARIA), Optional.empty())),
        "reviewing one record is no licence to search others");
    assertEquals(Set.of(4L, 7L), NeedToKnow.withheldWhispers(reviewer, theirs), "whispers stay with supervisors and the agent they were for");
  }

  @Test
  void anAgentReadsRecordsTheyTookPartInOrOfTheResidentTheyAreWorking() {
    List<Entry> past = record(ConversationId.random(), RESIDENT, MARIA, MARIA);
    assertEquals(new NeedToKnow.Decision.Allowed(NeedToKnow.Grant.TOOK_PART), NeedToKnow.record(agent(MARIA, Set.of(), Set.of(), Set.of()), past));
    assertInstanceOf(NeedToKnow.Decision.Refused.class, NeedToKnow.record(IDLE_LEE, past));
    NeedToKnow.Viewer leeWorkingTheResident = agent(LEE, Set.of(), Set.of(LIVE), Set.of(RESIDENT.address()));
    assertEquals(new NeedToKnow.Decision.Allowed(NeedToKnow.Grant.SAME_RESIDENT), NeedToKnow.record(leeWorkingTheResident, past));
    List<Entry> someoneElse = record(ConversationId.random(), new Contact(Channel.SMS, "+15550002222"), MARIA, MARIA);
    assertInstanceOf(NeedToKnow.Decision.Refused.class, NeedToKnow.record(leeWorkingTheResident, someoneElse));
    assertEquals(new NeedToKnow.Decision.Allowed(NeedToKnow.Grant.SUPERVISOR), NeedToKnow.record(SUPERVISOR, someoneElse));
  }

  @Test
  void anAgentsSearchMustBeNarrowedToTheirOwnRecordsOrTheirResident() {
    NeedToKnow.Viewer lee = agent(LEE, Set.of(LIVE), Set.of(), Set.of(RESIDENT.address()));
    RecordQuery all = new RecordQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), 50, 0);
    assertInstanceOf(NeedToKnow.Decision.Refused.class, NeedToKnow.search(lee, all));
    assertEquals(new NeedToKnow.Decision.Allowed(NeedToKnow.Grant.TOOK_PART), NeedToKnow.search(lee, withAgentAndContact(Optional.of(LEE), Optional.empty())));
    assertInstanceOf(NeedToKnow.Decision.Refused.class, NeedToKnow.search(lee, withAgentAndContact(Optional.of(MARIA), Optional.empty())));
    assertEquals(new NeedToKnow.Decision.Allowed(NeedToKnow.Grant.SAME_RESIDENT),
        NeedToKnow.search(lee, withAgentAndContact(Optional.empty(), Optional.of(RESIDENT.address()))));
    assertInstanceOf(NeedToKnow.Decision.Refused.class, NeedToKnow.search(lee, withAgentAndContact(Optional.empty(), Optional.of("+15550002222"))));
    assertEquals(new NeedToKnow.Decision.Allowed(NeedToKnow.Grant.SUPERVISOR), NeedToKnow.search(SUPERVISOR, all));
  }

  private static RecordQuery withAgentAndContact(Optional<AgentId> agent, Optional<String> contact) {
    return new RecordQuery(Optional.empty(), Optional.empty(), Optional.empty(), agent, contact, Optional.empty(), Optional.empty(), 50, 0);
  }

  @Test
  void aWhisperIsShownToSupervisorsTheAgentHoldingItNowAndTheAgentItWasFor() {
    List<Entry> entries = record(LIVE, RESIDENT, MARIA, LEE);
    assertEquals(Set.of(), NeedToKnow.withheldWhispers(SUPERVISOR, entries));
    assertEquals(Set.of(7L), NeedToKnow.withheldWhispers(agent(MARIA, Set.of(), Set.of(), Set.of()), entries), "Maria had the first, not the second");
    assertEquals(Set.of(), NeedToKnow.withheldWhispers(agent(LEE, Set.of(LIVE), Set.of(), Set.of()), entries), "Lee holds it now: both");
    assertEquals(Set.of(4L), NeedToKnow.withheldWhispers(agent(LEE, Set.of(), Set.of(), Set.of()), entries), "once resolved, Lee keeps only his own");
    assertEquals(Set.of(4L, 7L), NeedToKnow.withheldWhispers(agent(new AgentId("kim"), Set.of(), Set.of(LIVE), Set.of()), entries),
        "an agent only offered it sees neither");
  }
}
