package org.helpline.channel.whatsapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.helpline.channel.meta.MetaRequests;
import org.junit.jupiter.api.Test;

/** Without an app secret the WhatsApp webhook does not exist (never open). */
@QuarkusTest
class WhatsAppNotConfiguredTest {

  @Test
  void theHandshakeAndEveryMessageGet404() {
    given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "")
        .queryParam("hub.challenge", "42").when().get("/webhooks/whatsapp").then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    byte[] body = MetaRequests.recorded("whatsapp", "text-message.json").toString()
        .getBytes(StandardCharsets.UTF_8);
    MetaRequests.post("/webhooks/whatsapp", body, MetaRequests.sign("any-secret", body))
        .statusCode(404);
    MetaRequests.post("/webhooks/whatsapp", body, null).statusCode(404);
  }
}
