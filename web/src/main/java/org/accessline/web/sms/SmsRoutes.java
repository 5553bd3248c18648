package org.accessline.web.sms;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import org.accessline.channels.sms.InboundSms;
import org.accessline.channels.sms.SmsSegments;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** The console's SMS API: how many texts a reply will take. Twilio's webhooks are the sms channel's own. */
public final class SmsRoutes {
  private SmsRoutes() {}

  public static void mount(Router router, StaffAuth staff, BodyHandler body) {
    router.post("/api/sms/preview").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(SmsRoutes::preview);
  }

  /** {@code POST /api/sms/preview {"text"}}: how many texts a reply will take, so the agent can shorten it before sending. */
  static void preview(RoutingContext ctx) {
    Optional<String> text = Validation.text(Validation.body(ctx), "text");
    if (text.isEmpty()) {
      Problem.send(ctx, 400, "empty_message", "A preview needs some text.");
      return;
    }
    SmsSegments s = SmsSegments.of(text.get());
    Answers.json(ctx, 200, new JsonObject().put("encoding", s.encoding()).put("units", s.units()).put("segments", s.segments())
        .put("tooLong", text.get().codePointCount(0, text.get().length()) > InboundSms.MAX_BODY_CHARS));
  }
}
