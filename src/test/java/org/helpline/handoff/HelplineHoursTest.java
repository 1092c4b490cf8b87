package org.helpline.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.helpline.content.HelplineFacts;
import org.helpline.content.Link;
import org.helpline.content.OpeningHours;
import org.junit.jupiter.api.Test;

class HelplineHoursTest {

  private final HelplineHours hours = new HelplineHours(new HelplineFacts("Nurses",
      "0808 800 4040", "tel:+448088004040", "Europe/London",
      List.of(new OpeningHours(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))),
      "Monday to Friday, 9am to 5pm", List.of(LocalDate.of(2026, 12, 25),
      LocalDate.of(2026, 12, 28)), new Link("Contact", "https://example.org"), List.of("999"), "999", List.of()));

  @Test
  void openOnAWeekdayMorningInLondonTime() {
    // 09:30 in London in winter is 09:30 UTC.
    assertTrue(hours.isOpen(Instant.parse("2026-11-25T09:30:00Z")));
  }

  @Test
  void usesBritishSummerTime() {
    // 08:30 UTC in July is 09:30 BST: open. 16:30 UTC is 17:30 BST: closed.
    assertTrue(hours.isOpen(Instant.parse("2026-07-15T08:30:00Z")));
    assertFalse(hours.isOpen(Instant.parse("2026-07-15T16:30:00Z")));
  }

  @Test
  void closedInTheEveningAndOpensTomorrow() {
    Instant evening = Instant.parse("2026-11-25T19:00:00Z");
    assertFalse(hours.isOpen(evening));
    assertEquals("tomorrow at 9am", hours.describeNextOpening(evening));
  }

  @Test
  void closedAtTheWeekendAndOpensOnMonday() {
    Instant saturday = Instant.parse("2026-11-28T02:00:00Z");
    assertFalse(hours.isOpen(saturday));
    assertEquals("on Monday at 9am", hours.describeNextOpening(saturday));
  }

  @Test
  void closedOnBankHolidaysAndSkipsThem() {
    Instant christmas = Instant.parse("2026-12-25T10:00:00Z");
    assertFalse(hours.isOpen(christmas));
    // Friday 25th and Monday 28th are bank holidays: next opening is Tuesday 29th.
    assertEquals("on Tuesday at 9am", hours.describeNextOpening(christmas));
  }

  @Test
  void earlyOnAWeekdayOpensToday() {
    assertEquals("today at 9am", hours.describeNextOpening(Instant.parse(
        "2026-11-25T07:00:00Z")));
  }

  @Test
  void closingTimeIsExclusive() {
    assertFalse(hours.isOpen(Instant.parse("2026-11-25T17:00:00Z")));
    assertTrue(hours.isOpen(Instant.parse("2026-11-25T16:59:59Z")));
  }
}
