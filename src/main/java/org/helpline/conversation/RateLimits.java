package org.helpline.conversation;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a conversation, a client address, a messaging sender), held in
 * memory on each instance. Idle buckets are dropped by {@link #forgetIdle()}; at most
 * {@code maxKeys} are kept, so a flood of new keys cannot exhaust memory (beyond that, new
 * keys share one overflow bucket per kind).
 */
public final class RateLimits {

  /** The kinds of key, each with its own capacity. */
  public enum Kind { CONVERSATION, CLIENT_ADDRESS, SENDER }

  private static final int MAX_KEYS = 100_000;

  private final boolean enabled;
  private final Duration period;
  private final Map<Kind, Long> capacities;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimits(boolean enabled, Duration period, long perConversation,
      long perClientAddress, long perSender) {
    this.enabled = enabled;
    this.period = period;
    this.capacities = Map.of(Kind.CONVERSATION, perConversation,
        Kind.CLIENT_ADDRESS, perClientAddress, Kind.SENDER, perSender);
  }

  /** No limits at all. */
  public static RateLimits off() {
    return new RateLimits(false, Duration.ofMinutes(1), 1, 1, 1);
  }

  /**
   * Takes one message for each non-null key, or throws when any of them is over its rate. A
   * refused message costs nothing from the other keys' buckets.
   */
  public void take(String conversationId, String clientAddress, String senderKey) {
    if (!enabled) {
      return;
    }
    Bucket[] chosen = {bucket(Kind.CONVERSATION, conversationId),
        bucket(Kind.CLIENT_ADDRESS, clientAddress), bucket(Kind.SENDER, senderKey)};
    for (int i = 0; i < chosen.length; i++) {
      if (chosen[i] == null) {
        continue;
      }
      ConsumptionProbe probe = chosen[i].tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        for (int j = 0; j < i; j++) {
          if (chosen[j] != null) {
            chosen[j].addTokens(1);
          }
        }
        throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
      }
    }
  }

  /** Drops buckets that are full again (their key has been quiet for a whole period). */
  public void forgetIdle() {
    buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens()
        >= capacities.get(kindOf(e.getKey())));
  }

  int size() {
    return buckets.size();
  }

  private Bucket bucket(Kind kind, String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    String full = kind.ordinal() + ":" + key;
    Bucket existing = buckets.get(full);
    if (existing != null) {
      return existing;
    }
    String stored = buckets.size() >= MAX_KEYS ? kind.ordinal() + ":*overflow*" : full;
    return buckets.computeIfAbsent(stored, k -> newBucket(capacities.get(kind)));
  }

  private Bucket newBucket(long capacity) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
        .build();
  }

  private static Kind kindOf(String key) {
    return Kind.values()[key.charAt(0) - '0'];
  }
}
