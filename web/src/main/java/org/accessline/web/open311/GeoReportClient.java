package org.accessline.web.open311;

import org.accessline.web.config.Open311Config;
import org.accessline.web.config.Open311Format;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The city's GeoReport v2 endpoint over the Vert.x web client. A call fails with {@link Refused}
 * when the endpoint answered 4xx (with the spec's error array when it sent one), and with
 * {@link Unreachable} when it could not be reached, timed out, failed, or answered what cannot be read.
 */
public final class GeoReportClient {
  private final WebClient web;
  private final Open311Config config;
  private final GeoReportReader reader;

  public GeoReportClient(Vertx vertx, Open311Config config) {
    this.config = config;
    this.reader = new GeoReportReader(config.format());
    WebClientOptions options = new WebClientOptions().setUserAgent("Accessline").setFollowRedirects(false);
    options.setConnectTimeout((int) config.connectTimeout().toMillis());
    this.web = WebClient.create(vertx, options);
  }

  public Future<List<GeoReport.Service>> services() {
    return get("services", Map.of()).map(reader::services);
  }

  public Future<GeoReport.Definition> definition(String serviceCode) {
    return get("services/" + segment(serviceCode), Map.of()).map(reader::definition);
  }

  /** {@code POST requests}: the form's fields with the API key and jurisdiction. */
  public Future<GeoReport.Posted> post(JsonObject fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    form.add("api_key", config.apiKey());
    config.jurisdictionId().ifPresent(j -> form.add("jurisdiction_id", j));
    ServiceRequestForm.wireFields(fields).forEach(f -> form.add(f.getKey(), f.getValue()));
    HttpRequest<Buffer> request = web.postAbs(url("requests")).timeout(config.answerTimeout().toMillis());
    return read(request.sendForm(form, "UTF-8")).map(reader::posted);
  }

  public Future<Optional<String>> idForToken(String token) {
    return get("tokens/" + segment(token), Map.of()).map(reader::idForToken);
  }

  public Future<Optional<GeoReport.RequestStatus>> status(String serviceRequestId) {
    return get("requests/" + segment(serviceRequestId), Map.of()).map(body -> reader.requests(body).stream().findFirst());
  }

  /** The requests of a service since a time: where a send whose answer was lost is looked for. */
  public Future<List<GeoReport.RequestStatus>> requestsSince(String serviceCode, Instant since) {
    return get("requests", Map.of("service_code", serviceCode, "start_date", since.truncatedTo(ChronoUnit.SECONDS).toString())).map(reader::requests);
  }

  public GeoReportReader reader() {
    return reader;
  }

  private Future<String> get(String path, Map<String, String> query) {
    HttpRequest<Buffer> request = web.getAbs(url(path)).timeout(config.answerTimeout().toMillis());
    config.jurisdictionId().ifPresent(j -> request.addQueryParam("jurisdiction_id", j));
    query.forEach(request::addQueryParam);
    return read(request.send());
  }

  private Future<String> read(Future<HttpResponse<Buffer>> sent) {
    return sent.recover(e -> Future.failedFuture(new Unreachable("the city's service request system did not answer (" + e.getClass().getSimpleName() + ")")))
        .compose(response -> {
          String body = response.bodyAsString(StandardCharsets.UTF_8.name());
          int status = response.statusCode();
          if (status >= 200 && status < 300) return Future.succeededFuture(body == null ? "" : body);
          if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return Future.failedFuture(new Refused(status, reader.errors(body == null ? "" : body)));
          }
          return Future.failedFuture(new Unreachable("the city's service request system answered " + status));
        });
  }

  private String url(String path) {
    return config.baseUrl().orElseThrow() + path + "." + config.format().extension();
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public void close() {
    web.close();
  }

  /** The endpoint refused the call; {@code errors} is its error array, empty when it sent none. */
  public static final class Refused extends RuntimeException {
    private final int status;
    private final List<GeoReport.ApiError> errors;

    public Refused(int status, List<GeoReport.ApiError> errors) {
      super("the city's service request system refused the call (" + status + ")");
      this.status = status;
      this.errors = List.copyOf(errors);
    }

    public int status() {
      return status;
    }

    public List<GeoReport.ApiError> errors() {
      return errors;
    }
  }

  public static final class Unreachable extends RuntimeException {
    public Unreachable(String message) {
      super(message, null, false, false);
    }
  }
}
