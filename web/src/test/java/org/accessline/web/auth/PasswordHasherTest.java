package org.accessline.web.auth;

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
  void theDefaultCostIsWrittenIntoTheHash() {
    assertTrue(PasswordHasher.hash("x".toCharArray()).startsWith("pbkdf2-sha256$" + PasswordHasher.DEFAULT_ITERATIONS + "$"));
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
