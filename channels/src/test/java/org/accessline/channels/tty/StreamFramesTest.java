package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The media stream reader against the messages Twilio documents, and against everything else. */
class StreamFramesTest {
  private static final String STREAM = "MZ18ad3ab5a668481ce02b83e7395059f0";
  private static final String CALL = "CA" + "0123456789abcdef".repeat(2);
  private final StreamFrames frames = new StreamFrames();

  // ---- Twilio's published messages (docs: Media Streams, WebSocket messages) ----

  @Test
  void connected() {
    assertInstanceOf(StreamFrame.Connected.class, frames.parse("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}"));
  }

  @Test
  void startWithCustomParameters() {
    StreamFrame.Start start = assertInstanceOf(StreamFrame.Start.class, frames.parse("""
        {"event":"start","sequenceNumber":"1","start":{"accountSid":"AC0123456789abcdef0123456789abcdef","streamSid":"%s",
         "callSid":"%s","tracks":["inbound","outbound"],
         "mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1},
         "customParameters":{"from":"+15551234567","callSid":"%s"}},"streamSid":"%s"}""".formatted(STREAM, CALL, CALL, STREAM)));
    assertEquals(CALL, start.callSid());
    assertEquals("+15551234567", start.customParameters().getString("from"));
    assertEquals(8000, start.start().getJsonObject("mediaFormat").getInteger("sampleRate"));
  }

  @Test
  void mediaIsDecodedIntoTheReaderOwnBuffer() {
    byte[] audio = new byte[160];
    new Random(7).nextBytes(audio);
    StreamFrame.Media media = assertInstanceOf(StreamFrame.Media.class, frames.parse(media("inbound", audio)));
    assertEquals(160, media.length());
    assertTrue(media.inbound());
    assertArrayEquals(audio, Arrays.copyOf(media.audio(), media.length()));

    byte[] next = new byte[160];
    new Random(8).nextBytes(next);
    StreamFrame.Media second = assertInstanceOf(StreamFrame.Media.class, frames.parse(media("inbound", next)));
    assertSame(media.audio(), second.audio(), "no audio buffer per frame");
    assertArrayEquals(next, Arrays.copyOf(second.audio(), second.length()));
  }

  @Test
  void everyPaddingLengthDecodesLikeTheJdk() {
    Random random = new Random(3);
    for (int n = 0; n <= 40; n++) {
      byte[] audio = new byte[n];
      random.nextBytes(audio);
      StreamFrame.Media media = assertInstanceOf(StreamFrame.Media.class, frames.parse(media("inbound", audio)));
      assertArrayEquals(audio, Arrays.copyOf(media.audio(), media.length()), "length " + n);
    }
  }

  @Test
  void anOutboundTrackIsToldApart() {
    StreamFrame.Media media = assertInstanceOf(StreamFrame.Media.class, frames.parse(media("outbound", new byte[160])));
    assertEquals("outbound", media.track());
    assertTrue(!media.inbound());
  }

  @Test
  void fieldsMayComeInAnyOrderAndUnknownOnesAreSkipped() {
    String payload = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
    StreamFrame frame = frames.parse("{\"media\":{\"extra\":{\"a\":[1,2,{\"b\":null}]},\"payload\":\"" + payload + "\",\"track\":\"inbound\"},"
        + "\"future\":[true,false],\"event\":\"media\"}");
    StreamFrame.Media media = assertInstanceOf(StreamFrame.Media.class, frame);
    assertEquals(3, media.length());
  }

  @Test
  void mark() {
    StreamFrame.Mark mark = assertInstanceOf(StreamFrame.Mark.class,
        frames.parse("{\"event\":\"mark\",\"sequenceNumber\":\"4\",\"streamSid\":\"" + STREAM + "\",\"mark\":{\"name\":\"reply-12\"}}"));
    assertEquals("reply-12", mark.name());
  }

  @Test
  void dtmf() {
    StreamFrame.Dtmf dtmf = assertInstanceOf(StreamFrame.Dtmf.class,
        frames.parse("{\"event\":\"dtmf\",\"streamSid\":\"" + STREAM + "\",\"sequenceNumber\":\"5\",\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"1\"}}"));
    assertEquals("1", dtmf.digit());
    assertEquals("5", dtmf.sequenceNumber());
  }

  @Test
  void aSequenceNumberThatIsNotACountIsLeftOut() {
    StreamFrame.Dtmf dtmf = assertInstanceOf(StreamFrame.Dtmf.class,
        frames.parse("{\"event\":\"dtmf\",\"sequenceNumber\":\"" + "x".repeat(500) + "\",\"dtmf\":{\"digit\":\"#\"}}"));
    assertEquals("", dtmf.sequenceNumber());
  }

  @Test
  void stop() {
    assertInstanceOf(StreamFrame.Stop.class, frames.parse("{\"event\":\"stop\",\"sequenceNumber\":\"5\",\"stop\":{\"accountSid\":\"AC0123456789abcdef0123456789abcdef\","
        + "\"callSid\":\"" + CALL + "\"},\"streamSid\":\"" + STREAM + "\"}"));
  }

  @Test
  void anEventTwilioMayAddLaterIsOther() {
    assertEquals(new StreamFrame.Other("transcription"), frames.parse("{\"event\":\"transcription\",\"transcription\":{\"text\":\"hi\"}}"));
  }

  // ---- Everything else is refused with a reason, never thrown ----

  @ParameterizedTest
  @ValueSource(strings = {
      "", "not json", "[1,2]", "\"media\"", "42", "{", "{\"event\":\"media\"", "{\"event\":\"media\"} trailing",
      "{}", "{\"event\":7}", "{\"event\":null}", "{\"event\":{\"x\":1}}",
      // media
      "{\"event\":\"media\"}", "{\"event\":\"media\",\"media\":\"AAAA\"}", "{\"event\":\"media\",\"media\":[1]}", "{\"event\":\"media\",\"media\":null}",
      "{\"event\":\"media\",\"media\":{}}", "{\"event\":\"media\",\"media\":{\"payload\":12}}", "{\"event\":\"media\",\"media\":{\"payload\":null}}",
      "{\"event\":\"media\",\"media\":{\"payload\":\"AAA\"}}", "{\"event\":\"media\",\"media\":{\"payload\":\"AA*A\"}}",
      "{\"event\":\"media\",\"media\":{\"payload\":\"A===\"}}", "{\"event\":\"media\",\"media\":{\"payload\":\"AA=A\"}}",
      "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\\nAAAA\"}}", "{\"event\":\"media\",\"media\":{\"payload\":\"ÄAAA\"}}",
      "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\",\"track\":5}}",
      // mark
      "{\"event\":\"mark\"}", "{\"event\":\"mark\",\"mark\":\"greeting\"}", "{\"event\":\"mark\",\"mark\":{}}", "{\"event\":\"mark\",\"mark\":{\"name\":1}}",
      "{\"event\":\"mark\",\"mark\":{\"name\":null}}", "{\"event\":\"mark\",\"mark\":{\"name\":[\"greeting\"]}}",
      // dtmf
      "{\"event\":\"dtmf\"}", "{\"event\":\"dtmf\",\"dtmf\":5}", "{\"event\":\"dtmf\",\"dtmf\":{\"digit\":5}}", "{\"event\":\"dtmf\",\"dtmf\":{\"digit\":\"55\"}}",
      // start
      "{\"event\":\"start\"}", "{\"event\":\"start\",\"start\":\"x\"}", "{\"event\":\"start\",\"start\":{}}",
      "{\"event\":\"start\",\"start\":{\"callSid\":7,\"mediaFormat\":{}}}", "{\"event\":\"start\",\"start\":{\"callSid\":\"CA1\"}}",
      "{\"event\":\"start\",\"start\":{\"callSid\":\"CA1\",\"mediaFormat\":\"audio/x-mulaw\"}}",
      "{\"event\":\"start\",\"start\":{\"callSid\":\"CA1\",\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":\"8000\"}}}",
      "{\"event\":\"start\",\"start\":{\"callSid\":\"CA1\",\"mediaFormat\":{\"encoding\":1,\"sampleRate\":8000}}}",
      "{\"event\":\"start\",\"start\":{\"callSid\":\"CA1\",\"mediaFormat\":{\"sampleRate\":8000.5}}}",
      "{\"event\":\"start\",\"start\":{\"callSid\":\"CA1\",\"mediaFormat\":{},\"customParameters\":[]}}",
      "{\"event\":\"start\",\"start\":{\"callSid\":\"CA1\",\"mediaFormat\":{},\"customParameters\":{\"callSid\":{\"x\":1}}}}",
      "{\"event\":\"start\",\"streamSid\":5,\"start\":{\"callSid\":\"CA1\",\"mediaFormat\":{}}}",
      "{\"event\":\"start\",\"start\":{\"streamSid\":[],\"callSid\":\"CA1\",\"mediaFormat\":{}}}",
  })
  void malformedMessagesAreRefusedWithAReason(String text) {
    StreamFrame.Malformed refused = assertInstanceOf(StreamFrame.Malformed.class, frames.parse(text), text);
    assertTrue(!refused.reason().isBlank());
    assertTrue(!refused.reason().contains("\n"), "one log line: " + refused.reason());
  }

  @Test
  void aRefusalNeverQuotesWhatWasSent() {
    for (String text : new String[] {"MY SSN IS 123", "{\"event\":\"media\",MY SSN IS 123}", "{\"event\":\"mark\",\"mark\":{\"name\":MY SSN}}"}) {
      String reason = assertInstanceOf(StreamFrame.Malformed.class, frames.parse(text)).reason();
      assertTrue(!reason.contains("SSN"), reason);
    }
  }

  @Test
  void aMediaPayloadOverTheLimitIsRefusedBeforeItIsDecoded() {
    StreamFrame frame = frames.parse(media("inbound", new byte[StreamFrames.MAX_AUDIO_BYTES + 3]));
    assertTrue(assertInstanceOf(StreamFrame.Malformed.class, frame).reason().contains("over"));
    assertInstanceOf(StreamFrame.Media.class, frames.parse(media("inbound", new byte[StreamFrames.MAX_AUDIO_BYTES])));
  }

  @Test
  void aMessageOverTheLimitIsRefusedUnread() {
    String huge = "{\"event\":\"mark\",\"mark\":{\"name\":\"" + "x".repeat(StreamFrames.MAX_MESSAGE_CHARS) + "\"}}";
    assertTrue(assertInstanceOf(StreamFrame.Malformed.class, frames.parse(huge)).reason().contains("characters"));
  }

  @Test
  void aLongMarkNameIsRefused() {
    String name = "x".repeat(StreamFrames.MAX_NAME_CHARS + 1);
    assertInstanceOf(StreamFrame.Malformed.class, frames.parse("{\"event\":\"mark\",\"mark\":{\"name\":\"" + name + "\"}}"));
  }

  @Test
  void deepNestingIsRefusedNotThrown() {
    String deep = "{\"event\":\"stop\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertInstanceOf(StreamFrame.Malformed.class, frames.parse(deep));
  }

  @Test
  void aBrokenSectionOfAnotherEventDoesNotSpoilTheOne() {
    StreamFrame.Mark mark = assertInstanceOf(StreamFrame.Mark.class, frames.parse("{\"event\":\"mark\",\"media\":\"junk\",\"mark\":{\"name\":\"greeting\"}}"));
    assertEquals("greeting", mark.name());
  }

  private static String media(String track, byte[] audio) {
    return "{\"event\":\"media\",\"sequenceNumber\":\"3\",\"media\":{\"track\":\"" + track + "\",\"chunk\":\"1\",\"timestamp\":\"5\",\"payload\":\""
        + Base64.getEncoder().encodeToString(audio) + "\"},\"streamSid\":\"" + STREAM + "\"}";
  }
}
