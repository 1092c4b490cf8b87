package org.helpline.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} gives the orchestrator Prometheus metrics after real chat turns: the
 * bot's turns by action, handoffs opened, and HTTP server metrics labelled with path
 * templates, so ids in paths never become labels.
 */
@QuarkusTest
class MetricsTest {

  @Test
  void turnsHandoffsAndTemplatedPathsAreExposed() {
    chat("what are checkpoint inhibitors", "answer");
    chat("i cant breathe", "escalate");
    List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        UUID.randomUUID().toString());
    for (String id : ids) {
      given().auth().preemptive().basic("nurse", "nurse-test-pw").when()
          .post("/api/v1/staff/handoffs/" + id + "/claim").then().statusCode(404);
      given().when().get("/no-such-page/" + id).then().statusCode(404);
    }

    String metrics = given().when().get("/q/metrics").then().statusCode(200)
        .extract().asString();
    for (String expected : List.of(
        "helpline_turns_total{action=\"answer\",channel=\"web\"",
        "helpline_turns_total{action=\"escalate\",channel=\"web\"",
        "helpline_handoffs_opened_total{reason=\"escalation\"",
        "uri=\"/api/v1/chat\"",
        "uri=\"/api/v1/staff/handoffs/{id}/claim\"")) {
      assertTrue(metrics.contains(expected), expected + " in /q/metrics");
    }
    for (String id : ids) {
      assertFalse(metrics.contains(id), "an id became a label: " + id);
    }
  }

  private static void chat(String text, String action) {
    given().contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}")
        .when().post("/api/v1/chat").then().statusCode(200)
        .body("action", Matchers.equalTo(action));
  }
}
