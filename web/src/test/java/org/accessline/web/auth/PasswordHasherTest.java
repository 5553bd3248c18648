package org.accessline.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  @Test
  void theRightPasswordVerifiesAndAWrongOneDoesNot() {
    String hash = PasswordHasher.hash("open sesame".toCharArray(), 2_000);
    assertTrue(PasswordHasher.verify("open sesame".toCharArray(), hash));
    assertFalse(PasswordHasher.verify("open sesamE".toCharArray(), hash));
    assertFalse(PasswordHasher.verify("".toCharArray(), hash));
  }

  @Test
  void theSameWordHashesDifferentlyEachTimeBecauseOfTheSalt() {
    assertNotEquals(PasswordHasher.hash("x".toCharArray(), 1_000), PasswordHasher.hash("x".toCharArray(), 1_000));
  }

  @Test
  void theDefaultCostIsOwaspsAndIsWrittenIntoTheHash() {
    assertEquals(600_000, PasswordHasher.DEFAULT_ITERATIONS);
    String hash = PasswordHasher.hash("x".toCharArray());
    assertTrue(hash.startsWith("pbkdf2-sha256$600000$"));
    assertFalse(PasswordHasher.needsUpgrade(hash));
  }

  @Test
  void hashesWithFewerIterationsAreDueForAnUpgrade() {
    assertTrue(PasswordHasher.needsUpgrade("pbkdf2-sha256$310000$c2FsdA$aGFzaA"));
    assertTrue(PasswordHasher.needsUpgrade("pbkdf2-sha256$1000$c2FsdA$aGFzaA"));
    assertFalse(PasswordHasher.needsUpgrade("pbkdf2-sha256$700000$c2FsdA$aGFzaA"));
    assertFalse(PasswordHasher.needsUpgrade("plain"), "not a hash at all is not upgraded, it is refused");
  }

  @Test
  void malformedOrTamperedHashesNeverVerify() {
    String hash = PasswordHasher.hash("pw".toCharArray(), 1_000);
    String[] parts = hash.split("\\$");
    for (String bad : new String[] {"", "plain-text-password", "md5$1$abc$def", parts[0] + "$0$" + parts[2] + "$" + parts[3],
        parts[0] + "$" + parts[1] + "$" + parts[2] + "$AAAA" + parts[3].substring(4), parts[0] + "$x$" + parts[2] + "$" + parts[3]}) {
      assertFalse(PasswordHasher.verify("pw".toCharArray(), bad), bad);
    }
    assertFalse(PasswordHasher.wellFormed("plain"));
    assertTrue(PasswordHasher.wellFormed(hash));
  }
}
