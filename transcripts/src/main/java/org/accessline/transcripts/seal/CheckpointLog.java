package org.accessline.transcripts.seal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.store.AuditChain;

/**
 * The checkpoint file: append-only, one line per checkpoint, each line {@code MAC PAYLOAD} where the
 * payload names the line before it by its MAC and lists the record heads that changed since, the
 * records purged since, and the audit log's end. A line is keyed with the seal key, so it cannot be
 * rewritten without it, and chained, so none can be dropped from the middle. Replaying the file
 * gives the latest head each record was seen with.
 */
public final class CheckpointLog {
  /** A record's head as a checkpoint saw it. */
  public record Head(long entries, String hash, long checkpoint) {}

  private final Path file;
  private final SealKey key;
  private final Map<String, Head> heads = new HashMap<>();
  private Optional<AuditChain.Head> audit = Optional.empty();
  private long number;
  private String lastMac = "";
  private long goodBytes;
  private Optional<String> problem = Optional.empty();
  private boolean tornTail;

  private CheckpointLog(Path file, SealKey key) {
    this.file = file;
    this.key = key;
  }

  /** Reads and checks the file (a missing one is empty). Lines after the first bad one are not trusted. */
  public static CheckpointLog open(Path file, SealKey key) throws IOException {
    CheckpointLog log = new CheckpointLog(file, key);
    if (Files.exists(file)) log.replay(Files.readAllBytes(file));
    return log;
  }

  private void replay(byte[] bytes) {
    int start = 0;
    int line = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') end++;
      if (end == bytes.length) {
        // A crash while a line was written leaves it without its newline; it never counted.
        tornTail = true;
        return;
      }
      line++;
      String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      Optional<String> wrong = apply(text);
      if (wrong.isPresent()) {
        problem = Optional.of("checkpoint line " + line + " " + wrong.get());
        return;
      }
      start = end + 1;
      goodBytes = start;
    }
  }

  private Optional<String> apply(String line) {
    int space = line.indexOf(' ');
    if (space < 0 || !key.verifies("checkpoint\n" + line.substring(space + 1), line.substring(0, space))) {
      return Optional.of("does not match its seal (altered, or written with another key)");
    }
    JsonObject payload = new JsonObject(line.substring(space + 1));
    if (payload.getLong("n") != number + 1) return Optional.of("is numbered " + payload.getLong("n") + " where " + (number + 1) + " belongs");
    if (!lastMac.equals(payload.getString("previous"))) return Optional.of("does not follow the line before it");
    number++;
    lastMac = line.substring(0, space);
    for (Object o : payload.getJsonArray("heads")) {
      JsonArray h = (JsonArray) o;
      heads.put(h.getString(0), new Head(h.getLong(1), h.getString(2), number));
    }
    for (Object o : payload.getJsonArray("purged")) {
      heads.remove((String) o);
    }
    JsonObject a = payload.getJsonObject("audit");
    audit = Optional.of(new AuditChain.Head(a.getLong("rows"), a.getString("hash"), number));
    return Optional.empty();
  }

  public synchronized Optional<Head> head(String recordId) {
    return Optional.ofNullable(heads.get(recordId));
  }

  /** Every record the checkpoints know and saw no purge of. */
  public synchronized Set<String> remembered() {
    return Set.copyOf(heads.keySet());
  }

  public synchronized Optional<AuditChain.Head> audit() {
    return audit;
  }

  /** How many lines could be trusted. */
  public synchronized long checkpoints() {
    return number;
  }

  /** Why the file could not be trusted past {@link #checkpoints()}, if it could not. */
  public synchronized Optional<String> problem() {
    return problem;
  }

  /**
   * Appends a checkpoint and makes it durable before returning its number. Only what changed since
   * the last one is written: heads given that differ from the ones remembered, and remembered
   * records among {@code purgedNow}.
   *
   * @param current heads whose seals the caller verified, by record id
   */
  public synchronized long append(Instant at, Map<String, Head> current, Set<String> purgedNow, long auditRows, String auditHash) throws IOException {
    if (problem.isPresent()) {
      throw new IOException("not writing to " + file + ": " + problem.get() + "; keep it as evidence and configure a new checkpoint file");
    }
    JsonArray changed = new JsonArray();
    current.forEach((id, head) -> {
      Head seen = heads.get(id);
      if (seen == null || seen.entries() != head.entries() || !seen.hash().equals(head.hash())) changed.add(new JsonArray().add(id).add(head.entries()).add(head.hash()));
    });
    JsonArray gone = new JsonArray();
    for (String id : purgedNow) if (heads.containsKey(id)) gone.add(id);
    String payload = new JsonObject().put("n", number + 1).put("at", at.toString()).put("previous", lastMac)
        .put("audit", new JsonObject().put("rows", auditRows).put("hash", auditHash)).put("heads", changed).put("purged", gone).encode();
    String mac = key.mac("checkpoint\n" + payload);
    byte[] line = (mac + " " + payload + "\n").getBytes(StandardCharsets.UTF_8);
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      if (tornTail) out.truncate(goodBytes);
      out.position(goodBytes);
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) out.write(buffer);
      out.force(true);
    }
    tornTail = false;
    goodBytes += line.length;
    number++;
    lastMac = mac;
    for (Object o : changed) {
      JsonArray h = (JsonArray) o;
      heads.put(h.getString(0), new Head(h.getLong(1), h.getString(2), number));
    }
    for (Object id : gone) {
      heads.remove((String) id);
    }
    audit = Optional.of(new AuditChain.Head(auditRows, auditHash, number));
    return number;
  }
}
