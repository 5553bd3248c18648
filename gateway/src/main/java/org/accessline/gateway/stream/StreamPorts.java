package org.accessline.gateway.stream;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Attachment;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Transcription;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.rules.StreamCommand;
import org.accessline.gateway.rules.StreamRules;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.signal.StreamSignal;
import org.accessline.gateway.store.InteractionStore;

/**
 * What each call of {@link Intake} and {@link Desk} asks of the stream: a command for a
 * conversation's writer, or a question to the floor or to the conversations in memory. The shell,
 * {@link ConversationStream}, supplies the writers, the floor and the owning context.
 */
abstract class StreamPorts extends VerticleBase implements Intake, Desk {

  /** Runs the command on its conversation's writer, reading the conversation from the store if it is not in memory. */
  abstract Future<Posted> submit(ConversationId conversation, StreamCommand command);

  /** Runs a command that may open a conversation: on the contact's own line, or on a line of its own (a call). */
  abstract Future<Posted> open(Contact contact, StreamCommand command, boolean ownLine);

  /** Runs {@code work} on the owning context and completes the result on the caller's context. */
  abstract <T> Future<T> onOwner(Supplier<Future<T>> work);

  abstract Floor floor();

  abstract Lines lines();

  abstract InteractionStore store();

  abstract Deliveries deliveries();

  abstract Consents consents();

  // ---- Intake: what channel adapters call ----

  @Override
  public Future<Posted> residentMessage(Contact contact, String text, String dedupeKey, List<Attachment> attachments) {
    return open(contact, new StreamCommand.ResidentMessage(contact, text, dedupeKey, attachments), false);
  }

  @Override
  public Future<Posted> openCall(Contact caller, String callKey) {
    return open(caller, new StreamCommand.OpenCall(caller, callKey), true);
  }

  @Override
  public Future<Posted> callerMessage(ConversationId conversation, String text, String dedupeKey) {
    return submit(conversation, new StreamCommand.CallerMessage(conversation, text, dedupeKey));
  }

  @Override
  public Future<Posted> relayedMessage(ConversationId conversation, String text, Transcription transcription, String dedupeKey) {
    return submit(conversation, new StreamCommand.CallerMessage(conversation, text, dedupeKey, Optional.of(transcription)));
  }

  @Override
  public Future<Posted> annotation(ConversationId conversation, String text, String dedupeKey) {
    return submit(conversation, new StreamCommand.Annotate(conversation, text, dedupeKey));
  }

  @Override
  public Future<Posted> relayAssistant(ConversationId conversation, String service, Optional<String> number, String heard, String dedupeKey) {
    return submit(conversation, new StreamCommand.RelayAssistant(conversation, new ConversationEvent.RelayAssistantJoined(service, number, heard), dedupeKey));
  }

  @Override
  public Future<Posted> automatedMessage(ConversationId conversation, String text, String dedupeKey) {
    return submit(conversation, new StreamCommand.AutomatedMessage(conversation, text, dedupeKey));
  }

  @Override
  public Future<Posted> centerMessage(ConversationId conversation, String text, String dedupeKey) {
    return submit(conversation, new StreamCommand.CenterMessage(conversation, text, dedupeKey));
  }

  @Override
  public Future<Posted> consent(ConversationId conversation, boolean optedOut, String keyword, String dedupeKey) {
    return submit(conversation, new StreamCommand.RecordConsent(conversation, optedOut, keyword, dedupeKey));
  }

  @Override
  public Future<Posted> note(ConversationId conversation, String text, String dedupeKey) {
    return submit(conversation, new StreamCommand.Note(conversation, text, dedupeKey));
  }

  @Override
  public Future<Posted> deliveryStatus(ConversationId conversation, long messageSeq, DeliveryStatus status, String detail, Optional<String> dedupeKey) {
    return submit(conversation, new StreamCommand.RecordDelivery(conversation, messageSeq, status, detail, dedupeKey));
  }

  @Override
  public Future<Posted> providerReport(ConversationId conversation, long messageSeq, DeliveryStatus status, String detail, String providerId,
      String dedupeKey) {
    return submit(conversation, new StreamCommand.RecordDelivery(conversation, messageSeq, status, detail, Optional.of(dedupeKey), Optional.of(providerId), true));
  }

  @Override
  public Future<Optional<ConversationId>> latestConversation(Contact contact) {
    return onOwner(() -> {
      Optional<ConversationId> inMemory = lines().latestOf(contact);
      return inMemory.isPresent() ? Future.succeededFuture(inMemory) : store().latestConversation(contact);
    });
  }

  @Override
  public Future<Boolean> optedOut(Contact contact) {
    return onOwner(() -> consents().of(contact).map(consent -> consent.optedOut()));
  }

  @Override
  public Future<List<Entry>> entries(ConversationId conversation, long afterSeq) {
    return store().entries(conversation, afterSeq);
  }

  @Override
  public Future<Optional<StreamSignal.QueuePosition>> placeInLine(ConversationId conversation) {
    return onOwner(() -> Future.succeededFuture(floor().placeInLine(conversation)));
  }

  /** Signals typing to the other side of the conversation; never stored. */
  @Override
  public Future<Void> typing(ConversationId conversation, Participant who, boolean active) {
    return typing(conversation, who, active, Optional.empty());
  }

  @Override
  public Future<Void> typing(ConversationId conversation, Participant who, boolean active, Optional<String> heardSoFar) {
    return onOwner(() -> {
      lines().state(conversation).filter(s -> !s.resolved()).ifPresent(state -> {
        StreamSignal signal = new StreamSignal.Typing(conversation, who, active, heardSoFar);
        Addresses.CONVERSATION.publish(vertx.eventBus(), conversation, signal);
        state.assignedAgent().ifPresent(a -> Addresses.AGENT.publish(vertx.eventBus(), a, signal));
      });
      return Future.succeededFuture();
    });
  }

  // ---- Desk: an agent's own conversations ----

  @Override
  public Future<Posted> agentMessage(ConversationId conversation, AgentProfile agent, String text, Optional<String> dedupeKey) {
    return submit(conversation, new StreamCommand.AgentMessage(conversation, agent.participant(), text, dedupeKey));
  }

  @Override
  public Future<Posted> setSkills(ConversationId conversation, AgentProfile agent, Set<String> skills) {
    return submit(conversation, new StreamCommand.SetSkills(conversation, agent.participant(), skills));
  }

  @Override
  public Future<Posted> transferToQueue(ConversationId conversation, AgentProfile from, Optional<Set<String>> skills, String note, Optional<String> queue) {
    return submit(conversation, new StreamCommand.Transfer(conversation, from.participant(), Optional.empty(), "", skills, note, queue));
  }

  @Override
  public Future<Void> transferToAgent(ConversationId conversation, AgentProfile from, AgentProfile to, String note, boolean warm) {
    if (!warm) {
      return submit(conversation, new StreamCommand.Transfer(conversation, from.participant(), Optional.of(to.id()), to.displayName(), Optional.empty(),
          note, Optional.empty())).mapEmpty();
    }
    return onOwner(() -> {
      Optional<ConversationState> open = lines().state(conversation);
      return StreamRules.warmTransfer(conversation, open, from.id(), to.id()).<Future<Void>>map(r -> Future.failedFuture(new RefusedException(r)))
          .orElseGet(() -> floor().offerTransfer(conversation, open.get().contact().channel().name(), from, to, note));
    });
  }

  @Override
  public Future<Posted> openOutbound(Contact contact, AgentProfile agent, ConversationId origin, String key) {
    // A text continues the contact's one open conversation; a call is a conversation of its own.
    boolean ownLine = !org.accessline.gateway.rules.Consent.keptFor(contact.channel());
    return open(contact, new StreamCommand.OpenOutbound(contact, agent.participant(), origin, key), ownLine);
  }

  @Override
  public Future<Posted> fileDetails(ConversationId conversation, Participant staff, ConversationEvent.DetailsSet details) {
    return submit(conversation, new StreamCommand.FileDetails(conversation, staff, details));
  }

  @Override
  public Future<Posted> recordReferral(ConversationId conversation, Participant staff, ConversationEvent.Referred referral, String requestId) {
    return submit(conversation, new StreamCommand.Refer(conversation, staff, referral, requestId));
  }

  @Override
  public Future<Posted> askSupervisor(ConversationId conversation, AgentProfile agent, String reason) {
    return submit(conversation, new StreamCommand.AskSupervisor(conversation, agent.participant(), reason));
  }

  @Override
  public Future<Posted> resolve(ConversationId conversation, AgentProfile agent, String disposition) {
    return submit(conversation, new StreamCommand.Resolve(conversation, agent.participant(), disposition));
  }

  // ---- Desk: offers and presence, which the floor keeps ----

  @Override
  public Future<Posted> acceptOffer(ConversationId conversation, AgentId agent) {
    return onOwner(() -> floor().accept(conversation, agent));
  }

  @Override
  public Future<Void> declineOffer(ConversationId conversation, AgentId agent) {
    return onOwner(() -> floor().decline(conversation, agent));
  }

  @Override
  public Future<List<StreamSignal.Offered>> offersFor(AgentId agent) {
    return onOwner(() -> {
      Map<ConversationId, String> channels = new HashMap<>();
      for (ConversationState s : lines().open()) channels.put(s.id(), s.contact().channel().name());
      return Future.succeededFuture(floor().offersFor(agent, channels));
    });
  }

  @Override
  public Future<Void> agentConnected(AgentProfile profile) {
    return onOwner(() -> {
      floor().connected(profile);
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<Void> agentDisconnected(AgentId agent) {
    return onOwner(() -> {
      floor().disconnected(agent);
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<Presence> setPresence(AgentProfile agent, Presence presence) {
    return onOwner(() -> {
      floor().setPresence(agent, presence);
      return Future.succeededFuture(presence);
    });
  }

  @Override
  public Future<Presence> presence(AgentId agent) {
    return onOwner(() -> Future.succeededFuture(floor().presence(agent)));
  }

  // ---- Desk: supervisors ----

  @Override
  public Future<Posted> takeEscalation(ConversationId conversation, AgentProfile supervisor) {
    return submit(conversation, new StreamCommand.SupervisorTakes(conversation, supervisor.id(), supervisor.displayName()));
  }

  @Override
  public Future<Posted> reassign(ConversationId conversation, AgentProfile to, String byName) {
    return submit(conversation, new StreamCommand.Reassign(conversation, to.id(), to.displayName(), byName));
  }

  @Override
  public Future<Posted> whisper(ConversationId conversation, AgentProfile supervisor, String text) {
    return submit(conversation, new StreamCommand.Whisper(conversation, Participant.supervisor(supervisor.id(), supervisor.displayName()), text));
  }

  @Override
  public Future<Posted> bargeIn(ConversationId conversation, AgentProfile supervisor, String text, Optional<String> dedupeKey) {
    return submit(conversation, new StreamCommand.BargeIn(conversation, Participant.supervisor(supervisor.id(), supervisor.displayName()), text, dedupeKey));
  }

  @Override
  public Future<FloorView> floorView() {
    return onOwner(() -> Future.succeededFuture(new FloorView(floor().agents(), List.copyOf(lines().open()))));
  }

  @Override
  public Future<List<ConversationState>> supervisorQueue() {
    return onOwner(() -> Future.succeededFuture(lines().open().stream().filter(ConversationState::awaitingSupervisor)
        .sorted(Comparator.comparing(ConversationState::opened)).toList()));
  }

  // ---- Desk: queries ----

  @Override
  public Future<List<ConversationState>> assignedTo(AgentId agent) {
    return onOwner(() -> Future.succeededFuture(lines().open().stream().filter(s -> s.isAssignedTo(agent)).toList()));
  }

  @Override
  public Future<Optional<ConversationState>> openConversation(ConversationId id) {
    return onOwner(() -> Future.succeededFuture(lines().state(id)));
  }

  @Override
  public Future<Integer> waitingCount() {
    return onOwner(() -> Future.succeededFuture(floor().waitingCount()));
  }

  @Override
  public Future<Void> deliveriesRecorded(Duration within) {
    return deliveries().recorded(within);
  }
}
