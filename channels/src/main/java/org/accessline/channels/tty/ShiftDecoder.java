package org.accessline.channels.tty;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns received Baudot codes into characters, keeping the shift state. Plain logic over codes, so
 * it is tested without audio.
 *
 * <p>The one hard case is a character after a space while in figures with no shift sent before
 * it: a sender that unshifts on space meant a letter, one that does not meant a figure. In
 * {@link ModemSettings.ShiftAfterSpace#AUTO} the decoder holds such a stretch back and reads it
 * both ways until evidence settles it:
 * <ul>
 *   <li>the stretch ends with an explicit FIGS: the sender thought a space had returned us to
 *       letters, so it was letters (and the call's sender is counted as unshifting);
 *   <li>it ends with an explicit LTRS: a sender that unshifts on space never needs one there, so it
 *       was figures (and the sender is counted as keeping figures);
 *   <li>it ends with the burst (or grows long): the call's count of such stretches decides, then
 *       the count of shifts the sender put right after a space in figures; with neither, figures
 *       win only when the figures reading looks like numbers and the letters reading does not
 *       look like words.
 * </ul>
 * A sender that shifts after every space never leaves a stretch to decide.
 */
final class ShiftDecoder {
  /** A stretch longer than this is settled without waiting for the burst to end. */
  private static final int LONGEST_HELD = 64;
  /** Short words a TTY user types that have no vowel, so they still look like words. */
  private static final Set<String> VOWELLESS_WORDS = Set.of(
      "GA", "SK", "SKSK", "Q", "QQ", "U", "R", "N", "B", "C", "X", "XX", "XXX", "HD", "PLS", "THX", "THKS", "CN", "CD", "MSG", "NBR", "ST", "DR",
      "BRB", "TMW", "WRU", "HOH", "PM", "TV", "DMV", "CNTY", "BLDG", "PKWY", "HWY", "MR", "MRS", "MS", "JR", "SR", "TTY", "TDD", "VRS", "CA");

  private final ModemSettings.ShiftAfterSpace rule;
  private boolean figures;
  /** In figures, and the last code was a space (or a line end after one) with no shift since. */
  private boolean spaceInFigures;
  private final int[] heldCodes = new int[LONGEST_HELD];
  private final long[] heldSamples = new long[LONGEST_HELD];
  private int held;
  /** Stretches this call's sender settled with an explicit shift: letters (unshifting) against figures. */
  private int unshiftingVotes;
  private int keepingVotes;
  /**
   * Shifts sent right after a space while in figures: a FIGS there means the sender thought the
   * space returned us to letters, an LTRS that it did not. A sender that shifts after every space
   * sends both, and never leaves a stretch to settle.
   */
  private int unshiftingHints;
  private int keepingHints;

  ShiftDecoder(ModemSettings.ShiftAfterSpace rule) {
    this.rule = rule;
  }

  /** One received code at stream position {@code sample}. */
  void accept(int code, long sample, Consumer<ModemEvent> out) {
    if (held > 0) {
      if (code == Baudot.FIGS || code == Baudot.LTRS) {
        boolean letters = code == Baudot.FIGS;
        if (letters) unshiftingVotes++;
        else keepingVotes++;
        release(letters, out);
      } else {
        heldCodes[held] = code;
        heldSamples[held++] = sample;
        if (held == LONGEST_HELD) release(readAsLetters(), out);
        return;
      }
    }
    if (spaceInFigures && code == Baudot.FIGS) unshiftingHints++;
    if (spaceInFigures && code == Baudot.LTRS) keepingHints++;
    switch (code) {
      case Baudot.LTRS -> {
        figures = false;
        spaceInFigures = false;
      }
      case Baudot.FIGS -> {
        figures = true;
        spaceInFigures = false;
      }
      case Baudot.SPACE -> {
        print(code, sample, out);
        if (figures && rule == ModemSettings.ShiftAfterSpace.LETTERS) figures = false;
        spaceInFigures = figures;
      }
      case Baudot.CR, Baudot.LF, 0 -> print(code, sample, out);
      default -> {
        if (spaceInFigures && rule == ModemSettings.ShiftAfterSpace.AUTO) {
          heldCodes[0] = code;
          heldSamples[0] = sample;
          held = 1;
          return;
        }
        spaceInFigures = false;
        print(code, sample, out);
      }
    }
  }

  /** The burst ended: a stretch still held is settled now, so nothing waits for the next one. */
  void endOfBurst(Consumer<ModemEvent> out) {
    if (held > 0) release(readAsLetters(), out);
  }

  /** Whether characters are held back waiting for evidence. */
  boolean holding() {
    return held > 0;
  }

  private void release(boolean letters, Consumer<ModemEvent> out) {
    figures = !letters;
    for (int i = 0; i < held; i++) print(heldCodes[i], heldSamples[i], out);
    spaceInFigures = figures && heldCodes[held - 1] == Baudot.SPACE;
    held = 0;
  }

  private void print(int code, long sample, Consumer<ModemEvent> out) {
    char c = Baudot.decode(code, figures);
    if (c != Baudot.NONE) out.accept(new ModemEvent.Received(c, sample));
  }

  /** How to read a stretch no shift settled. */
  private boolean readAsLetters() {
    if (unshiftingVotes != keepingVotes) return unshiftingVotes > keepingVotes;
    if (unshiftingHints != keepingHints) return unshiftingHints > keepingHints;
    return !(looksLikeNumbers() && !looksLikeWords());
  }

  private boolean looksLikeNumbers() {
    int digits = 0;
    int others = 0;
    boolean anyWord = false;
    for (int i = 0; i <= held; i++) {
      int code = i < held ? heldCodes[i] : Baudot.SPACE;
      if (code == Baudot.SPACE || code == Baudot.CR || code == Baudot.LF) {
        if (digits + others > 0) {
          // A number may carry a few separators ($5.50, 9/14, 555-0142) but is mostly digits.
          if (digits == 0 || others > digits) return false;
          anyWord = true;
        }
        digits = 0;
        others = 0;
        continue;
      }
      char c = Baudot.decode(code, true);
      if (Character.isDigit(c)) digits++;
      else if ("-$.,/:()'?".indexOf(c) >= 0) others++;
      else return false;
    }
    return anyWord;
  }

  private boolean looksLikeWords() {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= held; i++) {
      int code = i < held ? heldCodes[i] : Baudot.SPACE;
      if (code == Baudot.SPACE || code == Baudot.CR || code == Baudot.LF) {
        if (word.length() > 0 && !isWord(word)) return false;
        word.setLength(0);
      } else {
        word.append(Baudot.decode(code, false));
      }
    }
    return true;
  }

  private static boolean isWord(CharSequence word) {
    for (int i = 0; i < word.length(); i++) if ("AEIOUY".indexOf(word.charAt(i)) >= 0) return true;
    return VOWELLESS_WORDS.contains(word.toString());
  }
}
