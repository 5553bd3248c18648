package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How codes become text under each shift rule, for each kind of sender. */
class ShiftDecoderTest {
  /** Figures after spaces that a receiver with the wrong rule misreads. */
  static final List<String> TEXTS = List.of(
      "1234 ELM ST FOR 2 WEEKS. CAN YOU HELP Q GA",
      "CALL 555 0142 OR 555 0199 AFTER 5 PM GA",
      "ROOMS 12 14 16 ARE OUT, 3 TO 4 DAYS. GA",
      "MY NBR IS 1205 1/2 ELM ST, APT 4. THX (CELL 555-0142)? GA");

  static String decode(ModemSettings.ShiftAfterSpace rule, List<Integer> codes) {
    ShiftDecoder decoder = new ShiftDecoder(rule);
    StringBuilder out = new StringBuilder();
    long sample = 0;
    for (int code : codes) decoder.accept(code, sample++, e -> out.append(((ModemEvent.Received) e).character()));
    decoder.endOfBurst(e -> out.append(((ModemEvent.Received) e).character()));
    return out.toString();
  }

  @Test
  void theLiveDefaultReadsEveryKindOfSender() {
    for (String text : TEXTS) {
      assertEquals(text, decode(ModemSettings.ShiftAfterSpace.AUTO, RawCodes.unshiftingSender(text)), "unshift-on-space sender");
      assertEquals(text, decode(ModemSettings.ShiftAfterSpace.AUTO, RawCodes.figuresKeepingSender(text)), "figures-keeping sender");
      assertEquals(text, decode(ModemSettings.ShiftAfterSpace.AUTO, BaudotModulator.codes(text)), "a shift after every space");
    }
  }

  @Test
  void eachForcedRuleReadsItsOwnKindAndMisreadsTheOther() {
    String text = TEXTS.get(0);
    assertEquals(text, decode(ModemSettings.ShiftAfterSpace.LETTERS, RawCodes.unshiftingSender(text)));
    assertEquals(text, decode(ModemSettings.ShiftAfterSpace.UNCHANGED, RawCodes.figuresKeepingSender(text)));
    assertNotEquals(text, decode(ModemSettings.ShiftAfterSpace.UNCHANGED, RawCodes.unshiftingSender(text)), "what the live path printed before");
    assertNotEquals(TEXTS.get(2), decode(ModemSettings.ShiftAfterSpace.LETTERS, RawCodes.figuresKeepingSender(TEXTS.get(2))));
    for (ModemSettings.ShiftAfterSpace rule : ModemSettings.ShiftAfterSpace.values()) {
      assertEquals(text, decode(rule, BaudotModulator.codes(text)), "what we send reads right under " + rule);
    }
  }

  @Test
  void aStretchNoShiftSettlesIsReadAsNumbersOnlyWhenItLooksLikeNumbers() {
    // Nothing else in the call to go by: the burst ends in the ambiguous stretch.
    assertEquals("ROOM 12 14 16", decode(ModemSettings.ShiftAfterSpace.AUTO, RawCodes.figuresKeepingSender("ROOM 12 14 16")));
    assertEquals("FOR 2 WEEKS", decode(ModemSettings.ShiftAfterSpace.AUTO, RawCodes.unshiftingSender("FOR 2 WEEKS")));
    assertEquals("AT 5 PM GA", decode(ModemSettings.ShiftAfterSpace.AUTO, RawCodes.unshiftingSender("AT 5 PM GA")));
    assertEquals("CALL 555 0142", decode(ModemSettings.ShiftAfterSpace.AUTO, RawCodes.figuresKeepingSender("CALL 555 0142")));
  }

  @Test
  void theSendersOwnShiftsOutweighHowTheTextLooks() {
    // "2 59" read as letters is "W TO", a word. An unshifting sender showed itself earlier in the
    // call (a FIGS right after a space), so the held "TO" is letters; a figures-keeping one showed an
    // LTRS there, so the same codes are figures.
    List<Integer> unshifting = RawCodes.unshiftingSender("FOR 2 WEEKS 3 TO");
    assertEquals("FOR 2 WEEKS 3 TO", decode(ModemSettings.ShiftAfterSpace.AUTO, unshifting));
    List<Integer> keeping = RawCodes.figuresKeepingSender("FOR 2 WEEKS 3 59");
    assertEquals("FOR 2 WEEKS 3 59", decode(ModemSettings.ShiftAfterSpace.AUTO, keeping));
  }

  @Test
  void aLongStretchIsNotHeldForever() {
    String text = "NBR 7 " + "AND MORE WORDS ".repeat(6) + "GA";
    ShiftDecoder decoder = new ShiftDecoder(ModemSettings.ShiftAfterSpace.AUTO);
    StringBuilder out = new StringBuilder();
    for (int code : RawCodes.unshiftingSender(text)) decoder.accept(code, 0, e -> out.append(((ModemEvent.Received) e).character()));
    assertEquals(true, out.length() >= 64, "printed before the burst ended: " + out);
    decoder.endOfBurst(e -> out.append(((ModemEvent.Received) e).character()));
    assertEquals(text, out.toString());
  }
}
