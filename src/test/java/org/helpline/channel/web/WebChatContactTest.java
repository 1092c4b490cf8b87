package org.helpline.channel.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/chat/contact}: the widget's numbers, from the running content. */
@QuarkusTest
class WebChatContactTest {

  @Test
  void givesTheHelplineAndTheNumbersTheChatMakesTappable() {
    given().when().get("/api/v1/chat/contact").then()
        .statusCode(200)
        .contentType(containsString("application/json"))
        .body("phone", equalTo("0808 800 4040"))
        .body("phoneUri", equalTo("tel:+448088004040"))
        .body("emergency", equalTo("999"))
        .body("otherNumbers", contains("111", "116 123"))
        .body("hours", equalTo("Monday to Friday, 9am to 5pm (UK time)"));
  }

  @Test
  void isInTheOpenApiDocument() {
    given().queryParam("format", "json").when().get("/q/openapi").then()
        .statusCode(200)
        .body(containsString("/api/v1/chat/contact"));
  }
}
