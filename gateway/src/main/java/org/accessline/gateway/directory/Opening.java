package org.accessline.gateway.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One weekly opening: a day, and the local time it opens and closes (closing after opening, the same day). */
public record Opening(DayOfWeek day, LocalTime opens, LocalTime closes) {
  public Opening {
    if (day == null || opens == null || closes == null) throw new IllegalArgumentException("an opening needs a day, and when it opens and closes");
    if (!closes.isAfter(opens)) throw new IllegalArgumentException("an opening closes after it opens, on the same day");
  }

  /** The minute of the day it opens: what the stores compare with. */
  public int opensMinute() {
    return opens.getHour() * 60 + opens.getMinute();
  }

  public int closesMinute() {
    return closes.getHour() * 60 + closes.getMinute();
  }

  /** Like {@code mon 08:00-17:00}: the form CSV files and the page use. */
  public String text() {
    return day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT) + " " + opens + "-" + closes;
  }
}
