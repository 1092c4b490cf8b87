package org.helpline.staff;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: each staff name may fail to sign in {@code failures} times, and
 * regains that many attempts per {@code period}. While a name has no attempts left, sign-in
 * with it is refused without checking the password (which also keeps bcrypt's CPU cost away
 * from an attacker). A correct password does not reset the count, so a guesser cannot learn
 * anything by interleaving a known account. Held in memory on each instance; at most
 * {@code maxNames} names are tracked, beyond that unknown names share one bucket.
 */
public final class SignInThrottle {

  private static final int MAX_NAMES = 10_000;
  private static final String OVERFLOW = "\u0000overflow";

  private final long failures;
  private final Duration period;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public SignInThrottle(long failures, Duration period) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1");
    }
    this.failures = failures;
    this.period = period;
  }

  /** Whether {@code name} may try a password now. */
  public boolean mayTry(String name) {
    Bucket bucket = buckets.get(key(name));
    return bucket == null || bucket.getAvailableTokens() > 0;
  }

  /** Counts a failed sign-in against {@code name}. */
  public void failed(String name) {
    buckets.computeIfAbsent(key(name), k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, period).build())
        .build()).tryConsume(1);
  }

  /** Drops names that have regained every attempt. */
  public void forgetIdle() {
    buckets.values().removeIf(b -> b.getAvailableTokens() >= failures);
  }

  private String key(String name) {
    String key = name == null ? "" : name;
    return buckets.containsKey(key) || buckets.size() < MAX_NAMES ? key : OVERFLOW;
  }
}
