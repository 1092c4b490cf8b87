package org.helpline.handoff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.helpline.content.HelplineFacts;
import org.helpline.content.OpeningHours;

/**
 * When the nurses will have answered a message left while the line is closed: the instant by
 * which a set amount of the helpline's opening time has passed. The person is told this time,
 * so it must be a promise the nurses can keep: only time the line is open counts (closed hours,
 * closed days and bank holidays are skipped, by the same rule as {@link HelplineHours#isOpen}),
 * and it is counted as real elapsed time in the helpline's zone, so a clock change neither adds
 * nor removes an hour. Pure: time is always passed in.
 */
public final class ReplyBy {

  /** A year ahead: more than any sensible setting needs, and the end when facts give no hours. */
  private static final int SEARCH_DAYS = 366;

  private final HelplineHours hours;
  private final ZoneId zone;

  public ReplyBy(HelplineFacts facts) {
    this.hours = new HelplineHours(facts);
    this.zone = ZoneId.of(facts.timeZone());
  }

  /**
   * The instant, in the helpline's zone, by which {@code openTime} of opening time has passed
   * after {@code now}. Counting starts at {@code now} if the line is open and at its next opening
   * if not, so zero gives now or the next opening. Empty when the line is not open that long in
   * the coming year, as with facts that give no hours, so the caller never promises a time.
   *
   * @param openTime how much opening time the nurses have to answer (a setting, such as 8 hours)
   * @throws IllegalArgumentException if {@code openTime} is negative: a broken setting
   */
  public Optional<ZonedDateTime> after(Instant now, Duration openTime) {
    Objects.requireNonNull(now, "now");
    if (openTime.isNegative()) {
      throw new IllegalArgumentException("openTime must not be negative: " + openTime);
    }
    Duration left = openTime;
    LocalDate today = now.atZone(zone).toLocalDate();
    // Windows never cross midnight (opens is before closes on one date), so none before today's
    // can hold now.
    for (int d = 0; d <= SEARCH_DAYS; d++) {
      LocalDate date = today.plusDays(d);
      Optional<OpeningHours> window = hours.window(date);
      if (window.isEmpty()) {
        continue;
      }
      Instant opens = instant(date, window.get().opens());
      Instant closes = instant(date, window.get().closes());
      Instant from = opens.isBefore(now) ? now : opens;
      if (!from.isBefore(closes)) {
        continue;
      }
      Duration open = Duration.between(from, closes);
      if (left.compareTo(open) <= 0) {
        return Optional.of(from.plus(left).atZone(zone));
      }
      left = left.minus(open);
    }
    return Optional.empty();
  }

  /**
   * A reply-by time in words for the person, in the helpline's zone: "by 5pm on Monday 7
   * December". Always the date, never "tomorrow", because the person may read it on another
   * day; a time with seconds is rounded up to the minute so that the words are never earlier
   * than the promise.
   */
  public String describe(Instant replyBy) {
    ZonedDateTime local = replyBy.atZone(zone);
    ZonedDateTime minute = local.truncatedTo(ChronoUnit.MINUTES);
    if (minute.isBefore(local)) {
      minute = minute.plusMinutes(1);
    }
    return "by " + HelplineHours.clock(minute.toLocalTime()) + " on "
        + minute.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " "
        + minute.getDayOfMonth() + " " + minute.getMonth().getDisplayName(TextStyle.FULL,
        Locale.UK);
  }

  /**
   * The instant a local opening or closing time happens on a date. A time the clocks skip
   * counts from the moment they skip it, which is when {@link HelplineHours#isOpen} changes; a
   * time that happens twice counts the first time, so in the repeated hour a window ending then
   * counts the shorter reading, and the promise is late rather than early.
   */
  private Instant instant(LocalDate date, LocalTime time) {
    LocalDateTime local = date.atTime(time);
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return local.atZone(zone).toInstant();
  }
}
