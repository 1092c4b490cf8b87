package org.helpline.content;

import java.time.LocalDate;
import java.util.List;

/**
 * The nurse helpline's facts from {@code dialogs/_system/helpline.yml}: number, hours, time
 * zone, bank holidays, contact form and what to do out of hours.
 */
public record HelplineFacts(
    String name,
    String phone,
    String phoneUri,
    String timeZone,
    List<OpeningHours> hours,
    String hoursText,
    List<LocalDate> bankHolidays,
    Link contactForm,
    List<String> outOfHours) {

  public HelplineFacts {
    hours = hours == null ? List.of() : List.copyOf(hours);
    bankHolidays = bankHolidays == null ? List.of() : List.copyOf(bankHolidays);
    outOfHours = outOfHours == null ? List.of() : List.copyOf(outOfHours);
  }
}
