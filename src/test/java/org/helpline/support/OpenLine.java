package org.helpline.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A test profile whose clock runs from a Wednesday at 10am UK time (2026-11-25, not a bank
 * holiday), so the nurse helpline is open and nurses can take live chats whatever the day the
 * tests run. The clock ticks at real speed; streams keep alive every second.
 */
public class OpenLine implements QuarkusTestProfile {

  /** When the clock starts: the line opened an hour before. */
  public static final Instant OPEN = Instant.parse("2026-11-25T10:00:00Z");

  @Override
  public Set<Class<?>> getEnabledAlternatives() {
    return Set.of(Clocks.class);
  }

  /**
   * The same, from a Saturday at 10pm UK time (2026-11-28): the line is closed until Monday
   * 30 November at 9am, so a person can leave a message.
   */
  public static class Closed extends OpenLine {

    /** When the clock starts. */
    public static final Instant CLOSED = Instant.parse("2026-11-28T22:00:00Z");

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(ClosedClocks.class);
    }
  }

  /** The clock of {@link Closed}. */
  @Alternative
  @Singleton
  public static class ClosedClocks {

    @Produces
    @Singleton
    Clock clock() {
      Clock system = Clock.systemUTC();
      return Clock.offset(system, Duration.between(system.instant(), Closed.CLOSED));
    }
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("helpline.nurse-chat.keep-alive", "1s");
  }

  /** The shifted clock, replacing the system clock for the whole application. */
  @Alternative
  @Singleton
  public static class Clocks {

    @Produces
    @Singleton
    Clock clock() {
      Clock system = Clock.systemUTC();
      return Clock.offset(system, Duration.between(system.instant(), OPEN));
    }
  }
}
