package org.helpline.channel.web.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * With {@code helpline.web.allowed-origins} unset, the chat API is same-origin only: a browser
 * on another site gets no Access-Control-Allow-Origin, while the widget's own page, curl and
 * webhooks (no Origin) work as before; the widget's files are served.
 */
@QuarkusTest
class WidgetCorsTest {

  private static final String CHAT = "/api/v1/chat";
  private static final String BODY = "{\"text\":\"what are checkpoint inhibitors\"}";

  @TestHTTPResource("/")
  URL home;

  private String ownOrigin() {
    return home.getProtocol() + "://" + home.getHost() + ":" + home.getPort();
  }

  @Test
  void aPreflightFromAnUnknownOriginIsNotAllowed() {
    given().header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .when().options(CHAT).then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void aRequestFromAnUnknownOriginIsRefusedWithoutTheCorsHeader() {
    given().header("Origin", "https://evil.example").contentType(ContentType.JSON).body(BODY)
        .when().post(CHAT).then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void theSiteThatServesTheWidgetMayCallTheApi() {
    given().header("Origin", ownOrigin()).contentType(ContentType.JSON).body(BODY)
        .when().post(CHAT).then()
        .statusCode(200)
        .body("intent", equalTo("checkpoint_inhibitors"));
  }

  @Test
  void requestsWithoutAnOriginAreUnaffected() {
    given().contentType(ContentType.JSON).body(BODY).when().post(CHAT).then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue())
        .body("action", equalTo("answer"));
  }

  @Test
  void theWidgetAndItsDemoPageAreServed() {
    given().when().get("/widget.js").then()
        .statusCode(200)
        .contentType(containsString("javascript"))
        .body(containsString("_renderReplyForTest"));
    given().when().get("/widget.css").then()
        .statusCode(200)
        .contentType(containsString("text/css"));
    given().when().get("/").then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Content-Security-Policy", containsString("script-src 'self'"))
        .body(containsString("<script src=\"widget.js\""));
  }
}
