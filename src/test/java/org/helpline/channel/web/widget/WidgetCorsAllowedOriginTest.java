package org.helpline.channel.web.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code helpline.web.allowed-origins} set, exactly the listed partner sites may call. */
@QuarkusTest
@TestProfile(WidgetCorsAllowedOriginTest.PartnerOrigin.class)
class WidgetCorsAllowedOriginTest {

  private static final String PARTNER = "https://partner.example";
  private static final String CHAT = "/api/v1/chat";

  /** Allows one partner site. */
  public static class PartnerOrigin implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("helpline.web.allowed-origins", PARTNER);
    }
  }

  @Test
  void aPreflightFromTheListedOriginIsAllowed() {
    given().header("Origin", PARTNER)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .when().options(CHAT).then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo(PARTNER))
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", containsString("Content-Type"))
        .header("Access-Control-Allow-Credentials", not(equalTo("true")));
  }

  @Test
  void aChatFromTheListedOriginIsAnsweredWithTheCorsHeader() {
    given().header("Origin", PARTNER).contentType(ContentType.JSON)
        .body("{\"text\":\"what are checkpoint inhibitors\"}")
        .when().post(CHAT).then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo(PARTNER))
        .body("intent", equalTo("checkpoint_inhibitors"));
  }

  @Test
  void theContactFromTheListedOriginIsAnsweredWithTheCorsHeader() {
    given().header("Origin", PARTNER)
        .when().get(CHAT + "/contact").then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo(PARTNER))
        .body("emergency", equalTo("999"));
  }

  @Test
  void otherOriginsAreStillRefused() {
    for (String origin : new String[] {"https://evil.example", "http://partner.example",
        "https://partner.example.evil.example", "null"}) {
      given().header("Origin", origin)
          .header("Access-Control-Request-Method", "POST")
          .when().options(CHAT).then()
          .statusCode(403)
          .header("Access-Control-Allow-Origin", nullValue());
    }
  }
}
