package org.helpline.config;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The {@code prod} profile with no channel and no staff accounts file starts (as the
 * benchmark and soak scripts run it): the webhooks are off, no one can sign in, and the chat
 * answers.
 */
@QuarkusTest
@TestProfile(ProductionStartUpTest.Prod.class)
class ProductionWithoutSecretsTest {

  @Test
  void itStartsWithTheChannelsOffAndNoOneSignedIn() {
    given().when().get("/q/health/ready").then().statusCode(200);
    given().contentType(ContentType.JSON).body("{\"text\":\"what are checkpoint inhibitors\"}")
        .when().post("/api/v1/chat").then().statusCode(200)
        .body("intent", equalTo("checkpoint_inhibitors"));
    given().contentType(ContentType.JSON).body("{}").when().post("/webhooks/telegram")
        .then().statusCode(404);
    given().contentType(ContentType.JSON).body("{}").when().post("/webhooks/whatsapp")
        .then().statusCode(404);
    given().auth().preemptive().basic("nurse", "nurse-test-pw").when()
        .get("/api/v1/staff/me").then().statusCode(401);
  }
}
