package org.accessline.web.quality;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.support.TestGateway;

/** What the quality tests share: a second supervisor, records put in place, and a full set of answers to the starter scorecard. */
public final class QualityFixtures {
  private QualityFixtures() {}

  /** The test gateway's three accounts and Rita, a second supervisor, so a dispute has someone uninvolved to resolve it. */
  static JsonObject withRita() {
    String hash = PasswordHasher.hash(TestGateway.PASSWORD.toCharArray(), 1_000);
    JsonArray agents = new JsonArray();
    for (String name : new String[] {"maria", "lee", "sam", "rita"}) {
      boolean supervisor = name.equals("sam") || name.equals("rita");
      agents.add(new JsonObject().put("username", name).put("displayName", Character.toUpperCase(name.charAt(0)) + name.substring(1)).put("passwordHash", hash)
          .put("capacity", 4).put("role", supervisor ? "supervisor" : "agent").put("skills", new JsonArray().add("tty").add("relay")));
    }
    return new JsonObject().put("agents", agents);
  }

  /** The test gateway's three accounts, Lee an agent granted quality review (not a supervisor). */
  static JsonObject withLeeReviewing() {
    JsonObject accounts = withRita();
    accounts.getJsonArray("agents").getJsonObject(1).put("grants", new JsonArray().add("quality-reviewer"));
    return accounts;
  }

  /** A TTY record held by {@code agent}, resolved unless {@code open}. */
  public static String record(InteractionStore store, String agent, Instant when, boolean open) {
    Instant at = when.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    ConversationId id = ConversationId.random();
    Contact contact = new Contact(Channel.TTY, "+1555000" + (1000 + (int) (Math.random() * 8999)));
    Participant resident = Participant.resident(contact);
    List<Entry> entries = new ArrayList<>(List.of(
        new Entry(id, 1, at, resident, new ConversationEvent.Opened(contact), Optional.empty()),
        new Entry(id, 2, at, Participant.SYSTEM, new ConversationEvent.Queued(at, "waiting"), Optional.empty()),
        new Entry(id, 3, at.plusSeconds(2), resident, new ConversationEvent.MessagePosted("MY STREETLIGHT IS OUT GA"), Optional.of("q:" + id.value())),
        new Entry(id, 4, at.plusSeconds(5), Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId(agent), agent), Optional.empty()),
        new Entry(id, 5, at.plusSeconds(30), Participant.agent(new AgentId(agent), agent), new ConversationEvent.MessagePosted("I WILL REPORT IT GA"), Optional.empty())));
    if (!open) entries.add(new Entry(id, 6, at.plusSeconds(60), Participant.SYSTEM, new ConversationEvent.Resolved("Service request created"), Optional.empty()));
    store.append(entries).await();
    return id.value();
  }

  /** Every question of the starter scorecard answered well, but the information rated 3 of 5 and 911 guidance N/A. */
  public static JsonObject goodAnswers() {
    return new JsonObject().put("greeted", "yes").put("tone", "5").put("never-hung-up", "yes").put("turn-taking", "yes").put("short-replies", "yes")
        .put("guided-911", "na").put("accurate", "3").put("verified", "yes").put("outcome", "option:right").put("asked-anything-else", "yes").put("recorded", "yes");
  }
}
