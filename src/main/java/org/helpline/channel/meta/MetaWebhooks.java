package org.helpline.channel.meta;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import java.util.Optional;
import org.helpline.channel.messaging.Signatures;
import org.helpline.channel.messaging.WebhookGate;

/**
 * What the WhatsApp and Messenger webhooks share: the subscription handshake and the
 * {@code X-Hub-Signature-256} check, both in constant time.
 */
public final class MetaWebhooks {

  /** The header Meta signs every webhook body with. */
  public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

  /** What Meta expects in the body of a successful delivery. */
  public static final String RECEIVED = "EVENT_RECEIVED";

  private static final String PREFIX = "sha256=";
  private static final int MAX_CHALLENGE_LENGTH = 256;

  private MetaWebhooks() {
  }

  /**
   * The app secret of an enabled platform. A platform is enabled only when both its app secret
   * and its send token are set: without the secret nothing can be verified, and without the
   * token every message would be acknowledged and then never answered.
   *
   * @throws NotFoundException when the platform is disabled (never open)
   */
  public static String enabledSecret(Optional<String> appSecret, Optional<String> sendToken) {
    String secret = WebhookGate.required(appSecret);
    WebhookGate.required(sendToken);
    return secret;
  }

  /**
   * The challenge to echo when the subscription handshake is genuine.
   *
   * @throws ForbiddenException when the mode is not {@code subscribe}, no verify token is
   *     configured, or the token differs
   */
  public static String handshake(Optional<String> verifyToken, String mode, String token,
      String challenge) {
    String expected = verifyToken.filter(s -> !s.isBlank()).orElse(null);
    WebhookGate.genuine("subscribe".equals(mode) & Signatures.constantTimeEquals(expected, token),
        "hub.mode or hub.verify_token is wrong");
    WebhookGate.genuine(challenge != null && !challenge.isEmpty()
        && challenge.length() <= MAX_CHALLENGE_LENGTH
        && challenge.chars().allMatch(c -> c > 0x20 && c < 0x7f),
        "hub.challenge is missing or malformed");
    return challenge;
  }

  /**
   * Checks {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>} before
   * anything parses the body, so nobody but Meta gets to exercise the parser.
   *
   * @throws NotAuthorizedException when the header is missing (401)
   * @throws ForbiddenException when it does not match the body (403)
   */
  public static void verifySignature(String appSecret, String header, byte[] body) {
    if (header == null || header.isBlank()) {
      throw new NotAuthorizedException(SIGNATURE_HEADER + " is missing", "HMAC-SHA256");
    }
    String expected = PREFIX + Signatures.hmacSha256Hex(appSecret, body == null ? new byte[0]
        : body);
    WebhookGate.genuine(Signatures.constantTimeEquals(expected, header.strip()),
        SIGNATURE_HEADER + " does not match the body");
  }
}
