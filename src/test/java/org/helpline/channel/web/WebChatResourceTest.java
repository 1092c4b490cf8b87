package org.helpline.channel.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chat contract over real HTTP, with the real content and the real trained model. */
@QuarkusTest
class WebChatResourceTest {

  private static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

  private static ValidatableResponse chat(Object body) {
    return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/chat").then();
  }

  @Test
  void answersTheReadmeQuestionWithCuratedContentAndQuickReplies() {
    chat(Map.of("text", "what are checkpoint inhibitors"))
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("conversationId", matchesPattern(UUID))
        .body("action", equalTo("answer"))
        .body("intent", equalTo("checkpoint_inhibitors"))
        .body("confidence", greaterThan(0.6f))
        .body("replies[0].text", containsString("Checkpoint inhibitors"))
        .body("replies.links.flatten().url", everyItem(startsWith("https://")))
        .body("quickReplies.payload", hasItem("immunotherapy_side_effects"))
        .body("quickReplies.title", hasItem("Side effects"))
        .body("handoff", nullValue())
        .body("escalation", nullValue())
        .body("source.url", startsWith("https://"))
        .body("source.reviewed", nullValue())
        .body("source.status", equalTo("awaiting_clinical_review"));
  }

  @Test
  void continuesAConversationInContext() {
    String id = chat(Map.of("text", "tell me about car t cell therapy")).statusCode(200)
        .body("intent", equalTo("adoptive_cell_transfer"))
        .extract().path("conversationId");
    chat(Map.of("conversationId", id, "text", "is that only in trials?"))
        .statusCode(200)
        .body("conversationId", equalTo(id))
        .body("action", equalTo("answer"))
        .body("replies[0].text", containsString("CAR T-cell therapy"));
  }

  @Test
  void aTappedQuickReplyIsAnswered() {
    String id = chat(Map.of("text", "what are checkpoint inhibitors")).extract()
        .path("conversationId");
    chat(Map.of("conversationId", id, "payload", "immunotherapy_side_effects"))
        .statusCode(200)
        .body("action", equalTo("answer"))
        .body("intent", equalTo("immunotherapy_side_effects"))
        .body("confidence", equalTo(1.0f))
        .body("replies[0].text", containsString("Checkpoint inhibitors"));
  }

  @Test
  void unknownConversationIdsStartANewConversation() {
    String unknown = "00000000-0000-4000-8000-000000000000";
    String id = chat(Map.of("conversationId", unknown, "text", "hello")).statusCode(200)
        .body("action", equalTo("answer"))
        .extract().path("conversationId");
    assertNotEquals(unknown, id);
    String garbage = chat(Map.of("conversationId", "'; drop table x; --", "text", "hello"))
        .statusCode(200).extract().path("conversationId");
    assertNotEquals("'; drop table x; --", garbage);
  }

  @Test
  void aRetriedMessageIdGetsTheFirstReplyAndIsStoredOnce() {
    String id = chat(Map.of("text", "hello")).extract().path("conversationId");
    Map<String, String> body = Map.of("conversationId", id, "text", "what is interferon",
        "messageId", "web-client-7");
    String first = chat(body).statusCode(200).extract().asString();
    String again = chat(body).statusCode(200).extract().asString();
    assertEquals(first, again);
    chat(Map.of("conversationId", id, "text", "what about side effects?")).statusCode(200)
        .body("replies[0].text", containsString("ytokine"));
  }

  @Test
  void anEmergencyEscalatesWith999InTheText() {
    chat(Map.of("text", "my dad has collapsed and hes not breathing"))
        .statusCode(200)
        .body("action", equalTo("escalate"))
        .body("escalation.type", equalTo("medical_emergency"))
        .body("escalation.numbers", hasItem("999"))
        .body("replies[0].text", containsString("999"))
        .body("handoff", nullValue());
  }

  @Test
  void selfHarmEscalatesToSamaritans() {
    chat(Map.of("text", "i dont want to be alive anymore"))
        .statusCode(200)
        .body("action", equalTo("escalate"))
        .body("escalation.type", equalTo("self_harm"))
        .body("escalation.numbers", hasItem("116 123"))
        .body("replies.text.join(' ')", containsString("116 123"));
  }

  @Test
  void askingForANurseHandsOffWithTheHelplineDetails() {
    chat(Map.of("text", "can i speak to a real nurse please"))
        .statusCode(200)
        .body("action", equalTo("handoff"))
        .body("handoff.phone", equalTo("0808 800 4040"))
        .body("handoff.openNow", notNullValue())
        .body("handoff.hours", containsString("Monday to Friday"))
        .body("handoff.alternatives.size()", greaterThan(0))
        .body("replies.text.join(' ')", containsString("0808 800 4040"));
  }

  @Test
  void somethingOutOfScopeFallsBackOfferingTheNurses() {
    chat(Map.of("text", "where can i donate my old sofa"))
        .statusCode(200)
        .body("action", equalTo("fallback"))
        .body("quickReplies.payload", hasItem("talk_to_nurse"))
        .body("replies.text.join(' ')", containsString("0808 800 4040"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"text\": \"\"}",
      "{\"text\": \"   \\n  \"}",
      "{\"text\": 42}",
      "{\"text\": [\"a\"]}",
      "{\"text\": \"hi\\u0000there\"}",
      "{\"payload\": \"not_an_intent\"}",
      "{\"text\": \"what are",
      "[]",
      "null",
      "{\"text\": \"a\", \"text\": \"b\"}"})
  void badInputGetsA400ProblemDocument(String body) {
    given().contentType(ContentType.JSON).body(body).when().post("/api/v1/chat").then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("title", not(emptyOrNullString()))
        .body("detail", not(emptyOrNullString()))
        .body(not(containsString("Exception")))
        .body(not(containsString("at org.")));
  }

  @Test
  void overlongTextIsRefusedWithTheLimitInTheDetail() {
    chat(Map.of("text", "a".repeat(1001)))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("1000"));
  }

  @Test
  void hugeBodiesAreRefusedWith413() {
    given().contentType(ContentType.JSON).body("{\"text\":\"" + "a".repeat(200_000) + "\"}")
        .when().post("/api/v1/chat").then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }

  @Test
  void wrongContentTypeIsA415Problem() {
    given().contentType(ContentType.TEXT).body("hello").when().post("/api/v1/chat").then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void theServiceKeepsAnsweringAfterBadInput() {
    for (int i = 0; i < 20; i++) {
      given().contentType(ContentType.JSON).body("{\"text\": ").when().post("/api/v1/chat")
          .then().statusCode(400);
    }
    chat(Map.of("text", "what is immunotherapy")).statusCode(200)
        .body("intent", equalTo("immunotherapy_what_is"));
  }

  @Test
  void readinessIsUpOnceContentIsLoadedAndTheModelTrained() {
    given().when().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'content-and-model' }.data.intents", equalTo(34))
        .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
  }

  @Test
  void publishesAnOpenApiDocumentForTheChatEndpoint() {
    String doc = given().queryParam("format", "json").when().get("/q/openapi").then()
        .statusCode(200).extract().asString();
    assertEquals(true, doc.contains("/api/v1/chat"));
    given().when().get("/q/swagger-ui/").then().statusCode(200);
  }
}
