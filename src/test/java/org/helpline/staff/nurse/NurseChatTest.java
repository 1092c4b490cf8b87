package org.helpline.staff.nurse;

import static io.restassured.RestAssured.given;
import static org.helpline.support.ChatApi.as;
import static org.helpline.support.ChatApi.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.helpline.support.OpenLine;
import org.helpline.support.SseClient;
import org.junit.jupiter.api.Test;

/**
 * A live chat with a nurse over real HTTP and real event streams, with the real content,
 * model and embedded database, while the line is open ({@link OpenLine}): the person asks to
 * chat, waits with their place in the queue, a nurse claims and they talk both ways; an
 * emergency mid-chat gets the 999 guidance at once and alerts the nurse; a dropped stream
 * resumes with Last-Event-ID; the nurse hands back to the bot.
 */
@QuarkusTest
@TestProfile(OpenLine.class)
class NurseChatTest {

  private static final String HANDOFFS = "/api/v1/staff/handoffs";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URL base;

  /** A person who asked for a nurse and then to chat here; returns the conversation id. */
  private static String waitingForANurse() {
    String id = send(null, "text", "can i speak to a nurse please")
        .body("action", equalTo("handoff"))
        .body("handoff.modes", hasItem("chat"))
        .body("quickReplies.payload", hasItem("nurse_chat"))
        .extract().path("conversationId");
    send(id, "payload", "nurse_chat")
        .body("action", equalTo("handoff"))
        .body("handoff.mode", equalTo("chat"))
        .body("handoff.status", equalTo("waiting"))
        .body("replies[0].text", containsString("number"));
    return id;
  }

  private static String handoffOf(String conversationId) {
    List<Map<String, Object>> entries = as("nurse").when().get(HANDOFFS).then().statusCode(200)
        .extract().jsonPath().getList("$");
    return entries.stream().filter(e -> conversationId.equals(e.get("conversationId")))
        .map(e -> (String) e.get("id")).findFirst().orElseThrow();
  }

  private SseClient personStream(String conversationId, String lastEventId) {
    return SseClient.open(base + "api/v1/chat/" + conversationId + "/events", lastEventId, null);
  }

  private SseClient nurseStream(String handoffId) {
    return SseClient.open(base + "api/v1/staff/handoffs/" + handoffId + "/events", null,
        "nurse:nurse-test-pw");
  }

  private static JsonNode data(SseClient.Event e) {
    try {
      return JSON.readTree(e.data());
    } catch (Exception x) {
      throw new AssertionError("not JSON: " + e.data(), x);
    }
  }

  private static boolean message(SseClient.Event e, String from, String text) {
    return "message".equals(e.name()) && from.equals(data(e).path("from").asText())
        && data(e).path("text").asText().contains(text);
  }

  private static boolean status(SseClient.Event e, String status) {
    return "status".equals(e.name()) && status.equals(data(e).path("status").asText());
  }

  @Test
  void aPersonAndANurseTalkBothWaysInTheSameWindow() throws Exception {
    String id = waitingForANurse();
    String handoff = handoffOf(id);
    try (SseClient person = personStream(id, null); SseClient nurse = nurseStream(handoff)) {
      assertEquals(200, person.status());
      assertTrue(person.contentType().startsWith("text/event-stream"), person.contentType());
      person.next(e -> status(e, "waiting") && data(e).path("position").asInt() >= 1, WAIT);

      // While waiting, what they write goes to the nurses, not the bot.
      send(id, "text", "hello, is anyone there?").body("action", equalTo("relayed"))
          .body("replies", empty()).body("handoff.status", equalTo("waiting"));
      nurse.next(e -> message(e, "person", "is anyone there"), WAIT);

      as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200)
          .body("mode", equalTo("chat")).body("chatStatus", equalTo("with_nurse"));
      person.next(e -> status(e, "with_nurse"), WAIT);

      as("nurse").contentType(ContentType.JSON).body(Map.of("text", "Hello, I'm a nurse."
          + " How can I help?")).when().post(HANDOFFS + "/" + handoff + "/messages").then()
          .statusCode(201).body("from", equalTo("nurse"));
      SseClient.Event said = person.next(e -> message(e, "nurse", "How can I help"), WAIT);
      assertFalse(said.data().contains("nurse-test"), "the nurse's sign-in name is not shown");

      send(id, "text", "my mum starts immunotherapy next week and I'm scared")
          .body("action", equalTo("relayed")).body("handoff.status", equalTo("with_nurse"));
      nurse.next(e -> message(e, "person", "immunotherapy next week"), WAIT);
      person.next(e -> message(e, "person", "immunotherapy next week"), WAIT);

      // A number the nurse gives reaches the person as written.
      as("nurse").contentType(ContentType.JSON).body(Map.of("text", "Her team's acute"
          + " oncology line is 0161 446 3000, day or night.")).when()
          .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(201)
          .body("text", containsString("0161 446 3000"));
      person.next(e -> message(e, "nurse", "oncology line is 0161 446 3000"), WAIT);
    }
    // The transcript keeps the chat too, both sides, redacted like the rest.
    as("nurse").when().get(HANDOFFS + "/" + handoff + "/transcript").then().statusCode(200)
        .body("chat.from", hasItem("nurse"))
        .body("chat.text", hasItem(containsString("How can I help")))
        .body("chat.text", hasItem(containsString("immunotherapy next week")))
        .body("chat.text", hasItem(containsString("oncology line is [phone]")))
        .body("chat.text", not(hasItem(containsString("446 3000"))));
  }

  @Test
  void anEmergencyMidChatGetsTheGuidanceAtOnceAndAlertsTheNurse() throws Exception {
    String id = waitingForANurse();
    String handoff = handoffOf(id);
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    try (SseClient nurse = nurseStream(handoff)) {
      send(id, "text", "my husband has collapsed and he isn't breathing")
          .body("action", equalTo("escalate"))
          .body("escalation.type", equalTo("medical_emergency"))
          .body("replies[0].text", containsString("999"))
          .body("handoff.status", equalTo("with_nurse"));
      // The nurse sees what the person wrote, what the bot told them, and an alert.
      nurse.next(e -> message(e, "person", "isn't breathing"), WAIT);
      nurse.next(e -> message(e, "bot", "999"), WAIT);
      SseClient.Event alert = nurse.next(e -> "alert".equals(e.name()), WAIT);
      assertEquals("medical_emergency", data(alert).path("type").asText());
    }
    // The person's own stream never shows the nurses' alert.
    try (SseClient person = personStream(id, null)) {
      List<SseClient.Event> all = person.drain(Duration.ofMillis(1500));
      assertTrue(all.stream().anyMatch(e -> message(e, "bot", "999")), all.toString());
      assertTrue(all.stream().noneMatch(e -> "alert".equals(e.name())), all.toString());
    }
    as("nurse").when().get(HANDOFFS).then().statusCode(200)
        .body("find { it.id == '" + handoff + "' }.urgency", equalTo("emergency"));
  }

  @Test
  void aDroppedStreamResumesAfterItsLastEventOnceAndInOrder() throws Exception {
    String id = waitingForANurse();
    String handoff = handoffOf(id);
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    String lastSeen;
    try (SseClient person = personStream(id, null)) {
      lastSeen = person.next(e -> status(e, "with_nurse"), WAIT).id();
    }
    for (int i = 1; i <= 3; i++) {
      as("nurse").contentType(ContentType.JSON).body(Map.of("text", "message " + i)).when()
          .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(201);
    }
    try (SseClient person = personStream(id, lastSeen)) {
      List<SseClient.Event> missed = person.drain(Duration.ofMillis(1500)).stream()
          .filter(e -> e.id() != null).toList();
      assertEquals(List.of("message 1", "message 2", "message 3"),
          missed.stream().map(e -> data(e).path("text").asText()).toList());
      long previous = Long.parseLong(lastSeen);
      for (SseClient.Event e : missed) {
        assertTrue(Long.parseLong(e.id()) > previous, "ids increase: " + missed);
        previous = Long.parseLong(e.id());
      }
    }
  }

  @Test
  void theNurseHandsBackToTheBotAndTheBotAnswersAgain() throws Exception {
    String id = waitingForANurse();
    String handoff = handoffOf(id);
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    try (SseClient person = personStream(id, null)) {
      as("nurse").when().post(HANDOFFS + "/" + handoff + "/return").then().statusCode(200)
          .body("status", equalTo("closed")).body("chatStatus", equalTo("back_with_bot"));
      person.next(e -> status(e, "back_with_bot"), WAIT);
    }
    send(id, "text", "what is immunotherapy").body("action", not(equalTo("relayed")))
        .body("replies", not(empty()));
  }

  @Test
  void thePersonLeavesTheChatAndTheNurseSeesIt() throws Exception {
    String id = waitingForANurse();
    String handoff = handoffOf(id);
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    try (SseClient nurse = nurseStream(handoff)) {
      send(id, "payload", "nurse_chat_end").body("action", equalTo("handoff"))
          .body("handoff.mode", equalTo("chat")).body("handoff.status", equalTo("left"))
          .body("replies[0].text", containsString("left the chat"))
          .body("replies[0].text", containsString("0808 800 4040"));
      nurse.next(e -> status(e, "left"), WAIT);
    }
    // The entry stays for the nurse to close; writing to someone who has gone is refused.
    as("nurse").when().get(HANDOFFS).then().statusCode(200)
        .body("find { it.id == '" + handoff + "' }.chatStatus", equalTo("left"))
        .body("find { it.id == '" + handoff + "' }.status", equalTo("claimed"));
    as("nurse").contentType(ContentType.JSON).body(Map.of("text", "are you still there?"))
        .when().post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(409)
        .body("detail", containsString("left"));
    // What they write now is for the bot again.
    send(id, "text", "what is immunotherapy").body("action", not(equalTo("relayed")))
        .body("replies", not(empty()));
    // Closing it does not tell them the nurse closed a chat they had already left.
    as("nurse").contentType(ContentType.JSON).body(Map.of("outcome", "person left the chat"))
        .when().post(HANDOFFS + "/" + handoff + "/close").then().statusCode(200)
        .body("chatStatus", equalTo("left"));
    try (SseClient person = personStream(id, null)) {
      List<SseClient.Event> all = person.drain(Duration.ofMillis(1500));
      assertTrue(all.stream().noneMatch(e -> status(e, "closed")), all.toString());
    }
  }

  @Test
  void theNurseSeesWhetherThePersonHasTheChatOpen() throws Exception {
    String id = waitingForANurse();
    String handoff = handoffOf(id);
    try (SseClient nurse = nurseStream(handoff)) {
      nurse.next(e -> presence(e, false), WAIT);
      try (SseClient person = personStream(id, null)) {
        nurse.next(e -> presence(e, true), WAIT);
        // A second tab, then closing the first: still here.
        try (SseClient secondTab = personStream(id, null)) {
          secondTab.next(e -> status(e, "waiting"), WAIT);
        }
        List<SseClient.Event> meanwhile = nurse.drain(Duration.ofMillis(1500));
        assertTrue(meanwhile.stream().noneMatch(e -> presence(e, false)),
            meanwhile.toString());
      }
      nurse.next(e -> presence(e, false), WAIT);
      // The person's own stream never carries presence.
      try (SseClient person = personStream(id, null)) {
        nurse.next(e -> presence(e, true), WAIT);
        List<SseClient.Event> own = person.drain(Duration.ofMillis(1000));
        assertTrue(own.stream().noneMatch(e -> "presence".equals(e.name())), own.toString());
      }
    }
  }

  private static boolean presence(SseClient.Event e, boolean here) {
    return "presence".equals(e.name()) && e.id() == null
        && data(e).path("here").asBoolean() == here;
  }

  @Test
  void aPersonWhoLeavesTheQueueMovesThoseBehindThemUpAndCanComeBack() throws Exception {
    String first = waitingForANurse();
    String second = waitingForANurse();
    try (SseClient behind = personStream(second, null)) {
      int before = data(behind.next(e -> status(e, "waiting")
          && !data(e).path("position").isNull(), WAIT)).path("position").asInt();
      send(first, "payload", "nurse_chat_end").body("handoff.status", equalTo("left"));
      behind.next(e -> status(e, "waiting") && data(e).path("position").asInt() == before - 1,
          WAIT);
    }
    // An old "End chat" tapped again changes nothing; asking again puts them back in the queue
    // on the same entry.
    String entry = handoffOf(first);
    send(first, "payload", "nurse_chat_end").body("replies[0].text",
        containsString("left the chat"));
    send(first, "payload", "nurse_chat").body("handoff.status", equalTo("waiting"))
        .body("quickReplies.payload", hasItem("nurse_chat_end"));
    assertEquals(entry, handoffOf(first));
    // A nurse who had claimed the entry is with them at once when they ask again, and is
    // told to write.
    as("nurse").when().post(HANDOFFS + "/" + entry + "/claim").then().statusCode(200);
    send(first, "payload", "nurse_chat_end").body("handoff.status", equalTo("left"));
    try (SseClient nurse = nurseStream(entry)) {
      send(first, "payload", "nurse_chat").body("handoff.status", equalTo("with_nurse"))
          .body("replies[0].text", containsString("A nurse has joined"));
      SseClient.Event alert = nurse.next(e -> "alert".equals(e.name())
          && "chat_requested".equals(data(e).path("type").asText()), WAIT);
      assertTrue(data(alert).path("text").asText().contains("please write to them now"),
          alert.data());
    }
    as("nurse").contentType(ContentType.JSON).body(Map.of("text", "Hello again")).when()
        .post(HANDOFFS + "/" + entry + "/messages").then().statusCode(201);
  }

  @Test
  void aClaimMovesEveryoneStillWaitingOnePlaceUp() throws Exception {
    String first = waitingForANurse();
    String second = waitingForANurse();
    try (SseClient behind = personStream(second, null)) {
      int before = data(behind.next(e -> status(e, "waiting")
          && !data(e).path("position").isNull(), WAIT)).path("position").asInt();
      as("nurse").when().post(HANDOFFS + "/" + handoffOf(first) + "/claim").then()
          .statusCode(200);
      behind.next(e -> status(e, "waiting") && data(e).path("position").asInt() == before - 1,
          WAIT);
    }
  }

  @Test
  void onlyTheNurseWhoClaimedItCanWriteAndStaffStreamsNeedSignIn() throws Exception {
    String id = waitingForANurse();
    String handoff = handoffOf(id);
    Map<String, String> hello = Map.of("text", "hello");
    as("nurse").contentType(ContentType.JSON).body(hello).when()
        .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(409);
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    as("nurse2").contentType(ContentType.JSON).body(hello).when()
        .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(403)
        .body("type", equalTo("urn:helpline:problem:not-your-handoff"));
    as("admin").contentType(ContentType.JSON).body(hello).when()
        .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(201);
    given().contentType(ContentType.JSON).body(hello).when()
        .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(401);
    try (SseClient anonymous = SseClient.open(base + "api/v1/staff/handoffs/" + handoff
        + "/events", null, null)) {
      assertEquals(401, anonymous.status());
    }
    try (SseClient queue = SseClient.open(base + "api/v1/staff/handoffs/events", null, null)) {
      assertEquals(401, queue.status());
    }
    as("nurse").contentType(ContentType.JSON).body(Map.of("text", "  ")).when()
        .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(400);
    as("nurse").contentType(ContentType.JSON).body(Map.of("text", "x".repeat(1001))).when()
        .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(400);
    as("nurse").contentType(ContentType.JSON).body(Map.of("text", "bell\u0007")).when()
        .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(400);
  }

  @Test
  void aStreamNeedsAConversationThatExists() throws Exception {
    try (SseClient unknown = personStream("00000000-0000-4000-8000-000000000000", null)) {
      assertEquals(404, unknown.status());
    }
    try (SseClient malformed = personStream("not-a-conversation", null)) {
      assertEquals(400, malformed.status());
    }
    String id = waitingForANurse();
    try (SseClient badId = personStream(id, "yesterday")) {
      assertEquals(400, badId.status());
    }
  }

  @Test
  void theQueueStreamShowsAChatAsItIsAskedForAndClaimed() throws Exception {
    try (SseClient queue = SseClient.open(base + "api/v1/staff/handoffs/events", null,
        "nurse:nurse-test-pw")) {
      String id = waitingForANurse();
      queue.next(e -> "handoff".equals(e.name()) && id.equals(data(e).path("conversationId")
          .asText()) && "waiting".equals(data(e).path("chatStatus").asText()), WAIT);
      as("nurse").when().post(HANDOFFS + "/" + handoffOf(id) + "/claim").then().statusCode(200);
      queue.next(e -> "handoff".equals(e.name()) && id.equals(data(e).path("conversationId")
          .asText()) && "with_nurse".equals(data(e).path("chatStatus").asText()), WAIT);
    }
  }

  @Test
  void streamsAreKeptAlive() throws Exception {
    String id = waitingForANurse();
    try (SseClient person = personStream(id, null)) {
      person.drain(Duration.ofMillis(2500));
      assertTrue(person.keepAlives() >= 1, "a keep-alive comment within 2.5 s (every 1 s)");
    }
    send(id, "text", "still here").body("handoff.mode", equalTo("chat"))
        .body("handoff.position", not(nullValue()));
  }
}
