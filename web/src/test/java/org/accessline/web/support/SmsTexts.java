package org.accessline.web.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Twilio's inbound-text webhook fields, and what a record says about delivery, for the SMS tests. */
public final class SmsTexts {
  public static final String INBOUND = "/channels/sms/twilio";
  public static final String CENTER_NUMBER = "+15550003110";

  private SmsTexts() {}

  /** The fields Twilio posts for an inbound text, in its order. */
  public static Map<String, String> text(String sid, String from, String body) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("ToCountry", "US");
    f.put("SmsMessageSid", sid);
    f.put("NumMedia", "0");
    f.put("SmsSid", sid);
    f.put("SmsStatus", "received");
    f.put("Body", body);
    f.put("To", CENTER_NUMBER);
    f.put("NumSegments", "1");
    f.put("MessageSid", sid);
    f.put("AccountSid", TwilioWebhookClient.ACCOUNT_SID);
    f.put("From", from);
    f.put("ApiVersion", "2010-04-01");
    return f;
  }

  public static JsonObject event(JsonObject frame) {
    return frame.getJsonObject("entry").getJsonObject("event");
  }

  public static boolean isEvent(JsonObject frame, String kind) {
    return "entry".equals(frame.getString("type")) && kind.equals(event(frame).getString("kind"));
  }

  /** The delivery entries of a record, in order. */
  public static List<JsonObject> deliveries(JsonArray entries) {
    return entries.stream().map(JsonObject.class::cast).filter(e -> "delivery".equals(e.getJsonObject("event").getString("kind")))
        .map(e -> e.getJsonObject("event")).toList();
  }

  public static List<String> deliveryStatuses(JsonArray entries) {
    return deliveries(entries).stream().map(e -> e.getString("status")).toList();
  }
}
