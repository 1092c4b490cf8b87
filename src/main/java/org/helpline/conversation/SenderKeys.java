package org.helpline.conversation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a messaging app's user id (often a phone number) into the key we store: an HMAC-SHA256
 * under a secret key, so the stored value cannot be reversed by trying every phone number.
 */
public final class SenderKeys {

  private final SecretKeySpec key;

  public SenderKeys(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** Keys made with a random secret: valid until the application stops. */
  public static SenderKeys random() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new SenderKeys(secret);
  }

  /** The stored key of a sender on a channel. */
  public String keyOf(String channel, String senderId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((channel + ":" + senderId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
    }
  }
}
