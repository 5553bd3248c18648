package org.accessline.web.config;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The city's Open311 GeoReport v2 endpoint; service requests are offered only when {@code baseUrl} is set.
 *
 * @param baseUrl the endpoint's root, ending before {@code services.xml}, such as https://311.example.gov/open311/v2/
 * @param apiKey sent with every new request; kept out of logs and pages
 * @param jurisdictionId sent with every call when the endpoint serves several jurisdictions
 * @param poll how often an awaited id and an open request's status are asked for
 * @param connectTimeout how long to wait for a connection
 * @param answerTimeout how long to wait for an answer once connected
 * @param firstRetry the wait after the first failed attempt, doubled after each one after
 * @param longestRetry the longest wait between attempts
 */
public record Open311Config(Optional<String> baseUrl, String apiKey, Optional<String> jurisdictionId, Open311Format format, Duration poll,
    Duration connectTimeout, Duration answerTimeout, Duration firstRetry, Duration longestRetry) {

  public Open311Config {
    baseUrl = baseUrl.map(u -> u.endsWith("/") ? u : u + "/");
    baseUrl.filter(u -> !u.matches("https?://[^\\s?#]+/")).ifPresent(u -> {
      throw new IllegalArgumentException("open311.baseUrl must be an http(s) URL such as https://311.example.gov/open311/v2/");
    });
    if (apiKey == null || jurisdictionId == null || format == null) throw new IllegalArgumentException("open311 settings must be given");
    if (baseUrl.isPresent() && apiKey.isBlank()) throw new IllegalArgumentException("open311.apiKey must be set with open311.baseUrl");
    if (poll.toMillis() < 100 || poll.toHours() > 24) throw new IllegalArgumentException("open311.pollSeconds must be 0.1 s to 24 h");
    if (connectTimeout.toMillis() < 100 || answerTimeout.toMillis() < 100 || connectTimeout.toMinutes() > 5 || answerTimeout.toMinutes() > 5) {
      throw new IllegalArgumentException("open311.connectTimeoutMillis and open311.answerTimeoutMillis must be 100 ms to 5 min");
    }
    if (firstRetry.toMillis() < 10 || longestRetry.compareTo(firstRetry) < 0 || longestRetry.toHours() > 24) {
      throw new IllegalArgumentException("open311.firstRetryMillis must be at least 10 and open311.longestRetrySeconds at least as long, at most a day");
    }
  }

  public static Open311Config off() {
    return new Open311Config(Optional.empty(), "", Optional.empty(), Open311Format.XML, Duration.ofSeconds(60), Duration.ofSeconds(5),
        Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofMinutes(15));
  }

  public boolean enabled() {
    return baseUrl.isPresent();
  }

  /** The {@code open311} object of the file, then {@code ACCESSLINE_OPEN311_*} variables. */
  public static Open311Config fromJson(JsonObject json, Function<String, Optional<String>> var) {
    Open311Config d = off();
    String format = var.apply("OPEN311_FORMAT").orElse(json.getString("format", d.format.extension()));
    return new Open311Config(
        var.apply("OPEN311_BASE_URL").or(() -> Optional.ofNullable(json.getString("baseUrl"))),
        var.apply("OPEN311_API_KEY").orElse(json.getString("apiKey", "")),
        var.apply("OPEN311_JURISDICTION_ID").or(() -> Optional.ofNullable(json.getString("jurisdictionId"))),
        Open311Format.parse(format).orElseThrow(() -> new IllegalArgumentException("open311.format must be json or xml")),
        Duration.ofMillis(Math.round(1000 * var.apply("OPEN311_POLL_SECONDS").map(Double::parseDouble).orElse(json.getDouble("pollSeconds", 60.0)))),
        Duration.ofMillis(json.getLong("connectTimeoutMillis", d.connectTimeout.toMillis())),
        Duration.ofMillis(json.getLong("answerTimeoutMillis", d.answerTimeout.toMillis())),
        Duration.ofMillis(json.getLong("firstRetryMillis", d.firstRetry.toMillis())),
        Duration.ofSeconds(json.getLong("longestRetrySeconds", d.longestRetry.toSeconds())));
  }

  @Override
  public String toString() {
    return "Open311Config[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "" : "(set)") + ", jurisdictionId=" + jurisdictionId + ", format=" + format + "]";
  }
}
