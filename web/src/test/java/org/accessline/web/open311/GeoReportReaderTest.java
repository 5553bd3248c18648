package org.accessline.web.open311;

import org.accessline.web.config.Open311Config;
import org.accessline.web.config.Open311Format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both formats read alike: the stand-in's answers in JSON and in XML give the same services, questions, ids, tokens, statuses and errors. */
class GeoReportReaderTest {
  private final GeoReportReader json = new GeoReportReader(Open311Format.JSON);
  private final GeoReportReader xml = new GeoReportReader(Open311Format.XML);

  @Test
  void servicesAndDefinitionsReadTheSameFromJsonAndXml() {
    JsonArray services = FakeGeoReport.services();
    List<GeoReport.Service> fromJson = json.services(services.encode());
    assertEquals(fromJson, xml.services(GeoReportXmlWriter.write("/v2/services.xml", services)));
    assertEquals(new GeoReport.Service("POTHOLE", "Pothole in street", "A hole in the street or alley", true, "realtime", "Streets"), fromJson.get(0));

    JsonObject pothole = FakeGeoReport.definition("POTHOLE");
    GeoReport.Definition d = json.definition(pothole.encode());
    assertEquals(d, xml.definition(GeoReportXmlWriter.write("/v2/services/POTHOLE.xml", pothole)));
    assertEquals(List.of("WHERE", "DEPTH", "SEEN", "HAZARDS", "NOTES", "INFO"), d.attributes().stream().map(GeoReport.Attribute::code).toList());
    GeoReport.Attribute where = d.attributes().get(0);
    assertEquals(GeoReport.Datatype.SINGLEVALUELIST, where.datatype());
    assertEquals(true, where.required());
    assertEquals(List.of(new GeoReport.Value("street", "In the street"), new GeoReport.Value("alley", "In an alley")), where.values());
    assertEquals(false, d.attributes().get(5).variable());
    GeoReport.Definition none = xml.definition(GeoReportXmlWriter.write("/v2/services/GRAFFITI.xml", FakeGeoReport.definition("GRAFFITI")));
    assertEquals(List.of(), none.attributes());
  }

  @Test
  void aNewRequestGivesAnIdOrATokenAndATokenLaterGivesTheId() {
    assertEquals(new GeoReport.Posted.Id("638344"), json.posted("[{\"service_request_id\":\"638344\",\"service_notice\":\"\",\"account_id\":null}]"));
    assertEquals(new GeoReport.Posted.Id("638344"), xml.posted("<service_requests><request><service_request_id>638344</service_request_id></request></service_requests>"));
    assertEquals(new GeoReport.Posted.Token("12345"), xml.posted("<service_requests><request><token>12345</token></request></service_requests>"));
    assertEquals(Optional.empty(), json.idForToken("[{\"token\":\"12345\"}]"));
    assertEquals(Optional.of("638344"), xml.idForToken("<service_requests><request><service_request_id>638344</service_request_id><token>12345</token></request></service_requests>"));
    assertThrows(GeoReport.Malformed.class, () -> json.posted("[]"));
    assertThrows(GeoReport.Malformed.class, () -> json.posted("[{\"service_notice\":\"x\"}]"));
  }

  @Test
  void statusAndErrorsReadFromBothFormats() {
    String body = "<service_requests><request><service_request_id>1</service_request_id><status>closed</status><status_notes>Filled</status_notes>"
        + "<service_code>POTHOLE</service_code><description>hole [ref x]</description></request></service_requests>";
    GeoReport.RequestStatus s = xml.requests(body).get(0);
    assertEquals(true, s.closed());
    assertEquals(Optional.of("Filled"), s.statusNotes());
    assertEquals(Optional.of("hole [ref x]"), s.description());
    assertEquals(List.of(new GeoReport.ApiError("400", "attribute[WHERE] is required")),
        xml.errors("<errors><error><code>400</code><description>attribute[WHERE] is required</description></error></errors>"));
    assertEquals(List.of(new GeoReport.ApiError("403", "api_key is not valid")), json.errors("[{\"code\":403,\"description\":\"api_key is not valid\"}]"));
    assertEquals(List.of(), json.errors("down for maintenance"), "a body that is no error array gives no errors");
  }

  @Test
  void whatIsNotTheSpecsShapeIsRefusedAndNoDtdIsRead() {
    assertThrows(GeoReport.Malformed.class, () -> json.services("{\"not\":\"a list\"}"));
    assertThrows(GeoReport.Malformed.class, () -> json.services("<html>"));
    assertThrows(GeoReport.Malformed.class, () -> xml.services("<services><service><service_name>x</service_name></service></services>"), "no code");
    assertThrows(GeoReport.Malformed.class, () -> xml.services("<?xml version=\"1.0\"?><!DOCTYPE services [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<services><service><service_code>&x;</service_code><service_name>n</service_name></service></services>"));
    assertThrows(GeoReport.Malformed.class, () -> json.definition("{\"service_code\":\"A\",\"attributes\":[{\"code\":\"X\",\"datatype\":\"color\"}]}"));
    assertThrows(GeoReport.Malformed.class, () -> json.services(""));
  }
}
