package org.helpline.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.helpline.content.HelplineFacts;
import org.helpline.content.OpeningHours;

/**
 * Whether the nurse helpline is open at a given instant, and when it next opens, from the
 * helpline facts in content (hours, time zone, bank holidays). Pure: time is always passed in.
 */
public final class HelplineHours {

  private static final int SEARCH_DAYS = 21;

  private final HelplineFacts facts;
  private final ZoneId zone;
  private final Set<LocalDate> holidays;

  public HelplineHours(HelplineFacts facts) {
    this.facts = facts;
    this.zone = ZoneId.of(facts.timeZone());
    this.holidays = new HashSet<>(facts.bankHolidays());
  }

  /** True when the line is open at this instant. */
  public boolean isOpen(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    return window(local.toLocalDate())
        .map(w -> !local.toLocalTime().isBefore(w.opens()) && local.toLocalTime().isBefore(
            w.closes()))
        .orElse(false);
  }

  /** The next time the line opens after this instant, if it opens in the next three weeks. */
  public Optional<ZonedDateTime> nextOpening(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    for (int d = 0; d <= SEARCH_DAYS; d++) {
      LocalDate date = local.toLocalDate().plusDays(d);
      Optional<OpeningHours> w = window(date);
      if (w.isPresent()) {
        ZonedDateTime opens = date.atTime(w.get().opens()).atZone(zone);
        if (opens.isAfter(local)) {
          return Optional.of(opens);
        }
      }
    }
    return Optional.empty();
  }

  /** When the line opens next, in words: "today at 9am", "tomorrow at 9am", "on Monday at 9am". */
  public String describeNextOpening(Instant now) {
    return nextOpening(now).map(next -> {
      LocalDate today = now.atZone(zone).toLocalDate();
      String day;
      if (next.toLocalDate().equals(today)) {
        day = "today";
      } else if (next.toLocalDate().equals(today.plusDays(1))) {
        day = "tomorrow";
      } else if (next.toLocalDate().isBefore(today.plusDays(7))) {
        day = "on " + next.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK);
      } else {
        day = "on " + next.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " "
            + next.getDayOfMonth() + " " + next.getMonth().getDisplayName(TextStyle.FULL,
            Locale.UK);
      }
      return day + " at " + clock(next.toLocalTime());
    }).orElse("soon");
  }

  public HelplineFacts facts() {
    return facts;
  }

  /**
   * The hours that apply on this date, if the line opens at all: package-private so that
   * {@link ReplyBy} counts opening time by exactly the rule {@link #isOpen} uses.
   */
  Optional<OpeningHours> window(LocalDate date) {
    if (holidays.contains(date)) {
      return Optional.empty();
    }
    DayOfWeek day = date.getDayOfWeek();
    return facts.hours().stream().filter(h -> h.days().contains(day)).findFirst();
  }

  /** A time as the texts say it, "9am" or "5:30pm"; package-private for {@link ReplyBy}. */
  static String clock(LocalTime time) {
    int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
    String suffix = time.getHour() < 12 ? "am" : "pm";
    return time.getMinute() == 0 ? hour + suffix
        : hour + ":" + String.format(Locale.ROOT, "%02d", time.getMinute()) + suffix;
  }
}
