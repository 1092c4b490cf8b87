package org.helpline.conversation;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where {@link RateLimits} keeps its token buckets: in memory on one instance
 * ({@link InMemoryRateLimitBuckets}), or in the database that every instance shares
 * ({@code storage/PostgresRateLimitBuckets}). Either way the number of buckets kept stays
 * bounded however many new keys arrive.
 */
public interface RateLimitBuckets extends AutoCloseable {

  /**
   * The bucket of one key, made with the configuration when the key has none yet. The key is
   * a conversation id, a client address or a messaging sender's keyed hash; a store that
   * writes keys anywhere must not write a client address as it is.
   */
  Bucket bucket(RateLimits.Kind kind, String key, BucketConfiguration configuration);

  /** Drops the buckets that are full again: their key has been quiet for a whole period. */
  void forgetIdle();

  /** How many buckets are kept now. */
  int size();

  /** Releases what the store holds (connections); the default holds nothing. */
  @Override
  default void close() {
  }
}
