package org.helpline.staff.nurse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The nurses' queue over real HTTP, with the real content, model and embedded database: what a
 * handoff puts in the queue, claiming, closing, transcripts, and what the person sees while
 * the nurses have their conversation.
 */
@QuarkusTest
class NurseHandoffResourceTest {

  private static final String HANDOFFS = "/api/v1/staff/handoffs";
  private static final String NOT_A_HANDOFF = "00000000-0000-0000-0000-000000000000";

  @Inject
  @DataSource("embedded")
  AgroalDataSource database;

  private static RequestSpecification as(String name) {
    return given().auth().preemptive().basic(name, name + "-test-pw");
  }

  private static ValidatableResponse chat(String conversationId, String text) {
    Map<String, String> body = new HashMap<>();
    body.put("text", text);
    if (conversationId != null) {
      body.put("conversationId", conversationId);
    }
    return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/chat").then()
        .statusCode(200);
  }

  /** A new conversation in which the person asked for a nurse; returns its id. */
  private static String askedForANurse() {
    return chat(null, "can i speak to a nurse please").body("action", equalTo("handoff"))
        .extract().path("conversationId");
  }

  /** The queue entries of one conversation, among all statuses. */
  private static List<Map<String, Object>> entriesOf(String conversationId) {
    List<Map<String, Object>> all = as("nurse").queryParam("status", "open")
        .queryParam("status", "claimed").queryParam("status", "closed")
        .when().get(HANDOFFS).then().statusCode(200).extract().jsonPath().getList("$");
    return all.stream().filter(h -> conversationId.equals(h.get("conversationId"))).toList();
  }

  private static String handoffOf(String conversationId) {
    List<Map<String, Object>> entries = entriesOf(conversationId);
    assertEquals(1, entries.size(), "entries for the conversation: " + entries);
    return (String) entries.get(0).get("id");
  }

  private static ValidatableResponse close(String who, String id, String outcome) {
    return as(who).contentType(ContentType.JSON).body(Map.of("outcome", outcome))
        .when().post(HANDOFFS + "/" + id + "/close").then();
  }

  @Test
  void askingForANursePutsTheConversationInTheQueue() {
    String conversation = chat(null, "what are checkpoint inhibitors").extract()
        .path("conversationId");
    chat(conversation, "can i speak to a nurse please").body("action", equalTo("handoff"));
    String id = handoffOf(conversation);
    as("nurse").when().get(HANDOFFS).then().statusCode(200)
        .body("find { it.id == '" + id + "' }.channel", equalTo("web"))
        .body("find { it.id == '" + id + "' }.reason", equalTo("asked_for_nurse"))
        .body("find { it.id == '" + id + "' }.urgency", equalTo("routine"))
        .body("find { it.id == '" + id + "' }.status", equalTo("open"))
        .body("find { it.id == '" + id + "' }.summary", containsString("checkpoint_inhibitors"))
        .body("find { it.id == '" + id + "' }.summary", containsString("talk_to_nurse"))
        .body("find { it.id == '" + id + "' }.createdAt", notNullValue())
        .body("find { it.id == '" + id + "' }.waitingSeconds", greaterThanOrEqualTo(0))
        .body("find { it.id == '" + id + "' }.claimedBy", nullValue());
  }

  @Test
  void anEscalationQueuesAnEmergencyWithoutThePersonsWords() {
    String conversation = chat(null, "i want to end my life").body("action", equalTo("escalate"))
        .extract().path("conversationId");
    String id = handoffOf(conversation);
    Map<String, Object> entry = entriesOf(conversation).get(0);
    assertEquals(id, entry.get("id"));
    assertEquals("distress", entry.get("reason"));
    assertEquals("emergency", entry.get("urgency"));
    String summary = (String) entry.get("summary");
    assertTrue(summary.contains("self_harm"), summary);
    assertFalse(summary.contains("end my life"), summary);

    String other = chat(null, "my husband has collapsed and isnt breathing").extract()
        .path("conversationId");
    assertEquals("escalation", entriesOf(other).get(0).get("reason"));
    assertEquals("emergency", entriesOf(other).get(0).get("urgency"));
  }

  @Test
  void theQueueListsEmergenciesFirstThenOldestFirst() {
    String firstRoutine = askedForANurse();
    String emergency = chat(null, "my husband has collapsed and isnt breathing").extract()
        .path("conversationId");
    String secondRoutine = askedForANurse();
    List<String> order = as("nurse").when().get(HANDOFFS).then().statusCode(200)
        .body("urgency", everyItem(isOneOf("emergency", "urgent", "routine")))
        .body("status", everyItem(isOneOf("open", "claimed")))
        .extract().jsonPath().getList("conversationId");
    assertTrue(order.indexOf(emergency) >= 0 && order.indexOf(emergency)
        < order.indexOf(firstRoutine), order.toString());
    assertTrue(order.indexOf(firstRoutine) < order.indexOf(secondRoutine), order.toString());
    List<String> urgencies = as("nurse").when().get(HANDOFFS).then().extract().jsonPath()
        .getList("urgency");
    List<String> ranks = List.of("emergency", "urgent", "routine");
    for (int i = 1; i < urgencies.size(); i++) {
      assertTrue(ranks.indexOf(urgencies.get(i - 1)) <= ranks.indexOf(urgencies.get(i)),
          urgencies.toString());
    }
  }

  @Test
  void theStatusFilterShowsOnlyWhatWasAskedFor() {
    String conversation = askedForANurse();
    String id = handoffOf(conversation);
    as("nurse").when().post(HANDOFFS + "/" + id + "/claim").then().statusCode(200);
    close("nurse", id, "Talked it through.").statusCode(200);
    as("nurse").queryParam("status", "closed").when().get(HANDOFFS).then().statusCode(200)
        .body("status", everyItem(equalTo("closed")))
        .body("id", hasItem(id));
    as("nurse").when().get(HANDOFFS).then().statusCode(200).body("id", not(hasItem(id)));
    as("nurse").queryParam("status", "pending").when().get(HANDOFFS).then().statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void aClaimIsTheNursesAndASecondNurseGetsAConflict() {
    String id = handoffOf(askedForANurse());
    as("nurse").when().post(HANDOFFS + "/" + id + "/claim").then().statusCode(200)
        .body("id", equalTo(id))
        .body("status", equalTo("claimed"))
        .body("claimedBy", equalTo("nurse"))
        .body("claimedAt", notNullValue());
    as("nurse").when().post(HANDOFFS + "/" + id + "/claim").then().statusCode(200)
        .body("claimedBy", equalTo("nurse"));
    as("nurse2").when().post(HANDOFFS + "/" + id + "/claim").then().statusCode(409)
        .contentType("application/problem+json")
        .body("status", equalTo(409));
  }

  @Test
  void ofTwoNursesClaimingAtOnceExactlyOneGetsIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 3; round++) {
        String id = handoffOf(askedForANurse());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          String nurse = t % 2 == 0 ? "nurse" : "nurse2";
          int who = t % 2;
          Callable<int[]> claim = () -> {
            start.await();
            int code = as(nurse).when().post(HANDOFFS + "/" + id + "/claim").then()
                .extract().statusCode();
            return new int[] {who, code};
          };
          results.add(pool.submit(claim));
        }
        start.countDown();
        int[][] ok = new int[2][2];
        for (Future<int[]> f : results) {
          int[] r = f.get();
          assertTrue(r[1] == 200 || r[1] == 409, "status " + r[1]);
          ok[r[0]][r[1] == 200 ? 0 : 1]++;
        }
        // One nurse won every one of her requests (a repeated claim is fine); the other got
        // only conflicts.
        boolean nurseWon = ok[0][0] == 4 && ok[1][1] == 4;
        boolean nurse2Won = ok[1][0] == 4 && ok[0][1] == 4;
        assertTrue(nurseWon ^ nurse2Won, "round " + round + ": nurse 200/409 = " + ok[0][0]
            + "/" + ok[0][1] + ", nurse2 200/409 = " + ok[1][0] + "/" + ok[1][1]);
        as("nurse").when().get(HANDOFFS).then()
            .body("find { it.id == '" + id + "' }.claimedBy",
                equalTo(nurseWon ? "nurse" : "nurse2"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closingNeedsTheClaimingNurseAndAnOutcomeWhichIsRedacted() {
    String id = handoffOf(askedForANurse());
    close("nurse", id, "Called back.").statusCode(409)
        .contentType("application/problem+json").body("detail", containsString("claim"));
    as("nurse").when().post(HANDOFFS + "/" + id + "/claim").then().statusCode(200);
    close("nurse2", id, "Not mine to close.").statusCode(409);
    close("nurse", id, "   ").statusCode(400).contentType("application/problem+json");
    as("nurse").contentType(ContentType.JSON).body(Map.of()).when()
        .post(HANDOFFS + "/" + id + "/close").then().statusCode(400);
    as("nurse").contentType(ContentType.JSON).body("{\"outcome\": ").when()
        .post(HANDOFFS + "/" + id + "/close").then().statusCode(400)
        .contentType("application/problem+json");
    close("nurse", id, "x".repeat(501)).statusCode(400);
    close("nurse", id, "Called her back on 07700 900123 and emailed jo@example.com the leaflet.")
        .statusCode(200)
        .body("status", equalTo("closed"))
        .body("closedBy", equalTo("nurse"))
        .body("closedAt", notNullValue())
        .body("outcome", containsString("[phone]"))
        .body("outcome", containsString("[email]"))
        .body("outcome", not(containsString("07700")))
        .body("outcome", not(containsString("example.com")));
    close("nurse", id, "Again.").statusCode(409);
    as("nurse").when().post(HANDOFFS + "/" + id + "/claim").then().statusCode(409);
  }

  @Test
  void anAdminMayCloseAHandoffAnotherNurseClaimed() {
    String id = handoffOf(askedForANurse());
    as("nurse").when().post(HANDOFFS + "/" + id + "/claim").then().statusCode(200);
    close("admin", id, "Closed for the nurse, who went home.").statusCode(200)
        .body("closedBy", equalTo("admin")).body("claimedBy", equalTo("nurse"));
  }

  @Test
  void theTranscriptIsRedactedAndEveryReadIsAudited() throws SQLException {
    String conversation = chat(null, "my email is jo.bloggs@example.com and my number is"
        + " 07700 900123").extract().path("conversationId");
    chat(conversation, "can i speak to a nurse please").body("action", equalTo("handoff"));
    String id = handoffOf(conversation);
    int before = audits("read_transcript", conversation);
    as("nurse").when().get(HANDOFFS + "/" + id + "/transcript").then().statusCode(200)
        .body("handoffId", equalTo(id))
        .body("conversationId", equalTo(conversation))
        .body("channel", equalTo("web"))
        .body("turns.seq", equalTo(List.of(1, 2)))
        .body("turns[0].userText", containsString("[email]"))
        .body("turns[0].userText", containsString("[phone]"))
        .body("turns[0].userText", not(containsString("example.com")))
        .body("turns[0].userText", not(containsString("07700")))
        .body("turns[0].at", notNullValue())
        .body("turns[1].action", equalTo("handoff"))
        .body("turns[1].intent", equalTo("talk_to_nurse"))
        .body("turns[1].confidence", notNullValue())
        .body("turns[1].botTexts", hasItem(containsString("0808 800 4040")));
    as("nurse2").when().get(HANDOFFS + "/" + id + "/transcript").then().statusCode(200);
    assertEquals(before + 2, audits("read_transcript", conversation));
    assertEquals(1, auditsBy("nurse2", "read_transcript", conversation));
  }

  @Test
  void whileTheNursesHaveTheConversationTheBotSaysSoUntilItIsClosed() {
    String conversation = askedForANurse();
    chat(conversation, "what are checkpoint inhibitors")
        .body("action", equalTo("answer"))
        .body("replies[0].text", containsString("passed our conversation on to our nurses"))
        .body("replies[0].text", containsString("0808 800 4040"))
        .body("replies[0].text", containsString("9am to 5pm"))
        .body("replies[1].text", startsWith("Checkpoint inhibitors"));
    chat(conversation, "my husband has collapsed and isnt breathing")
        .body("action", equalTo("escalate"))
        .body("escalation.type", equalTo("medical_emergency"))
        .body("replies[0].text", containsString("999"))
        .body("replies.text", not(hasItem(containsString("passed our conversation on"))));
    // Still one entry: the escalation did not add a second, but moved the first up the queue.
    String id = handoffOf(conversation);
    Map<String, Object> entry = entriesOf(conversation).get(0);
    assertEquals("asked_for_nurse", entry.get("reason"));
    assertEquals("emergency", entry.get("urgency"));
    assertTrue(((String) entry.get("summary")).contains("red flag: medical_emergency"),
        entry.toString());

    as("nurse").when().post(HANDOFFS + "/" + id + "/claim").then().statusCode(200);
    chat(conversation, "what are checkpoint inhibitors")
        .body("replies[0].text", containsString("passed our conversation on"));
    close("nurse", id, "Spoke on the phone; no further action.").statusCode(200);
    chat(conversation, "what are checkpoint inhibitors")
        .body("action", equalTo("answer"))
        .body("replies[0].text", startsWith("Checkpoint inhibitors"))
        .body("replies.text", not(hasItem(containsString("passed our conversation on"))));
  }

  @ParameterizedTest
  @CsvSource({"GET, ''", "POST, /claim", "POST, /close", "GET, /transcript"})
  void withoutCredentialsEveryNurseEndpointAsksForThem(String method, String suffix) {
    String path = suffix.isEmpty() ? HANDOFFS : HANDOFFS + "/" + NOT_A_HANDOFF + suffix;
    given().contentType(ContentType.JSON).body(Map.of("outcome", "x")).when()
        .request(method, path).then().statusCode(401);
  }

  @ParameterizedTest
  @CsvSource({"GET, ''", "POST, /claim", "POST, /close", "GET, /transcript"})
  void anEditorIsNotANurse(String method, String suffix) {
    String path = suffix.isEmpty() ? HANDOFFS : HANDOFFS + "/" + NOT_A_HANDOFF + suffix;
    as("editor").contentType(ContentType.JSON).body(Map.of("outcome", "x")).when()
        .request(method, path).then().statusCode(403);
  }

  @ParameterizedTest
  @CsvSource({"POST, /claim", "POST, /close", "GET, /transcript"})
  void anUnknownHandoffIsNotFound(String method, String suffix) {
    as("nurse").contentType(ContentType.JSON).body(Map.of("outcome", "Called back."))
        .when().request(method, HANDOFFS + "/" + NOT_A_HANDOFF + suffix).then()
        .statusCode(404).contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void theEndpointsAreInTheOpenApiDocument() {
    given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
        .body("paths.'/api/v1/staff/handoffs'.get.tags", hasItem("staff"))
        .body("paths.'/api/v1/staff/handoffs/{id}/claim'.post", notNullValue())
        .body("paths.'/api/v1/staff/handoffs/{id}/close'.post", notNullValue())
        .body("paths.'/api/v1/staff/handoffs/{id}/transcript'.get", notNullValue())
        .body("paths.'/api/v1/staff/triage'.post.tags", hasItem("staff"));
  }

  private int audits(String action, String conversation) throws SQLException {
    return count("SELECT COUNT(*) FROM staff_audit WHERE action = ? AND conversation_id = ?",
        action, conversation);
  }

  private int auditsBy(String principal, String action, String conversation)
      throws SQLException {
    return count("SELECT COUNT(*) FROM staff_audit WHERE principal = ? AND action = ?"
        + " AND conversation_id = ?", principal, action, conversation);
  }

  private int count(String sql, String... params) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
