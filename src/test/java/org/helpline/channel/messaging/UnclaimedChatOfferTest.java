package org.helpline.channel.messaging;

import static org.helpline.support.ChatApi.as;
import static org.helpline.support.ChatApi.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.helpline.channel.meta.GraphApiStub;
import org.helpline.channel.twilio.TwilioRequests;
import org.helpline.support.SseClient;
import org.junit.jupiter.api.Test;

/**
 * When no nurse takes a waiting chat within {@code helpline.nurse-chat.offer-message-after}
 * (2 s here), the person is offered a message instead, once, in their chat: in the web chat as
 * a system message with a "Leave a message" choice, on SMS as a numbered choice. Taking it
 * asks for consent, then queues their message with a reply-by time; saying no keeps their
 * place in the queue.
 */
@QuarkusTest
@TestProfile(UnclaimedChatOfferTest.OfferAfterTwoSeconds.class)
class UnclaimedChatOfferTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The messaging apps configured, the line open, and an offer after 2 s of waiting. */
  public static class OfferAfterTwoSeconds extends MessagingNurseChatTest.AppsOnOpenLine {

    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(super.getConfigOverrides());
      config.put("helpline.nurse-chat.offer-message-after", "2s");
      return config;
    }
  }

  @TestHTTPResource("/")
  URL base;

  private static JsonNode data(SseClient.Event e) {
    try {
      return JSON.readTree(e.data());
    } catch (Exception x) {
      throw new AssertionError("not JSON: " + e.data(), x);
    }
  }

  private static boolean offer(SseClient.Event e) {
    return "message".equals(e.name()) && "system".equals(data(e).path("from").asText())
        && data(e).path("choices").toString().contains("nurse_message");
  }

  /** A web chat person waiting for a nurse; answers the conversation id. */
  private static String webPersonWaiting() {
    String id = send(null, "text", "can i speak to a nurse please").extract()
        .path("conversationId");
    send(id, "payload", "nurse_chat").body("handoff.status", equalTo("waiting"));
    return id;
  }

  private SseClient personStream(String id) {
    return SseClient.open(base + "api/v1/chat/" + id + "/events", null, null);
  }

  @Test
  void aWebPersonNobodyTakesIsOfferedAMessageAndCanLeaveOne() throws Exception {
    String id = webPersonWaiting();
    try (SseClient person = personStream(id)) {
      SseClient.Event offered = person.next(UnclaimedChatOfferTest::offer, WAIT);
      assertTrue(data(offered).path("text").asText().contains("leave a message"),
          offered.data());
      assertEquals("Leave a message", data(offered).path("choices").get(0).path("title")
          .asText());
    }
    // "No thanks": they keep their place.
    send(id, "payload", "nurse_message").body("handoff.modes", hasItem("message"))
        .body("quickReplies.payload", hasItem("nurse_message_no"));
    send(id, "payload", "nurse_message_no").body("handoff.mode", equalTo("chat"))
        .body("handoff.status", equalTo("waiting"))
        .body("replies[0].text", containsString("in the queue"));
    // Then they take it after all.
    send(id, "payload", "nurse_message").body("replies[0].text", containsString("Is that OK"));
    send(id, "payload", "nurse_message_yes").body("handoff.mode", equalTo("message"))
        .body("handoff.status", equalTo("writing"));
    send(id, "text", "My mum starts immunotherapy next month. What should we ask her consultant?")
        .body("handoff.mode", equalTo("message")).body("handoff.status", equalTo("waiting"))
        .body("handoff.replyBy", notNullValue())
        .body("replies[0].text", containsString("a nurse will reply"));
    List<Map<String, Object>> queue = as("nurse").when().get("/api/v1/staff/handoffs").then()
        .statusCode(200).extract().jsonPath().getList("$");
    assertTrue(queue.stream().anyMatch(e -> id.equals(e.get("conversationId"))
        && "message".equals(e.get("mode")) && "waiting".equals(e.get("chatStatus"))
        && e.get("replyBy") != null), queue.toString());
  }

  @Test
  void sayingNoThanksKeepsTheSameWaitAndTheOfferIsNotRepeated() throws Exception {
    String id = webPersonWaiting();
    try (SseClient person = personStream(id)) {
      person.next(UnclaimedChatOfferTest::offer, WAIT);
      send(id, "payload", "nurse_message").body("quickReplies.payload",
          hasItem("nurse_message_no"));
      send(id, "payload", "nurse_message_no").body("handoff.status", equalTo("waiting"));
      // Well past another 2 s of waiting and several sweeps (every 1 s): no second offer.
      List<SseClient.Event> after = person.drain(Duration.ofSeconds(5));
      assertEquals(0, after.stream().filter(UnclaimedChatOfferTest::offer).count(),
          after.toString());
    }
  }

  @Test
  void onceANurseHasTheSmsChatABareNumberIsForTheNurse() {
    String number = TwilioRequests.newNumber();
    MessagingNurseChatTest.sms(number, "can i speak to a nurse please");
    MessagingNurseChatTest.sms(number, "1");
    MessagingNurseChatTest.awaitSent(number, MessagingNurseChatTest.says("1. Leave a message"));
    String handoff = MessagingNurseChatTest.waitingEntry("twilio");
    as("nurse").when().post("/api/v1/staff/handoffs/" + handoff + "/claim").then()
        .statusCode(200);
    // "How bad is the pain, 1 to 10?" "1": the nurse gets it; it is not the old offer.
    MessagingNurseChatTest.sms(number, "1");
    as("nurse").when().get("/api/v1/staff/handoffs/" + handoff + "/transcript").then()
        .statusCode(200).body("chat.findAll { it.from == 'person' }.text", hasItem("1"));
    as("nurse").when().get("/api/v1/staff/handoffs").then().statusCode(200)
        .body("find { it.id == '" + handoff + "' }.mode", equalTo("chat"))
        .body("find { it.id == '" + handoff + "' }.chatStatus", equalTo("with_nurse"));
    as("nurse").when().post("/api/v1/staff/handoffs/" + handoff + "/return").then()
        .statusCode(200);
  }

  @Test
  void anSmsPersonNobodyTakesIsOfferedAMessageOnceAndPicksItWithItsNumber() {
    String number = TwilioRequests.newNumber();
    MessagingNurseChatTest.sms(number, "can i speak to a nurse please");
    assertTrue(MessagingNurseChatTest.sms(number, "1").getString("Response")
        .contains("in the queue"));
    GraphApiStub.Sent offer = MessagingNurseChatTest.awaitSent(number,
        MessagingNurseChatTest.says("1. Leave a message"));
    assertTrue(offer.body().path("Body").asText().contains("none of our nurses has been free"),
        offer.body().toString());
    GraphApiStub.pause(3000);
    assertEquals(1, GraphApiStub.sentTo(number).stream()
        .filter(MessagingNurseChatTest.says("Leave a message")).count(), "offered once");
    String consent = MessagingNurseChatTest.sms(number, "1").getString("Response");
    assertTrue(consent.contains("phone number") && consent.contains("Is that OK"), consent);
    String handoff = MessagingNurseChatTest.waitingEntry("twilio");
    as("nurse").when().post("/api/v1/staff/handoffs/" + handoff + "/claim").then()
        .statusCode(200);
    as("nurse").when().post("/api/v1/staff/handoffs/" + handoff + "/return").then()
        .statusCode(200);
  }
}
