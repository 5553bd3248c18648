package org.accessline.transcripts.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void cardNumbersThatPassTheLuhnCheckAreMaskedHoweverTheyAreTyped() {
    assertEquals("my card is [card number removed] exp 12/29", Redaction.mask("my card is 4111 1111 1111 1111 exp 12/29"));
    assertEquals("[card number removed]", Redaction.mask("4111-1111-1111-1111"));
    assertEquals("[card number removed].", Redaction.mask("5500005555555559."));
  }

  @Test
  void socialSecurityNumbersAreMasked() {
    assertEquals("ssn [SSN removed] thanks", Redaction.mask("ssn 123-45-6789 thanks"));
  }

  @Test
  void ordinaryNumbersAreLeftAlone() {
    for (String text : new String[] {"call 555-123-4567", "ticket 4411", "order 1234567890123 is wrong", "case 000-12-3456", "on 2026-11-22"}) {
      assertEquals(text, Redaction.mask(text), text);
    }
  }
}
