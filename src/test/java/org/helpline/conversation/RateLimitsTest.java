package org.helpline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

  @Test
  void eachKeyHasItsOwnBucketAndARefusalCostsTheOthersNothing() {
    RateLimits limits = new RateLimits(true, Duration.ofHours(1), 2, 3, 2);
    limits.take("conv-a", "10.0.0.1", null);
    limits.take("conv-a", "10.0.0.1", null);
    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> limits.take("conv-a", "10.0.0.1", null));
    assertTrue(e.retryAfterSeconds() >= 1);
    // The refused message was given back to the address: one more conversation still fits.
    limits.take("conv-b", "10.0.0.1", null);
    assertThrows(RateLimitedException.class, () -> limits.take("conv-c", "10.0.0.1", null));
    // Another address and a messaging sender are not affected.
    limits.take(null, "10.0.0.2", "sender-1");
    limits.take(null, null, "sender-1");
    assertThrows(RateLimitedException.class, () -> limits.take(null, null, "sender-1"));
  }

  @Test
  void quietKeysAreForgottenAndOffMeansOff() {
    RateLimits limits = new RateLimits(true, Duration.ofMillis(1), 5, 5, 5);
    limits.take("conv-a", "10.0.0.1", "sender-1");
    assertEquals(3, limits.size());
    sleep(20);
    limits.forgetIdle();
    assertEquals(0, limits.size());
    RateLimits off = RateLimits.off();
    for (int i = 0; i < 1000; i++) {
      off.take("conv-a", "10.0.0.1", "sender-1");
    }
    assertEquals(0, off.size());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
