package org.helpline.conversation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.helpline.support.LogCapture;
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

  @Test
  void bucketsThatCannotBeReachedLetMessagesThroughAndRestAWhile() {
    AtomicInteger asked = new AtomicInteger();
    RateLimitBuckets unreachable = new RateLimitBuckets() {
      @Override
      public Bucket bucket(RateLimits.Kind kind, String key,
          BucketConfiguration configuration) {
        asked.incrementAndGet();
        // A driver's message may quote the statement's parameters: the keys.
        throw new BucketExceptions.BucketExecutionException(
            new SQLException("connection refused while asking for " + key, "08001"));
      }

      @Override
      public void forgetIdle() {
        throw new BucketExceptions.BucketExecutionException(
            new SQLException("connection refused", "08001"));
      }

      @Override
      public int size() {
        return 0;
      }
    };
    RateLimits limits = new RateLimits(true, Duration.ofHours(1), 1, 1, 1, unreachable);
    List<String> logged;
    try (LogCapture capture = LogCapture.start()) {
      for (int i = 0; i < 5; i++) {
        assertDoesNotThrow(() -> limits.take("conv-a", "10.0.0.1", "sender-1"));
      }
      assertDoesNotThrow(limits::forgetIdle);
      logged = capture.lines().stream().filter(l -> l.contains("rate limits")).toList();
    }
    // Asked once; then the buckets rest, so that no message waits for them in an outage.
    assertEquals(1, asked.get());
    assertTrue(logged.stream().anyMatch(l -> l.contains("let through")
        && l.contains("SQLState 08001")), String.join("\n", logged));
    for (String line : logged) {
      for (String key : List.of("conv-a", "10.0.0.1", "sender-1", "refused while")) {
        assertFalse(line.contains(key), "no key and no driver message in: " + line);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
