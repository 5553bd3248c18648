package org.accessline.channels.tty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Mono 16-bit PCM WAV files: for recordings, tools and tests. */
public final class WavAudio {
  private WavAudio() {}

  public record Pcm(int sampleRate, short[] samples) {}

  public static Pcm read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) throw new IOException(file + " is not a WAV file");
    int pos = 12;
    int rate = 0;
    int channels = 0;
    int bitsPerSample = 0;
    while (pos + 8 <= b.limit()) {
      int id = b.getInt(pos);
      int size = b.getInt(pos + 4);
      int body = pos + 8;
      if (id == 0x20746d66) { // "fmt "
        int format = b.getShort(body) & 0xFFFF;
        channels = b.getShort(body + 2);
        rate = b.getInt(body + 4);
        bitsPerSample = b.getShort(body + 14);
        if ((format != 1 && format != 0xFFFE) || bitsPerSample != 16 || channels != 1) {
          throw new IOException(file + ": only mono 16-bit PCM is supported");
        }
      } else if (id == 0x61746164) { // "data"
        if (rate == 0) throw new IOException(file + ": data before format");
        int length = Math.min(size, b.limit() - body) / 2;
        short[] samples = new short[length];
        b.position(body);
        b.asShortBuffer().get(samples);
        return new Pcm(rate, samples);
      }
      pos = body + size + (size & 1);
    }
    throw new IOException(file + " has no audio data");
  }

  public static void write(Path file, int sampleRate, short[] samples) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x46464952).putInt(36 + samples.length * 2).putInt(0x45564157);
    b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
    b.putInt(0x61746164).putInt(samples.length * 2);
    for (short s : samples) b.putShort(s);
    Files.write(file, b.array());
  }
}
