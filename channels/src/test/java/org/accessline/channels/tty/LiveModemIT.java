package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demodulator exactly as a live call builds it ({@link ModemSettings#US_TTY}), reading audio
 * an encoder we did not write made: minimodem, whose Baudot encoder counts on the receiver
 * returning to letters after a space, with tones 4% off, 1.5 and 2 stop bits, noise at several
 * SNRs, and continuous line noise under and between the caller's bursts.
 */
class LiveModemIT {
  private static final ModemSettings LIVE = ModemSettings.US_TTY;
  /** Letters, digits and punctuation after spaces; nothing minimodem's figures table prints differently. */
  static final String CALLER = "1234 ELM ST FOR 2 WEEKS. CAN YOU HELP Q GA";
  static final String CALLER_2 = "CALL 555 0142 OR 555 0199 AFTER 5 PM, ROOM 12/4 (REAR)? GA";

  @TempDir Path work;

  @BeforeAll
  static void tools() {
    AudioTools.require("minimodem", "sox");
  }

  private short[] minimodem(String text, double stop, double toneFactor) throws Exception {
    return Signals.scaled(AudioTools.minimodemBaudot(text, stop, (int) Math.round(1400 * toneFactor), (int) Math.round(1800 * toneFactor), work), 0.3);
  }

  @Test
  void minimodemAudioWithTonesFourPercentOffAndEitherStopLengthReadsExactly() throws Exception {
    for (double stop : new double[] {1.5, 2.0}) {
      for (double factor : new double[] {0.96, 1.0, 1.04}) {
        for (String text : List.of(CALLER, CALLER_2)) {
          assertEquals(text, Signals.decode(LIVE, minimodem(text, stop, factor)), "stop bits " + stop + ", tones x" + factor);
        }
      }
    }
  }

  @Test
  void allThreeShiftConventionsReadExactly() throws Exception {
    String text = CALLER + " " + CALLER_2;
    assertEquals(text, Signals.decode(LIVE, minimodem(text, 1.5, 1.0)), "minimodem: unshift-on-space");
    assertEquals(text, Signals.decode(LIVE, RawCodes.modulate(LIVE, RawCodes.figuresKeepingSender(text))), "a sender that keeps figures");
    assertEquals(text, Signals.decode(LIVE, new BaudotModulator(LIVE).modulate(text)), "ours: a shift after every space");
  }

  @Test
  void noisyMinimodemAudioReadsExactlyDownToMinusFiveDecibels() throws Exception {
    String text = CALLER + " " + CALLER_2;
    short[] clean = minimodem(text, 1.5, 1.0);
    for (double snr : new double[] {20, 10, 3, 0, -3, -5}) {
      assertEquals(text, Signals.decode(LIVE, Signals.withNoise(clean, snr, 11)), snr + " dB");
    }
  }

  @Test
  void farBelowWhatCanBeReadItPrintsAlmostNothingRatherThanInventedText() throws Exception {
    String text = (CALLER + " " + CALLER_2 + " ").repeat(3);
    short[] clean = minimodem(text, 1.5, 1.0);
    String read = Signals.decode(LIVE, Signals.withNoise(clean, -16, 5));
    assertTrue(read.length() < text.length() / 10, "printed " + read.length() + " of " + text.length() + ": " + read);
  }

  @Test
  void continuousLineNoiseNeverFlickersTheCarrier() throws Exception {
    short[] first = minimodem(CALLER, 1.5, 1.0);
    short[] second = minimodem(CALLER_2, 2.0, 1.0);
    short[] call = Signals.concat(new short[3 * 8000], first, new short[2 * 8000], second, new short[3 * 8000]);
    for (double dbfs : new double[] {-70, -50, -40}) {
      List<ModemEvent> events = Signals.events(LIVE, Signals.withLineNoise(call, dbfs, 3), 160);
      List<ModemEvent> carrier = new ArrayList<>(events.stream().filter(e -> !(e instanceof ModemEvent.Received)).toList());
      assertEquals(4, carrier.size(), dbfs + " dBFS: one carrier up and down per burst, nothing else: " + carrier);
      long firstStart = 3 * 8000;
      long secondStart = firstStart + first.length + 2 * 8000;
      assertNear(firstStart, assertInstanceOf(ModemEvent.CarrierUp.class, carrier.get(0)).sample(), dbfs);
      assertNear(firstStart + first.length, assertInstanceOf(ModemEvent.CarrierDown.class, carrier.get(1)).sample(), dbfs);
      assertNear(secondStart, assertInstanceOf(ModemEvent.CarrierUp.class, carrier.get(2)).sample(), dbfs);
      assertNear(secondStart + second.length, assertInstanceOf(ModemEvent.CarrierDown.class, carrier.get(3)).sample(), dbfs);
      assertEquals(CALLER + CALLER_2, Signals.text(events), dbfs + " dBFS");
      // Every character arrives while its burst's carrier is up, never after the line went quiet.
      for (ModemEvent e : events) {
        if (e instanceof ModemEvent.Received r) assertTrue(r.sample() < secondStart + second.length, "character after the burst: " + r);
      }
    }
  }

  @Test
  void continuousNoiseAloneRaisesNoCarrierAndPrintsNothing() {
    for (double dbfs : new double[] {-70, -50, -40, -30}) {
      List<ModemEvent> events = Signals.events(LIVE, Signals.withLineNoise(new short[30 * 8000], dbfs, 9), 160);
      assertEquals(List.of(), events, dbfs + " dBFS of noise alone");
    }
  }

  private static void assertNear(long expected, long actual, double dbfs) {
    // minimodem's bursts carry a little lead-in and trail of mark; a carrier edge within 250 ms of the burst's own edge is the burst.
    assertTrue(Math.abs(expected - actual) < 2000, dbfs + " dBFS: expected near " + expected + " but was " + actual);
  }
}
