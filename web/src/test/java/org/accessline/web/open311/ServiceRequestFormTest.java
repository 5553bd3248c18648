package org.accessline.web.open311;

import org.accessline.web.config.Open311Config;
import org.accessline.web.config.Open311Format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The agent's answers checked against a service's questions, sent in the spec's form, and the endpoint's refusals put by their fields. */
class ServiceRequestFormTest {
  private static final String REF = "7f1c0c52-5b7e-4d8e-9d38-0d6f4a1e2b3c";
  private final GeoReport.Definition pothole = new GeoReportReader(Open311Format.JSON).definition(FakeGeoReport.definition("POTHOLE").encode());

  private static JsonObject input(JsonObject attributes) {
    return new JsonObject().put("description", "Deep hole").put("address", "1200 W Elm St").put("attributes", attributes);
  }

  private List<String> refusedFields(JsonObject input) {
    return ((ServiceRequestForm.Checked.Refused) ServiceRequestForm.check(input, pothole, REF)).errors().stream().map(ServiceRequestForm.FieldError::field).toList();
  }

  @Test
  void goodAnswersBecomeTheSpecsFieldsWithOurReference() {
    JsonObject fields = ((ServiceRequestForm.Checked.Fields) ServiceRequestForm.check(input(new JsonObject().put("WHERE", "street").put("DEPTH", " 6.5 ")
        .put("SEEN", "2026-11-28T09:30:00-06:00").put("HAZARDS", new JsonArray().add("water").add("debris")).put("NOTES", "")), pothole, REF)).fields();
    assertEquals("POTHOLE", fields.getString("service_code"));
    assertEquals("Deep hole [ref " + REF + "]", fields.getString("description"));
    assertTrue(ServiceRequestForm.carries(fields.getString("description"), REF));
    assertEquals("6.5", fields.getString("attribute[DEPTH]"));
    assertEquals(false, fields.containsKey("attribute[NOTES]"), "an empty optional answer is left out");
    assertEquals(List.of(Map.entry("service_code", "POTHOLE"), Map.entry("description", "Deep hole [ref " + REF + "]"), Map.entry("address_string", "1200 W Elm St"),
        Map.entry("attribute[WHERE]", "street"), Map.entry("attribute[DEPTH]", "6.5"), Map.entry("attribute[SEEN]", "2026-11-28T09:30:00-06:00"),
        Map.entry("attribute[HAZARDS][]", "water"), Map.entry("attribute[HAZARDS][]", "debris")), ServiceRequestForm.wireFields(fields));
  }

  @Test
  void eachWrongAnswerIsNamedByItsField() {
    assertEquals(List.of("WHERE"), refusedFields(input(new JsonObject())), "required");
    assertEquals(List.of("WHERE"), refusedFields(input(new JsonObject().put("WHERE", "river"))), "not in the list");
    assertEquals(List.of("DEPTH"), refusedFields(input(new JsonObject().put("WHERE", "street").put("DEPTH", "deep"))));
    assertEquals(List.of("SEEN"), refusedFields(input(new JsonObject().put("WHERE", "street").put("SEEN", "2026-11-28 09:30"))), "a time needs its zone");
    assertEquals(List.of("HAZARDS"), refusedFields(input(new JsonObject().put("WHERE", "street").put("HAZARDS", "water"))), "a multi-value answer is a list");
    assertEquals(List.of("HAZARDS"), refusedFields(input(new JsonObject().put("WHERE", "street").put("HAZARDS", new JsonArray().add("fire")))));
    assertEquals(List.of("INFO"), refusedFields(input(new JsonObject().put("WHERE", "street").put("INFO", "x"))), "text to show is not asked for");
    assertEquals(List.of("NOPE"), refusedFields(input(new JsonObject().put("WHERE", "street").put("NOPE", "x"))));
    assertEquals(List.of("description", "address"), refusedFields(new JsonObject().put("attributes", new JsonObject().put("WHERE", "street"))));
    assertEquals(List.of("attributes", "WHERE"), refusedFields(input(new JsonObject()).put("attributes", "WHERE=street")));
    assertEquals(List.of("description"), refusedFields(input(new JsonObject().put("WHERE", "street")).put("description", "x".repeat(4001))));
    assertInstanceOf(ServiceRequestForm.Checked.Fields.class, ServiceRequestForm.check(input(new JsonObject().put("WHERE", "street")).put("address", "")
        .put("lat", 41.88).put("long", -87.63), pothole, REF), "a place may be given as latitude and longitude");
    assertEquals(List.of("address"), refusedFields(input(new JsonObject().put("WHERE", "street")).put("address", "").put("lat", 141.0).put("long", -87.63)));
  }

  @Test
  void theEndpointsErrorsGoToTheFieldsTheyName() {
    JsonObject fields = new JsonObject().put("description", "x").put("attribute[WHERE]", "street").put("attribute[DEPTH]", "6");
    assertEquals(List.of(new ServiceRequestForm.FieldError("DEPTH", "attribute[DEPTH] must be under 48 inches"),
        new ServiceRequestForm.FieldError("WHERE", "WHERE is not served in this ward"),
        new ServiceRequestForm.FieldError("address", "The location is outside the city"),
        new ServiceRequestForm.FieldError("", "Duplicate report")),
        ServiceRequestForm.byField(List.of(new GeoReport.ApiError("400", "attribute[DEPTH] must be under 48 inches"),
            new GeoReport.ApiError("400", "WHERE is not served in this ward"), new GeoReport.ApiError("400", "The location is outside the city"),
            new GeoReport.ApiError("400", "Duplicate report")), fields));
    assertEquals("The city's system refused the request (403).", ServiceRequestForm.byField(List.of(new GeoReport.ApiError("403", "")), fields).get(0).message());
    assertEquals(false, ServiceRequestForm.carries("hole [ref " + REF + "]", "00000000-0000-4000-8000-000000000000"));
    assertEquals(false, ServiceRequestForm.carries(null, REF));
  }

  @Test
  void aLikelyAddressIsFoundInWhatTheResidentWroteTheLatestFirst() {
    assertEquals(Optional.of("1200 W Elm St"), AddressGuess.in(List.of("There is a pothole outside 1200 W Elm St, my tire popped")));
    assertEquals(Optional.of("415 N Lake Shore Dr"), AddressGuess.in(List.of("Big pothole in front of 415 N Lake Shore Dr, please fix")));
    assertEquals(Optional.of("22 Oak Avenue"), AddressGuess.in(List.of("It's at 10 Main St", "sorry, I meant 22 Oak Avenue")));
    assertEquals(Optional.of("10 Main St"), AddressGuess.in(List.of("It's at 10 Main St", "thanks")));
    assertEquals(Optional.of("Main St and 3rd"), AddressGuess.in(List.of("corner of Main St and 3rd")));
    assertEquals(Optional.of("301 Pine Rd Apt 4B"), AddressGuess.in(List.of("I live at 301 Pine Rd Apt 4B")));
    assertEquals(Optional.empty(), AddressGuess.in(List.of("trash and bottles everywhere", "call me at 555 1234")));
    assertEquals(Optional.empty(), AddressGuess.in(List.of()));
  }
}
