package org.accessline.web.tty;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.accessline.channels.tty.BaudotModulator;
import org.accessline.channels.tty.ModemSettings;
import org.accessline.channels.tty.TtyCallSettings;
import org.accessline.channels.tty.LineMode;
import org.accessline.channels.tty.LiveCall;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.channels.tty.TtyReply;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** What the console needs for TTY calls: how a reply will print, and stopping one that is being sent. */
public final class TtyApi {
  private final Desk stream;
  private final TtyCalls calls;
  private final TtyCallSettings settings;
  private final int maxMessageBytes;
  private final BaudotModulator timing = new BaudotModulator(ModemSettings.US_TTY);

  public TtyApi(Desk stream, TtyCalls calls, TtyCallSettings settings, int maxMessageBytes) {
    this.stream = stream;
    this.calls = calls;
    this.settings = settings;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** {@code POST /api/tty/preview {"text"}}: the reply as the caller's TTY will print it (on a fresh line), and about how long that takes to send. */
  public void preview(RoutingContext ctx) {
    Optional<String> text = Validation.text(Validation.body(ctx), "text").filter(t -> !t.isBlank());
    if (text.isEmpty()) {
      Problem.send(ctx, 400, "empty_message", "A preview needs some text.");
      return;
    }
    if (text.get().getBytes(StandardCharsets.UTF_8).length > maxMessageBytes) {
      Problem.send(ctx, 413, "too_long", "Replies can be at most " + maxMessageBytes + " bytes.");
      return;
    }
    TtyReply reply = TtyReply.of(text.get(), settings.appendGa());
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(new JsonObject()
        .put("sent", reply.sent()).put("line", TtyReply.onTheLine(reply.sent())).put("changed", reply.changed()).put("gaAppended", reply.gaAppended())
        .put("seconds", Math.round(timing.transmitTime(TtyReply.onTheLine(reply.sent())).toMillis() / 100.0) / 10.0).encode());
  }

  /** {@code POST /api/conversations/{id}/tty/stop}: stops the agent's reply that is playing on the call and withdraws the ones waiting to play. */
  public void stopSending(RoutingContext ctx) {
    var conversation = Validation.conversation(ctx);
    var agent = StaffAuth.account(ctx).username();
    stream.openConversation(conversation).compose(state -> {
      if (state.isEmpty()) return Future.succeededFuture(Optional.<Integer>empty());
      if (!state.get().isAssignedTo(agent)) return Future.succeededFuture(Optional.of(-1));
      return calls.stopSending(conversation).map(Optional::of);
    }).onComplete(ar -> {
      if (ar.failed()) Problem.send(ctx, 503, "unavailable", "The call could not be reached. Please try again.");
      else if (ar.result().isEmpty()) Problem.send(ctx, 404, "unknown_conversation", "There is no open conversation with that id.");
      else if (ar.result().get() < 0) Problem.send(ctx, 403, "not_assigned", "This conversation is not assigned to you.");
      else ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(new JsonObject().put("stopped", ar.result().get()).encode());
    });
  }

  /**
   * {@code POST /api/conversations/{id}/call-mode {"mode":"relay"}}: the assigned agent moves a call
   * on the TTY line to relay, when the caller turned out to be speaking (a relay assistant or a
   * hearing caller) and the line took them for a TTY. 409 when the call cannot switch (it has
   * ended, already runs so, or this gateway has relay off).
   */
  public void switchMode(RoutingContext ctx) {
    var conversation = Validation.conversation(ctx);
    var agent = StaffAuth.account(ctx).username();
    Optional<String> wanted = Validation.text(Validation.body(ctx), "mode");
    Optional<LineMode> mode = wanted.flatMap(LineMode::parse).filter(m -> m != LineMode.DETECT);
    if (mode.isEmpty()) {
      Problem.send(ctx, 400, "bad_mode", "mode must be \"relay\" or \"tty\".");
      return;
    }
    stream.openConversation(conversation).compose(state -> {
      if (state.isEmpty()) return Future.succeededFuture(Optional.<Integer>empty());
      if (!state.get().isAssignedTo(agent)) return Future.succeededFuture(Optional.of(-1));
      Optional<LiveCall> call = calls.call(conversation);
      if (call.isEmpty()) return Future.succeededFuture(Optional.of(0));
      return call.get().switchTo(mode.get()).map(switched -> Optional.of(switched ? 1 : 0));
    }).onComplete(ar -> {
      if (ar.failed()) Problem.send(ctx, 503, "unavailable", "The call could not be reached. Please try again.");
      else if (ar.result().isEmpty()) Problem.send(ctx, 404, "unknown_conversation", "There is no open conversation with that id.");
      else if (ar.result().get() < 0) Problem.send(ctx, 403, "not_assigned", "This conversation is not assigned to you.");
      else if (ar.result().get() == 0) Problem.send(ctx, 409, "cannot_switch", "The call cannot switch to " + mode.get().wireName()
          + ": it has ended, already runs so, or relay is off on this gateway.");
      else ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(new JsonObject().put("mode", mode.get().wireName()).encode());
    });
  }
}
