package org.accessline.channels.tty;

/**
 * The US TTY Baudot table (TIA-825-A / V.18 Annex A). Five-bit codes, two shift states.
 *
 * <p>Where it differs from ITA2 in figures shift: 0x05 is BELL (ITA2: apostrophe), 0x09 is {@code $}
 * (ITA2: WRU/ENQ), 0x0B is {@code '} (ITA2: BELL), 0x0D is {@code !}, 0x11 is {@code "} (ITA2:
 * {@code +}), 0x14 is {@code =} (ITA2: national use, often {@code #}), 0x1A is {@code +} (ITA2:
 * national use, often {@code &}), 0x1E is {@code ;} (ITA2: {@code =}). Letters shift is the same as
 * ITA2. Code 0x00 prints nothing in either shift.
 */
public final class Baudot {
  public static final int LTRS = 0x1F;
  public static final int FIGS = 0x1B;
  public static final int SPACE = 0x04;
  public static final int LF = 0x02;
  public static final int CR = 0x08;
  public static final char BELL = '\u0007';
  /** Marks a code that prints nothing (0x00 and the two shifts). */
  static final char NONE = '\0';

  private static final char[] LETTERS = {
    NONE, 'E', '\n', 'A', ' ', 'S', 'I', 'U', '\r', 'D', 'R', 'J', 'N', 'F', 'C', 'K',
    'T', 'Z', 'L', 'W', 'H', 'Y', 'P', 'Q', 'O', 'B', 'G', NONE, 'M', 'X', 'V', NONE
  };
  private static final char[] FIGURES = {
    NONE, '3', '\n', '-', ' ', BELL, '8', '7', '\r', '$', '4', '\'', ',', '!', ':', '(',
    '5', '"', ')', '2', '=', '6', '0', '1', '9', '?', '+', NONE, '.', '/', ';', NONE
  };

  /** Where a character lives: its code and whether it needs figures shift (codes valid in both say so). */
  public record Code(int code, Shift shift) {}

  public enum Shift {
    LETTERS,
    FIGURES,
    EITHER
  }

  private static final Code[] BY_CHAR = new Code[128];

  static {
    for (int code = 0; code < 32; code++) {
      char l = LETTERS[code];
      char f = FIGURES[code];
      if (l != NONE && l == f) BY_CHAR[l] = new Code(code, Shift.EITHER);
      else {
        if (l != NONE) BY_CHAR[l] = new Code(code, Shift.LETTERS);
        if (f != NONE) BY_CHAR[f] = new Code(code, Shift.FIGURES);
      }
    }
  }

  private Baudot() {}

  /** The character a code prints in the given shift, or {@code '\0'} for none. */
  public static char decode(int code, boolean figures) {
    return (figures ? FIGURES : LETTERS)[code & 0x1F];
  }

  /** The code for a character a TTY can print, or null. Letters must already be upper case. */
  public static Code encode(char c) {
    return c < 128 ? BY_CHAR[c] : null;
  }
}
