package org.helpline.staff.nurse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nurses' triage assistant over real HTTP, with the real content and trained model. */
@QuarkusTest
class NurseTriageResourceTest {

  private static final String TRIAGE = "/api/v1/staff/triage";

  @Inject
  @DataSource("embedded")
  AgroalDataSource database;

  private static ValidatableResponse triage(String who, Object body) {
    return given().auth().preemptive().basic(who, who + "-test-pw").contentType(ContentType.JSON)
        .body(body).when().post(TRIAGE).then();
  }

  @Test
  void anEmergencyIsAnEmergencyWithTheRuleThatFiredAndWhatToDo() {
    triage("nurse", Map.of("text", "my husband has collapsed and isnt breathing"))
        .statusCode(200)
        .body("urgency", equalTo("emergency"))
        .body("safety.fired", equalTo(true))
        .body("safety.type", equalTo("medical_emergency"))
        .body("safety.rule", equalTo("breathing"))
        .body("safety.reason", containsString("breathing"))
        .body("intents[0].intent", equalTo("medical_emergency"))
        .body("content[0].intent", equalTo("medical_emergency"))
        .body("content[0].summary", containsString("Call 999"))
        .body("nextSteps", hasItem(containsString("999")));
  }

  @Test
  void feverOnTreatmentIsAnEmergencyPointingToTheTreatmentHelpline() {
    triage("nurse", Map.of("text", "im on chemo and have a temperature of 38.5"))
        .statusCode(200)
        .body("urgency", equalTo("emergency"))
        .body("safety.rule", equalTo("treatment_fever"))
        .body("content[0].intent", equalTo("treatment_fever"))
        .body("nextSteps", hasItem(containsString("24-hour treatment helpline")));
  }

  @Test
  void aPossibleSymptomIsUrgentAndNamesTheQueueReasonTheChatWouldGive() {
    triage("nurse", Map.of("text", "I've found a lump in my neck that wasn't there last month"))
        .statusCode(200)
        .body("urgency", equalTo("urgent"))
        .body("safety.fired", equalTo(false))
        .body("queueReason", equalTo("worrying_symptom"))
        .body("queueReasonLabel", equalTo("Worrying symptom (see GP)"))
        .body("content[0].intent", equalTo("worrying_symptom"))
        .body("nextSteps", hasItem(containsString("GP")));
  }

  @Test
  void selfHarmIsAnEmergencyWithSamaritans() {
    triage("nurse", Map.of("text", "she says she wants to end her life"))
        .statusCode(200)
        .body("urgency", equalTo("emergency"))
        .body("safety.type", equalTo("self_harm"))
        .body("nextSteps", hasItem(containsString("116 123")));
  }

  @Test
  void aSideEffectWorryIsUrgentWithCuratedContentAndNextSteps() {
    triage("nurse", Map.of("text", "side effects of immunotherapy"))
        .statusCode(200)
        .body("urgency", equalTo("urgent"))
        .body("safety.fired", equalTo(false))
        .body("safety.type", nullValue())
        .body("intents", hasSize(5))
        .body("intents[0].intent", equalTo("immunotherapy_side_effects"))
        .body("intents[0].probability", greaterThan(0.5f))
        .body("content[0].intent", equalTo("immunotherapy_side_effects"))
        .body("content[0].title", equalTo("Side effects"))
        .body("content[0].summary", startsWith("Immunotherapy uses your immune system"))
        .body("content[0].source.title", equalTo("Immunotherapy"))
        .body("content[0].source.url", startsWith("https://"))
        .body("content[0].reviewed", nullValue())
        .body("content[0].reviewStatus", equalTo("awaiting_clinical_review"))
        .body("nextSteps", hasItem(containsString("24-hour treatment helpline")));
  }

  @Test
  void anInformationQuestionIsRoutine() {
    triage("nurse", Map.of("text", "what is immunotherapy"))
        .statusCode(200)
        .body("urgency", equalTo("routine"))
        .body("safety.fired", equalTo(false))
        .body("content[0].intent", equalTo("immunotherapy_what_is"))
        .body("content.intent", not(hasItem("immunotherapy_side_effects")));
  }

  @Test
  void aNegatedCrisisIsNotAnEmergency() {
    triage("nurse", Map.of("text", "im not suicidal, just worried about side effects"))
        .statusCode(200)
        .body("urgency", not(equalTo("emergency")))
        .body("safety.fired", equalTo(false))
        .body("content.intent", not(hasItem("self_harm")));
  }

  @Test
  void everyCallIsAuditedWithoutTheText() throws SQLException {
    int before = count("SELECT COUNT(*) FROM staff_audit WHERE principal = 'admin'"
        + " AND action = 'triage'");
    triage("admin", Map.of("text", "what are checkpoint inhibitors")).statusCode(200);
    assertEquals(before + 1, count("SELECT COUNT(*) FROM staff_audit WHERE principal = 'admin'"
        + " AND action = 'triage'"));
    assertEquals(0, count("SELECT COUNT(*) FROM staff_audit WHERE LOWER(detail) LIKE"
        + " '%checkpoint%'"));
  }

  @Test
  void blankOverLongOrMalformedInputIsABadRequest() {
    triage("nurse", Map.of("text", "   ")).statusCode(400)
        .contentType("application/problem+json");
    triage("nurse", Map.of()).statusCode(400).contentType("application/problem+json");
    triage("nurse", Map.of("text", "a".repeat(1001))).statusCode(400)
        .contentType("application/problem+json").body("detail", containsString("1000"));
    triage("nurse", "{\"text\": ").statusCode(400).contentType("application/problem+json");
    triage("nurse", Map.of("text", 42)).statusCode(400);
  }

  @Test
  void onlyNursesMayUseIt() {
    given().contentType(ContentType.JSON).body(Map.of("text", "hello")).when().post(TRIAGE)
        .then().statusCode(401);
    triage("editor", Map.of("text", "hello")).statusCode(403);
    triage("nurse2", Map.of("text", "hello")).statusCode(200)
        .body("urgency", equalTo("routine"));
  }

  private int count(String sql) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
