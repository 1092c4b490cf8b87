package org.helpline.channel.whatsapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.helpline.channel.meta.GraphApiStub;
import org.helpline.channel.meta.GraphApiStub.Sent;
import org.helpline.channel.meta.MetaConfigured;
import org.helpline.channel.meta.MetaRequests;
import org.junit.jupiter.api.Test;

/**
 * The WhatsApp Cloud API webhook over real HTTP with the real bot: recorded bodies signed as
 * Meta signs them, answered through a real local Graph API stub.
 */
@QuarkusTest
@TestProfile(MetaConfigured.class)
class WhatsAppWebhookResourceTest {

  private static final String PATH = "/webhooks/whatsapp";
  private static final String BUSINESS_NUMBER_ID = WhatsAppHooks.BUSINESS_NUMBER_ID;
  private static final Duration PATIENCE = Duration.ofSeconds(5);

  @Inject
  @DataSource("embedded")
  AgroalDataSource database;

  private static ValidatableResponse post(ObjectNode body) {
    return MetaRequests.postSigned(PATH, body, MetaConfigured.WHATSAPP_SECRET);
  }

  /** Posts, checks the quick acknowledgement, and waits for the answer's messages. */
  private static List<Sent> ask(ObjectNode body, String number, int alreadySent) {
    post(body).statusCode(200).body(equalTo("EVENT_RECEIVED"));
    List<Sent> sent = GraphApiStub.awaitSends(number, alreadySent + 1, PATIENCE);
    assertTrue(sent.size() > alreadySent, "no answer sent within " + PATIENCE);
    // An answer may be several messages: let the last of them arrive.
    GraphApiStub.pause(300);
    sent = GraphApiStub.sentTo(number);
    return sent.subList(alreadySent, sent.size());
  }

  /** Everything the person reads in these messages, texts and interactive bodies. */
  private static String readable(List<Sent> sent) {
    List<String> texts = new ArrayList<>();
    for (Sent s : sent) {
      JsonNode body = s.body();
      texts.add(body.path("text").path("body").asText(""));
      texts.add(body.path("interactive").path("body").path("text").asText(""));
    }
    texts.removeIf(String::isEmpty);
    return String.join("\n\n", texts);
  }

  private static JsonNode last(List<Sent> sent) {
    return sent.get(sent.size() - 1).body();
  }

  private static String messageKey(String wamid) throws NoSuchAlgorithmException {
    return "whatsapp:wamid-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(wamid.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theHandshakeEchoesTheChallengeForTheRightVerifyToken() {
    given().queryParam("hub.mode", "subscribe")
        .queryParam("hub.verify_token", MetaConfigured.WHATSAPP_VERIFY)
        .queryParam("hub.challenge", "1158201444")
        .when().get(PATH).then()
        .statusCode(200)
        .contentType("text/plain")
        .body(equalTo("1158201444"));
  }

  @Test
  void theHandshakeWithAWrongTokenOrModeIsRefusedWith403() {
    given().queryParam("hub.mode", "subscribe")
        .queryParam("hub.verify_token", MetaConfigured.WHATSAPP_VERIFY + "x")
        .queryParam("hub.challenge", "1158201444")
        .when().get(PATH).then()
        .statusCode(403)
        .contentType("application/problem+json");
    given().queryParam("hub.mode", "unsubscribe")
        .queryParam("hub.verify_token", MetaConfigured.WHATSAPP_VERIFY)
        .queryParam("hub.challenge", "1158201444")
        .when().get(PATH).then()
        .statusCode(403);
    given().queryParam("hub.challenge", "1158201444").when().get(PATH).then()
        .statusCode(403);
  }

  @Test
  void aTextMessageIsAnsweredWithCuratedTextAndAListOfTheQuickReplies() {
    String number = WhatsAppHooks.newNumber();
    List<Sent> sent = ask(WhatsAppHooks.from("text-message.json", number), number, 0);
    for (Sent s : sent) {
      assertEquals("/v21.0/" + BUSINESS_NUMBER_ID + "/messages", s.path());
      assertEquals("Bearer " + MetaConfigured.WHATSAPP_TOKEN, s.authorization());
      assertEquals("whatsapp", s.body().path("messaging_product").asText());
      assertEquals(number, s.body().path("to").asText());
    }
    String text = readable(sent);
    assertTrue(text.startsWith("Checkpoint inhibitors are a common type of immunotherapy"),
        text);
    assertTrue(text.contains("0808 800 4040"), text);
    assertTrue(text.contains("Types of cancer immunotherapy: https://"), text);
    assertFalse(text.contains("Reply with a number"), text);
    // Four follow-ups: more than WhatsApp's 3 reply buttons, so a list.
    JsonNode interactive = last(sent).path("interactive");
    assertEquals("interactive", last(sent).path("type").asText());
    assertEquals("list", interactive.path("type").asText());
    assertTrue(interactive.path("body").path("text").asText().length() <= 1024);
    assertTrue(interactive.path("action").path("button").asText().length() <= 20);
    List<String> ids = new ArrayList<>();
    for (JsonNode row : interactive.path("action").path("sections").get(0).path("rows")) {
      ids.add(row.path("id").asText());
      assertTrue(row.path("title").asText().length() <= 24, row.toString());
    }
    assertTrue(ids.contains("immunotherapy_side_effects"), ids.toString());
    assertTrue(ids.contains("talk_to_nurse"), ids.toString());
  }

  @Test
  void threeQuickRepliesComeAsReplyButtonsOfAtMost20Characters() {
    String number = WhatsAppHooks.newNumber();
    List<Sent> sent = ask(WhatsAppHooks.text(number, "what are clinical trials"), number, 0);
    assertTrue(readable(sent).contains("trial"), readable(sent));
    JsonNode interactive = last(sent).path("interactive");
    assertEquals("button", interactive.path("type").asText());
    JsonNode buttons = interactive.path("action").path("buttons");
    assertEquals(3, buttons.size());
    List<String> ids = new ArrayList<>();
    for (JsonNode button : buttons) {
      assertEquals("reply", button.path("type").asText());
      assertTrue(button.path("reply").path("title").asText().length() <= 20, button.toString());
      ids.add(button.path("reply").path("id").asText());
    }
    assertTrue(ids.contains("talk_to_nurse"), ids.toString());
  }

  @Test
  void aTappedButtonAndAChosenListRowAreAnsweredInContext() {
    String number = WhatsAppHooks.newNumber();
    int before = ask(WhatsAppHooks.from("text-message.json", number), number, 0).size();
    List<Sent> sent = ask(WhatsAppHooks.from("button-reply.json", number), number, before);
    // Side effects of checkpoint inhibitors: the topic of the conversation.
    assertTrue(readable(sent).contains("Checkpoint inhibitors take the brakes off"),
        readable(sent));
    int total = GraphApiStub.sentTo(number).size();
    List<Sent> again = ask(WhatsAppHooks.from("list-reply.json", number), number, total);
    assertTrue(readable(again).contains("Checkpoint inhibitors take the brakes off"),
        readable(again));
  }

  @Test
  void aPhotoGetsAPoliteTextOnlyReply() {
    String number = WhatsAppHooks.newNumber();
    List<Sent> sent = ask(WhatsAppHooks.from("image-message.json", number), number, 0);
    assertEquals(1, sent.size());
    assertEquals("text", sent.get(0).body().path("type").asText());
    String text = readable(sent);
    assertTrue(text.contains("I can only read text"), text);
    assertTrue(text.contains("0808 800 4040"), text);
    assertTrue(text.contains("999"), text);
  }

  @Test
  void aDeliveryReceiptIsAcknowledgedAndNotAnswered() {
    String number = WhatsAppHooks.newNumber();
    post(WhatsAppHooks.from("status-delivered.json", number)).statusCode(200);
    GraphApiStub.pause(1000);
    assertEquals(List.of(), GraphApiStub.sentTo(number));
  }

  @Test
  void aRedeliveredMessageIsAnsweredExactlyOnce() {
    String number = WhatsAppHooks.newNumber();
    ObjectNode body = WhatsAppHooks.text(number, "what is interferon");
    post(body).statusCode(200);
    post(body).statusCode(200);
    // Then a new message: one person's messages are handled in order, so once its answer
    // arrives, the redelivery has been dealt with.
    post(WhatsAppHooks.text(number, "thank you")).statusCode(200);
    List<Sent> sent = GraphApiStub.awaitSends(number, 2, PATIENCE);
    GraphApiStub.pause(500);
    sent = GraphApiStub.sentTo(number);
    List<String> texts = sent.stream().map(s -> readable(List.of(s))).toList();
    assertEquals(1, texts.stream().filter(t -> t.contains("ytokine")).count(), texts.toString());
    assertEquals(2, sent.size(), texts.toString());
  }

  @Test
  void anEmergencyIsAnsweredWith999() {
    String number = WhatsAppHooks.newNumber();
    List<Sent> sent = ask(WhatsAppHooks.text(number, "my dad has collapsed and hes not breathing"), number, 0);
    assertTrue(readable(sent).startsWith("Call 999 now"), readable(sent));
  }

  @Test
  void aWrongSignatureIsRefusedWith403AndNothingIsSent() {
    String number = WhatsAppHooks.newNumber();
    byte[] bytes = WhatsAppHooks.text(number, "hello").toString().getBytes(StandardCharsets.UTF_8);
    MetaRequests.post(PATH, bytes, MetaRequests.sign(MetaConfigured.WHATSAPP_SECRET + "x",
        bytes))
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
    // Signed, but not these bytes.
    byte[] other = WhatsAppHooks.text(number, "hello!").toString().getBytes(StandardCharsets.UTF_8);
    MetaRequests.post(PATH, bytes, MetaRequests.sign(MetaConfigured.WHATSAPP_SECRET, other))
        .statusCode(403);
    GraphApiStub.pause(1000);
    assertEquals(List.of(), GraphApiStub.sentTo(number));
  }

  @Test
  void aMissingSignatureIsRefusedWith401() {
    String number = WhatsAppHooks.newNumber();
    byte[] bytes = WhatsAppHooks.text(number, "hello").toString().getBytes(StandardCharsets.UTF_8);
    MetaRequests.post(PATH, bytes, null)
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void aFailingGraphApiIsRetriedThenRecordedWhileTheWebhookAnsweredAtOnce()
      throws SQLException, NoSuchAlgorithmException {
    String number = WhatsAppHooks.newNumber();
    GraphApiStub.failFor(number);
    ObjectNode body = WhatsAppHooks.text(number, "what is interferon");
    post(body).statusCode(200);
    // Three attempts (the first and two retries), then a recorded delivery failure.
    assertEquals(3, GraphApiStub.awaitSends(number, 3, PATIENCE).size());
    String key = messageKey(WhatsAppHooks.message(body).get("id").asText());
    List<String> failures = awaitFailures(key);
    assertEquals(1, failures.size(), failures.toString());
    assertTrue(failures.get(0).contains("HTTP 500"), failures.toString());
    GraphApiStub.pause(500);
    assertEquals(3, GraphApiStub.sentTo(number).size());
  }

  @Test
  void aHangingGraphApiNeverDelaysTheAcknowledgement()
      throws SQLException, NoSuchAlgorithmException {
    String number = WhatsAppHooks.newNumber();
    GraphApiStub.hangFor(number);
    ObjectNode body = WhatsAppHooks.text(number, "what is interferon");
    post(body).statusCode(200);
    // Acknowledged while the first send is still hanging (it times out after 5 s, then retries).
    String key = messageKey(WhatsAppHooks.message(body).get("id").asText());
    assertEquals(List.of(), MetaRequests.deliveryFailures(database, "whatsapp", key),
        "the ack did not wait for the send");
    assertEquals(1, GraphApiStub.awaitSends(number, 1, PATIENCE).size());
    List<String> failures = awaitFailures(key);
    assertEquals(List.of("timed out after retries"), failures);
  }

  private List<String> awaitFailures(String messageKey) throws SQLException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    List<String> failures = MetaRequests.deliveryFailures(database, "whatsapp", messageKey);
    while (failures.isEmpty() && System.nanoTime() < deadline) {
      GraphApiStub.pause(100);
      failures = MetaRequests.deliveryFailures(database, "whatsapp", messageKey);
    }
    return failures;
  }
}
