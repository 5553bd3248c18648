package org.accessline.gateway.rules;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.QueueEstimate;
import org.accessline.gateway.routing.QueueMessages;
import org.accessline.gateway.routing.QueueUpdates;
import org.accessline.gateway.rules.FloorState.Due;
import org.accessline.gateway.rules.FloorState.Place;
import org.accessline.gateway.rules.FloorState.Publishing;
import org.accessline.gateway.rules.FloorState.Seat;
import org.accessline.gateway.rules.FloorState.Told;

/**
 * What waiting residents hear of the line once a change is decided. Web chat shows a live place:
 * everyone at or behind the first place that changed is published, together, at most every
 * {@link FloorRules#PLACES_EVERY}. A texter or TTY caller gets a message on joining the line and
 * again every {@code queueUpdates.every}. Supervisors' consoles get the line's length when it changes.
 */
final class PlacesInLine {
  private PlacesInLine() {}

  static void settle(FloorChange c, QueueUpdates queueUpdates) {
    Duration typical = typicalHandle(c, queueUpdates);
    for (ConversationId conversation : c.joined) {
      Seat seat = c.seats.get(conversation);
      if (seat != null && seat.inLine() && FloorRules.toldByMessage(seat.channel()) && !c.told.contains(conversation)) text(c, seat, typical);
    }
    for (Due due = c.textsDue.first(); due != null && !c.now.isBefore(due.at().plus(queueUpdates.every())); due = c.textsDue.first()) {
      text(c, c.seats.get(due.conversation()), typical);
    }
    if (c.line.size() != c.publishedWaiting) {
      c.publishedWaiting = c.line.size();
      c.actions.add(new FloorAction.PublishQueueLength(c.publishedWaiting));
    }
    publish(c, typical);
  }

  private static Duration typicalHandle(FloorChange c, QueueUpdates queueUpdates) {
    return QueueEstimate.typicalHandle(c.recentHandles, queueUpdates.typicalHandle());
  }

  private static void text(FloorChange c, Seat seat, Duration typical) {
    Told before = c.told.get(seat.id());
    int times = before == null ? 1 : before.times() + 1;
    if (before != null) c.textsDue = c.textsDue.remove(new Due(before.at(), seat.id()));
    c.told = c.told.put(seat.id(), new Told(c.now, times));
    c.textsDue = c.textsDue.put(new Due(c.now, seat.id()), seat.id());
    int position = c.line.rank(seat.toldPlace()) + 1;
    String text = QueueMessages.text(seat.channel(), position, QueueEstimate.wait(position, c.onDutyUnits, typical));
    c.actions.add(new FloorAction.TextPlaceInLine(seat.id(), text, "queue:" + seat.id().value() + ":" + times));
  }

  /**
   * Publishes the places that changed and starts the quiet second, or leaves them for the end of the
   * quiet second if one is running. A wait estimate that appears or goes changes every place.
   */
  private static void publish(FloorChange c, Duration typical) {
    Publishing p = c.publishing;
    boolean withWait = c.onDutyUnits > 0;
    int from = withWait == p.withWait() ? p.changedFrom() : 0;
    if (from >= c.line.size()) {
      c.publishing = new Publishing(Integer.MAX_VALUE, p.quiet(), withWait);
      return;
    }
    if (p.quiet()) {
      c.publishing = new Publishing(from, true, p.withWait());
      return;
    }
    int position = from;
    for (Iterator<Map.Entry<Place, ConversationId>> it = c.line.from(from); it.hasNext();) {
      position++;
      c.actions.add(new FloorAction.PublishPlaceInLine(it.next().getValue(), position, QueueEstimate.wait(position, c.onDutyUnits, typical)));
    }
    c.actions.add(new FloorAction.StartTimer(new FloorAction.TimerKey.Places(), FloorRules.PLACES_EVERY, new FloorInput.PlacesDue()));
    c.publishing = new Publishing(Integer.MAX_VALUE, true, withWait);
  }
}
