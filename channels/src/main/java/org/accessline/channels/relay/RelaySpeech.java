package org.accessline.channels.relay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The speech engines every relay call shares, and the worker threads they run on, apart from the
 * event loop: recognition of all calls is spread over {@code recognitionThreads} threads, each
 * call's audio in order.
 */
public record RelaySpeech(SpeechRecognizer recognizer, SpeechSynthesizer voice, WorkerExecutor workers) implements AutoCloseable {

  /** Loads the model and the voice on a worker thread: seconds, never on the event loop. */
  public static Future<RelaySpeech> load(Vertx vertx, RelaySettings settings, Path dataDir) {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("relay-speech", settings.recognitionThreads(), Duration.ofMinutes(5).toNanos(),
        TimeUnit.NANOSECONDS);
    return workers.executeBlocking(() -> {
      try {
        Path model = settings.modelDir().isBlank() ? SpeechModelFiles.unpacked(dataDir, settings.decoding()) : Path.of(settings.modelDir());
        SpeechRecognizer recognizer = VoskSpeech.load(model);
        return new RelaySpeech(recognizer, FreeTtsVoice.load(), workers);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, false).onFailure(e -> workers.close());
  }

  @Override
  public void close() {
    workers.close();
    recognizer.close();
    voice.close();
  }
}
