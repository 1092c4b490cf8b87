package org.helpline.channel.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A fixed test vector, computed once outside this code with
 * {@code printf '%s' BODY | openssl dgst -sha256 -hmac SECRET}, checks both the tests' signer
 * and the production check, so the two cannot agree on the same mistake.
 */
class MetaSignatureVectorTest {

  private static final String SECRET = "meta-app-secret-for-tests";
  private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
      .getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED =
      "sha256=54a69490a54636f68bda6d859aea5211297e3f23d98715aa74993cd0ad02eac4";

  @Test
  void theTestSignerMatchesTheVector() {
    assertEquals(EXPECTED, MetaRequests.sign(SECRET, BODY));
  }

  @Test
  void theWebhookCheckAcceptsTheVectorAndNothingElse() {
    MetaWebhooks.verifySignature(SECRET, EXPECTED, BODY);
    assertThrows(ForbiddenException.class, () -> MetaWebhooks.verifySignature(SECRET,
        EXPECTED.replace("54a6", "54a7"), BODY));
    assertThrows(ForbiddenException.class, () -> MetaWebhooks.verifySignature(SECRET + "x",
        EXPECTED, BODY));
    assertThrows(ForbiddenException.class, () -> MetaWebhooks.verifySignature(SECRET,
        EXPECTED.substring("sha256=".length()), BODY));
    assertThrows(ForbiddenException.class, () -> MetaWebhooks.verifySignature(SECRET,
        EXPECTED, "{\"object\":\"whatsapp_business_account\",\"entry\":[] }"
            .getBytes(StandardCharsets.UTF_8)));
    assertThrows(NotAuthorizedException.class, () -> MetaWebhooks.verifySignature(SECRET,
        null, BODY));
  }

  @Test
  void aPlatformWithoutItsSecretOrSendTokenIsDisabled() {
    assertThrows(NotFoundException.class, () -> MetaWebhooks.enabledSecret(Optional.empty(),
        Optional.of("token")));
    assertThrows(NotFoundException.class, () -> MetaWebhooks.enabledSecret(Optional.of(" "),
        Optional.of("token")));
    assertThrows(NotFoundException.class, () -> MetaWebhooks.enabledSecret(
        Optional.of("secret"), Optional.empty()));
    assertEquals("secret", MetaWebhooks.enabledSecret(Optional.of("secret"),
        Optional.of("token")));
  }
}
