package org.accessline.gateway.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResidentTextTest {
  private static Object clean(String text) {
    ResidentText.Result r = ResidentText.clean(text);
    return r instanceof ResidentText.Result.Clean c ? c.text() : ((ResidentText.Result.Refused) r).problem();
  }

  @Test
  void ordinaryTextInAnyScriptPassesUnchanged() {
    assertEquals("Pothole on Elm St, near #42 — is it fixed? 🙂", clean("Pothole on Elm St, near #42 — is it fixed? 🙂"));
    assertEquals("Где остановка? 公交车站在哪里？ مرحبا", clean("Где остановка? 公交车站在哪里？ مرحبا"));
    assertEquals("first line\nsecond\tcolumn", clean("first line\nsecond\tcolumn"));
    // Joiners inside an emoji sequence are kept: only text made of nothing else is refused.
    assertEquals("👩\u200D🚒", clean("👩\u200D🚒"));
  }

  @Test
  void carriageReturnsFoldToLineFeeds() {
    assertEquals("a\nb\nc\n\nd", clean("a\r\nb\rc\r\n\rd"));
    assertEquals("help\n... Alice (agent): ok", clean("help\r... Alice (agent): ok"));
  }

  @Test
  void controlCharactersOtherThanNewlineAndTabAreRemoved() {
    // Only the escape itself goes; what followed it is ordinary text.
    assertEquals("ab[2J c", clean("a\u0000b\u001B[2J \u0007c\u007F"));
    assertEquals("x", clean("\u0085x\u009B\u0008"));
  }

  @Test
  void theEndsAreTrimmed() {
    assertEquals("hi", clean("  \n\thi \r\n"));
  }

  @Test
  void textWithNothingVisibleIsRefused() {
    for (String empty : new String[] {"", "   ", "\r\n\t", "\u0000\u0007\u001B", "\u200B\u200C\u200D\uFEFF", "\u2060\u00A0\u3000",
        "\uFE0F\u3164\u2800", "\u202E\u200B"}) {
      assertEquals(ResidentText.Problem.EMPTY, clean(empty), () -> "refused: " + empty.codePoints().mapToObj(Integer::toHexString).toList());
    }
    assertEquals(ResidentText.Problem.EMPTY, clean(null));
  }

  @Test
  void aMessageWithFilesMayHaveNoText() {
    assertEquals(new ResidentText.Result.Clean(""), ResidentText.clean("\u200B ", true));
    assertEquals(new ResidentText.Result.Clean("see photo"), ResidentText.clean(" see photo\u0000", true));
  }

  @Test
  void loneSurrogatesAreNotText() {
    assertEquals(ResidentText.Problem.INVALID, clean("broken \uD83D here"));
    assertEquals(ResidentText.Problem.INVALID, clean("\uDE00"));
    // A supplementary character whose low 16 bits look like a surrogate is still a character.
    assertEquals(new String(Character.toChars(0x1D800)), clean(new String(Character.toChars(0x1D800))));
  }

  @Test
  void utf8IsDecodedStrictly() {
    assertEquals(new ResidentText.Result.Clean("café"), ResidentText.fromUtf8("café".getBytes(StandardCharsets.UTF_8)));
    byte[][] invalid = {
        {(byte) 0xC3, (byte) 0x28}, // a lead byte without its continuation
        {'a', (byte) 0xFF, 'b'}, // a byte that is never UTF-8
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
        {(byte) 0xC0, (byte) 0xAF}, // an overlong '/'
        {'o', 'k', (byte) 0xE2, (byte) 0x82}, // truncated at the end
    };
    for (byte[] bytes : invalid) assertEquals(new ResidentText.Result.Refused(ResidentText.Problem.INVALID), ResidentText.fromUtf8(bytes));
  }
}
