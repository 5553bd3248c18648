package org.accessline.transcripts.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each redaction rule, with the near-misses that must stay readable beside the ones it must catch. */
class RedactionTest {
  private static final String CONTACT = "+15550009876";

  static Stream<Arguments> masked() {
    return Stream.of(
        // card numbers that pass the Luhn check, however they are typed
        Arguments.of("my card is 4111 1111 1111 1111 exp 12/29", "my card is [card number removed] exp 12/29"),
        Arguments.of("4111-1111-1111-1111", "[card number removed]"),
        Arguments.of("5500005555555559.", "[card number removed]."),
        Arguments.of("amex 3782 822463 10005", "amex [card number removed]"),
        // SSNs with dashes, spaces, or none
        Arguments.of("ssn 123-45-6789 thanks", "ssn [SSN removed] thanks"),
        Arguments.of("ssn 123 45 6789", "ssn [SSN removed]"),
        Arguments.of("my ssn is 123456789.", "my ssn is [SSN removed]."),
        Arguments.of("SSN:123456789", "SSN:[SSN removed]"),
        // phone numbers, North American and international
        Arguments.of("call me at 415-555-0134", "call me at [phone removed]"),
        Arguments.of("call me at (415) 555-0134 after 5", "call me at [phone removed] after 5"),
        Arguments.of("415.555.0134", "[phone removed]"),
        Arguments.of("4155550134", "[phone removed]"),
        Arguments.of("+1 415 555 0134", "[phone removed]"),
        Arguments.of("1-415-555-0134", "[phone removed]"),
        Arguments.of("1.415.555.0134", "[phone removed]"),
        Arguments.of("my cousin is on +44 20 7946 0958", "my cousin is on [phone removed]"),
        // email addresses
        Arguments.of("write to jane.doe+311@example.org please", "write to [email removed] please"),
        Arguments.of("J_Smith@mail.city.gov.", "[email removed]."),
        // the resident's own number, in any form, even one the general rule would leave (exchange 000)
        Arguments.of("my number is +15550009876", "my number is [contact removed]"),
        Arguments.of("my number is 555-000-9876", "my number is [contact removed]"),
        Arguments.of("my number is (555) 000 9876", "my number is [contact removed]"),
        Arguments.of("call 1 555 000 9876", "call [contact removed]"));
  }

  static Stream<String> leftAlone() {
    return Stream.of(
        "my service request is SR-2026-0012345",
        "ticket 311-0012345",
        "case 311-555-0134 ref",
        "ticket 4411",
        "order 1234567890123 is wrong",
        "case 000-12-3456",
        "not an ssn 900-12-3456",
        "on 2026-11-22 at 10:30",
        "on 11/22/2026",
        "it costs $1,234.56",
        "a bill of $123456789",
        "the pothole at 12345 Main Street",
        "zip 94103-1234",
        "permit BP-123456789",
        "reference #4155550134",
        "code 415-555-0134X",
        "exchange 415-111-0134",
        "an @ sign alone, user@ or @host",
        "the hearing is at 2:30 pm in room 123-A");
  }

  @ParameterizedTest
  @MethodSource("masked")
  void masks(String text, String expected) {
    assertEquals(expected, Redaction.mask(text, Optional.of(CONTACT)), text);
  }

  @ParameterizedTest
  @MethodSource("leftAlone")
  void leavesNearMissesAlone(String text) {
    assertEquals(text, Redaction.mask(text, Optional.of(CONTACT)), text);
  }

  @ParameterizedTest
  @MethodSource("leftAlone")
  void leavesNearMissesAloneWithoutAContact(String text) {
    assertEquals(text, Redaction.mask(text), text);
  }
}
