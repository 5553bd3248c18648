package org.accessline.web.residents;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.escalation.LimitPolicy;
import org.accessline.web.http.ConversationJson;

/**
 * One conversation as every staff view shows it (the REST list, the console socket's frames, the
 * floor, the escalation queue): the summary, with the resident's stable name and what a list sorts
 * by — an emergency first, then how long the resident has waited, then the next time limit.
 */
public final class ConversationViews {
  private final UnaryOperator<String> keyedHash;
  private final LimitPolicy limits;

  /** @param keyedHash the resident names' key, as {@link ResidentName#of} takes it */
  public ConversationViews(UnaryOperator<String> keyedHash, LimitPolicy limits) {
    this.keyedHash = keyedHash;
    this.limits = limits;
  }

  public String residentName(Contact contact) {
    return ResidentName.of(contact, keyedHash);
  }

  public JsonObject json(ConversationState s) {
    JsonObject last = s.lastMessage().map(m -> new JsonObject().put("text", m.text()).put("at", m.at().toString())
        .put("from", m.from().name().toLowerCase(Locale.ROOT))).orElse(null);
    return ConversationJson.summary(s).put("residentName", residentName(s.contact())).put("lastMessage", last)
        .put("waitingSince", s.unansweredSince().map(Object::toString).orElse(null))
        .put("limitAt", limits.nextLimitAt(s).map(Object::toString).orElse(null))
        .put("emergency", s.urgent());
  }
}
