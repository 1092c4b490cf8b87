package org.helpline.storage;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.helpline.conversation.RateLimitBuckets;
import org.helpline.conversation.RateLimits;
import org.helpline.conversation.SenderKeys;
import org.jboss.logging.Logger;

/**
 * Token buckets in PostgreSQL (Bucket4j's PostgreSQL proxy manager), in the table
 * {@code rate_limit_bucket}: every instance that shares the database counts against the same
 * buckets, so a flood spread over several instances is limited as if it reached one.
 *
 * <p>Each row is a key and its bucket's state. Keys are stored as {@code c:} and the
 * conversation id (a random id this service gave), {@code s:} and the sender's keyed hash (what
 * the conversation table stores too), and {@code a:} and a keyed hash of the client address
 * (HMAC-SHA256 under the same key as the senders'): an address is personal data and is never
 * written as it is. A row expires once its bucket is full again (the key was quiet for a
 * period) and {@link #forgetIdle()} deletes expired rows in batches, so the table holds only
 * the keys seen within about a period: a flood of new keys grows it no faster than the turns it
 * sends grow the conversation tables.
 *
 * <p>Connections come from a pool of their own, not the application's: a turn takes its rate
 * limits while it holds a connection of the application's pool (inside its transaction), and
 * taking a second one from the same pool would let busy turns wait on each other until the
 * acquisition timeout. Every operation is one short transaction with a one-second statement
 * timeout; failures are thrown, and {@link RateLimits} lets the message through.
 */
public final class PostgresRateLimitBuckets implements RateLimitBuckets {

  /** Expired rows deleted in one statement; the sweep runs more while batches come back full. */
  static final int CLEAN_BATCH = 1_000;
  /** Most batches deleted by one sweep, so one sweep never runs for long. */
  private static final int MAX_BATCHES = 100;
  private static final String ADDRESS_CHANNEL = "rate-limit-client-address";
  private static final int MAX_KEY = 100;
  private static final Pattern STORED_AS_IS = Pattern.compile("[A-Za-z0-9-]{1," + MAX_KEY + "}");
  private static final Logger LOG = Logger.getLogger(PostgresRateLimitBuckets.class);

  private final DataSource pool;
  private final SenderKeys addressKeys;
  private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;

  /**
   * @param pool connections for the buckets alone, closed with this store when it can be
   * @param addressKeys the keyed hash for client addresses: the same key on every instance, so
   *     that an address has one bucket
   */
  public PostgresRateLimitBuckets(DataSource pool, SenderKeys addressKeys) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.addressKeys = Objects.requireNonNull(addressKeys, "addressKeys");
    // The advisory-lock flavour rather than SELECT ... FOR UPDATE: it reads, creates or updates
    // a bucket in one transaction under pg_advisory_xact_lock, which PostgreSQL releases itself
    // at commit, rollback or a lost connection. The SELECT ... FOR UPDATE flavour creates a new
    // key's row with an empty state in a transaction of its own and then locks it in a second
    // one: twice the round trips for every new key (every new conversation and address, which
    // is what a flood is made of), and a row with no expiry time, which is never deleted, when
    // an instance stops between the two. Advisory lock ids share one space across the
    // database, so each is 64 bits of the key's SHA-256 (the default would be its 32-bit
    // hashCode): keys that collide would only wait for each other, never share a bucket.
    this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(pool)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .lockIdSupplier(PostgresRateLimitBuckets::lockId)
        .table("rate_limit_bucket")
        .idColumn("id")
        .stateColumn("state")
        .expiresAtColumn("expires_at")
        .lockColumn("lock_id")
        .requestTimeout(Duration.ofSeconds(1))
        // A full bucket is the same as no bucket: its row may go as soon as it is full again.
        .expirationAfterWrite(
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
        .build();
  }

  @Override
  public Bucket bucket(RateLimits.Kind kind, String key, BucketConfiguration configuration) {
    return buckets.builder().build(stored(kind, key), () -> configuration);
  }

  /** Deletes expired rows, a batch at a time; rows of buckets in use right now are skipped. */
  @Override
  public void forgetIdle() {
    int deleted = 0;
    for (int batch = 0; batch < MAX_BATCHES; batch++) {
      int removed = buckets.removeExpired(CLEAN_BATCH);
      deleted += removed;
      if (removed < CLEAN_BATCH) {
        break;
      }
    }
    if (deleted > 0) {
      LOG.debugf("rate limits: %d idle buckets deleted", deleted);
    }
  }

  @Override
  public int size() {
    try (Connection c = pool.getConnection();
        PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM rate_limit_bucket");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the rate-limit buckets: SQLState "
          + e.getSQLState(), e);
    }
  }

  @Override
  public void close() {
    if (pool instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.debugf("rate limits: closing the pool failed (%s)", e.getClass().getSimpleName());
      }
    }
  }

  /** The key as stored: see the class comment. */
  String stored(RateLimits.Kind kind, String key) {
    return switch (kind) {
      case CONVERSATION -> "c:" + asIsOrHashed(key);
      case SENDER -> "s:" + asIsOrHashed(key);
      case CLIENT_ADDRESS -> "a:" + addressKeys.keyOf(ADDRESS_CHANNEL, key);
    };
  }

  /**
   * An id or a hash as it is; anything else (which callers do not send) hashed, so that no
   * unexpected value is ever written or overflows the column.
   */
  private String asIsOrHashed(String key) {
    return STORED_AS_IS.matcher(key).matches() ? key : addressKeys.keyOf("rate-limit-key", key);
  }

  /** 64 bits of the key's SHA-256: the advisory lock id of its bucket. */
  static long lockId(String storedKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(storedKey.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
