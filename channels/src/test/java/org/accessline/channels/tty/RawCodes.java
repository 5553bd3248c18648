package org.accessline.channels.tty;

import java.util.ArrayList;
import java.util.List;

/**
 * Audio for an exact code sequence, bypassing the modulator's own shift rules, and the code
 * sequences of the two kinds of sender that do not shift after every space.
 */
public final class RawCodes {
  private RawCodes() {}

  public static short[] modulate(ModemSettings s, List<Integer> codes) {
    StringBuilder bits = new StringBuilder();
    for (int code : codes) {
      bits.append('0');
      for (int b = 0; b < 5; b++) bits.append((code >> b) & 1);
      bits.append("11");
    }
    double spb = s.samplesPerBit();
    short[] out = new short[(int) ((bits.length() + 7) * spb)];
    double phase = 0;
    for (int i = 0; i < out.length; i++) {
      int bit = (int) (i / spb) - 7;
      boolean mark = bit < 0 || bit >= bits.length() || bits.charAt(bit) == '1';
      phase += 2 * Math.PI * (mark ? s.markHz() : s.spaceHz()) / s.sampleRate();
      out[i] = (short) Math.round(Math.sin(phase) * 0.5 * 32767);
    }
    return out;
  }

  /** A sender that counts on the receiver returning to letters after a space: a shift only where that leaves the wrong one. */
  public static List<Integer> unshiftingSender(String text) {
    return sender(text, true);
  }

  /** A sender that stays in figures across a space: a shift only where the character needs the other one. */
  public static List<Integer> figuresKeepingSender(String text) {
    return sender(text, false);
  }

  private static List<Integer> sender(String text, boolean unshiftsOnSpace) {
    List<Integer> codes = new ArrayList<>(List.of(Baudot.LTRS));
    Baudot.Shift state = Baudot.Shift.LETTERS;
    for (char c : text.toCharArray()) {
      Baudot.Code code = Baudot.encode(c);
      if (code.shift() != Baudot.Shift.EITHER && code.shift() != state) {
        codes.add(code.shift() == Baudot.Shift.FIGURES ? Baudot.FIGS : Baudot.LTRS);
        state = code.shift();
      }
      codes.add(code.code());
      if (code.code() == Baudot.SPACE && unshiftsOnSpace) state = Baudot.Shift.LETTERS;
    }
    return codes;
  }
}
