package org.accessline.channels.twilio;

import java.net.URI;

/**
 * The Twilio account the center's numbers belong to, and the public address Twilio reaches the
 * gateway at. Twilio signs each request over the exact URL it called, so that address must be the
 * one configured in Twilio's console, scheme and host included.
 */
public record TwilioAccount(String accountSid, String authToken, String publicBaseUrl) {
  public TwilioAccount {
    if (accountSid == null || !accountSid.matches("AC[0-9a-fA-F]{32}")) throw new IllegalArgumentException("twilio.accountSid must be AC followed by 32 hex digits");
    if (authToken == null || authToken.isBlank()) throw new IllegalArgumentException("twilio.authToken must be set");
    if (publicBaseUrl == null || !publicBaseUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
      throw new IllegalArgumentException("publicBaseUrl must be an http(s) URL such as https://311.example.gov");
    }
    publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    URI.create(publicBaseUrl);
  }

  /** The URL Twilio calls for {@code pathAndQuery}, as it signs it. */
  public String url(String pathAndQuery) {
    return publicBaseUrl + pathAndQuery;
  }

  /** The same for a WebSocket: wss for an https gateway. */
  public String socketUrl(String path) {
    return publicBaseUrl.replaceFirst("^http", "ws") + path;
  }

  @Override
  public String toString() {
    return "TwilioAccount[" + accountSid + ", " + publicBaseUrl + "]";
  }
}
