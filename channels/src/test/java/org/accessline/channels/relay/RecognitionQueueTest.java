package org.accessline.channels.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.accessline.channels.relay.RecognitionQueue.Flow;
import org.junit.jupiter.api.Test;

class RecognitionQueueTest {
  private static final int FRAME = 160;
  private static final int SECOND = 50;
  private int counter;

  /** A frame whose samples count up, so order and loss show. */
  private short[] frame() {
    short[] f = new short[FRAME];
    f[0] = (short) counter++;
    return f;
  }

  @Test
  void longQuietCostsTheRecogniserOnlyItsEdges() {
    RecognitionQueue q = new RecognitionQueue(Long.MAX_VALUE / 4);
    for (int i = 0; i < 2 * SECOND; i++) q.frame(frame(), true);
    for (int i = 0; i < 20 * SECOND; i++) q.frame(frame(), false);
    for (int i = 0; i < SECOND; i++) q.frame(frame(), true);
    long trailing = RecognitionQueue.TRAILING_QUIET_MS * 8L;
    long preRoll = RecognitionQueue.PRE_ROLL_FRAMES * (long) FRAME;
    assertEquals(3 * 8000 + trailing + preRoll, q.passedSamples());
    List<short[]> heard = drainAll(q);
    // The quiet just before the second stretch of speech is heard, right before it.
    int lastBefore = 2 * SECOND + 20 * SECOND - 1;
    assertEquals(lastBefore, heard.get(heard.size() - SECOND - 1)[0]);
    assertEquals(lastBefore - RecognitionQueue.PRE_ROLL_FRAMES + 1, heard.get(heard.size() - SECOND - RecognitionQueue.PRE_ROLL_FRAMES)[0]);
  }

  @Test
  void aCallFarBehindLeavesInOneSecondBatchesInOrderWithNothingLost() {
    RecognitionQueue q = new RecognitionQueue(Long.MAX_VALUE / 4);
    for (int i = 0; i < 90 * SECOND; i++) q.frame(frame(), true);
    List<short[]> heard = new ArrayList<>();
    while (!q.isEmpty()) {
      List<short[]> batch = q.nextBatch();
      assertTrue(batch.size() <= RecognitionQueue.BATCH_SAMPLES / FRAME, "batches are at most a second");
      heard.addAll(batch);
      q.recognised(batch);
    }
    assertEquals(90 * SECOND, heard.size());
    for (int i = 0; i < heard.size(); i++) assertEquals(i, heard.get(i)[0]);
    assertEquals(0, q.waitingSamples());
  }

  @Test
  void pastTheBacklogTheStreamIsPausedOnceAndResumedAtHalfWithNothingDropped() {
    long backlog = 5 * 8000L;
    RecognitionQueue q = new RecognitionQueue(backlog);
    List<Flow> flows = new ArrayList<>();
    // Recognition stalls while 12 s arrive (the socket's buffers hold what comes after a pause).
    for (int i = 0; i < 12 * SECOND; i++) flows.add(q.frame(frame(), true));
    assertEquals(1, flows.stream().filter(f -> f == Flow.PAUSE).count());
    assertEquals(Flow.PAUSE, flows.get(5 * SECOND));
    assertEquals(12 * 8000L, q.waitingSamples());
    List<short[]> heard = new ArrayList<>();
    List<Flow> after = new ArrayList<>();
    long waitingAtResume = -1;
    while (!q.isEmpty()) {
      List<short[]> batch = q.nextBatch();
      heard.addAll(batch);
      Flow f = q.recognised(batch);
      if (f == Flow.RESUME) waitingAtResume = q.waitingSamples();
      after.add(f);
    }
    assertEquals(1, after.stream().filter(f -> f == Flow.RESUME).count());
    assertTrue(waitingAtResume <= backlog / 2 && waitingAtResume > backlog / 2 - 8000, "resumed at half the backlog: " + waitingAtResume);
    assertEquals(12 * SECOND, heard.size());
    for (int i = 0; i < heard.size(); i++) assertEquals(i, heard.get(i)[0]);
  }

  @Test
  void aBatchWaitsFor200MsOfSpeechOrForTheEndOfIt() {
    RecognitionQueue q = new RecognitionQueue(Long.MAX_VALUE / 4);
    for (int i = 0; i < 9; i++) q.frame(frame(), true);
    assertTrue(!q.ready(), "180 ms of speech waits for more");
    q.frame(frame(), true);
    assertTrue(q.ready());
    List<short[]> first = q.nextBatch();
    assertEquals(10, first.size());
    q.frame(frame(), true);
    assertTrue(!q.ready(), "a new frame while a batch is out waits too");
    q.recognised(first);
    int quietFrames = RecognitionQueue.TRAILING_QUIET_MS / 20;
    List<Integer> batchSizes = new ArrayList<>();
    for (int i = 0; i < quietFrames; i++) {
      q.frame(frame(), false);
      if (q.ready()) {
        List<short[]> b = q.nextBatch();
        batchSizes.add(b.size());
        q.recognised(b);
      }
    }
    assertTrue(q.isEmpty(), "the last of the quiet after speech goes at once, however short");
    assertTrue(batchSizes.get(batchSizes.size() - 1) < 10, "the last batch is short: " + batchSizes);
    q.frame(frame(), false);
    assertTrue(!q.ready() && q.isEmpty(), "quiet past the end of speech is not recognised");
  }

  @Test
  void audioHeardBeforeTheCallBecameARelayCallIsAlwaysRecognised() {
    RecognitionQueue q = new RecognitionQueue(Long.MAX_VALUE / 4);
    q.always(new short[4000]);
    assertEquals(4000, q.passedSamples());
    assertEquals(4000, q.waitingSamples());
  }

  private static List<short[]> drainAll(RecognitionQueue q) {
    List<short[]> out = new ArrayList<>();
    while (!q.isEmpty()) {
      List<short[]> b = q.nextBatch();
      out.addAll(b);
      q.recognised(b);
    }
    return out;
  }
}
