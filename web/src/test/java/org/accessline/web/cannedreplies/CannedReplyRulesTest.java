package org.accessline.web.cannedreplies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.store.CannedReply;
import org.junit.jupiter.api.Test;

/** What a canned reply may hold, how it is found and filled, and who may change it. */
class CannedReplyRulesTest {
  private static final Map<String, String> VALUES = Map.of("resident", "TTY caller \u20264821", "center", "Riverside 311", "agent", "Maria");

  private static CannedReply reply(Optional<String> tty) {
    return new CannedReply("3f1c2d4e-0000-4000-8000-000000000001", CannedReply.Scope.SHARED, Optional.empty(), "Opening hours", "hours",
        "Hello {resident}, {center} is open 8 to 5. {agent} ${x} {unknown", tty, Instant.EPOCH, "sam");
  }

  @Test
  void ttyAndRelayTakeTheTtyWordingWhenThereIsOneAndEveryPlaceholderIsFilled() {
    CannedReply r = reply(Optional.of("{center} OPEN 8 TO 5 GA"));
    assertEquals("Riverside 311 OPEN 8 TO 5 GA", CannedReplyRules.filled(r, Channel.TTY, VALUES));
    assertEquals("Riverside 311 OPEN 8 TO 5 GA", CannedReplyRules.filled(r, Channel.RELAY, VALUES));
    assertEquals("Hello TTY caller \u20264821, Riverside 311 is open 8 to 5. Maria ${x} {unknown", CannedReplyRules.filled(r, Channel.SMS, VALUES),
        "a dollar sign in the text is kept as written");
    assertEquals(CannedReplyRules.filled(r, Channel.SMS, VALUES), CannedReplyRules.filled(reply(Optional.empty()), Channel.TTY, VALUES),
        "without a TTY wording a TTY call takes the full one");
  }

  @Test
  void onlyTheThreePlaceholdersAreAllowed() {
    assertEquals(List.of("name", ""), CannedReplyRules.unknownPlaceholders("Hi {name} {resident} {}"));
    assertTrue(CannedReplyRules.check(new CannedReplyRules.Draft("T", "ok", "{resident} {center} {agent}", Optional.of("{agent} GA"))).isEmpty());
    assertEquals("ttyText", CannedReplyRules.check(new CannedReplyRules.Draft("T", "ok", "x", Optional.of("{Resident}"))).orElseThrow().field());
    assertEquals("ttyText", CannedReplyRules.check(new CannedReplyRules.Draft("T", "ok", "x", Optional.of("X".repeat(401)))).orElseThrow().field());
  }

  @Test
  void everyWordMustMatchAndAShortcutMatchRanksFirst() {
    CannedReply r = reply(Optional.empty());
    assertTrue(CannedReplyRules.matches(r, "OPEN hours"));
    assertTrue(CannedReplyRules.matches(r, ""));
    assertFalse(CannedReplyRules.matches(r, "open zebra"));
    assertEquals(0, CannedReplyRules.rank(r, "hou"));
    assertEquals(1, CannedReplyRules.rank(r, "opening"));
    assertEquals(2, CannedReplyRules.rank(r, "5"));
  }

  @Test
  void theOwnerChangesAPersonalReplyAndASupervisorASharedOne() {
    CannedReply shared = reply(Optional.empty());
    CannedReply mine = new CannedReply(shared.id(), CannedReply.Scope.PERSONAL, Optional.of("maria"), "T", "t", "x", Optional.empty(), Instant.EPOCH, "maria");
    assertTrue(CannedReplyAccess.mayChange(shared, "sam", true));
    assertFalse(CannedReplyAccess.mayChange(shared, "maria", false));
    assertTrue(CannedReplyAccess.mayChange(mine, "maria", false));
    assertFalse(CannedReplyAccess.mayChange(mine, "sam", true), "a supervisor does not edit an agent's own replies");
  }
}
