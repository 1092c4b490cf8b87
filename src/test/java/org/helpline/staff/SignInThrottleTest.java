package org.helpline.staff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  @Test
  void aNameMayFailUpToTheLimitThenWaits() {
    SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15));
    for (int i = 0; i < 3; i++) {
      assertTrue(throttle.mayTry("ana"), "attempt " + (i + 1));
      throttle.failed("ana");
    }
    assertFalse(throttle.mayTry("ana"));
    assertTrue(throttle.mayTry("bea"), "other names are not affected");
  }

  @Test
  void forgettingIdleNamesNeverUnlocksALockedOne() {
    SignInThrottle throttle = new SignInThrottle(2, Duration.ofMinutes(15));
    throttle.failed("ana");
    throttle.failed("ana");
    throttle.forgetIdle();
    assertFalse(throttle.mayTry("ana"));
  }

  @Test
  void aNameRegainsItsAttemptsOverThePeriod() throws InterruptedException {
    SignInThrottle throttle = new SignInThrottle(1, Duration.ofMillis(200));
    throttle.failed("ana");
    assertFalse(throttle.mayTry("ana"));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!throttle.mayTry("ana") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(throttle.mayTry("ana"));
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new SignInThrottle(0, Duration.ofMinutes(1)));
  }
}
