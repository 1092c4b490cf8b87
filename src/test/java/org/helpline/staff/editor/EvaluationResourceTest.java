package org.helpline.staff.editor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The running model's figures on the packaged development set, as the quality gate wants them. */
@QuarkusTest
class EvaluationResourceTest {

  @Test
  void theRunningModelIsEvaluatedOnTheDevelopmentSet() {
    String running = given().contentType(ContentType.JSON)
        .body(Map.of("text", "what are checkpoint inhibitors")).when().post("/api/v1/chat")
        .then().statusCode(200).extract().path("contentVersion");

    JsonPath report = given().auth().preemptive().basic("editor", "editor-test-pw")
        .when().get("/api/v1/staff/evaluation").then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("contentVersion", equalTo(running))
        .body("evaluatedAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"))
        .body("inScope", greaterThan(300))
        .body("outOfScope", greaterThanOrEqualTo(75))
        .body("accuracy", greaterThanOrEqualTo(0.85f))
        .body("answeredRight", greaterThan(0.5f))
        .body("answeredWrong", lessThanOrEqualTo(0.05f))
        .body("outOfScopeRejection", greaterThanOrEqualTo(0.85f))
        .body("perIntent.intent", hasItems("checkpoint_inhibitors", "cytokines",
            "out_of_scope"))
        .body("perIntent.find { it.intent == 'checkpoint_inhibitors' }.support", greaterThan(5))
        .body("perIntent.precision", everyItem(lessThanOrEqualTo(1.0f)))
        .body("perIntent.f1", everyItem(greaterThanOrEqualTo(0.0f)))
        .body("confused", notNullValue())
        .extract().jsonPath();
    // Each headline figure comes with its 95 % Wilson interval, which holds it.
    for (String figure : List.of("accuracy", "answeredRight", "answeredWrong",
        "outOfScopeRejection")) {
      float value = report.getFloat(figure);
      float lower = report.getFloat("intervals." + figure + ".lower");
      float upper = report.getFloat("intervals." + figure + ".upper");
      assertTrue(0 <= lower && lower <= value && value <= upper && upper <= 1,
          figure + " " + value + " in [" + lower + ", " + upper + "]");
      assertTrue(upper - lower > 0.005, figure + ": an interval on a few hundred messages");
    }
  }
}
