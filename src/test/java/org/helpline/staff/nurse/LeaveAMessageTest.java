package org.helpline.staff.nurse;

import static org.helpline.support.ChatApi.as;
import static org.helpline.support.ChatApi.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Leaving a message for the nurses while the line is closed, over real HTTP with the real
 * content, model and database, on a Saturday night ({@link OpenLine.Closed}): the person is
 * told what is kept and for how long and asked first; their message gets an honest reply-by
 * time from the opening hours (8 hours of opening time: Monday 5pm); a nurse answers and the
 * answer is there when the person comes back.
 */
@QuarkusTest
@TestProfile(OpenLine.Closed.class)
class LeaveAMessageTest {

  private static final String HANDOFFS = "/api/v1/staff/handoffs";
  private static final String MONDAY_5PM = "by 5pm on Monday 30 November";

  @TestHTTPResource("/")
  URL base;

  private static Map<String, Object> entryOf(String conversationId) {
    List<Map<String, Object>> entries = as("nurse").when().get(HANDOFFS).then().statusCode(200)
        .extract().jsonPath().getList("$");
    return entries.stream().filter(e -> conversationId.equals(e.get("conversationId")))
        .findFirst().orElseThrow();
  }

  /** A person handed to the nurses at night, offered a message and not a chat. */
  private static String handedOverAtNight() {
    return send(null, "text", "can i speak to a nurse please")
        .body("action", equalTo("handoff"))
        .body("handoff.openNow", equalTo(false))
        .body("handoff.modes", hasItem("message"))
        .body("handoff.modes", not(hasItem("chat")))
        .body("quickReplies.payload", hasItem("nurse_message"))
        .extract().path("conversationId");
  }

  @Test
  void aMessageLeftAtNightIsAskedForFirstGetsAnHonestReplyByTimeAndItsAnswer()
      throws Exception {
    String id = handedOverAtNight();
    send(id, "payload", "nurse_message")
        .body("replies[0].text", containsString(MONDAY_5PM))
        .body("replies[0].text", containsString("30 days"))
        .body("quickReplies.payload", hasItem("nurse_message_yes"))
        .body("quickReplies.payload", hasItem("nurse_message_no"));
    assertNull(entryOf(id).get("mode"), "nothing is kept as a message before they agree");

    send(id, "payload", "nurse_message_yes").body("handoff.mode", equalTo("message"))
        .body("handoff.status", equalTo("writing"));
    String handoff = (String) entryOf(id).get("id");
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    as("nurse").contentType(ContentType.JSON).body(Map.of("text", "too soon")).when()
        .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(409)
        .body("detail", containsString("still writing"));
    send(id, "text", "What should my mum expect at her first immunotherapy appointment?")
        .body("action", equalTo("handoff"))
        .body("replies[0].text", containsString(MONDAY_5PM))
        .body("replies[0].text", containsString("999"))
        .body("handoff.status", equalTo("waiting"))
        .body("handoff.replyBy", equalTo("2026-11-30T17:00:00Z"));
    Map<String, Object> entry = entryOf(id);
    assertEquals("message", entry.get("mode"));
    assertEquals("waiting", entry.get("chatStatus"));
    assertEquals("2026-11-30T17:00:00Z", entry.get("replyBy"));
    assertEquals(false, entry.get("overdue"), "Saturday night is before Monday 5pm");

    // More from them is added to the message, not answered by the bot.
    send(id, "text", "She is on pembrolizumab.").body("action", equalTo("relayed"));

    as("nurse").contentType(ContentType.JSON).body(Map.of("text", "Thank you for your"
        + " message. At the first appointment the team will check her bloods.")).when()
        .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(201);
    as("nurse").contentType(ContentType.JSON).body(Map.of("outcome", "answered in writing"))
        .when().post(HANDOFFS + "/" + handoff + "/close").then().statusCode(200);

    // They come back later: the whole exchange is there, in order.
    try (SseClient back = SseClient.open(base + "api/v1/chat/" + id + "/events", null, null)) {
      List<SseClient.Event> all = back.drain(Duration.ofMillis(1500));
      List<String> texts = all.stream().filter(e -> "message".equals(e.name()))
          .map(SseClient.Event::data).toList();
      assertEquals(3, texts.size(), all.toString());
      assertTrue(texts.get(0).contains("first immunotherapy appointment"), texts.get(0));
      assertTrue(texts.get(1).contains("pembrolizumab"), texts.get(1));
      assertTrue(texts.get(2).contains("\"from\":\"nurse\"")
          && texts.get(2).contains("check her bloods"), texts.get(2));
    }
    send(id, "text", "what is immunotherapy").body("action", not(equalTo("relayed")));
  }

  @Test
  void sayingNoKeepsNothingAsAMessage() {
    String id = handedOverAtNight();
    send(id, "payload", "nurse_message");
    send(id, "payload", "nurse_message_no").body("replies[0].text",
        containsString("won't be kept")).body("handoff.mode", nullValue());
    assertNull(entryOf(id).get("mode"));
    send(id, "text", "what is immunotherapy").body("action", not(equalTo("relayed")));
  }

  @Test
  void anEmergencyWhileWritingGetsTheGuidanceAtOnceAndIsTheMessage() {
    String id = handedOverAtNight();
    send(id, "payload", "nurse_message");
    send(id, "payload", "nurse_message_yes");
    send(id, "text", "my dad has collapsed and isn't breathing")
        .body("action", equalTo("escalate"))
        .body("replies[0].text", containsString("999"))
        .body("handoff.mode", equalTo("message")).body("handoff.status", equalTo("waiting"));
    // The nurses have it at the top of the queue, with the alert, and can answer it.
    Map<String, Object> entry = entryOf(id);
    assertEquals("waiting", entry.get("chatStatus"), entry.toString());
    assertEquals("emergency", entry.get("urgency"), entry.toString());
    String handoff = (String) entry.get("id");
    as("nurse").when().get(HANDOFFS + "/" + handoff + "/transcript").then().statusCode(200)
        .body("chat.findAll { it.from == 'person' }.text",
            hasItem(containsString("isn't breathing")))
        .body("chat.findAll { it.from == 'bot' }.text", hasItem(containsString("999")));
    // Anything more they write is added to it.
    send(id, "text", "thank you for listening").body("action", equalTo("relayed"));
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    as("nurse").contentType(ContentType.JSON).body(Map.of("text", "I'm so glad help came."))
        .when().post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(201);
  }

  @Test
  void aChatIsNotOfferedOrStartedWhileTheLineIsClosed() {
    String id = handedOverAtNight();
    send(id, "payload", "nurse_chat").body("replies[0].text", containsString("can't chat"))
        .body("handoff.mode", nullValue());
  }
}
