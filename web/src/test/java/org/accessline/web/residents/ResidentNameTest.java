package org.accessline.web.residents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.transcripts.seal.SealKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Residents' names: readable, stable for one key, never the whole number or the token. */
class ResidentNameTest {
  @TempDir java.nio.file.Path dir;

  private UnaryOperator<String> key(String file) throws Exception {
    return SealKey.loadOrCreate(dir.resolve(file))::mac;
  }

  @Test
  void aPhoneNumberShowsOnlyItsLastFourDigitsWithTheChannelsWord() throws Exception {
    UnaryOperator<String> key = key("k");
    assertEquals("Texter \u20264821", ResidentName.of(new Contact(Channel.SMS, "+15550004821"), key));
    assertEquals("TTY caller \u20264821", ResidentName.of(new Contact(Channel.TTY, "+15550004821"), key));
    assertEquals("Relay caller \u20264821", ResidentName.of(new Contact(Channel.RELAY, "+15550004821"), key));
  }

  @Test
  void aWebChatVisitorGetsACodeFromTheKeyedHashThatIsStableForTheKeyAndNeverTheToken() throws Exception {
    String token = "b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184";
    Contact visitor = new Contact(Channel.WEBCHAT, token);
    String name = ResidentName.of(visitor, key("k"));
    assertTrue(name.matches("Web chat visitor [2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}"), name);
    assertEquals(name, ResidentName.of(visitor, SealKey.loadOrCreate(dir.resolve("k"))::mac), "the same key file gives the same name after a restart");
    assertNotEquals(name, ResidentName.of(visitor, key("other")), "another key gives another code, so the code cannot be worked out without it");
    String code = name.substring(name.length() - 7).replace("-", "");
    assertFalse(token.toUpperCase().contains(code.substring(0, 3)) && token.toUpperCase().contains(code.substring(3)), "no part of the token is shown");
  }

  @Test
  void manyVisitorsRarelyShareACode() throws Exception {
    UnaryOperator<String> key = key("k");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 2000; i++) names.add(ResidentName.of(new Contact(Channel.WEBCHAT, "token-" + i), key));
    assertTrue(names.size() >= 1998, "2,000 visitors got " + names.size() + " names");
  }

  @Test
  void aWithheldNumberIsNamedByACodeOfItsCall() throws Exception {
    String name = ResidentName.of(new Contact(Channel.TTY, "withheld:CA0123456789abcdef0123456789abcdef"), key("k"));
    assertTrue(name.matches("TTY caller, number withheld, [2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}"), name);
    assertFalse(name.contains("CA01"));
  }

  @Test
  void aPhoneNumberIsOnePersonOnSmsTtyAndRelayAndAWebChatTokenIsOnlyItself() {
    String n = "+15550004821";
    assertEquals(List.of(new Contact(Channel.SMS, n), new Contact(Channel.TTY, n), new Contact(Channel.RELAY, n)), SamePerson.as(new Contact(Channel.TTY, n)));
    assertEquals(List.of(new Contact(Channel.WEBCHAT, "abc")), SamePerson.as(new Contact(Channel.WEBCHAT, "abc")));
    assertEquals(List.of(new Contact(Channel.TTY, "withheld:CA1")), SamePerson.as(new Contact(Channel.TTY, "withheld:CA1")));
  }
}
