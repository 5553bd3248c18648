package org.accessline.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Segment sizes as Twilio documents them: GSM-7 160, then 153 a part; UCS-2 70, then 67 a part. */
class SmsSegmentsTest {

  @Test
  void plainTextFitsOneSmsUpTo160CharactersThen153APart() {
    assertEquals(new SmsSegments("GSM-7", 0, 1), SmsSegments.of(""));
    assertEquals(new SmsSegments("GSM-7", 160, 1), SmsSegments.of("a".repeat(160)));
    assertEquals(new SmsSegments("GSM-7", 161, 2), SmsSegments.of("a".repeat(161)));
    assertEquals(new SmsSegments("GSM-7", 306, 2), SmsSegments.of("a".repeat(306)));
    assertEquals(new SmsSegments("GSM-7", 307, 3), SmsSegments.of("a".repeat(307)));
    assertEquals(11, SmsSegments.of("x".repeat(InboundSms.MAX_BODY_CHARS)).segments(), "Twilio's longest text, 1600 characters");
  }

  @Test
  void aRealReplyInPlainEnglishStaysGsm() {
    String reply = "Hi, this is Maria at Riverside 311. A crew will fix the streetlight at 1205 Elm St. by Friday; "
        + "your request # is SR-2026-000123. Reply here with any questions (or call 311).";
    SmsSegments s = SmsSegments.of(reply);
    assertEquals("GSM-7", s.encoding());
    assertEquals(reply.length(), s.units());
    assertEquals(2, s.segments());
  }

  @Test
  void theGsmAlphabetIncludesItsOwnAccentsAndSymbols() {
    assertEquals("GSM-7", SmsSegments.of("@£$¥èéùìòØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡ÄÖÑÜ§¿äöñüà").encoding());
    assertEquals("GSM-7", SmsSegments.of("line one\nline two\r\n").encoding());
  }

  @Test
  void extensionCharactersCountTwice() {
    assertEquals(new SmsSegments("GSM-7", 10, 1), SmsSegments.of("€{}[]"));
    assertEquals(new SmsSegments("GSM-7", 160, 1), SmsSegments.of("€".repeat(80)));
    assertEquals(new SmsSegments("GSM-7", 162, 2), SmsSegments.of("€".repeat(81)));
    assertEquals(new SmsSegments("GSM-7", 17, 1), SmsSegments.of("^~|\\ cost 5€"), "^ ~ | \\ € are escapes, the rest single");
  }

  @Test
  void oneCharacterOutsideGsmSendsTheWholeTextAsUcs2() {
    assertEquals("UCS-2", SmsSegments.of("Don’t worry").encoding(), "a curly apostrophe from a phone's keyboard");
    assertEquals("UCS-2", SmsSegments.of("9–5").encoding(), "an en dash");
    assertEquals("UCS-2", SmsSegments.of("¿Dónde está la biblioteca?").encoding(), "ó and á are not in GSM-7");
    assertEquals(new SmsSegments("UCS-2", 4, 1), SmsSegments.of("你好吗?"));
  }

  @Test
  void ucs2Fits70ThenSplitsIn67s() {
    assertEquals(new SmsSegments("UCS-2", 70, 1), SmsSegments.of("ж".repeat(70)));
    assertEquals(new SmsSegments("UCS-2", 71, 2), SmsSegments.of("ж".repeat(71)));
    assertEquals(new SmsSegments("UCS-2", 134, 2), SmsSegments.of("ж".repeat(134)));
    assertEquals(new SmsSegments("UCS-2", 135, 3), SmsSegments.of("ж".repeat(135)));
    String arabic = "مرحبا، أحتاج إلى المساعدة بخصوص فاتورة المياه الخاصة بي لهذا الشهر";
    assertEquals(new SmsSegments("UCS-2", arabic.length(), 1), SmsSegments.of(arabic));
  }

  @Test
  void anEmojiTakesTwoUcs2Units() {
    assertEquals(new SmsSegments("UCS-2", 2, 1), SmsSegments.of("👍"));
    assertEquals(new SmsSegments("UCS-2", 70, 1), SmsSegments.of("👍".repeat(35)));
    assertEquals(new SmsSegments("UCS-2", 72, 2), SmsSegments.of("👍".repeat(36)));
    assertEquals(new SmsSegments("UCS-2", 4, 1), SmsSegments.of("👍🏽"), "a skin-tone modifier is a second code point");
    assertEquals(new SmsSegments("GSM-7", 153, 1), SmsSegments.of("a".repeat(150) + " ok"));
    assertEquals(new SmsSegments("UCS-2", 156, 3), SmsSegments.of("a".repeat(150) + " 🙂 ok"), "one emoji turns a 1-SMS text into 3");
  }

  @Test
  void anEscapedCharacterOrAnEmojiAtAPartsEdgeMovesWholeToTheNextPart() {
    // 152 + the two septets of the euro sign would be 154 in the first part: it cannot be cut, so a third part is needed.
    assertEquals(3, SmsSegments.of("a".repeat(152) + "€" + "a".repeat(152)).segments());
    assertEquals(2, SmsSegments.of("a".repeat(151) + "€" + "a".repeat(152)).segments());
    assertEquals(3, SmsSegments.of("ж".repeat(66) + "😀" + "ж".repeat(66)).segments());
    assertEquals(2, SmsSegments.of("ж".repeat(65) + "😀" + "ж".repeat(66)).segments());
  }
}
