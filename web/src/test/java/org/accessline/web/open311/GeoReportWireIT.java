package org.accessline.web.open311;

import org.accessline.web.config.Open311Config;
import org.accessline.web.config.Open311Format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in GeoReport server answers as the spec says (each JSON answer checked against a JSON
 * schema written from the spec's text), and the client reads it the same in both formats.
 */
class GeoReportWireIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private Vertx vertx;
  private FakeGeoReport city;
  private WebClient web;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    city = new FakeGeoReport(vertx);
    city.start();
    web = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    web.close();
    city.stop();
    vertx.close().await();
  }

  private static void conforms(String schema, HttpResponse<Buffer> response) throws Exception {
    try (InputStream in = GeoReportWireIT.class.getResourceAsStream("/open311/" + schema + ".schema.json")) {
      JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
      Set<ValidationMessage> problems = s.validate(JSON.readTree(response.bodyAsString()));
      assertEquals(Set.of(), problems, schema + ": " + response.bodyAsString());
    }
  }

  private HttpResponse<Buffer> get(String path) {
    return web.getAbs(city.baseUrl() + path).send().await();
  }

  private HttpResponse<Buffer> post(String fields) {
    return web.postAbs(city.baseUrl() + "requests.json").putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer(fields)).await();
  }

  @Test
  void everyAnswerOfTheStandInConformsToTheSpecsShapes() throws Exception {
    conforms("services", get("services.json"));
    conforms("service-definition", get("services/POTHOLE.json"));
    conforms("service-definition", get("services/GRAFFITI.json"));
    HttpResponse<Buffer> missing = get("services/NOPE.json");
    assertEquals(404, missing.statusCode());
    conforms("errors", missing);

    HttpResponse<Buffer> posted = post("api_key=test-key&service_code=POTHOLE&address_string=1+Main+St&description=hole&attribute%5BWHERE%5D=street");
    assertEquals(200, posted.statusCode(), posted.bodyAsString());
    conforms("posted", posted);
    String id = posted.bodyAsJsonArray().getJsonObject(0).getString("service_request_id");
    conforms("requests", get("requests/" + id + ".json"));
    conforms("requests", get("requests.json?service_code=POTHOLE"));

    city.tokenMode(true, 0);
    HttpResponse<Buffer> token = post("api_key=test-key&service_code=GRAFFITI&lat=41.8&long=-87.6&description=paint");
    conforms("posted", token);
    conforms("tokens", get("tokens/" + token.bodyAsJsonArray().getJsonObject(0).getString("token") + ".json"));

    HttpResponse<Buffer> required = post("api_key=test-key&service_code=POTHOLE&address_string=1+Main+St&description=hole");
    assertEquals(400, required.statusCode());
    conforms("errors", required);
    HttpResponse<Buffer> badKey = post("api_key=wrong&service_code=POTHOLE");
    assertEquals(403, badKey.statusCode());
    conforms("errors", badKey);
  }

  @Test
  void theClientReadsTheSameFromXmlAndJsonAndTellsRefusedFromAway() {
    GeoReportClient asXml = new GeoReportClient(vertx, config(Open311Format.XML));
    GeoReportClient asJson = new GeoReportClient(vertx, config(Open311Format.JSON));
    assertEquals(asJson.services().await(), asXml.services().await());
    assertEquals(asJson.definition("POTHOLE").await(), asXml.definition("POTHOLE").await());

    JsonObject fields = new JsonObject().put("service_code", "POTHOLE").put("description", "hole").put("address_string", "1 Main St")
        .put("attribute[WHERE]", "street");
    GeoReport.Posted posted = asXml.post(fields).await();
    String id = ((GeoReport.Posted.Id) posted).serviceRequestId();
    assertEquals(asJson.status(id).await(), asXml.status(id).await());
    assertEquals("open", asXml.status(id).await().orElseThrow().status());

    Throwable refused = asXml.post(fields.copy().put("service_code", "NOPE")).transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause())).await();
    assertInstanceOf(GeoReportClient.Refused.class, refused);
    assertTrue(((GeoReportClient.Refused) refused).errors().get(0).description().contains("NOPE"));

    city.down(true);
    Throwable away = asJson.services().transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause())).await();
    assertInstanceOf(GeoReportClient.Unreachable.class, away);
    asXml.close();
    asJson.close();
  }

  private Open311Config config(Open311Format format) {
    return new Open311Config(Optional.of(city.baseUrl()), FakeGeoReport.API_KEY, Optional.empty(), format, Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(1));
  }
}
