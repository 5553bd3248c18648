package org.accessline.channels.relay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The embedded recogniser: Vosk (Kaldi) with a model folder on disk. Loading takes seconds and
 * tens of megabytes, so it happens once; each call then gets a small recogniser of its own. The
 * model wants 16 kHz, so each call's 8 kHz audio is upsampled on the way in.
 */
public final class VoskSpeech implements SpeechRecognizer {
  private static final float MODEL_RATE = 16_000f;

  private final Model model;
  private final Path folder;

  private VoskSpeech(Model model, Path folder) {
    this.model = model;
    this.folder = folder;
  }

  /** Loads the model in {@code folder}. Blocks for seconds. */
  public static VoskSpeech load(Path folder) throws IOException {
    if (!Files.isDirectory(folder.resolve("am")) || !Files.isDirectory(folder.resolve("conf"))) {
      throw new IOException(folder + " is not a Vosk model folder (it needs am/ and conf/)");
    }
    LibVosk.setLogLevel(LogLevel.WARNINGS);
    return new VoskSpeech(new Model(folder.toString()), folder);
  }

  @Override
  public Transcriber open() {
    try {
      Recognizer recognizer = new Recognizer(model, MODEL_RATE);
      recognizer.setWords(true);
      return new VoskTranscriber(recognizer);
    } catch (IOException e) {
      throw new IllegalStateException("could not open a recogniser on " + folder + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "Vosk model " + folder;
  }

  @Override
  public void close() {
    model.close();
  }

  private static final class VoskTranscriber implements Transcriber {
    private final Recognizer recognizer;
    private final double[] history = Resampling.history();
    private String lastPartial = "";
    private boolean closed;

    VoskTranscriber(Recognizer recognizer) {
      this.recognizer = recognizer;
    }

    @Override
    public List<Heard> accept(short[] pcm, int offset, int length) {
      short[] wide = Resampling.upsample(pcm, offset, length, history);
      List<Heard> out = new ArrayList<>(1);
      if (recognizer.acceptWaveForm(wide, wide.length)) {
        lastPartial = "";
        finalResult(recognizer.getResult(), out);
      } else {
        String partial = new JsonObject(recognizer.getPartialResult()).getString("partial", "");
        if (!partial.equals(lastPartial)) {
          lastPartial = partial;
          if (!partial.isBlank()) out.add(new Heard.Partial(partial));
        }
      }
      return out;
    }

    @Override
    public List<Heard> finish() {
      List<Heard> out = new ArrayList<>(1);
      finalResult(recognizer.getFinalResult(), out);
      return out;
    }

    private static void finalResult(String json, List<Heard> out) {
      JsonObject result = new JsonObject(json);
      String text = result.getString("text", "").strip();
      if (text.isEmpty()) return;
      JsonArray words = result.getJsonArray("result", new JsonArray());
      double sum = 0;
      for (int i = 0; i < words.size(); i++) sum += words.getJsonObject(i).getDouble("conf", 0.0);
      double confidence = words.isEmpty() ? 0 : Math.max(0, Math.min(1, sum / words.size()));
      out.add(new Heard.Final(text, confidence));
    }

    @Override
    public void close() {
      if (closed) return;
      closed = true;
      recognizer.close();
    }
  }
}
