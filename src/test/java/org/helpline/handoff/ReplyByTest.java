package org.helpline.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.helpline.content.Content;
import org.helpline.content.ContentLoader;
import org.helpline.content.ContentSource;
import org.helpline.content.ContentValidator;
import org.helpline.content.HelplineFacts;
import org.helpline.content.Link;
import org.helpline.content.OpeningHours;
import org.junit.jupiter.api.Test;

/**
 * Reply-by times from explicit facts (Monday to Friday, 9am to 5pm, London), with the clock
 * changes of 2026 (29 March and 25 October) and bank holidays; all instants are exact.
 */
class ReplyByTest {

  private static final Duration EIGHT_HOURS = Duration.ofHours(8);
  private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
      DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

  private final HelplineFacts weekdays = facts(List.of(new OpeningHours(WEEKDAYS,
      LocalTime.of(9, 0), LocalTime.of(17, 0))), List.of(LocalDate.of(2026, 4, 3),
      LocalDate.of(2026, 4, 6), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 12, 25),
      LocalDate.of(2026, 12, 28)));
  private final ReplyBy replyBy = new ReplyBy(weekdays);

  @Test
  void fridayNightMessageIsAnsweredByCloseOnMonday() {
    Optional<ZonedDateTime> by = replyBy.after(at("2026-12-04T22:00:00Z"), EIGHT_HOURS);
    assertEquals(Optional.of(at("2026-12-07T17:00:00Z")), by.map(ZonedDateTime::toInstant));
    assertEquals(ZoneId.of("Europe/London"), by.orElseThrow().getZone());
    assertEquals("by 5pm on Monday 7 December", replyBy.describe(by.orElseThrow().toInstant()));
  }

  @Test
  void aBankHolidayMondayMovesItToTuesday() {
    // Friday 28 August 22:00 BST; Monday 31 August is a bank holiday. 5pm BST is 16:00 UTC.
    assertReplyBy("2026-09-01T16:00:00Z", "2026-08-28T21:00:00Z", EIGHT_HOURS);
  }

  @Test
  void christmasSkipsBothBankHolidays() {
    // Thursday 24 December after closing; Friday 25th and Monday 28th are bank holidays.
    assertReplyBy("2026-12-29T17:00:00Z", "2026-12-24T18:00:00Z", EIGHT_HOURS);
  }

  @Test
  void whileOpenCountingStartsNow() {
    // Tuesday 15:00: two hours on Tuesday, six on Wednesday.
    assertReplyBy("2026-11-25T15:00:00Z", "2026-11-24T15:00:00Z", EIGHT_HOURS);
  }

  @Test
  void aFullDayFromOpeningEndsAtThatDaysClose() {
    assertReplyBy("2026-11-24T17:00:00Z", "2026-11-24T09:00:00Z", EIGHT_HOURS);
  }

  @Test
  void zeroWhileOpenIsNow() {
    assertReplyBy("2026-11-24T10:17:00Z", "2026-11-24T10:17:00Z", Duration.ZERO);
  }

  @Test
  void zeroWhileClosedIsTheNextOpening() {
    // Saturday night: the next opening is Monday 9am.
    assertReplyBy("2026-11-30T09:00:00Z", "2026-11-28T02:00:00Z", Duration.ZERO);
  }

  @Test
  void closingTimeIsAlreadyClosed() {
    assertReplyBy("2026-11-25T09:00:00Z", "2026-11-24T17:00:00Z", Duration.ZERO);
    assertReplyBy("2026-11-25T17:00:00Z", "2026-11-24T17:00:00Z", EIGHT_HOURS);
  }

  @Test
  void aClosedDayCountsNothing() {
    // Opening Mondays and Wednesdays only: Monday evening's message waits over Tuesday.
    ReplyBy twoDays = new ReplyBy(facts(List.of(new OpeningHours(List.of(DayOfWeek.MONDAY,
        DayOfWeek.WEDNESDAY), LocalTime.of(10, 0), LocalTime.of(14, 0))), List.of()));
    assertEquals(Optional.of(at("2026-11-25T12:00:00Z")),
        twoDays.after(at("2026-11-23T18:00:00Z"), Duration.ofHours(2))
            .map(ZonedDateTime::toInstant));
  }

  @Test
  void severalDaysOfOpeningTimeSpanTheWeekend() {
    // Friday 16:00: 1h Friday, 8h Monday, 8h Tuesday, 3h Wednesday.
    assertReplyBy("2026-12-09T12:00:00Z", "2026-12-04T16:00:00Z", Duration.ofHours(20));
  }

  @Test
  void springClockChangeWeekendIsCountedInLondonTime() {
    // Friday 27 March 22:00 GMT; the clocks go forward on Sunday 29th. Monday 5pm is BST.
    assertReplyBy("2026-03-30T16:00:00Z", "2026-03-27T22:00:00Z", EIGHT_HOURS);
    // Friday 15:00 GMT: 2h Friday, then 9am to 11am BST on Monday.
    assertReplyBy("2026-03-30T10:00:00Z", "2026-03-27T15:00:00Z", Duration.ofHours(4));
  }

  @Test
  void autumnClockChangeWeekendIsCountedInLondonTime() {
    // Friday 23 October 15:00 BST; the clocks go back on Sunday 25th. Monday 11am is GMT.
    assertReplyBy("2026-10-26T11:00:00Z", "2026-10-23T14:00:00Z", Duration.ofHours(4));
    assertReplyBy("2026-10-26T17:00:00Z", "2026-10-23T21:00:00Z", EIGHT_HOURS);
  }

  @Test
  void aWindowAcrossTheClockChangeCountsRealTime() {
    // Sundays 00:30 to 03:00. On 29 March that is 00:30 GMT to 03:00 BST: 1h30 of real time,
    // not 2h30, so 2 hours run on into the next Sunday (00:30 BST is 23:30 UTC on Saturday).
    ReplyBy nights = new ReplyBy(sundays(LocalTime.of(0, 30), LocalTime.of(3, 0)));
    Instant saturday = at("2026-03-28T12:00:00Z");
    assertEquals(Optional.of(at("2026-03-29T02:00:00Z")),
        nights.after(saturday, Duration.ofMinutes(90)).map(ZonedDateTime::toInstant));
    assertEquals(Optional.of(at("2026-04-05T00:00:00Z")),
        nights.after(saturday, Duration.ofHours(2)).map(ZonedDateTime::toInstant));
    // On 25 October the hour from 1am happens twice: 00:30 BST to 03:00 GMT is 3h30.
    assertEquals(Optional.of(at("2026-10-25T03:00:00Z")),
        nights.after(at("2026-10-24T12:00:00Z"), Duration.ofMinutes(210))
            .map(ZonedDateTime::toInstant));
  }

  @Test
  void aClosingTimeTheClocksSkipClosesWhenTheySkipIt() {
    // Sundays 00:30 to 01:30: on 29 March 1:30am never happens, and the line is closed from
    // 01:00 UTC (2am BST), so only 30 minutes count that night.
    HelplineFacts facts = sundays(LocalTime.of(0, 30), LocalTime.of(1, 30));
    HelplineHours hours = new HelplineHours(facts);
    assertTrue(hours.isOpen(at("2026-03-29T00:45:00Z")));
    assertFalse(hours.isOpen(at("2026-03-29T01:15:00Z")));
    assertEquals(Optional.of(at("2026-04-04T23:45:00Z")), new ReplyBy(facts)
        .after(at("2026-03-28T12:00:00Z"), Duration.ofMinutes(45)).map(ZonedDateTime::toInstant));
  }

  @Test
  void zeroAgreesWithHelplineHoursAcrossAClockChangeAndEaster() {
    HelplineHours hours = new HelplineHours(weekdays);
    for (Instant t = at("2026-03-20T00:00:00Z"); t.isBefore(at("2026-04-12T00:00:00Z"));
        t = t.plus(Duration.ofMinutes(10))) {
      Instant expected = hours.isOpen(t) ? t : hours.nextOpening(t).orElseThrow().toInstant();
      assertEquals(Optional.of(expected),
          replyBy.after(t, Duration.ZERO).map(ZonedDateTime::toInstant), t.toString());
    }
  }

  @Test
  void noOpeningHoursGivesNoTime() {
    assertEquals(Optional.empty(), new ReplyBy(facts(List.of(), List.of()))
        .after(at("2026-11-24T10:00:00Z"), EIGHT_HOURS));
    assertEquals(Optional.empty(), new ReplyBy(facts(List.of(new OpeningHours(List.of(),
        LocalTime.of(9, 0), LocalTime.of(17, 0))), List.of()))
        .after(at("2026-11-24T10:00:00Z"), Duration.ZERO));
  }

  @Test
  void moreOpeningTimeThanAYearHoldsGivesNoTime() {
    // A year of weekdays is about 2,090 hours.
    assertEquals(Optional.empty(), replyBy.after(at("2026-11-24T10:00:00Z"),
        Duration.ofHours(3000)));
  }

  @Test
  void aNegativeSettingIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> replyBy.after(at("2026-11-24T10:00:00Z"), Duration.ofHours(-1)));
  }

  @Test
  void describesTheTimeInLondon() {
    assertEquals("by 5pm on Wednesday 15 July", replyBy.describe(at("2026-07-15T16:00:00Z")));
    assertEquals("by 10:30am on Tuesday 24 November",
        replyBy.describe(at("2026-11-24T10:30:00Z")));
    assertEquals("by 12pm on Tuesday 24 November",
        replyBy.describe(at("2026-11-24T12:00:00Z")));
  }

  @Test
  void describesSecondsAsTheNextMinute() {
    assertEquals("by 3:01pm on Monday 7 December", replyBy.describe(at("2026-12-07T15:00:30Z")));
  }

  @Test
  void theRealContentClosesForChristmas() {
    Content content = new ContentLoader(new ContentValidator(25, 600))
        .load(ContentSource.classpath(getClass().getClassLoader()));
    ReplyBy real = new ReplyBy(content.helpline());
    Optional<ZonedDateTime> by = real.after(at("2026-12-24T18:00:00Z"), EIGHT_HOURS);
    assertEquals(Optional.of(at("2026-12-29T17:00:00Z")), by.map(ZonedDateTime::toInstant));
    assertEquals("by 5pm on Tuesday 29 December", real.describe(by.orElseThrow().toInstant()));
  }

  private void assertReplyBy(String expected, String now, Duration openTime) {
    assertEquals(Optional.of(at(expected)),
        replyBy.after(at(now), openTime).map(ZonedDateTime::toInstant));
  }

  private static HelplineFacts sundays(LocalTime opens, LocalTime closes) {
    return facts(List.of(new OpeningHours(List.of(DayOfWeek.SUNDAY), opens, closes)), List.of());
  }

  private static HelplineFacts facts(List<OpeningHours> hours, List<LocalDate> bankHolidays) {
    return new HelplineFacts("Nurses", "0808 800 4040", "tel:+448088004040", "Europe/London",
        hours, "Monday to Friday, 9am to 5pm", bankHolidays,
        new Link("Contact", "https://example.org"), List.of("999"), "999", List.of());
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
