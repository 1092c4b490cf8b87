package org.helpline.channel.twilio;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without an auth token and a public URL, the Twilio webhook does not exist (never open). */
@QuarkusTest
class TwilioNotConfiguredTest {

  @Test
  void evenASignedMessageGets404() {
    Map<String, String> params = TwilioRequests.sms(TwilioRequests.newNumber(), "hello");
    TwilioRequests.post(params, TwilioRequests.sign("any-token",
            "https://helpline.example.org/webhooks/twilio", params))
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
