package org.accessline.channels.tty;

import java.util.List;

/** Audio for an exact code sequence, bypassing the modulator's own shift rules. */
final class RawCodes {
  private RawCodes() {}

  static short[] modulate(ModemSettings s, List<Integer> codes) {
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
}
