package org.accessline.transcripts.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealKeyTest {
  @TempDir Path dir;

  @Test
  void theKeyIsCreatedOnceForItsOwnerAndReadBackTheSame() throws Exception {
    Path file = dir.resolve("keys/seal.key");
    SealKey first = SealKey.loadOrCreate(file);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(Files.readString(file).strip().matches("[0-9a-f]{64}"));
    assertEquals(first.sealHead("rec", 3, "h"), SealKey.loadOrCreate(file).sealHead("rec", 3, "h"));
    assertFalse(first.sealHead("rec", 3, "h").equals(SealKey.loadOrCreate(dir.resolve("other.key")).sealHead("rec", 3, "h")), "another key, another seal");
  }

  @Test
  void aMalformedOrSharedKeyFileIsRefusedWithItsReason() throws Exception {
    Path bad = dir.resolve("bad.key");
    Files.writeString(bad, "not a key");
    Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-------"));
    assertTrue(assertThrows(IOException.class, () -> SealKey.loadOrCreate(bad)).getMessage().contains("64 hex digits"));
    Path shared = dir.resolve("shared.key");
    SealKey.loadOrCreate(shared);
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
    assertTrue(assertThrows(IOException.class, () -> SealKey.loadOrCreate(shared)).getMessage().contains("chmod 600"));
  }

  @Test
  void aPurgeSealCoversEveryFieldOfTheFact() throws Exception {
    SealKey key = SealKey.loadOrCreate(dir.resolve("seal.key"));
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    PurgeFact fact = new PurgeFact("rec", t, t.plusSeconds(60), t.plusSeconds(86_400), PurgeFact.RETENTION, PurgeFact.retentionReason(t));
    String seal = key.sealPurge(fact);
    assertTrue(key.sealedPurge(fact, seal));
    assertFalse(key.sealedPurge(new PurgeFact("other", t, t.plusSeconds(60), t.plusSeconds(86_400), PurgeFact.RETENTION, fact.reason()), seal));
    assertFalse(key.sealedPurge(new PurgeFact("rec", t, t.plusSeconds(60), t.plusSeconds(86_400), "mallory", fact.reason()), seal));
    assertFalse(key.sealedPurge(fact, null));
  }
}
