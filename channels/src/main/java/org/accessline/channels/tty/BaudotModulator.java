package org.accessline.channels.tty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into TTY audio: phase-continuous FSK at −6 dBFS, 150 ms of mark before the first
 * character, and an explicit shift at the start of the burst, every 72 characters and after every
 * space, so receivers that unshift on space and receivers that do not both print it right. Text is
 * first mapped with {@link TtyText}.
 */
public final class BaudotModulator {
  public static final Duration LEAD_IN = Duration.ofMillis(150);
  private static final int SHIFT_EVERY = 72;
  private static final double AMPLITUDE = 0.5;

  private final ModemSettings settings;

  public BaudotModulator(ModemSettings settings) {
    this.settings = settings;
  }

  /** The Baudot codes for the text, shifts included. */
  public static List<Integer> codes(String text) {
    String tty = TtyText.toTty(text);
    List<Integer> codes = new ArrayList<>(tty.length() + tty.length() / 4 + 1);
    Baudot.Shift current = null;
    int sinceShift = 0;
    boolean afterSpace = false;
    for (int i = 0; i < tty.length(); i++) {
      Baudot.Code code = Baudot.encode(tty.charAt(i));
      Baudot.Shift need = code.shift();
      boolean wrongShift = need != Baudot.Shift.EITHER && need != current;
      if (current == null || wrongShift || afterSpace || sinceShift >= SHIFT_EVERY) {
        Baudot.Shift target = need != Baudot.Shift.EITHER ? need : current == null ? Baudot.Shift.LETTERS : current;
        codes.add(target == Baudot.Shift.FIGURES ? Baudot.FIGS : Baudot.LTRS);
        current = target;
        sinceShift = 0;
      }
      codes.add(code.code());
      sinceShift++;
      afterSpace = code.code() == Baudot.SPACE;
    }
    return codes;
  }

  /** About how long the text takes to send, lead-in included (roughly six characters a second). */
  public Duration transmitTime(String text) {
    double bits = codes(text).size() * (6 + settings.stopBits());
    return LEAD_IN.plusNanos(Math.round(bits / settings.baud() * 1e9));
  }

  /** Signed 16-bit audio of one burst. */
  public short[] modulate(String text) {
    List<Integer> codes = codes(text);
    double spb = settings.samplesPerBit();
    double leadBits = LEAD_IN.toNanos() / 1e9 * settings.baud();
    ToneWriter writer = new ToneWriter(new short[(int) Math.round((leadBits + codes.size() * (6 + settings.stopBits())) * spb)]);
    // Bit edges come from a running bit clock, so rounding never accumulates into baud error.
    double clock = leadBits;
    writer.toneUntil((int) Math.round(clock * spb), settings.markHz());
    for (int code : codes) {
      clock += 1;
      writer.toneUntil((int) Math.round(clock * spb), settings.spaceHz());
      for (int b = 0; b < 5; b++) {
        clock += 1;
        writer.toneUntil((int) Math.round(clock * spb), ((code >> b) & 1) == 1 ? settings.markHz() : settings.spaceHz());
      }
      clock += settings.stopBits();
      writer.toneUntil((int) Math.round(clock * spb), settings.markHz());
    }
    return writer.out;
  }

  /** Writes tones one after another with no phase jump between them. */
  private final class ToneWriter {
    final short[] out;
    int at;
    double phase;

    ToneWriter(short[] out) {
      this.out = out;
    }

    void toneUntil(int end, int hz) {
      double step = 2 * Math.PI * hz / settings.sampleRate();
      for (; at < Math.min(end, out.length); at++) {
        out[at] = (short) Math.round(Math.sin(phase) * AMPLITUDE * 32767);
        phase += step;
        if (phase > 2 * Math.PI) phase -= 2 * Math.PI;
      }
    }
  }
}
