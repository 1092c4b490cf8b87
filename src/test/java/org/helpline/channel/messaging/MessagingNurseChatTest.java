package org.helpline.channel.messaging;

import static org.helpline.support.ChatApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.helpline.channel.meta.GraphApiStub;
import org.helpline.channel.meta.GraphApiStub.Sent;
import org.helpline.channel.meta.MetaConfigured;
import org.helpline.channel.meta.MetaRequests;
import org.helpline.channel.telegram.TelegramUpdates;
import org.helpline.channel.twilio.TwilioRequests;
import org.helpline.channel.whatsapp.WhatsAppHooks;
import org.helpline.support.OpenLine;
import org.helpline.support.SseClient;
import org.junit.jupiter.api.Test;

/**
 * A nurse chatting with people in their messaging apps, over real HTTP: signed webhooks in,
 * the platforms' send APIs out (a local stub that records each request and can fail or refuse),
 * the real content, model and embedded database, while the line is open ({@link OpenLine}).
 * What the person writes reaches the nurse and gets no bot answer; what the nurse writes, and
 * the chat's changes, reach the person through WhatsApp, Telegram or SMS; an outage delays a
 * message but loses none and keeps the order; a refusal tells the nurse; WhatsApp's 24-hour
 * window holds a late reply, sends the approved template, and sends the reply when the person
 * writes again.
 */
@QuarkusTest
@TestProfile(MessagingNurseChatTest.AppsOnOpenLine.class)
class MessagingNurseChatTest {

  static final String TELEGRAM_SECRET = "telegram-secret_0123456789abcdef";
  static final String TELEGRAM_BOT_TOKEN = "123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr";
  static final String TWILIO_TOKEN = "12345678901234567890123456789012";
  static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
  static final String TWILIO_URL = "https://helpline.example.org/webhooks/twilio";
  static final String OUR_NUMBER = "+441632960000";
  static final String TEMPLATE = "nurse_reply_waiting";

  private static final String HANDOFFS = "/api/v1/staff/handoffs";
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Every messaging app configured to send, against the stub, on an open line. */
  public static class AppsOnOpenLine extends OpenLine {

    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(super.getConfigOverrides());
      config.putAll(new MetaConfigured().getConfigOverrides());
      config.put("helpline.channels.whatsapp.reply-template", TEMPLATE);
      config.put("helpline.channels.telegram.secret-token", TELEGRAM_SECRET);
      config.put("helpline.channels.telegram.bot-token", TELEGRAM_BOT_TOKEN);
      config.put("helpline.channels.telegram.api-base-url", GraphApiStub.root());
      config.put("helpline.channels.twilio.auth-token", TWILIO_TOKEN);
      config.put("helpline.channels.twilio.webhook-url", TWILIO_URL);
      config.put("helpline.channels.twilio.account-sid", TWILIO_SID);
      config.put("helpline.channels.twilio.api-base-url", GraphApiStub.root());
      config.put("helpline.nurse-chat.outbox-sweep", "1s");
      config.put("helpline.nurse-chat.outbox-retry", "1s");
      config.put("helpline.nurse-chat.offer-message-after", "1h");
      return config;
    }
  }

  @TestHTTPResource("/")
  URL base;

  @Inject
  @DataSource("embedded")
  AgroalDataSource database;

  // --- WhatsApp ---

  private static void whatsapp(ObjectNode body) {
    MetaRequests.postSigned("/webhooks/whatsapp", body, MetaConfigured.WHATSAPP_SECRET)
        .statusCode(200);
  }

  /** Waits for a send to this recipient whose body has the wanted text, and answers it. */
  static Sent awaitSent(String recipient, Predicate<Sent> wanted) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (Sent s : GraphApiStub.sentTo(recipient)) {
        if (wanted.test(s)) {
          return s;
        }
      }
      GraphApiStub.pause(50);
    }
    throw new AssertionError("nothing wanted was sent to the recipient within " + WAIT + ": "
        + GraphApiStub.sentTo(recipient).stream().map(s -> s.body().toString()).toList());
  }

  static Predicate<Sent> says(String text) {
    return s -> s.body().toString().contains(text);
  }

  /** A WhatsApp person who asked for a nurse and tapped "Chat with a nurse"; their entry. */
  private String whatsappChatWaiting(String number) {
    whatsapp(WhatsAppHooks.text(number, "can i speak to a nurse please"));
    Sent offer = awaitSent(number, s -> s.body().path("type").asText().equals("interactive"));
    assertTrue(offer.body().toString().contains("\"id\":\"nurse_chat\""),
        "the handoff offers a chat here: " + offer.body());
    whatsapp(WhatsAppHooks.tap(number, "nurse_chat"));
    awaitSent(number, says("in the queue"));
    return waitingEntry("whatsapp");
  }

  @Test
  void aWhatsAppPersonAndANurseTalkBothWays() throws Exception {
    String number = WhatsAppHooks.newNumber();
    String handoff = whatsappChatWaiting(number);
    int sentBefore = GraphApiStub.sentTo(number).size();

    // What they write while waiting goes to the nurses, and the bot says nothing.
    whatsapp(WhatsAppHooks.text(number, "hello, is anyone there?"));
    GraphApiStub.pause(1500);
    assertEquals(sentBefore, GraphApiStub.sentTo(number).size(),
        "no bot answer to a message for the nurse");

    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    awaitSent(number, says("A nurse has joined the chat"));
    nurseWrites(handoff, "Hello, I'm one of the nurses. How can I help?");
    Sent said = awaitSent(number, says("How can I help"));
    assertEquals("Nurse: Hello, I'm one of the nurses. How can I help?",
        said.body().path("text").path("body").asText());
    assertEquals("/v21.0/" + WhatsAppHooks.BUSINESS_NUMBER_ID + "/messages", said.path());

    whatsapp(WhatsAppHooks.text(number, "my dad starts immunotherapy on monday"));
    as("nurse").when().get(HANDOFFS + "/" + handoff + "/transcript").then().statusCode(200)
        .body("chat.text", hasItem(containsString("is anyone there")))
        .body("chat.text", hasItem(containsString("starts immunotherapy on monday")))
        .body("chat.text", hasItem(containsString("How can I help")));

    as("nurse").when().post(HANDOFFS + "/" + handoff + "/return").then().statusCode(200);
    awaitSent(number, says("passed you back to me"));
    // Back with the bot: a question gets a content answer again.
    whatsapp(WhatsAppHooks.text(number, "what are checkpoint inhibitors"));
    awaitSent(number, says("Checkpoint inhibitors"));
    // Nothing left to send: the closed entry forgets how to reach them.
    awaitAddressForgotten(handoff);
  }

  /**
   * A WhatsApp chat a nurse has claimed, whose person last wrote 25 hours ago: WhatsApp
   * accepts only a template now. Answers the handoff.
   */
  private String whatsappChatPastTheWindow(String number) throws SQLException {
    String handoff = whatsappChatWaiting(number);
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    awaitSent(number, says("A nurse has joined the chat"));
    ageTurns(conversationOf(handoff), Duration.ofHours(25));
    return handoff;
  }

  @Test
  void aLateWhatsAppReplyWaitsForThePersonAndTheyAreToldOneIsWaiting() throws Exception {
    String number = WhatsAppHooks.newNumber();
    String handoff = whatsappChatPastTheWindow(number);

    try (SseClient nurse = nurseStream(handoff)) {
      nurseWrites(handoff, "Sorry for the wait. Are you still there?");
      Sent template = awaitSent(number, s -> s.body().path("type").asText().equals("template"));
      assertEquals(TEMPLATE, template.body().path("template").path("name").asText());
      assertEquals("en_GB", template.body().path("template").path("language").path("code")
          .asText());
      nurse.next(e -> "alert".equals(e.name()) && e.data().contains("24 hours")
          && e.data().contains("notice that a reply is waiting"), WAIT);
      assertTrue(GraphApiStub.sentTo(number).stream().noneMatch(says("Are you still there")),
          "the free-text reply is held, not sent");

      // They answer the template: the reply follows.
      whatsapp(WhatsAppHooks.text(number, "yes I'm here"));
      awaitSent(number, says("Nurse: Sorry for the wait. Are you still there?"));
    }
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/return").then().statusCode(200);
  }

  @Test
  void aLateWhatsAppReplyToAClosedChatStillGoesOutWhenThePersonWritesAgain() throws Exception {
    String number = WhatsAppHooks.newNumber();
    String handoff = whatsappChatPastTheWindow(number);
    nurseWrites(handoff, "Here is the leaflet we talked about: ask your team for it.");
    awaitSent(number, s -> s.body().path("type").asText().equals("template"));
    // The nurse answers and closes, as the guide says; the person writes days later, long
    // after the conversation's idle time, so their message starts a new conversation.
    as("nurse").contentType(ContentType.JSON).body(Map.of("outcome", "answered"))
        .when().post(HANDOFFS + "/" + handoff + "/close").then().statusCode(200);
    whatsapp(WhatsAppHooks.text(number, "hello, you said you had replied?"));
    awaitSent(number, says("Nurse: Here is the leaflet we talked about"));
  }

  @Test
  void anAppConversationHasNoPublicStream() throws Exception {
    String handoff = whatsappChatWaiting(WhatsAppHooks.newNumber());
    try (SseClient stream = SseClient.open(base + "api/v1/chat/" + conversationOf(handoff)
        + "/events", null, null)) {
      assertEquals(404, stream.status(), "its id opens nothing for the public");
    }
    try (SseClient nurse = nurseStream(handoff)) {
      assertEquals(200, nurse.status());
    }
  }

  @Test
  void aWhatsAppRefusalTellsTheNurseTheMessageWasNotSeen() throws Exception {
    String number = WhatsAppHooks.newNumber();
    String handoff = whatsappChatWaiting(number);
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    awaitSent(number, says("A nurse has joined the chat"));
    GraphApiStub.refuseFor(number);
    try (SseClient nurse = nurseStream(handoff)) {
      nurseWrites(handoff, "Can I ask how you are feeling today?");
      nurse.next(e -> "alert".equals(e.name()) && e.data().contains("could not be sent")
          && e.data().contains("HTTP 400"), WAIT);
    } finally {
      GraphApiStub.release(number);
    }
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/return").then().statusCode(200);
  }

  // --- Telegram ---

  @Test
  void aTelegramChatSurvivesAnOutageWithEveryMessageDeliveredInOrder() throws Exception {
    long user = TelegramUpdates.newUserId();
    String chat = Long.toString(user);
    TelegramUpdates.post(TelegramUpdates.text(user, "can i speak to a nurse please"),
        TELEGRAM_SECRET).statusCode(200)
        .body("reply_markup.inline_keyboard.flatten().callback_data", hasItem("nurse_chat"));
    TelegramUpdates.post(TelegramUpdates.tap(user, "nurse_chat"), TELEGRAM_SECRET)
        .statusCode(200).body("text", containsString("in the queue"));
    String handoff = waitingEntry("telegram");
    // While waiting, their message goes to the nurse: the webhook answers nothing.
    TelegramUpdates.post(TelegramUpdates.text(user, "are you there?"), TELEGRAM_SECRET)
        .statusCode(200).body(equalTo("{}"));

    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    Sent joined = awaitSent(chat, says("A nurse has joined the chat"));
    assertEquals("/bot" + TELEGRAM_BOT_TOKEN + "/sendMessage", joined.path());

    GraphApiStub.failFor(chat);
    nurseWrites(handoff, "First: I'm here.");
    nurseWrites(handoff, "Second: take your time.");
    GraphApiStub.pause(2500);
    assertEquals(List.of("A nurse has joined the chat. You can write to them here."),
        delivered(chat), "nothing more got through while Telegram failed");
    assertTrue(GraphApiStub.sentTo(chat).stream().anyMatch(says("First")),
        "the first message was tried");
    GraphApiStub.release(chat);
    awaitSent(chat, says("Second: take your time.").and(Sent::delivered));
    GraphApiStub.pause(500);
    assertEquals(List.of("A nurse has joined the chat. You can write to them here.",
        "Nurse: First: I'm here.", "Nurse: Second: take your time."), delivered(chat),
        "every message once, in order");
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/return").then().statusCode(200);
  }

  // --- SMS (Twilio) ---

  static XmlPath sms(String from, String text) {
    Map<String, String> params = TwilioRequests.sms(from, text);
    params.put("To", OUR_NUMBER);
    String xml = TwilioRequests.post(params, TwilioRequests.sign(TWILIO_TOKEN, TWILIO_URL,
        params)).statusCode(200).extract().asString();
    return new XmlPath(xml);
  }

  @Test
  void anSmsPersonGetsTheNursesMessagesFromTheNumberTheyWroteTo() {
    String number = TwilioRequests.newNumber();
    String offer = String.join("\n", sms(number, "can i speak to a nurse please")
        .getList("Response.Message", String.class));
    assertTrue(offer.contains("1. Chat with a nurse"), offer);
    assertTrue(sms(number, "1").getString("Response").contains("in the queue"),
        "tapping 1 joins the queue");
    String handoff = waitingEntry("twilio");
    assertEquals("", sms(number, "thank you").getString("Response"),
        "a message for the nurse gets no bot answer");

    as("nurse").when().post(HANDOFFS + "/" + handoff + "/claim").then().statusCode(200);
    nurseWrites(handoff, "Hello from the nurses.");
    Sent said = awaitSent(number, says("Hello from the nurses."));
    assertEquals("/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json", said.path());
    assertEquals(OUR_NUMBER, said.body().path("From").asText());
    assertEquals("Nurse: Hello from the nurses.", said.body().path("Body").asText());
    assertEquals("Basic " + Base64.getEncoder().encodeToString((TWILIO_SID + ":"
        + TWILIO_TOKEN).getBytes(StandardCharsets.UTF_8)), said.authorization());
    as("nurse").when().post(HANDOFFS + "/" + handoff + "/return").then().statusCode(200);
  }

  // --- helpers ---

  /** The texts the platform took from us for this Telegram chat, in order. */
  private static List<String> delivered(String chat) {
    return GraphApiStub.sentTo(chat).stream().filter(Sent::delivered)
        .map(s -> s.body().path("text").asText()).toList();
  }

  /** The one chat of this channel waiting for a nurse. */
  static String waitingEntry(String channel) {
    List<Map<String, Object>> entries = as("nurse").when().get(HANDOFFS).then()
        .statusCode(200).extract().jsonPath().getList("$");
    List<String> waiting = entries.stream()
        .filter(e -> channel.equals(e.get("channel")) && "chat".equals(e.get("mode"))
            && "waiting".equals(e.get("chatStatus")))
        .map(e -> (String) e.get("id")).toList();
    assertEquals(1, waiting.size(), "one " + channel + " chat waiting: " + entries);
    return waiting.get(0);
  }

  private static void nurseWrites(String handoff, String text) {
    as("nurse").contentType(ContentType.JSON).body(Map.of("text", text)).when()
        .post(HANDOFFS + "/" + handoff + "/messages").then().statusCode(201);
  }

  private SseClient nurseStream(String handoff) {
    return SseClient.open(base + "api/v1/staff/handoffs/" + handoff + "/events", null,
        "nurse:nurse-test-pw");
  }

  private static String conversationOf(String handoff) {
    List<Map<String, Object>> entries = as("nurse").when().get(HANDOFFS).then()
        .statusCode(200).extract().jsonPath().getList("$");
    return entries.stream().filter(e -> handoff.equals(e.get("id")))
        .map(e -> (String) e.get("conversationId")).findFirst().orElseThrow();
  }

  /** Moves the conversation's turns into the past, as if the person wrote long ago. */
  /** The person's last message, and the conversation's last activity, {@code by} earlier. */
  private void ageTurns(String conversationId, Duration by) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement turns = c.prepareStatement("UPDATE turn SET created_at ="
            + " DATEADD('SECOND', ?, created_at) WHERE conversation_id = ?");
        PreparedStatement conversation = c.prepareStatement("UPDATE conversation SET"
            + " last_activity = DATEADD('SECOND', ?, last_activity) WHERE id = ?")) {
      for (PreparedStatement ps : List.of(turns, conversation)) {
        ps.setLong(1, -by.toSeconds());
        ps.setString(2, conversationId);
        assertTrue(ps.executeUpdate() > 0);
      }
    }
  }

  private void awaitAddressForgotten(String handoff) throws SQLException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String address = "";
    while (System.nanoTime() < deadline) {
      try (Connection c = database.getConnection();
          PreparedStatement ps = c.prepareStatement(
              "SELECT reply_to FROM handoff WHERE id = ?")) {
        ps.setString(1, handoff);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          address = rs.getString(1);
        }
      }
      if (address == null) {
        return;
      }
      GraphApiStub.pause(100);
    }
    assertNull(address, "the closed entry still keeps the person's address");
  }
}
