package org.accessline.channels.twilio;

import com.twilio.security.RequestValidator;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} with the Twilio SDK before a webhook or media stream is let in.
 * A request that fails is answered 403 and reaches nothing else.
 */
public final class TwilioSignatures {
  public static final String HEADER = "X-Twilio-Signature";
  private static final String FIELDS = "twilio.fields";

  private final TwilioAccount account;
  private final RequestValidator validator;

  public TwilioSignatures(TwilioAccount account) {
    this.account = account;
    this.validator = new RequestValidator(account.authToken());
  }

  public TwilioAccount account() {
    return account;
  }

  /**
   * For form-encoded POSTs read by {@link FormBody#collect}: decodes the fields, checks the signature
   * over URL and fields, and passes them on.
   */
  public Handler<RoutingContext> signedForm() {
    return ctx -> {
      String type = ctx.request().getHeader("Content-Type");
      if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
        TwilioReplies.problem(ctx, 415, "A Twilio webhook is form-encoded.");
        return;
      }
      Map<String, String> fields;
      try {
        fields = FormBody.parse(FormBody.raw(ctx));
      } catch (IllegalArgumentException e) {
        TwilioReplies.problem(ctx, 400, e.getMessage());
        return;
      }
      if (!valid(account.url(ctx.request().uri()), fields, ctx.request().getHeader(HEADER))) {
        TwilioReplies.problem(ctx, 403, "The Twilio signature does not match this request.");
        return;
      }
      ctx.put(FIELDS, Map.copyOf(fields));
      ctx.next();
    };
  }

  /** For a media stream's WebSocket upgrade, which Twilio signs over its URL alone. */
  public Handler<RoutingContext> signedUpgrade() {
    return ctx -> {
      if (!valid(account.socketUrl(ctx.request().uri()), Map.of(), ctx.request().getHeader(HEADER))) {
        TwilioReplies.problem(ctx, 403, "The Twilio signature does not match this request.");
        return;
      }
      ctx.next();
    };
  }

  public static Map<String, String> fields(RoutingContext ctx) {
    return ctx.get(FIELDS);
  }

  private boolean valid(String url, Map<String, String> fields, String signature) {
    return signature != null && !signature.isBlank() && validator.validate(url, fields, signature);
  }
}
