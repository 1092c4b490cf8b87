package org.helpline.conversation;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in this instance's memory: enough on the embedded database, which serves one
 * instance. At most {@value #MAX_KEYS} buckets are kept, so a flood of new keys cannot exhaust
 * memory: beyond that, new keys share one overflow bucket per kind.
 */
public final class InMemoryRateLimitBuckets implements RateLimitBuckets {

  static final int MAX_KEYS = 100_000;

  /** A bucket and its capacity: full again means idle. */
  private record Held(Bucket bucket, long capacity) {
  }

  private final Map<String, Held> buckets = new ConcurrentHashMap<>();

  @Override
  public Bucket bucket(RateLimits.Kind kind, String key, BucketConfiguration configuration) {
    String full = kind.ordinal() + ":" + key;
    Held existing = buckets.get(full);
    if (existing != null) {
      return existing.bucket();
    }
    String stored = buckets.size() >= MAX_KEYS ? kind.ordinal() + ":*overflow*" : full;
    return buckets.computeIfAbsent(stored, k -> held(configuration)).bucket();
  }

  @Override
  public void forgetIdle() {
    buckets.values().removeIf(h -> h.bucket().getAvailableTokens() >= h.capacity());
  }

  @Override
  public int size() {
    return buckets.size();
  }

  private static Held held(BucketConfiguration configuration) {
    LocalBucketBuilder builder = Bucket.builder();
    long capacity = Long.MAX_VALUE;
    for (Bandwidth limit : configuration.getBandwidths()) {
      builder.addLimit(limit);
      capacity = Math.min(capacity, limit.getCapacity());
    }
    return new Held(builder.build(), capacity);
  }
}
