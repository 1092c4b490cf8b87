package org.helpline.staff;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, that a staff name and password were checked against their
 * bcrypt hash, so a nurse's console (which signs every request with HTTP Basic) does not pay
 * bcrypt's deliberate 100 ms on each message and click. Only a keyed hash of the password is
 * held (HMAC-SHA256 under a random key made at start-up, never stored), and only for names
 * that signed in correctly; a wrong password is always checked against bcrypt, throttled as
 * before. At most {@value #MAX_ENTRIES} entries; beyond that the oldest are dropped.
 */
public final class RecentSignIns {

  static final int MAX_ENTRIES = 1_000;

  private final Duration ttl;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  private record Entry(byte[] proof, Set<String> roles, Instant until) {
  }

  public RecentSignIns(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The roles of a name recently signed in with this password, if it was. */
  public Optional<Set<String>> recall(String name, char[] password) {
    Entry entry = entries.get(name);
    if (entry == null || !entry.until().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return MessageDigest.isEqual(entry.proof(), proof(name, password))
        ? Optional.of(entry.roles()) : Optional.empty();
  }

  /** Remembers a correct sign-in for the time to live. */
  public void remember(String name, char[] password, Set<String> roles) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    Instant now = clock.instant();
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(e -> !e.until().isAfter(now));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(name, new Entry(proof(name, password), Set.copyOf(roles), now.plus(ttl)));
  }

  private byte[] proof(String name, char[] password) {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] raw = new byte[bytes.remaining()];
    bytes.get(raw);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(name.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(raw);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }
}
