package org.helpline.channel.telegram;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Telegram's webhook over real HTTP with the real bot: updates as Telegram posts them, answered
 * with the sendMessage call Telegram makes on our behalf.
 */
@QuarkusTest
@TestProfile(TelegramWebhookResourceTest.TelegramConfigured.class)
class TelegramWebhookResourceTest {

  static final String SECRET = "t3legram-Secret_token-0123456789";

  /** Telegram enabled: the secret_token given to setWebhook. */
  public static class TelegramConfigured implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("helpline.channels.telegram.secret-token", SECRET);
    }
  }

  @Inject
  @DataSource("embedded")
  AgroalDataSource database;

  private static ValidatableResponse send(Object update) {
    return TelegramUpdates.post(update, SECRET).statusCode(200).contentType(ContentType.JSON);
  }

  @Test
  void aTextMessageIsAnsweredWithCuratedContentAndInlineButtons() {
    ObjectNode update = TelegramUpdates.recorded("text-message.json");
    send(update)
        .body("method", equalTo("sendMessage"))
        .body("chat_id", equalTo(5512349876L))
        .body("text", startsWith("Checkpoint inhibitors are a common type of immunotherapy"))
        .body("text", containsString("0808 800 4040"))
        .body("text", containsString("Types of cancer immunotherapy: https://"))
        .body("text", not(containsString("Reply with a number")))
        .body("text.length()", lessThanOrEqualTo(4096))
        .body("reply_markup.inline_keyboard[0][0].text", equalTo("Side effects"))
        .body("reply_markup.inline_keyboard[0][0].callback_data",
            equalTo("immunotherapy_side_effects"))
        .body("reply_markup.inline_keyboard.flatten().callback_data", hasItem("talk_to_nurse"));
  }

  @Test
  void aTappedButtonIsAnsweredInTheChatOfItsMessage() {
    long user = TelegramUpdates.newUserId();
    send(TelegramUpdates.text(user, "what are checkpoint inhibitors"));
    send(TelegramUpdates.tap(user, "immunotherapy_side_effects"))
        .body("method", equalTo("sendMessage"))
        .body("chat_id", equalTo(user))
        // Side effects of checkpoint inhibitors: the topic of the conversation.
        .body("text", containsString("Checkpoint inhibitors take the brakes off"))
        .body("text", containsString("999"));
  }

  @Test
  void aButtonFromAnOldMessageThatNoLongerExistsGetsAKindReply() {
    long user = TelegramUpdates.newUserId();
    send(TelegramUpdates.tap(user, "retired_intent"))
        .body("chat_id", equalTo(user))
        .body("text", containsString("could not read that message"))
        .body("text", containsString("0808 800 4040"));
  }

  @Test
  void aPhotoGetsAPoliteTextOnlyReply() {
    send(TelegramUpdates.recorded("photo-message.json"))
        .body("method", equalTo("sendMessage"))
        .body("chat_id", equalTo(5512349876L))
        .body("text", containsString("I can only read text"))
        .body("text", containsString("0808 800 4040"))
        .body("reply_markup", nullValue());
  }

  @Test
  void updatesTheBotDoesNotAnswerGetAnEmptyObject() {
    for (String name : new String[] {"edited-message.json", "my-chat-member.json"}) {
      String body = send(TelegramUpdates.recorded(name)).extract().asString();
      assertEquals("{}", body, name);
    }
  }

  @Test
  void theStartButtonIsGreeted() {
    send(TelegramUpdates.text(TelegramUpdates.newUserId(), "/start"))
        .body("text", startsWith("Hello, and welcome"));
  }

  @Test
  void anEmergencyEscalatesWith999InTheText() {
    send(TelegramUpdates.text(TelegramUpdates.newUserId(),
        "my dad has collapsed and hes not breathing"))
        .body("text", startsWith("Call 999 now"));
  }

  @Test
  void aRedeliveredUpdateGetsTheFirstReplyAndIsStoredOnce() throws SQLException {
    ObjectNode update = TelegramUpdates.text(TelegramUpdates.newUserId(), "what is interferon");
    String first = send(update).extract().asString();
    String again = send(update).extract().asString();
    assertEquals(first, again);
    assertEquals(1, turnsStored("telegram:update-" + update.get("update_id").asLong()));
  }

  @Test
  void anOverlongTextGetsAKindReplyNotAnError() {
    send(TelegramUpdates.text(TelegramUpdates.newUserId(), "please help ".repeat(150)))
        .body("text", containsString("could not read that message"));
  }

  @Test
  void aWrongSecretIsRefusedWith403AndNotActedOn() throws SQLException {
    ObjectNode update = TelegramUpdates.text(TelegramUpdates.newUserId(), "hello");
    TelegramUpdates.post(update, SECRET + "x")
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
    assertEquals(0, turnsStored("telegram:update-" + update.get("update_id").asLong()));
  }

  @Test
  void aMissingSecretIsRefusedWith403() {
    TelegramUpdates.post(TelegramUpdates.text(TelegramUpdates.newUserId(), "hello"), null)
        .statusCode(403)
        .contentType("application/problem+json");
  }

  private int turnsStored(String messageKey) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT COUNT(*) FROM turn WHERE message_key = ?")) {
      ps.setString(1, messageKey);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
