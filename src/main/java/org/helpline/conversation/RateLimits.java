package org.helpline.conversation;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Token buckets per key (a conversation, a client address, a messaging sender). The buckets
 * live in a {@link RateLimitBuckets}: in memory on one instance, or in PostgreSQL, where every
 * instance counts against the same buckets. Idle buckets are dropped by {@link #forgetIdle()}.
 *
 * <p>The limits fail open: when the buckets cannot be reached (the database is down or slow),
 * the message is let through, a warning without any key is logged, and the buckets are not
 * asked again for {@value #REST_SECONDS} s, so that during an outage no message waits for them.
 * A helpline must answer; a flood that gets through for a while costs less than a person in
 * distress who is not answered.
 */
public final class RateLimits implements AutoCloseable {

  /** The kinds of key, each with its own capacity. */
  public enum Kind { CONVERSATION, CLIENT_ADDRESS, SENDER }

  private static final Logger LOG = Logger.getLogger(RateLimits.class);
  private static final long REST_SECONDS = 5;
  private static final long REST_NANOS = Duration.ofSeconds(REST_SECONDS).toNanos();

  private final boolean enabled;
  private final Map<Kind, BucketConfiguration> configurations = new EnumMap<>(Kind.class);
  private final RateLimitBuckets buckets;
  /** Whether the buckets failed lately, and when they may be asked again (System.nanoTime). */
  private volatile boolean resting;
  private volatile long restEnds;

  /** Limits with buckets in this instance's memory. */
  public RateLimits(boolean enabled, Duration period, long perConversation,
      long perClientAddress, long perSender) {
    this(enabled, period, perConversation, perClientAddress, perSender,
        new InMemoryRateLimitBuckets());
  }

  /** Limits with buckets in the given store, which they close. */
  public RateLimits(boolean enabled, Duration period, long perConversation,
      long perClientAddress, long perSender, RateLimitBuckets buckets) {
    this.enabled = enabled;
    this.buckets = Objects.requireNonNull(buckets, "buckets");
    configurations.put(Kind.CONVERSATION, configuration(perConversation, period));
    configurations.put(Kind.CLIENT_ADDRESS, configuration(perClientAddress, period));
    configurations.put(Kind.SENDER, configuration(perSender, period));
  }

  /** No limits at all. */
  public static RateLimits off() {
    return new RateLimits(false, Duration.ofMinutes(1), 1, 1, 1);
  }

  /**
   * Takes one message for each non-null key, or throws when any of them is over its rate. A
   * refused message costs nothing from the other keys' buckets. When the buckets cannot be
   * reached, the message is taken (fail open: see the class comment).
   */
  public void take(String conversationId, String clientAddress, String senderKey) {
    if (!enabled || restingNow()) {
      return;
    }
    Bucket[] chosen = new Bucket[3];
    int i = 0;
    try {
      chosen[0] = bucket(Kind.CONVERSATION, conversationId);
      chosen[1] = bucket(Kind.CLIENT_ADDRESS, clientAddress);
      chosen[2] = bucket(Kind.SENDER, senderKey);
      for (; i < chosen.length; i++) {
        if (chosen[i] == null) {
          continue;
        }
        ConsumptionProbe probe = chosen[i].tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
          giveBack(chosen, i);
          throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
      }
    } catch (RateLimitedException e) {
      throw e;
    } catch (RuntimeException e) {
      // The tokens already taken stay taken: the message is let through, so it counts.
      failed("a message was let through unlimited", e);
    }
  }

  /** Drops buckets that are full again (their key has been quiet for a whole period). */
  public void forgetIdle() {
    try {
      buckets.forgetIdle();
    } catch (RuntimeException e) {
      LOG.warnf("rate limits: idle buckets were not dropped (%s); the next sweep tries again",
          describe(e));
    }
  }

  /** Releases the buckets' store (its connections). */
  @Override
  public void close() {
    buckets.close();
  }

  int size() {
    return buckets.size();
  }

  private Bucket bucket(Kind kind, String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    return buckets.bucket(kind, key, configurations.get(kind));
  }

  /** Gives one token back to each bucket before {@code refused}; a refusal stands regardless. */
  private void giveBack(Bucket[] chosen, int refused) {
    for (int j = 0; j < refused; j++) {
      if (chosen[j] == null) {
        continue;
      }
      try {
        chosen[j].addTokens(1);
      } catch (RuntimeException e) {
        failed("a refused message's token was not given back", e);
      }
    }
  }

  private boolean restingNow() {
    if (!resting) {
      return false;
    }
    if (System.nanoTime() - restEnds < 0) {
      return true;
    }
    resting = false;
    return false;
  }

  /** Notes a failure of the buckets: logged without keys, and the buckets rest a while. */
  private void failed(String what, RuntimeException e) {
    restEnds = System.nanoTime() + REST_NANOS;
    boolean first = !resting;
    resting = true;
    if (first) {
      LOG.warnf("rate limits: the buckets cannot be reached (%s): %s; messages are let"
          + " through without limits for %d s", describe(e), what, REST_SECONDS);
    }
  }

  private static BucketConfiguration configuration(long capacity, Duration period) {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
        .build();
  }

  /**
   * What went wrong, without the messages: a driver's message may quote the statement's
   * parameters, and those are the keys.
   */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return "SQLState " + sql.getSQLState();
      }
    }
    return e.getClass().getSimpleName();
  }
}
