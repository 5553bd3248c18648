package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaudotModemTest {
  private static final ModemSettings US = ModemSettings.US_TTY;
  private static final String TEXT = "HELLO THIS IS 311. YOUR REQUEST NBR IS 4471-22 (POTHOLE), OK? GA";

  @Test
  void whatWeSendWeReadBack() {
    assertEquals(TEXT, Signals.decode(US, new BaudotModulator(US).modulate(TEXT)));
  }

  @Test
  void everyPrintableCharacterSurvivesTheRoundTrip() {
    String all = "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 -$'!:(\")=+,./;?\r\n";
    assertEquals(all, Signals.decode(US, new BaudotModulator(US).modulate(all)));
  }

  @Test
  void tonesFivePercentOffStillDecode() {
    for (double factor : new double[] {0.95, 1.05}) {
      ModemSettings off = US.withTones((int) Math.round(1400 * factor), (int) Math.round(1800 * factor));
      assertEquals(TEXT, Signals.decode(US, new BaudotModulator(off).modulate(TEXT)), "tones x" + factor);
    }
  }

  @Test
  void aBaudTwoPercentOffStillDecodes() {
    for (double baud : new double[] {45.45 * 0.98, 45.45 * 1.02}) {
      assertEquals(TEXT, Signals.decode(US, new BaudotModulator(US.withBaud(baud)).modulate(TEXT)), "baud " + baud);
    }
  }

  @Test
  void twoStopBitsAndFiftyBaudDecode() {
    assertEquals(TEXT, Signals.decode(US, new BaudotModulator(US.withStopBits(2.0)).modulate(TEXT)));
    ModemSettings fifty = US.withBaud(50);
    assertEquals(TEXT, Signals.decode(fifty, new BaudotModulator(fifty).modulate(TEXT)));
  }

  @Test
  void muLawAudioInTwentyMillisecondFramesDecodes() {
    short[] pcm = new BaudotModulator(US).modulate(TEXT);
    byte[] ulaw = MuLaw.encode(pcm);
    BaudotDemodulator demodulator = new BaudotDemodulator(US);
    StringBuilder text = new StringBuilder();
    for (int at = 0; at < ulaw.length; at += 160) {
      demodulator.acceptMuLaw(ulaw, at, Math.min(160, ulaw.length - at), e -> {
        if (e instanceof ModemEvent.Received r) text.append(r.character());
      });
    }
    demodulator.end(e -> {
      if (e instanceof ModemEvent.Received r) text.append(r.character());
    });
    assertEquals(TEXT, text.toString());
  }

  @Test
  void aBareStartBitAfterSilenceIsEnough() {
    short[] burst = new BaudotModulator(US).modulate("GA");
    int lead = (int) (0.150 * 8000);
    short[] noLeadIn = java.util.Arrays.copyOfRange(burst, lead, burst.length);
    // Without a lead-in the receiver cannot know the first shift; LTRS comes first anyway.
    assertEquals("GA", Signals.decode(US, Signals.concat(new short[4000], noLeadIn)));
  }

  @Test
  void chunkSizeDoesNotChangeWhatIsDecoded() {
    short[] pcm = new BaudotModulator(US).modulate(TEXT);
    for (int chunk : new int[] {1, 7, 160, 4096, pcm.length}) {
      assertEquals(TEXT, Signals.text(Signals.events(US, pcm, chunk)), "chunk " + chunk);
    }
  }

  @Test
  void carrierRisesWithTheToneAndFallsAfterIt() {
    short[] pcm = Signals.concat(new short[8000], new BaudotModulator(US).modulate("HI GA"), new short[8000]);
    List<ModemEvent> events = Signals.events(US, pcm, 160);
    ModemEvent.CarrierUp up = assertInstanceOf(ModemEvent.CarrierUp.class, events.get(0));
    assertTrue(Math.abs(up.sample() - 8000) < 40, "carrier up near the burst start: " + up.sample());
    ModemEvent.CarrierDown down = assertInstanceOf(ModemEvent.CarrierDown.class, events.get(events.size() - 1));
    assertTrue(Math.abs(down.sample() - (8000 + pcm.length - 16000)) < 80, "carrier down near the burst end: " + down.sample());
  }

  @Test
  void underContinuousLineNoiseTheCarrierRisesAndFallsOncePerBurst() {
    short[] burst = Signals.scaled(new BaudotModulator(US).modulate("HI 12 GA"), 0.5);
    short[] line = Signals.concat(new short[16000], burst, new short[16000], burst, new short[24000]);
    for (double dbfs : new double[] {-70, -50, -40}) {
      List<ModemEvent> events = Signals.events(US, Signals.withLineNoise(line, dbfs, 4), 160);
      List<ModemEvent> carrier = events.stream().filter(e -> !(e instanceof ModemEvent.Received)).toList();
      assertEquals(List.of(ModemEvent.CarrierUp.class, ModemEvent.CarrierDown.class, ModemEvent.CarrierUp.class, ModemEvent.CarrierDown.class),
          carrier.stream().map(Object::getClass).toList(), dbfs + " dBFS: " + carrier);
      assertEquals("HI 12 GAHI 12 GA", Signals.text(events), dbfs + " dBFS");
    }
  }

  @Test
  void silenceNoiseAndDtmfProduceNoText() {
    short[] dtmf = new short[0];
    double[][] digits = {{697, 1209}, {770, 1336}, {852, 1477}, {941, 1336}, {697, 1477}, {770, 1477}};
    for (double[] d : digits) dtmf = Signals.concat(dtmf, Signals.tones(0.1, 0.6, d), new short[400]);
    assertEquals("", Signals.decode(US, new short[80000]), "silence");
    assertEquals("", Signals.decode(US, Signals.noise(10, 0.2, 1)), "white noise");
    assertEquals("", Signals.decode(US, Signals.concat(dtmf, dtmf, dtmf)), "DTMF");
    assertEquals("", Signals.decode(US, Signals.tones(3, 0.5, 1400)), "steady mark");
    assertEquals("", Signals.decode(US, Signals.tones(3, 0.5, 1800)), "steady space");
  }

  @Test
  void aNoteJustBeforeTtyLikeTonesBlocksThemButQuietLineNoiseDoesNot() {
    // FIGS-free "O" (0x18): start + three space bits, then mark, framed as music would: a space-pitch
    // note of four bits, then a mark-pitch note.
    short[] o = RawCodes.modulate(US, List.of(0x18));
    short[] afterTune = Signals.concat(Signals.tones(0.2, 0.5, 1046.5), Signals.tones(0.1, 0.5, 1400), o);
    assertEquals("", Signals.decode(US, afterTune), "a tune's note just before");
    short[] quietHiss = Signals.noise(0.3, 0.5 / Math.sqrt(2) / 2, 7); // 6 dB below the tone's power
    assertEquals("O", Signals.decode(US, Signals.concat(quietHiss, o)), "line noise before");
  }

  @Test
  void theForcedShiftRulesReadTheSameCodesTheirOwnWay() {
    // Codes sent by hand: FIGS 1 2 SPACE 3 (no shift after the space) LTRS A.
    List<Integer> codes = List.of(Baudot.FIGS, 0x17, 0x13, Baudot.SPACE, 0x01, Baudot.LTRS, 0x03);
    short[] pcm = RawCodes.modulate(US, codes);
    assertEquals("12 3A", Signals.decode(US.withShiftAfterSpace(ModemSettings.ShiftAfterSpace.UNCHANGED), pcm));
    assertEquals("12 EA", Signals.decode(US.withShiftAfterSpace(ModemSettings.ShiftAfterSpace.LETTERS), pcm));
    // The live default reads the LTRS after the space as a sender that keeps figures.
    assertEquals("12 3A", Signals.decode(US, pcm));
  }

  @Test
  void shiftsAreSentAtTheStartAfterEverySpaceAndEverySeventyTwoCharacters() {
    List<Integer> codes = BaudotModulator.codes("A1 B");
    assertEquals(List.of(Baudot.LTRS, 0x03, Baudot.FIGS, 0x17, Baudot.SPACE, Baudot.LTRS, 0x19), codes);
    List<Integer> long1 = BaudotModulator.codes("E".repeat(150));
    assertEquals(Baudot.LTRS, long1.get(0));
    assertEquals(Baudot.LTRS, long1.get(73));
    assertEquals(Baudot.LTRS, long1.get(146));
    assertEquals(153, long1.size());
  }

  @Test
  void theTransmitTimeIsAboutSixCharactersASecond() {
    Duration time = new BaudotModulator(US).transmitTime("E".repeat(200));
    assertTrue(time.toMillis() > 30_000 && time.toMillis() < 36_000, time.toString());
  }
}
