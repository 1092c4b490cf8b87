package org.helpline.staff.console;

import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Runs the app at a time the nurse line is open (a Wednesday, 11:00 in London, no bank
 * holiday), so live chat with a nurse is offered whatever the day the tests run. The clock
 * still ticks: it is the real one moved back to that morning.
 */
public class OpenHelpline implements QuarkusTestProfile {

  /** Wednesday 2 December 2026, 11:00 UK time (GMT). */
  static final Instant OPEN = Instant.parse("2026-12-02T11:00:00Z");

  @Override
  public Set<Class<?>> getEnabledAlternatives() {
    return Set.of(OpenClock.class);
  }

  /** The application's clock for this profile only (an alternative selected above). */
  @Alternative
  @Singleton
  public static class OpenClock {

    @Produces
    @Alternative
    @Singleton
    Clock clock() {
      return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), OPEN));
    }
  }
}
