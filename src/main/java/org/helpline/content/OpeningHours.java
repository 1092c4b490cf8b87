package org.helpline.content;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** One block of opening hours: the days it applies to, and when the line opens and closes. */
public record OpeningHours(List<DayOfWeek> days, LocalTime opens, LocalTime closes) {

  public OpeningHours {
    days = days == null ? List.of() : List.copyOf(days);
  }
}
