package org.helpline.channel.twilio;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An auth token alone is not enough: without the public URL Twilio signs, signatures cannot
 * be checked, so the webhook stays disabled rather than trusting the request's Host.
 */
@QuarkusTest
@TestProfile(TwilioWithoutWebhookUrlTest.TokenOnly.class)
class TwilioWithoutWebhookUrlTest {

  private static final String TOKEN = "12345678901234567890123456789012";

  /** The auth token is set, the webhook URL is not. */
  public static class TokenOnly implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("helpline.channels.twilio.auth-token", TOKEN);
    }
  }

  @Test
  void aMessageSignedOverAnyUrlGets404() {
    Map<String, String> params = TwilioRequests.sms(TwilioRequests.newNumber(), "hello");
    TwilioRequests.post(params, TwilioRequests.sign(TOKEN,
            "http://localhost:8081/webhooks/twilio", params))
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
