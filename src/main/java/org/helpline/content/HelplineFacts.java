package org.helpline.content;

import java.time.LocalDate;
import java.util.List;

/**
 * The nurse helpline's facts from {@code dialogs/_system/helpline.yml}: number, hours, time
 * zone, bank holidays, contact form and what to do out of hours, and the emergency and other
 * numbers the texts give (channels make them tappable).
 *
 * @param emergency the emergency number (999)
 * @param otherNumbers other services' numbers the content gives (NHS 111, Samaritans)
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
    List<String> outOfHours,
    String emergency,
    List<String> otherNumbers) {

  public HelplineFacts {
    hours = hours == null ? List.of() : List.copyOf(hours);
    bankHolidays = bankHolidays == null ? List.of() : List.copyOf(bankHolidays);
    outOfHours = outOfHours == null ? List.of() : List.copyOf(outOfHours);
    otherNumbers = otherNumbers == null ? List.of() : List.copyOf(otherNumbers);
  }
}
