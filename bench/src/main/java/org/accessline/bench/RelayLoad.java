package org.accessline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.accessline.channels.relay.RecognitionBatches;
import org.accessline.channels.relay.RecognitionQueue;
import org.accessline.channels.relay.SpeechRecognizer;
import org.accessline.channels.relay.VoskSpeech;
import org.accessline.channels.tty.VoiceActivity;

/**
 * Concurrent relay calls in real time, recognised as {@code RelayCallSession} does: each call's
 * 20 ms frames go through the same voice detector and {@link RecognitionQueue} (speech and the
 * quiet around it only, one-second batches), and a call hands one batch at a time to a shared pool
 * of workers. Reports how far behind the audio recognition is.
 */
final class RelayLoad {
  private RelayLoad() {}

  /** What each call's assistant says: {@code script} played in a loop, from a different point for each call. */
  static void run(VoskSpeech speech, String mode, short[] script, int n, int threads, int seconds) throws Exception {
    List<Thread> workerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "recognition");
      workerThreads.add(t);
      return t;
    });
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    List<Call> streams = new ArrayList<>();
    for (int i = 0; i < n; i++) streams.add(new Call(speech.open(), script, (int) ((long) i * script.length / n), workers));
    long start = System.nanoTime();
    int frames = seconds * 50;
    double[] worst = new double[1];
    var ticker = clock.scheduleAtFixedRate(() -> {
      for (Call c : streams) worst[0] = Math.max(worst[0], c.arrive());
    }, 0, 20, TimeUnit.MILLISECONDS);
    while (streams.get(0).arrived() < frames) Thread.sleep(20);
    ticker.cancel(false);
    clock.shutdown();
    clock.awaitTermination(5, TimeUnit.SECONDS);
    // Batches on the workers finish, so their CPU time is counted with the audio it recognised.
    for (Call c : streams) c.awaitIdle();
    double maxLag = 0;
    double sumLag = 0;
    long passed = 0;
    for (Call c : streams) {
      double lag = c.lagSeconds();
      maxLag = Math.max(maxLag, lag);
      sumLag += lag;
      passed += c.passedSamples();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    // The workers' CPU time per second of audio they recognised, times the share of a call's audio
    // that reaches them: what a call costs, whatever else the machine runs.
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long cpuNanos = 0;
    for (Thread t : workerThreads) cpuNanos += Math.max(0, cpu.getThreadCpuTime(t.getId()));
    long recognised = 0;
    long passedAll = 0;
    for (Call c : streams) {
      recognised += c.passedSamples() - Math.round(c.lagSeconds() * RecognitionQueue.SAMPLE_RATE);
      passedAll += c.passedSamples();
    }
    double perAudioSecond = cpuNanos / 1e9 / (recognised / (double) RecognitionQueue.SAMPLE_RATE);
    double corePerCall = perAudioSecond * passedAll / (n * (double) frames * 160);
    double heard = passed / (double) RecognitionQueue.SAMPLE_RATE / n;
    System.out.printf(Locale.ROOT, "  %-10s %3d calls: %2.0f s each, %4.1f s of it to the recogniser; %.3f of a core per call (%.0f such calls per %d cores); "
        + "behind by %.2f s on average, %.2f s at most at the end, %.2f s at most during (%s)%n", mode, n, wall, heard, corePerCall,
        Runtime.getRuntime().availableProcessors() / corePerCall, Runtime.getRuntime().availableProcessors(), sumLag / n, maxLag, worst[0],
        Math.max(maxLag, worst[0]) < 1.5 ? "real time" : "falling behind: audio queues");
    workers.shutdownNow();
    workers.awaitTermination(30, TimeUnit.SECONDS);
    streams.forEach(s -> s.transcriber.close());
  }

  private static final class Call {
    final SpeechRecognizer.Transcriber transcriber;
    final short[] script;
    final ExecutorService workers;
    final VoiceActivity voice = new VoiceActivity(300, RecognitionQueue.SAMPLE_RATE);
    final RecognitionQueue queue = new RecognitionQueue(Long.MAX_VALUE / 4);
    int at;
    int arrived;
    boolean busy;
    boolean stopping;

    Call(SpeechRecognizer.Transcriber transcriber, short[] script, int offset, ExecutorService workers) {
      this.transcriber = transcriber;
      this.script = script;
      this.at = offset - offset % 160;
      this.workers = workers;
    }

    /** A frame arrives; returns how far behind recognition is, in seconds. */
    synchronized double arrive() {
      short[] frame = new short[160];
      for (int i = 0; i < 160; i++) frame[i] = script[(at + i) % script.length];
      at = (at + 160) % script.length;
      arrived++;
      queue.frame(frame, voice.frame(frame, frame.length));
      drain();
      return lagSeconds();
    }

    synchronized void awaitIdle() throws InterruptedException {
      stopping = true;
      while (busy) wait(50);
    }

    synchronized int arrived() {
      return arrived;
    }

    synchronized long passedSamples() {
      return queue.passedSamples();
    }

    private synchronized void drain() {
      if (busy || !queue.ready()) return;
      busy = true;
      List<short[]> batch = queue.nextBatch();
      try {
        workers.execute(() -> {
          RecognitionBatches.recognise(transcriber, batch);
          synchronized (this) {
            queue.recognised(batch);
            busy = false;
            notifyAll();
            if (!stopping) drain();
          }
        });
      } catch (RejectedExecutionException stopping) {
        busy = false;
      }
    }

    synchronized double lagSeconds() {
      return queue.waitingSamples() / (double) RecognitionQueue.SAMPLE_RATE;
    }
  }
}
