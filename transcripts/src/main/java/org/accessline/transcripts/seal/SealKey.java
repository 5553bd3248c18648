package org.accessline.transcripts.seal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC key that seals record heads, purges and checkpoints. It lives in a file outside the
 * database, readable by its owner only: whoever can change the database but not read this file
 * cannot forge a seal.
 */
public final class SealKey {
  private static final int BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  private SealKey(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
      }
    });
  }

  /**
   * Reads the key, or creates it (owner read and write only) if the file does not exist yet. A key
   * file others may read is refused: a seal is only as good as the key's secrecy.
   */
  public static SealKey loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) create(file);
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.stream().anyMatch(p -> !OWNER_ONLY.contains(p))) {
        throw new IOException("the seal key " + file + " may be read by others (" + PosixFilePermissions.toString(perms) + "); run chmod 600 on it");
      }
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (!text.matches("[0-9a-f]{64}")) throw new IOException("the seal key " + file + " is not 64 hex digits");
    return new SealKey(HexFormat.of().parseHex(text));
  }

  private static void create(Path file) throws IOException {
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    byte[] secret = new byte[BYTES];
    new SecureRandom().nextBytes(secret);
    try {
      if (Files.getFileStore(file.getParent() == null ? Path.of(".") : file.getParent()).supportsFileAttributeView("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException raced) {
      return;
    }
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE); OutputStream stream = java.nio.channels.Channels.newOutputStream(out)) {
      stream.write((HexFormat.of().formatHex(secret) + "\n").getBytes(StandardCharsets.US_ASCII));
      stream.flush();
      out.force(true);
    }
  }

  /** HMAC-SHA256 of the text, in hex. */
  public String mac(String text) {
    return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether {@code mac} is the text's HMAC, compared in constant time. */
  public boolean verifies(String text, String mac) {
    return mac != null && MessageDigest.isEqual(mac(text).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
  }

  /** The seal of a record's head: how many entries it has, and the last one's hash. */
  public String sealHead(String recordId, long entries, String lastHash) {
    return mac(headText(recordId, entries, lastHash));
  }

  static String headText(String recordId, long entries, String lastHash) {
    return "head\n" + recordId + "\n" + entries + "\n" + (lastHash == null ? "" : lastHash);
  }

  /** The seal of a purge's record, so a forged one cannot explain a deletion away. */
  public String sealPurge(PurgeFact fact) {
    return mac(purgeText(fact));
  }

  /** Whether {@code seal} is the purge fact's seal. */
  public boolean sealedPurge(PurgeFact fact, String seal) {
    return verifies(purgeText(fact), seal);
  }

  private static String purgeText(PurgeFact fact) {
    return ("purged\n" + fact.id() + "\n" + millis(fact.openedAt()) + "\n" + millis(fact.resolvedAt()) + "\n" + millis(fact.purgedAt()) + "\n"
        + fact.purgedBy() + "\n" + fact.reason());
  }

  private static String millis(java.time.Instant at) {
    return at == null ? "" : Long.toString(at.toEpochMilli());
  }
}
