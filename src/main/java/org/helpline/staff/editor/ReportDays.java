package org.helpline.staff.editor;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code ?days=} window of an editors' report: 1 to 365 days back, 30 when absent. */
public class ReportDays {

  /** Longest period a report may cover (transcripts are not kept longer anyway). */
  static final int MAX_DAYS = 365;

  @Parameter(description = "How many days back to look (1 to 365)")
  @QueryParam("days")
  @DefaultValue("30")
  String days;

  /** The period the report covers; 400 when days is not a whole number from 1 to 365. */
  Duration period() {
    try {
      int n = Integer.parseInt(days.strip());
      if (n >= 1 && n <= MAX_DAYS) {
        return Duration.ofDays(n);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException("days must be a whole number from 1 to " + MAX_DAYS);
  }
}
