package org.helpline.channel.messenger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.helpline.channel.meta.GraphApiStub;
import org.helpline.channel.meta.GraphApiStub.Sent;
import org.helpline.channel.meta.MetaConfigured;
import org.helpline.channel.meta.MetaRequests;
import org.junit.jupiter.api.Test;

/**
 * The Messenger webhook over real HTTP with the real bot: recorded page events signed as Meta
 * signs them, answered through a real local Send API stub.
 */
@QuarkusTest
@TestProfile(MetaConfigured.class)
class MessengerWebhookResourceTest {

  private static final String PATH = "/webhooks/messenger";
  private static final Duration PATIENCE = Duration.ofSeconds(5);

  @Inject
  @DataSource("embedded")
  AgroalDataSource database;

  /** A fresh page-scoped id, so no two tests share a conversation. */
  private static String newPsid() {
    return Long.toString(ThreadLocalRandom.current().nextLong(7_000_000_000_000_000L,
        7_999_999_999_999_999L));
  }

  private static String newMid() {
    return "m_" + UUID.randomUUID().toString().replace("-", "");
  }

  private static ObjectNode event(ObjectNode body) {
    return (ObjectNode) body.at("/entry/0/messaging/0");
  }

  /** The recorded body from this person, with a fresh message id. */
  private static ObjectNode from(String name, String psid) {
    ObjectNode body = MetaRequests.recorded("messenger", name);
    for (JsonNode e : body.at("/entry/0/messaging")) {
      ObjectNode event = (ObjectNode) e;
      boolean echo = event.path("message").path("is_echo").asBoolean(false);
      ((ObjectNode) event.get(echo ? "recipient" : "sender")).put("id", psid);
      for (String kind : new String[] {"message", "postback"}) {
        if (event.has(kind)) {
          ((ObjectNode) event.get(kind)).put("mid", newMid());
        }
      }
    }
    return body;
  }

  private static ObjectNode text(String psid, String text) {
    ObjectNode body = from("text-message.json", psid);
    ((ObjectNode) event(body).get("message")).put("text", text);
    return body;
  }

  private static ValidatableResponse post(ObjectNode body) {
    return MetaRequests.postSigned(PATH, body, MetaConfigured.MESSENGER_SECRET);
  }

  /** Posts, checks the quick acknowledgement, and waits for the answer's messages. */
  private static List<Sent> ask(ObjectNode body, String psid, int alreadySent) {
    post(body).statusCode(200).body(equalTo("EVENT_RECEIVED"));
    List<Sent> sent = GraphApiStub.awaitSends(psid, alreadySent + 1, PATIENCE);
    assertTrue(sent.size() > alreadySent, "no answer sent within " + PATIENCE);
    GraphApiStub.pause(300);
    sent = GraphApiStub.sentTo(psid);
    return sent.subList(alreadySent, sent.size());
  }

  private static String texts(List<Sent> sent) {
    List<String> texts = new ArrayList<>();
    for (Sent s : sent) {
      JsonNode message = s.body().path("message");
      texts.add(message.path("text").asText(""));
      texts.add(message.path("attachment").path("payload").path("text").asText(""));
    }
    texts.removeIf(String::isEmpty);
    return String.join("\n\n", texts);
  }

  private static JsonNode lastMessage(List<Sent> sent) {
    return sent.get(sent.size() - 1).body().path("message");
  }

  @Test
  void theHandshakeEchoesTheChallengeForTheRightVerifyToken() {
    given().queryParam("hub.mode", "subscribe")
        .queryParam("hub.verify_token", MetaConfigured.MESSENGER_VERIFY)
        .queryParam("hub.challenge", "CHALLENGE_ACCEPTED_77")
        .when().get(PATH).then()
        .statusCode(200)
        .contentType("text/plain")
        .body(equalTo("CHALLENGE_ACCEPTED_77"));
  }

  @Test
  void theHandshakeWithAWrongTokenIsRefusedWith403() {
    // WhatsApp's token is not Messenger's.
    given().queryParam("hub.mode", "subscribe")
        .queryParam("hub.verify_token", MetaConfigured.WHATSAPP_VERIFY)
        .queryParam("hub.challenge", "CHALLENGE_ACCEPTED_77")
        .when().get(PATH).then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void aTextMessageIsAnsweredWithCuratedTextAndQuickReplies() {
    String psid = newPsid();
    List<Sent> sent = ask(from("text-message.json", psid), psid, 0);
    for (Sent s : sent) {
      assertEquals("/v21.0/me/messages", s.path());
      assertEquals("Bearer " + MetaConfigured.MESSENGER_TOKEN, s.authorization());
      assertEquals(psid, s.body().path("recipient").path("id").asText());
      assertEquals("RESPONSE", s.body().path("messaging_type").asText());
      assertTrue(s.body().path("message").path("text").asText().length() <= 2000);
    }
    String text = texts(sent);
    assertTrue(text.startsWith("Checkpoint inhibitors are a common type of immunotherapy"),
        text);
    assertTrue(text.contains("0808 800 4040"), text);
    assertTrue(text.contains("Types of cancer immunotherapy: https://"), text);
    JsonNode quickReplies = lastMessage(sent).path("quick_replies");
    List<String> payloads = new ArrayList<>();
    for (JsonNode q : quickReplies) {
      assertEquals("text", q.path("content_type").asText());
      assertTrue(q.path("title").asText().length() <= 20, q.toString());
      payloads.add(q.path("payload").asText());
    }
    assertTrue(payloads.contains("immunotherapy_side_effects"), payloads.toString());
    assertTrue(payloads.contains("talk_to_nurse"), payloads.toString());
  }

  @Test
  void aTappedQuickReplyIsAnsweredInContext() {
    String psid = newPsid();
    int before = ask(from("text-message.json", psid), psid, 0).size();
    List<Sent> sent = ask(from("quick-reply.json", psid), psid, before);
    assertTrue(texts(sent).contains("Checkpoint inhibitors take the brakes off"), texts(sent));
  }

  @Test
  void theGetStartedButtonIsGreeted() {
    String psid = newPsid();
    List<Sent> sent = ask(from("postback.json", psid), psid, 0);
    assertTrue(texts(sent).startsWith("Hello, and welcome"), texts(sent));
  }

  @Test
  void askingForANurseOffersAButtonThatCallsTheHelpline() {
    String psid = newPsid();
    List<Sent> sent = ask(text(psid, "can i speak to a real nurse please"), psid, 0);
    assertTrue(texts(sent).contains("0808 800 4040"), texts(sent));
    JsonNode template = sent.stream().map(s -> s.body().path("message").path("attachment"))
        .filter(a -> !a.isMissingNode()).findFirst().orElseThrow().path("payload");
    assertEquals("button", template.path("template_type").asText());
    assertTrue(template.path("text").asText().length() <= 640);
    JsonNode button = template.path("buttons").get(0);
    assertEquals("phone_number", button.path("type").asText());
    assertEquals("+448088004040", button.path("payload").asText());
    assertTrue(button.path("title").asText().length() <= 20);
  }

  @Test
  void aPhotoGetsAPoliteTextOnlyReply() {
    String psid = newPsid();
    List<Sent> sent = ask(from("image-message.json", psid), psid, 0);
    assertEquals(1, sent.size());
    assertTrue(texts(sent).contains("I can only read text"), texts(sent));
    assertTrue(texts(sent).contains("0808 800 4040"), texts(sent));
  }

  @Test
  void receiptsAndEchoesAreAcknowledgedAndNotAnswered() {
    String psid = newPsid();
    post(from("delivery.json", psid)).statusCode(200);
    post(from("echo.json", psid)).statusCode(200);
    GraphApiStub.pause(1000);
    assertEquals(List.of(), GraphApiStub.sentTo(psid));
  }

  @Test
  void aRedeliveredMessageIsAnsweredExactlyOnce() {
    String psid = newPsid();
    ObjectNode body = text(psid, "what is interferon");
    post(body).statusCode(200);
    post(body).statusCode(200);
    // One person's messages are handled in order: once this answer arrives, the redelivery
    // has been dealt with.
    post(text(psid, "thank you")).statusCode(200);
    GraphApiStub.awaitSends(psid, 2, PATIENCE);
    GraphApiStub.pause(500);
    List<Sent> sent = GraphApiStub.sentTo(psid);
    List<String> each = sent.stream().map(s -> texts(List.of(s))).toList();
    assertEquals(1, each.stream().filter(t -> t.contains("ytokine")).count(), each.toString());
    assertEquals(2, sent.size(), each.toString());
  }

  @Test
  void anEmergencyIsAnsweredWith999() {
    String psid = newPsid();
    List<Sent> sent = ask(text(psid, "my dad has collapsed and hes not breathing"), psid, 0);
    assertTrue(texts(sent).startsWith("Call 999 now"), texts(sent));
  }

  @Test
  void wrongAndMissingSignaturesAreRefusedAndNothingIsSent() {
    String psid = newPsid();
    byte[] bytes = text(psid, "hello").toString().getBytes(StandardCharsets.UTF_8);
    // Signed with WhatsApp's secret: each platform has its own.
    MetaRequests.post(PATH, bytes, MetaRequests.sign(MetaConfigured.WHATSAPP_SECRET, bytes))
        .statusCode(403)
        .contentType("application/problem+json");
    MetaRequests.post(PATH, bytes, null)
        .statusCode(401)
        .contentType("application/problem+json");
    GraphApiStub.pause(1000);
    assertEquals(List.of(), GraphApiStub.sentTo(psid));
  }

  @Test
  void aFailingSendApiIsRetriedThenRecordedWhileTheWebhookAnsweredAtOnce()
      throws SQLException {
    String psid = newPsid();
    GraphApiStub.failFor(psid);
    ObjectNode body = text(psid, "what is interferon");
    post(body).statusCode(200);
    assertEquals(3, GraphApiStub.awaitSends(psid, 3, PATIENCE).size());
    String key = "messenger:" + event(body).path("message").path("mid").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> failures = MetaRequests.deliveryFailures(database, "messenger", key);
    while (failures.isEmpty() && System.nanoTime() < deadline) {
      GraphApiStub.pause(100);
      failures = MetaRequests.deliveryFailures(database, "messenger", key);
    }
    assertEquals(List.of("Graph API failed: HTTP 500"), failures);
  }
}
