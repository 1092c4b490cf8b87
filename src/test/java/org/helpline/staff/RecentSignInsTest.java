package org.helpline.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.helpline.support.MutableClock;
import org.junit.jupiter.api.Test;

/** A correct sign-in is remembered for a while, and nothing else is. */
class RecentSignInsTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private static Clock at(Instant when) {
    return Clock.fixed(when, ZoneOffset.UTC);
  }

  @Test
  void aCorrectSignInIsRecalledWithItsRolesOnlyWithTheSamePasswordAndName() {
    RecentSignIns recent = new RecentSignIns(Duration.ofMinutes(5), at(NOW));
    recent.remember("nurse", "right-pw".toCharArray(), Set.of("nurse"));
    assertEquals(Optional.of(Set.of("nurse")), recent.recall("nurse", "right-pw".toCharArray()));
    assertTrue(recent.recall("nurse", "wrong-pw".toCharArray()).isEmpty());
    assertTrue(recent.recall("editor", "right-pw".toCharArray()).isEmpty());
    assertTrue(recent.recall("nurse", "".toCharArray()).isEmpty());
  }

  @Test
  void itIsForgottenAfterItsTimeToLive() {
    MutableClock clock = new MutableClock(NOW);
    RecentSignIns recent = new RecentSignIns(Duration.ofMinutes(5), clock);
    recent.remember("nurse", "pw".toCharArray(), Set.of("nurse"));
    clock.set(NOW.plus(Duration.ofMinutes(4)));
    assertTrue(recent.recall("nurse", "pw".toCharArray()).isPresent());
    clock.set(NOW.plus(Duration.ofMinutes(5)));
    assertTrue(recent.recall("nurse", "pw".toCharArray()).isEmpty());
  }

  @Test
  void aZeroTimeToLiveRemembersNothing() {
    RecentSignIns recent = new RecentSignIns(Duration.ZERO, at(NOW));
    recent.remember("nurse", "pw".toCharArray(), Set.of("nurse"));
    assertTrue(recent.recall("nurse", "pw".toCharArray()).isEmpty());
  }
}
