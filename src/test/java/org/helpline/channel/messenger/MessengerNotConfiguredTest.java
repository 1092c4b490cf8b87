package org.helpline.channel.messenger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.helpline.channel.meta.MetaRequests;
import org.junit.jupiter.api.Test;

/** Without an app secret the Messenger webhook does not exist (never open). */
@QuarkusTest
class MessengerNotConfiguredTest {

  @Test
  void theHandshakeAndEveryEventGet404() {
    given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "")
        .queryParam("hub.challenge", "42").when().get("/webhooks/messenger").then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    byte[] body = MetaRequests.recorded("messenger", "text-message.json").toString()
        .getBytes(StandardCharsets.UTF_8);
    MetaRequests.post("/webhooks/messenger", body, MetaRequests.sign("any-secret", body))
        .statusCode(404);
    MetaRequests.post("/webhooks/messenger", body, null).statusCode(404);
  }
}
