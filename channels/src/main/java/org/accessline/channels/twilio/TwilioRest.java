package org.accessline.channels.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.util.Optional;

/**
 * The SDK's REST client for the account. Retries are ours (with backoff, off the event loop), so the
 * SDK's own immediate retries are turned off. An API base URL other than Twilio's sends every call
 * there instead: an egress proxy, or a local stand-in that speaks Twilio's wire format.
 */
public final class TwilioRest {
  private TwilioRest() {}

  public static TwilioRestClient client(TwilioAccount account, Optional<String> apiBaseUrl) {
    return new TwilioRestClient.Builder(account.accountSid(), account.authToken()).accountSid(account.accountSid())
        .httpClient(new OneAttempt(apiBaseUrl)).build();
  }

  private static final class OneAttempt extends HttpClient {
    private final NetworkHttpClient network = new NetworkHttpClient();
    private final Optional<String> base;

    OneAttempt(Optional<String> base) {
      this.base = base.map(b -> b.replaceAll("/+$", ""));
    }

    @Override
    public Response reliableRequest(Request request) {
      return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
      if (base.isEmpty()) return network.makeRequest(request);
      Request moved = new Request(request.getMethod(), request.getUrl().replaceFirst("^https?://[^/]+", base.get()));
      moved.setAuth(request.getUsername(), request.getPassword());
      if (request.getContentType() != null) moved.setContentType(request.getContentType());
      if (request.getBody() != null) moved.setBody(request.getBody());
      request.getQueryParams().forEach((name, values) -> values.forEach(v -> moved.addQueryParam(name, v)));
      request.getPostParams().forEach((name, values) -> values.forEach(v -> moved.addPostParam(name, v)));
      request.getHeaderParams().forEach((name, values) -> values.forEach(v -> moved.addHeaderParam(name, v)));
      return network.makeRequest(moved);
    }
  }
}
