package org.accessline.channels.tty;

/** G.711 μ-law, the 8-bit audio Twilio Media Streams carry. */
public final class MuLaw {
  private static final short[] DECODE = new short[256];
  private static final int BIAS = 0x84;
  private static final int CLIP = 32635;

  static {
    for (int i = 0; i < 256; i++) {
      int u = ~i & 0xFF;
      int sign = u & 0x80;
      int exponent = (u >> 4) & 0x07;
      int mantissa = u & 0x0F;
      int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
      DECODE[i] = (short) (sign != 0 ? -magnitude : magnitude);
    }
  }

  /** The code for a zero sample, used to pad the last frame of a transmission. */
  public static final byte SILENCE = (byte) 0xFF;

  private MuLaw() {}

  public static byte[] encode(short[] pcm) {
    byte[] out = new byte[pcm.length];
    for (int i = 0; i < pcm.length; i++) out[i] = encode(pcm[i]);
    return out;
  }

  public static short decode(byte b) {
    return DECODE[b & 0xFF];
  }

  public static byte encode(short sample) {
    int s = sample;
    int sign = (s >> 8) & 0x80;
    if (sign != 0) s = -s;
    if (s > CLIP) s = CLIP;
    s += BIAS;
    int exponent = 7;
    for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
    int mantissa = (s >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }
}
