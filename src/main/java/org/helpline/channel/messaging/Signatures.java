package org.helpline.channel.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signature arithmetic the messaging platforms use, with constant-time comparison. */
public final class Signatures {

  private Signatures() {
  }

  /** Hex HMAC-SHA256 of the raw body (Meta's X-Hub-Signature-256, after "sha256="). */
  public static String hmacSha256Hex(String secret, byte[] body) {
    return HexFormat.of().formatHex(hmac("HmacSHA256", secret, body));
  }

  /** Base64 HMAC-SHA1 (Twilio's X-Twilio-Signature over URL + sorted parameters). */
  public static String hmacSha1Base64(String secret, byte[] data) {
    return Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret, data));
  }

  /** Compares two secrets or signatures in time independent of where they differ. */
  public static boolean constantTimeEquals(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        actual.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(String algorithm, String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is required by every JVM", e);
    }
  }
}
