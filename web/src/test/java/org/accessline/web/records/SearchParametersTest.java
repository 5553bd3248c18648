package org.accessline.web.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.MultiMap;
import java.util.Optional;
import java.util.stream.Stream;
import org.accessline.gateway.store.RecordQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed search parameter is refused with its name; none is dropped. */
class SearchParametersTest {
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("contact", "x".repeat(129)),
        Arguments.of("disposition", "d".repeat(201)),
        Arguments.of("from", "yesterday"),
        Arguments.of("from", "2026-11-22"),
        Arguments.of("to", "2026-13-01T00:00:00Z"),
        Arguments.of("channel", "fax"),
        Arguments.of("channel", "SMS!"),
        Arguments.of("agent", "Robert')"),
        Arguments.of("agent", "a".repeat(65)),
        Arguments.of("q", "?!... ---"),
        Arguments.of("q", "'; --"),
        Arguments.of("q", "w".repeat(201)),
        Arguments.of("tag", "Not A Tag!"),
        Arguments.of("tag", "t".repeat(41)),
        Arguments.of("category", "c".repeat(201)),
        Arguments.of("limit", "0"),
        Arguments.of("limit", "201"),
        Arguments.of("limit", "ten"),
        Arguments.of("limit", "1e3"),
        Arguments.of("offset", "-1"),
        Arguments.of("offset", "1000001"),
        Arguments.of("offset", "99999999999"),
        Arguments.of("sort", "asc"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void aMalformedParameterIsRefusedByName(String field, String value) {
    var e = assertThrows(SearchParameters.BadParameter.class, () -> SearchParameters.search(MultiMap.caseInsensitiveMultiMap().add(field, value)));
    assertEquals(field, e.field(), e.getMessage());
  }

  @Test
  void aParameterGivenTwiceIsRefused() {
    var e = assertThrows(SearchParameters.BadParameter.class,
        () -> SearchParameters.search(MultiMap.caseInsensitiveMultiMap().add("q", "a").add("q", "b")));
    assertEquals("q", e.field());
  }

  @Test
  void fromMustComeBeforeTo() {
    var e = assertThrows(SearchParameters.BadParameter.class, () -> SearchParameters.search(MultiMap.caseInsensitiveMultiMap()
        .add("from", "2026-11-23T00:00:00Z").add("to", "2026-11-22T00:00:00Z")));
    assertEquals("from", e.field());
  }

  @Test
  void theLongestAllowedFiltersAreKeptWhole() {
    RecordQuery q = SearchParameters.search(MultiMap.caseInsensitiveMultiMap().add("contact", "c".repeat(128)).add("disposition", "d".repeat(200))
        .add("channel", "tty").add("q", "Oak, tree!").add("limit", "200").add("offset", "1000000"));
    assertEquals(Optional.of("c".repeat(128)), q.contact());
    assertEquals(Optional.of("d".repeat(200)), q.disposition());
    assertEquals(200, q.limit());
    assertEquals(1_000_000, q.offset());
    assertEquals("channel=tty&contact=" + "c".repeat(128) + "&disposition=" + "d".repeat(200) + "&q=oak tree", SearchParameters.describe(q));
  }

  @Test
  void emptyFieldsOfAFormMeanNoFilter() {
    RecordQuery q = SearchParameters.search(MultiMap.caseInsensitiveMultiMap().add("contact", "").add("q", "  "));
    assertEquals("all records", SearchParameters.describe(q));
  }

  @Test
  void exportsTakeTheirOwnParametersBesideTheFilters() {
    var params = MultiMap.caseInsensitiveMultiMap().add("redact", "true").add("channel", "sms");
    assertEquals("channel=sms", SearchParameters.describe(SearchParameters.filters(params, java.util.Set.of("redact"), 100, 0)));
    assertThrows(SearchParameters.BadParameter.class, () -> SearchParameters.search(params));
  }
}
