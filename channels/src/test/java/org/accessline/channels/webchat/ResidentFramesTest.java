package org.accessline.channels.webchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResidentFramesTest {
  private static final int LIMIT = 4096;

  private static String errorCode(String frame) {
    return ResidentFrames.parse(frame, LIMIT).error().orElseThrow().code();
  }

  @Test
  void aWellFormedMessageParses() {
    ResidentFrame frame = ResidentFrames.parse("{\"type\":\"message\",\"clientId\":\"a1\",\"text\":\"  hello  \"}", LIMIT).frame().orElseThrow();
    assertEquals(new ResidentFrame.Message("a1", "hello"), frame);
  }

  @Test
  void helloCarriesTokenConversationAndLastSeq() {
    ResidentFrame frame = ResidentFrames.parse("{\"type\":\"hello\",\"token\":\"t\",\"conversationId\":\"not-an-id\",\"lastSeq\":7}", LIMIT).frame().orElseThrow();
    assertEquals(new ResidentFrame.Hello(Optional.of("t"), Optional.empty(), 7), frame);
  }

  @Test
  void malformedFramesGetAnErrorCode() {
    assertEquals("bad_json", errorCode("{not json"));
    assertEquals("bad_json", errorCode("[1,2]"));
    assertEquals("bad_frame", errorCode("{\"text\":\"no type\"}"));
    assertEquals("unknown_type", errorCode("{\"type\":\"launch\"}"));
    assertEquals("bad_frame", errorCode("{\"type\":\"hello\",\"lastSeq\":-1}"));
    assertEquals("bad_frame", errorCode("{\"type\":\"hello\",\"lastSeq\":1.5}"));
    assertEquals("bad_frame", errorCode("{\"type\":\"typing\"}"));
    assertEquals("bad_frame", errorCode("{\"type\":\"message\",\"text\":\"hi\"}"));
    assertEquals("bad_frame", errorCode("{\"type\":\"message\",\"clientId\":\"has spaces\",\"text\":\"hi\"}"));
    assertEquals("empty_message", errorCode("{\"type\":\"message\",\"clientId\":\"a\",\"text\":\"   \"}"));
    assertEquals("empty_message", errorCode("{\"type\":\"message\",\"clientId\":\"a\"}"));
    assertEquals("bad_frame", errorCode("{\"type\":\"message\",\"clientId\":\"a\",\"text\":12}"));
    assertEquals("bad_frame", errorCode("{\"type\":\"message\",\"clientId\":\"a\",\"text\":[\"hi\"]}"));
  }

  @Test
  void theLimitCountsUtf8BytesNotCharacters() {
    String atLimit = "a".repeat(LIMIT);
    assertTrue(ResidentFrames.parse("{\"type\":\"message\",\"clientId\":\"a\",\"text\":\"" + atLimit + "\"}", LIMIT).frame().isPresent());
    String wide = "é".repeat(LIMIT / 2 + 1); // 2 bytes each
    FrameError error = ResidentFrames.parse("{\"type\":\"message\",\"clientId\":\"a\",\"text\":\"" + wide + "\"}", LIMIT).error().orElseThrow();
    assertEquals("too_long", error.code());
    assertEquals("a", error.clientId());
  }

  @Test
  void tokensAreRandomWellFormedAndOnlyTheirHashIsTheContact() {
    String a = ResidentTokens.fresh();
    String b = ResidentTokens.fresh();
    assertNotEquals(a, b);
    assertTrue(ResidentTokens.wellFormed(a));
    assertFalse(ResidentTokens.wellFormed("short"));
    assertFalse(ResidentTokens.wellFormed(a + "!"));
    assertEquals(ResidentTokens.contactOf(a), ResidentTokens.contactOf(a));
    assertFalse(ResidentTokens.contactOf(a).address().contains(a));
  }
}
