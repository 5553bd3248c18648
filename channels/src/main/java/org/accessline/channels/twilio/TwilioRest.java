package org.accessline.channels.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's REST client for the account, making exactly one HTTP request per call. Retries are ours
 * (on timers, off the event loop), so both layers that would retry underneath are off: the SDK's
 * immediate retries and the Apache client's, which would sleep out {@code Retry-After} on the thread
 * that called. Every error answer, and every failed connection, comes out as a {@link TwilioCallFailure}
 * that says whether Twilio can have taken the request (the SDK would misread a proxy's HTML page). Connections are not reused: a pooled connection the
 * far end had closed would fail after sending, which looks just like a lost answer.
 *
 * <p>An API base URL other than Twilio's sends every call there instead: an egress proxy, or a local
 * stand-in that speaks Twilio's wire format.
 */
public final class TwilioRest {
  private static final Duration CONNECT_WITHIN = Duration.ofSeconds(5);

  private TwilioRest() {}

  /** @param answerTimeout how long to wait for Twilio's answer once the request is sent */
  public static TwilioRestClient client(TwilioAccount account, Optional<String> apiBaseUrl, Duration answerTimeout) {
    return new TwilioRestClient.Builder(account.accountSid(), account.authToken()).accountSid(account.accountSid())
        .httpClient(new OneAttempt(apiBaseUrl, answerTimeout)).build();
  }

  private static final class OneAttempt extends HttpClient {
    private final NetworkHttpClient network;
    private final Optional<String> base;

    OneAttempt(Optional<String> base, Duration answerTimeout) {
      this.base = base.map(b -> b.replaceAll("/+$", ""));
      Timeout answer = Timeout.ofMilliseconds(answerTimeout.toMillis());
      HttpClientBuilder builder = HttpClientBuilder.create().disableAutomaticRetries().disableRedirectHandling()
          .setConnectionReuseStrategy((request, response, context) -> false)
          .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(64).setMaxConnPerRoute(64)
              .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofMilliseconds(CONNECT_WITHIN.toMillis()))
                  .setSocketTimeout(answer).build())
              .build())
          .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(answer).build());
      this.network = new NetworkHttpClient(builder);
    }

    @Override
    public Response reliableRequest(Request request) {
      return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
      Response response;
      try {
        response = network.makeRequest(moved(request));
      } catch (ApiException e) {
        if (e.getCause() instanceof IOException io) throw new TwilioCallFailure.Raised(transport(io));
        throw e;
      }
      int status = response.getStatusCode();
      if (status == 429 || status >= 500) {
        throw new TwilioCallFailure.Raised(new TwilioCallFailure.Busy(status, retryAfter(response.getHeaders()), describe(status, response.getContent())));
      }
      if (status >= 400) {
        throw new TwilioCallFailure.Raised(new TwilioCallFailure.Refused(status, errorCode(response.getContent()), describe(status, response.getContent())));
      }
      return response;
    }

    private Request moved(Request request) {
      if (base.isEmpty()) return request;
      Request moved = new Request(request.getMethod(), request.getUrl().replaceFirst("^https?://[^/]+", base.get()));
      moved.setAuth(request.getUsername(), request.getPassword());
      if (request.getContentType() != null) moved.setContentType(request.getContentType());
      if (request.getBody() != null) moved.setBody(request.getBody());
      request.getQueryParams().forEach((name, values) -> values.forEach(v -> moved.addQueryParam(name, v)));
      request.getPostParams().forEach((name, values) -> values.forEach(v -> moved.addPostParam(name, v)));
      request.getHeaderParams().forEach((name, values) -> values.forEach(v -> moved.addHeaderParam(name, v)));
      return moved;
    }
  }

  /** Whether the request can have left: only a failure to connect proves it did not. */
  static TwilioCallFailure transport(IOException e) {
    String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    boolean notSent = e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException
        || e instanceof ConnectTimeoutException || e instanceof SSLHandshakeException;
    return notSent ? new TwilioCallFailure.Unreachable("could not connect to Twilio (" + what + ")")
        : new TwilioCallFailure.NoAnswer("no answer from Twilio (" + what + ")");
  }

  /** Twilio's error JSON when there is one; a proxy's empty or HTML page is named as such. */
  static String describe(int status, String body) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) return "HTTP " + status + " with an empty body";
    try {
      JsonObject error = new JsonObject(text);
      Object code = error.getValue("code");
      return "HTTP " + status + (code == null ? "" : ", error " + code) + ": " + error.getString("message", "no message");
    } catch (DecodeException | ClassCastException e) {
      return "HTTP " + status + " with a body that is not Twilio's JSON (" + (text.startsWith("<") ? "HTML" : "text") + ")";
    }
  }

  static Optional<Integer> errorCode(String body) {
    try {
      return Optional.ofNullable(new JsonObject(body == null ? "" : body.strip()).getInteger("code"));
    } catch (DecodeException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /** {@code Retry-After} as seconds or an HTTP date (RFC 9110). A date in the past means now. */
  static Optional<Duration> retryAfter(Header[] headers) {
    if (headers == null) return Optional.empty();
    for (Header h : headers) {
      if (!h.getName().equalsIgnoreCase("Retry-After") || h.getValue() == null) continue;
      String value = h.getValue().strip();
      try {
        long seconds = Long.parseLong(value);
        return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
      } catch (NumberFormatException notSeconds) {
        try {
          Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
          return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException notDate) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
