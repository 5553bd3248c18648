package org.accessline.transcripts.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file on its own: replayed, chained, keyed, and honest about a torn or altered line. */
class CheckpointLogTest {
  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
  @TempDir Path dir;

  private SealKey key() throws Exception {
    return SealKey.loadOrCreate(dir.resolve("seal.key"));
  }

  private CheckpointLog written() throws Exception {
    CheckpointLog log = CheckpointLog.open(dir.resolve("checkpoints.log"), key());
    log.append(T, Map.of("a", new CheckpointLog.Head(3, "h3", 0), "b", new CheckpointLog.Head(2, "hb", 0)), Set.of(), 4, "audit4");
    log.append(T.plusSeconds(300), Map.of("a", new CheckpointLog.Head(5, "h5", 0), "b", new CheckpointLog.Head(2, "hb", 0)), Set.of(), 6, "audit6");
    log.append(T.plusSeconds(600), Map.of("a", new CheckpointLog.Head(5, "h5", 0)), Set.of("b"), 7, "audit7");
    return log;
  }

  @Test
  void replayingTheFileGivesEachRecordsLatestHeadAndOnlyChangesAreWritten() throws Exception {
    written();
    CheckpointLog again = CheckpointLog.open(dir.resolve("checkpoints.log"), key());
    assertEquals(3, again.checkpoints());
    assertEquals(Optional.of(new CheckpointLog.Head(5, "h5", 2)), again.head("a"), "checkpoint #3 did not repeat an unchanged head");
    assertEquals(Optional.empty(), again.head("b"), "purged");
    assertEquals(Set.of("a"), again.remembered());
    assertEquals(7, again.audit().orElseThrow().rows());
    assertEquals(Optional.empty(), again.problem());
    List<String> lines = Files.readAllLines(dir.resolve("checkpoints.log"));
    assertEquals(3, lines.size());
    assertTrue(lines.get(2).contains("\"heads\":[]"), lines.get(2));
  }

  @Test
  void anAlteredLineIsNamedAndNothingFromItOnIsTrustedOrWrittenAfter() throws Exception {
    written();
    Path file = dir.resolve("checkpoints.log");
    List<String> lines = Files.readAllLines(file);
    Files.write(file, List.of(lines.get(0), lines.get(1).replace("\"h5\"", "\"h4\""), lines.get(2)));
    CheckpointLog again = CheckpointLog.open(file, key());
    assertEquals(1, again.checkpoints());
    assertEquals(Optional.of("checkpoint line 2 does not match its seal (altered, or written with another key)"), again.problem());
    assertEquals(Optional.of(new CheckpointLog.Head(3, "h3", 1)), again.head("a"));
    assertThrows(java.io.IOException.class, () -> again.append(T, Map.of(), Set.of(), 0, ""));
  }

  @Test
  void aLineDroppedFromTheMiddleBreaksTheChain() throws Exception {
    written();
    Path file = dir.resolve("checkpoints.log");
    List<String> lines = Files.readAllLines(file);
    Files.write(file, List.of(lines.get(0), lines.get(2)));
    assertEquals(Optional.of("checkpoint line 2 is numbered 3 where 2 belongs"), CheckpointLog.open(file, key()).problem());
  }

  @Test
  void anotherKeyCannotWriteALineThatVerifies() throws Exception {
    written();
    Files.move(dir.resolve("seal.key"), dir.resolve("old.key"));
    assertTrue(CheckpointLog.open(dir.resolve("checkpoints.log"), key()).problem().orElseThrow().contains("line 1"));
  }

  @Test
  void aLineTornByACrashIsIgnoredAndOverwrittenByTheNextCheckpoint() throws Exception {
    written();
    Path file = dir.resolve("checkpoints.log");
    Files.writeString(file, "deadbeef {\"n\":4,\"at\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    CheckpointLog again = CheckpointLog.open(file, key());
    assertEquals(3, again.checkpoints());
    assertEquals(Optional.empty(), again.problem());
    assertEquals(4, again.append(T.plusSeconds(900), Map.of("c", new CheckpointLog.Head(1, "hc", 0)), Set.of(), 8, "audit8"));
    CheckpointLog reread = CheckpointLog.open(file, key());
    assertEquals(4, reread.checkpoints());
    assertEquals(Optional.empty(), reread.problem());
    assertEquals(Set.of("a", "c"), reread.remembered());
  }
}
