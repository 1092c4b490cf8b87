package org.helpline.channel.telegram;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without a secret token, the Telegram webhook does not exist (never open). */
@QuarkusTest
class TelegramNotConfiguredTest {

  @Test
  void anyUpdateGets404() {
    TelegramUpdates.post(TelegramUpdates.recorded("text-message.json"), "any-secret")
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    TelegramUpdates.post(TelegramUpdates.recorded("text-message.json"), null)
        .statusCode(404);
  }
}
