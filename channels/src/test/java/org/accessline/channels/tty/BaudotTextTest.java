package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BaudotTextTest {
  @Test
  void theUsFiguresDifferFromIta2WhereTheStandardSays() {
    assertEquals('$', Baudot.decode(0x09, true));
    assertEquals('\'', Baudot.decode(0x0B, true));
    assertEquals('"', Baudot.decode(0x11, true));
    assertEquals('=', Baudot.decode(0x14, true));
    assertEquals('+', Baudot.decode(0x1A, true));
    assertEquals(';', Baudot.decode(0x1E, true));
    assertEquals(Baudot.BELL, Baudot.decode(0x05, true));
  }

  @Test
  void everyPrintableCharacterEncodesToTheCodeThatDecodesToIt() {
    for (int code = 0; code < 32; code++) {
      for (boolean figures : new boolean[] {false, true}) {
        char c = Baudot.decode(code, figures);
        if (c == '\0') continue;
        Baudot.Code back = Baudot.encode(c);
        assertEquals(code, back.code(), "code for " + (int) c);
      }
    }
    assertNull(Baudot.encode('a'));
    assertNull(Baudot.encode('#'));
  }

  @Test
  void whatATtyCannotPrintIsSpelledOutOrReplaced() {
    assertEquals("EMAIL ME AT HOME.GOV OR CALL NBR 5 AND ASK FOR 50 PCT OFF", TtyText.toTty("Email me @home.gov or call #5 & ask for 50% off"));
    assertEquals("CAFE (NOTE) A-B 'QUOTED' \"DOUBLE\"", TtyText.toTty("Café <note> a_b \u2018quoted\u2019 \u201Cdouble\u201D"));
    assertEquals("LINE ONE\r\nLINE TWO", TtyText.toTty("line one\nline two"));
    assertEquals("PRICE ? 5", TtyText.toTty("price € 5"));
    assertTrue(TtyText.isTty("THANK YOU GA"));
    assertFalse(TtyText.isTty("thank you"));
  }

  @Test
  void muLawRoundTripKeepsSamplesClose() {
    for (int s = -32000; s <= 32000; s += 37) {
      short back = MuLaw.decode(MuLaw.encode((short) s));
      assertTrue(Math.abs(back - s) <= Math.max(8, Math.abs(s) / 16), s + " -> " + back);
    }
  }
}
