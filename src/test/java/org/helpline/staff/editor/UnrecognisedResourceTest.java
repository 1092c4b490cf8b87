package org.helpline.staff.editor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Questions the bot could not answer reach the editors, grouped, counted and redacted. */
@QuarkusTest
class UnrecognisedResourceTest {

  private static void ask(String text) {
    String action = given().contentType(ContentType.JSON).body(Map.of("text", text))
        .when().post("/api/v1/chat").then().statusCode(200).extract().path("action");
    assertThat(text, action, is(oneOf("fallback", "clarify")));
  }

  private static JsonPath report() {
    return given().auth().preemptive().basic("editor", "editor-test-pw")
        .when().get("/api/v1/staff/unrecognised?days=30").then().statusCode(200)
        .contentType(ContentType.JSON).extract().jsonPath();
  }

  @Test
  void repeatedOutOfScopeQuestionsAreGroupedWithCountsAndExamples() {
    int totalBefore = report().getInt("total");
    ask("where can i buy a bike");
    ask("Where can I buy a bike?");
    ask("where could I buy a bike");
    ask("what will the weather be like in leeds tomorrow");
    ask("what is the weather like in leeds tomorrow, my number is 07700 900123");

    JsonPath report = report();
    assertTrue(report.getInt("total") >= totalBefore + 5, report.prettify());
    assertNotNull(report.getString("since"));

    Map<String, Object> bikes = report.getMap(
        "groups.find { g -> g.examples.any { it.contains('buy a bike') } }");
    assertNotNull(bikes, report.prettify());
    assertEquals(3, bikes.get("count"), report.prettify());
    @SuppressWarnings("unchecked")
    List<String> examples = (List<String>) bikes.get("examples");
    assertThat(examples, hasItem("where could I buy a bike"));
    assertNotNull(bikes.get("lastSeen"));

    Map<String, Object> weather = report.getMap(
        "groups.find { g -> g.examples.any { it.contains('leeds tomorrow') } }");
    assertNotNull(weather, report.prettify());
    assertEquals(2, weather.get("count"), report.prettify());
    @SuppressWarnings("unchecked")
    List<String> weatherExamples = (List<String>) weather.get("examples");
    assertThat(weatherExamples, not(hasItem(containsString("07700"))));
    assertThat(weatherExamples, hasItem(containsString("[phone]")));
    // The intents they came closest to, as the classifier ranked them at the time.
    assertThat(report.getList("groups.find { g -> g.examples.any { it.contains('leeds"
        + " tomorrow') } }.closestIntents.intent"), hasItem("out_of_scope"));

    List<Integer> counts = report.getList("groups.count", Integer.class);
    for (int i = 1; i < counts.size(); i++) {
      assertTrue(counts.get(i - 1) >= counts.get(i), "biggest group first: " + counts);
    }
  }
}
