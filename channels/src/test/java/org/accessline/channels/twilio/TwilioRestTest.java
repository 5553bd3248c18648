package org.accessline.channels.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

class TwilioRestTest {
  @Test
  void errorBodiesAreDescribedForWhatTheyAre() {
    assertEquals("HTTP 503 with an empty body", TwilioRest.describe(503, ""));
    assertEquals("HTTP 502 with a body that is not Twilio's JSON (HTML)", TwilioRest.describe(502, "<html><h1>Bad Gateway</h1></html>"));
    assertEquals("HTTP 500 with a body that is not Twilio's JSON (text)", TwilioRest.describe(500, "upstream connect error"));
    assertEquals("HTTP 429, error 20429: Too Many Requests", TwilioRest.describe(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"));
    assertEquals(Optional.of(21610), TwilioRest.errorCode("{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\"}"));
    assertEquals(Optional.empty(), TwilioRest.errorCode("<html/>"));
  }

  @Test
  void retryAfterIsReadAsSecondsOrADate() {
    assertEquals(Optional.of(Duration.ofSeconds(30)), TwilioRest.retryAfter(new Header[] {new BasicHeader("Retry-After", "30")}));
    String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(60));
    Duration fromDate = TwilioRest.retryAfter(new Header[] {new BasicHeader("retry-after", inAMinute)}).orElseThrow();
    assertTrue(fromDate.toSeconds() > 50 && fromDate.toSeconds() <= 60, fromDate.toString());
    assertEquals(Optional.of(Duration.ZERO), TwilioRest.retryAfter(new Header[] {new BasicHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")}));
    assertEquals(Optional.empty(), TwilioRest.retryAfter(new Header[] {new BasicHeader("Retry-After", "soon")}));
    assertEquals(Optional.empty(), TwilioRest.retryAfter(new Header[] {new BasicHeader("Retry-After", "-5")}));
    assertEquals(Optional.empty(), TwilioRest.retryAfter(new Header[0]));
  }

  @Test
  void onlyAFailureToConnectProvesNothingWasSent() {
    assertInstanceOf(TwilioCallFailure.Unreachable.class, TwilioRest.transport(new ConnectException("Connection refused")));
    assertInstanceOf(TwilioCallFailure.Unreachable.class, TwilioRest.transport(new UnknownHostException("api.twilio.com")));
    assertInstanceOf(TwilioCallFailure.NoAnswer.class, TwilioRest.transport(new SocketTimeoutException("Read timed out")));
    assertInstanceOf(TwilioCallFailure.NoAnswer.class, TwilioRest.transport(new NoHttpResponseException("failed to respond")));
    assertInstanceOf(TwilioCallFailure.NoAnswer.class, TwilioRest.transport(new IOException("Connection reset")));
  }

  @Test
  void anythingUnexpectedOutOfTheSdkCountsAsPossiblyTaken() {
    assertInstanceOf(TwilioCallFailure.NoAnswer.class, TwilioCallFailure.of(new IllegalStateException("surprise")));
    TwilioCallFailure busy = new TwilioCallFailure.Busy(503, Optional.empty(), "HTTP 503");
    assertEquals(busy, TwilioCallFailure.of(new TwilioCallFailure.Raised(busy)));
  }
}
