package org.accessline.web.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.accessline.channels.sms.SmsSegments;
import org.accessline.channels.tty.TtyText;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.DirectoryHit;
import org.accessline.gateway.directory.Opening;
import org.accessline.gateway.directory.Reach;
import org.accessline.gateway.directory.ServiceEntry;

/**
 * A referral as the resident will read it on their channel: on a TTY short, in capitals, with the
 * usual abbreviations and no closing etiquette (the agent types GA or SK); by SMS in one or two
 * segments; in web chat whole.
 */
public final class ReferralText {
  /** The most segments a referral may take by SMS. */
  public static final int SMS_SEGMENTS = 2;

  private ReferralText() {}

  /** How to reach the service, kind by kind (the service's own way, else its agency's): what the record keeps. */
  public static Map<String, String> reach(DirectoryHit hit) {
    Reach s = hit.service().reach();
    Reach a = hit.agency().reach();
    Map<String, String> out = new LinkedHashMap<>();
    s.phone().or(a::phone).ifPresent(v -> out.put("phone", v));
    s.tty().or(a::tty).ifPresent(v -> out.put("tty", v));
    s.videoPhone().or(a::videoPhone).ifPresent(v -> out.put("videoPhone", v));
    s.text().or(a::text).ifPresent(v -> out.put("text", v));
    s.web().or(a::web).ifPresent(v -> out.put("web", v));
    s.address().or(a::address).ifPresent(v -> out.put("address", v));
    return out;
  }

  public static String format(DirectoryHit hit, Channel channel) {
    if (channel.equals(Channel.TTY)) return tty(hit);
    // A relay assistant speaks it: the short form, not TTY capitals.
    if (channel.equals(Channel.SMS) || channel.equals(Channel.RELAY)) return sms(hit);
    return full(hit);
  }

  static String tty(DirectoryHit hit) {
    Map<String, String> how = reach(hit);
    StringBuilder out = new StringBuilder("PLS CONTACT ").append(hit.agency().name()).append(" FOR ").append(hit.service().name());
    Optional.ofNullable(how.get("tty")).ifPresent(v -> out.append(". TTY NBR ").append(v));
    Optional.ofNullable(how.get("videoPhone")).ifPresent(v -> out.append(". VP ").append(v));
    if (!how.containsKey("tty")) Optional.ofNullable(how.get("phone")).ifPresent(v -> out.append(". PHONE ").append(v));
    String hours = hours(hit.service().week());
    if (!hours.isEmpty()) out.append(". HRS ").append(hours);
    return TtyText.toTty(out.toString());
  }

  static String sms(DirectoryHit hit) {
    Map<String, String> how = reach(hit);
    List<String> ways = new ArrayList<>();
    Optional.ofNullable(how.get("phone")).ifPresent(v -> ways.add("call " + v));
    Optional.ofNullable(how.get("tty")).ifPresent(v -> ways.add("TTY " + v));
    Optional.ofNullable(how.get("text")).ifPresent(v -> ways.add("text " + v));
    Optional.ofNullable(how.get("videoPhone")).ifPresent(v -> ways.add("video phone " + v));
    Optional.ofNullable(how.get("web")).ifPresent(ways::add);
    String name = hit.service().name() + " (" + hit.agency().name() + ")";
    // Least needed last: ways are dropped from the end, then the names shortened, until it fits.
    while (true) {
      String text = name + (ways.isEmpty() ? "" : ": " + String.join(", ", ways));
      if (SmsSegments.of(text).segments() <= SMS_SEGMENTS) return text;
      if (ways.size() > 1) ways.remove(ways.size() - 1);
      else name = name.substring(0, Math.max(1, name.length() - 20)) + "...";
    }
  }

  static String full(DirectoryHit hit) {
    ServiceEntry s = hit.service();
    Agency a = hit.agency();
    Map<String, String> how = reach(hit);
    List<String> lines = new ArrayList<>();
    lines.add(s.name() + ", " + a.name());
    if (!s.description().isEmpty()) lines.add(s.description());
    Map<String, String> labels = Map.of("phone", "Phone", "tty", "TTY", "videoPhone", "Video phone", "text", "Text", "web", "Web", "address", "Address");
    for (String kind : List.of("phone", "tty", "videoPhone", "text", "web", "address")) {
      if (how.containsKey(kind)) lines.add(labels.get(kind) + ": " + how.get(kind));
    }
    String hours = hours(s.week());
    if (!hours.isEmpty()) lines.add("Hours: " + hours + " (" + a.zone().getId() + ")");
    if (!s.eligibility().isEmpty()) lines.add("Who can use it: " + s.eligibility());
    if (!s.accessibility().isEmpty()) lines.add("Accessibility: " + s.accessibility());
    return String.join("\n", lines);
  }

  /** Like {@code MON-FRI 09:00-17:00, SAT 10:00-12:00}: consecutive days with the same hours joined. */
  public static String hours(List<Opening> week) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < week.size()) {
      Opening first = week.get(i);
      int j = i;
      while (j + 1 < week.size() && week.get(j + 1).opens().equals(first.opens()) && week.get(j + 1).closes().equals(first.closes())
          && week.get(j + 1).day().getValue() == week.get(j).day().getValue() + 1) j++;
      String days = day(first) + (j > i ? "-" + day(week.get(j)) : "");
      parts.add(days + " " + first.opens() + "-" + first.closes());
      i = j + 1;
    }
    return String.join(", ", parts);
  }

  private static String day(Opening o) {
    return o.day().name().substring(0, 3).toUpperCase(Locale.ROOT);
  }
}
