package org.accessline.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accessline.gateway.conversation.Attachment;
import org.junit.jupiter.api.Test;

/** Twilio's inbound message webhook, with the fields Twilio actually posts. */
class InboundSmsTest {
  private static final String SID = "SM1f0e3b2c9a8d7e6f5a4b3c2d1e0f9a8b";

  /** What Twilio posts for a text to a US long code. */
  private static Map<String, String> twilioPosts(String body) {
    Map<String, String> f = new HashMap<>();
    f.put("ToCountry", "US");
    f.put("ToState", "CA");
    f.put("SmsMessageSid", SID);
    f.put("NumMedia", "0");
    f.put("ToCity", "RIVERSIDE");
    f.put("FromZip", "92501");
    f.put("SmsSid", SID);
    f.put("FromState", "CA");
    f.put("SmsStatus", "received");
    f.put("FromCity", "RIVERSIDE");
    f.put("Body", body);
    f.put("FromCountry", "US");
    f.put("To", "+19515550100");
    f.put("ToZip", "92501");
    f.put("NumSegments", "1");
    f.put("MessageSid", SID);
    f.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
    f.put("From", "+19515550142");
    f.put("ApiVersion", "2010-04-01");
    return f;
  }

  @Test
  void aTextIsReadAndTheFieldsTwilioAddsAreIgnored() {
    InboundSms sms = InboundSms.parse(twilioPosts("The streetlight on Elm is out again"));
    assertEquals(new InboundSms(SID, "+19515550142", "+19515550100", "The streetlight on Elm is out again", List.of()), sms);
  }

  @Test
  void theBodyIsKeptAsSentInAnyScript() {
    for (String body : List.of("Hola, ¿dónde pago la multa? 🚗", "Здравствуйте\nмусор не вывезли", "水管爆了!!", " leading and trailing spaces ")) {
      assertEquals(body, InboundSms.parse(twilioPosts(body)).body());
    }
  }

  @Test
  void anMmsBringsItsMediaAndMayHaveNoText() {
    Map<String, String> f = twilioPosts("");
    f.put("MessageSid", "MM" + SID.substring(2));
    f.put("NumMedia", "2");
    f.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1");
    f.put("MediaContentType0", "image/jpeg");
    f.put("MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME2");
    f.put("MediaContentType1", "video/3gpp");
    InboundSms sms = InboundSms.parse(f);
    assertEquals(List.of(new Attachment(f.get("MediaUrl0"), "image/jpeg"), new Attachment(f.get("MediaUrl1"), "video/3gpp")), sms.attachments());
    assertEquals("", sms.body());
  }

  @Test
  void sixteenHundredCharactersAreTakenAndEmojiCountAsOne() {
    assertEquals(1600, InboundSms.parse(twilioPosts("a".repeat(1600))).body().length());
    String emoji = "🙂".repeat(1600);
    assertEquals(emoji, InboundSms.parse(twilioPosts(emoji)).body(), "1600 characters in 3200 UTF-16 units");
    assertThrows(InboundSms.TooLong.class, () -> InboundSms.parse(twilioPosts("a".repeat(1601))));
    assertThrows(InboundSms.TooLong.class, () -> InboundSms.parse(twilioPosts("🙂".repeat(1601))));
  }

  @Test
  void aMissingOrForgedFieldIsRefusedWithItsName() {
    assertRefused("MessageSid", f -> f.remove("MessageSid"));
    assertRefused("MessageSid", f -> f.put("MessageSid", "SM123"));
    assertRefused("MessageSid", f -> f.put("MessageSid", "XX1f0e3b2c9a8d7e6f5a4b3c2d1e0f9a8b"));
    assertRefused("From", f -> f.remove("From"));
    assertRefused("From", f -> f.put("From", "whatsapp:+19515550142"));
    assertRefused("From", f -> f.put("From", "+1 951 555 0142"));
    assertRefused("Body", f -> f.remove("Body"));
    assertRefused("neither text nor media", f -> f.put("Body", "  "));
    assertRefused("NumMedia", f -> f.put("NumMedia", "two"));
    assertRefused("NumMedia", f -> f.put("NumMedia", "11"));
    assertRefused("NumMedia", f -> f.put("NumMedia", "-1"));
    assertRefused("MediaUrl0", f -> f.put("NumMedia", "1"));
    assertRefused("URL", f -> {
      f.put("NumMedia", "1");
      f.put("MediaUrl0", "javascript:alert(1)");
      f.put("MediaContentType0", "image/jpeg");
    });
  }

  @Test
  void aSpaceAroundTheSenderIsTrimmedAndAShortCodeIsASender() {
    Map<String, String> f = twilioPosts("hi");
    f.put("From", " +19515550142 ");
    assertEquals("+19515550142", InboundSms.parse(f).from());
    f.put("From", "311311");
    assertEquals("311311", InboundSms.parse(f).from());
  }

  private static void assertRefused(String named, java.util.function.Consumer<Map<String, String>> change) {
    Map<String, String> f = twilioPosts("hello");
    change.accept(f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InboundSms.parse(f));
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }
}
