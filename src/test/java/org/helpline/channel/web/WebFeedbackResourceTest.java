package org.helpline.channel.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** People rate replies once each; editors see the ratings per intent. */
@QuarkusTest
class WebFeedbackResourceTest {

  private static ValidatableResponse chat(Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/chat").then()
        .statusCode(200);
  }

  private static ValidatableResponse rate(Object body) {
    return given().contentType(ContentType.JSON).body(body).when()
        .post("/api/v1/chat/feedback").then();
  }

  private static Map<String, Object> rating(String conversationId, Object turn, Object helpful,
      String comment) {
    Map<String, Object> body = new HashMap<>();
    body.put("conversationId", conversationId);
    body.put("turn", turn);
    body.put("helpful", helpful);
    if (comment != null) {
      body.put("comment", comment);
    }
    return body;
  }

  private static JsonPath summary() {
    return given().auth().preemptive().basic("editor", "editor-test-pw")
        .when().get("/api/v1/staff/feedback?days=30").then().statusCode(200).extract()
        .jsonPath();
  }

  @Test
  void everyStoredReplyCarriesItsTurnNumber() {
    String id = chat(Map.of("text", "what are checkpoint inhibitors"))
        .body("turn", equalTo(1)).extract().path("conversationId");
    chat(Map.of("conversationId", id, "text", "what about side effects?"))
        .body("turn", equalTo(2));
  }

  @Test
  void aRatingIsKeptOnceAndShowsInTheEditorsSummaryRedacted() {
    String id = chat(Map.of("text", "what are cancer vaccines")).extract()
        .path("conversationId");
    rate(rating(id, 1, false, "Too long. Call me on 07700 900123 please")).statusCode(204);

    rate(rating(id, 1, true, null)).statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("already been rated"));

    JsonPath summary = summary();
    Map<String, Object> vaccines = summary.getMap("intents.find { it.intent == 'cancer_vaccines' }");
    assertNotNull(vaccines, summary.prettify());
    @SuppressWarnings("unchecked")
    List<String> comments = (List<String>) vaccines.get("comments");
    assertThat(comments, hasItem("Too long. Call me on [phone] please"));
    assertThat(comments, not(hasItem(containsString("07700"))));
    assertThat((Integer) vaccines.get("notHelpful"),
        greaterThanOrEqualTo(1));
    assertThat(summary.getString("since"),
        matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"));
  }

  @Test
  void theMostUnhelpfulIntentComesFirst() {
    for (int i = 0; i < 3; i++) {
      String id = chat(Map.of("text", "what is interleukin")).extract().path("conversationId");
      rate(rating(id, 1, false, null)).statusCode(204);
    }
    String id = chat(Map.of("text", "what are checkpoint inhibitors")).extract()
        .path("conversationId");
    rate(rating(id, 1, true, "Clear, thank you")).statusCode(204);

    JsonPath summary = summary();
    List<Integer> notHelpful = summary.getList("intents.notHelpful", Integer.class);
    for (int i = 1; i < notHelpful.size(); i++) {
      assertTrue(notHelpful.get(i - 1) >= notHelpful.get(i),
          summary.prettify());
    }
    assertTrue(
        summary.getInt("intents.find { it.intent == 'cytokines' }.notHelpful") >= 3);
    assertTrue(summary.getInt(
        "intents.find { it.intent == 'checkpoint_inhibitors' }.helpful") >= 1);
  }

  @Test
  void anUnknownConversationOrTurnIsNotFound() {
    rate(rating("3f1c1c9e-7d4a-4c0b-9d7e-2b8f5f1e0a11", 1, true, null)).statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("no conversation"));
    String id = chat(Map.of("text", "hello")).extract().path("conversationId");
    rate(rating(id, 7, true, null)).statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("no turn 7"));
  }

  @Test
  void badRatingsAreRefused() {
    String id = chat(Map.of("text", "hello")).extract().path("conversationId");
    rate("{\"conversationId\": \"" + id + "\", \"turn\": 1,").statusCode(400)
        .contentType("application/problem+json");
    rate(rating(id, 1, true, "x".repeat(501))).statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("the limit is 500"));
    rate(rating(id, 1, null, null)).statusCode(400)
        .body("detail", containsString("helpful"));
    rate(rating(null, 1, true, null)).statusCode(400)
        .body("detail", containsString("conversationId"));
    rate(rating(id, "first", true, null)).statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'turn' has the wrong type; it must be a whole number"));
    // None of those was kept: the turn can still be rated.
    rate(rating(id, 1, true, "x".repeat(500))).statusCode(204);
  }
}
