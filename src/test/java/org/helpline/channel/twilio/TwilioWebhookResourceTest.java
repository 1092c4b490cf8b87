package org.helpline.channel.twilio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.xml.XmlPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Twilio's webhook over real HTTP with the real bot: requests signed by Twilio's own SDK over
 * the configured public URL, answered with TwiML a phone can show.
 */
@QuarkusTest
@TestProfile(TwilioWebhookResourceTest.TwilioConfigured.class)
class TwilioWebhookResourceTest {

  static final String TOKEN = "12345678901234567890123456789012";
  static final String PUBLIC_URL = "https://helpline.example.org/webhooks/twilio";

  /** Twilio enabled: an auth token and the public URL registered with Twilio. */
  public static class TwilioConfigured implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("helpline.channels.twilio.auth-token", TOKEN,
          "helpline.channels.twilio.webhook-url", PUBLIC_URL);
    }
  }

  @TestHTTPResource("/webhooks/twilio")
  URL ownUrl;

  @Inject
  @DataSource("embedded")
  AgroalDataSource database;

  private static String sign(Map<String, String> params) {
    return TwilioRequests.sign(TOKEN, PUBLIC_URL, params);
  }

  private static XmlPath send(Map<String, String> params) {
    String xml = TwilioRequests.post(params, sign(params))
        .statusCode(200)
        .contentType(startsWith("text/xml"))
        .extract().asString();
    return XmlPath.from(xml);
  }

  /** The texts of the reply's messages, in order. */
  private static List<String> messages(XmlPath twiml) {
    return twiml.getList("Response.Message", String.class);
  }

  private static String text(XmlPath twiml) {
    return String.join("\n\n", messages(twiml));
  }

  @Test
  void aTextMessageIsAnsweredWithCuratedContentAndNumberedQuickReplies() {
    Map<String, String> params = TwilioRequests.recorded("inbound-sms.form");
    params.put("From", TwilioRequests.newNumber());
    String reply = text(send(params));
    assertTrue(reply.contains("Checkpoint inhibitors are a common type of immunotherapy"),
        reply);
    assertTrue(reply.contains("0808 800 4040"), reply);
    assertTrue(reply.contains("Types of cancer immunotherapy: https://"), reply);
    assertTrue(reply.contains("Reply with a number:\n1. Side effects"), reply);
  }

  @Test
  void aNumberAfterAnAnswerPicksThatQuickReply() {
    String from = TwilioRequests.newNumber();
    send(TwilioRequests.sms(from, "what are checkpoint inhibitors"));
    String reply = text(send(TwilioRequests.sms(from, "1")));
    // Option 1 was "Side effects", answered for checkpoint inhibitors (the topic in context).
    assertTrue(reply.contains("Checkpoint inhibitors take the brakes off your immune system"),
        reply);
  }

  @Test
  void aTappedWhatsAppButtonIsAnswered() {
    Map<String, String> params = TwilioRequests.recorded("inbound-whatsapp-button.form");
    params.put("From", "whatsapp:" + TwilioRequests.newNumber());
    params.put("MessageSid", TwilioRequests.newSid("SM"));
    String reply = text(send(params));
    assertTrue(reply.contains("Immunotherapy uses your immune system"), reply);
    assertTrue(reply.contains("999"), reply);
  }

  @Test
  void aPictureWithoutTextGetsAKindTextOnlyReply() {
    Map<String, String> params = TwilioRequests.recorded("inbound-mms-image.form");
    params.put("From", TwilioRequests.newNumber());
    String reply = text(send(params));
    assertTrue(reply.contains("I can only read text"), reply);
    assertTrue(reply.contains("0808 800 4040"), reply);
    assertTrue(reply.contains("999"), reply);
  }

  @Test
  void aDeliveryStatusCallbackGetsAnEmptyResponse() {
    Map<String, String> params = TwilioRequests.recorded("status-delivered.form");
    TwilioRequests.post(params, sign(params))
        .statusCode(200)
        .contentType(startsWith("text/xml"))
        .body(containsString("<Response/>"))
        .body(not(containsString("<Message>")));
  }

  @Test
  void anEmergencyEscalatesWith999InTheText() {
    String reply = text(send(TwilioRequests.sms(TwilioRequests.newNumber(),
        "my dad has collapsed and hes not breathing")));
    assertTrue(reply.startsWith("Call 999 now"), reply);
  }

  @Test
  void aRetriedDeliveryGetsTheFirstReplyAndIsStoredOnce() throws SQLException {
    Map<String, String> params = TwilioRequests.sms(TwilioRequests.newNumber(),
        "what is interferon");
    String signature = sign(params);
    String first = TwilioRequests.post(params, signature).statusCode(200).extract().asString();
    String again = TwilioRequests.post(params, signature).statusCode(200).extract().asString();
    assertEquals(first, again);
    assertTrue(first.contains("nterferon"), first);
    assertEquals(1, turnsStored("twilio:" + params.get("MessageSid")));
  }

  @Test
  void aWrongSignatureIsRefusedWith403() {
    Map<String, String> params = TwilioRequests.sms(TwilioRequests.newNumber(), "hello");
    String wrongKey = TwilioRequests.sign("00000000000000000000000000000000", PUBLIC_URL,
        params);
    TwilioRequests.post(params, wrongKey)
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
  }

  @Test
  void aMissingSignatureIsRefusedWith403() {
    TwilioRequests.post(TwilioRequests.sms(TwilioRequests.newNumber(), "hello"), null)
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void aSignatureOverTheRequestsOwnHostIsRefused() {
    // Only the configured public URL counts: a caller cannot choose the URL that is signed.
    Map<String, String> params = TwilioRequests.sms(TwilioRequests.newNumber(), "hello");
    TwilioRequests.post(params, TwilioRequests.sign(TOKEN, ownUrl.toString(), params))
        .statusCode(403);
  }

  @Test
  void aForgedMessageIsRefusedBeforeItIsActedOn() throws SQLException {
    String from = TwilioRequests.newNumber();
    Map<String, String> genuine = TwilioRequests.sms(from, "what are checkpoint inhibitors");
    Map<String, String> forged = new LinkedHashMap<>(genuine);
    forged.put("Body", "can i speak to a real nurse please");
    // Twilio's signature for the genuine body does not cover a changed body.
    TwilioRequests.post(forged, sign(genuine)).statusCode(403);
    assertEquals(0, turnsStored("twilio:" + genuine.get("MessageSid")));
    // Had the forgery been processed, its message id would now replay the forged reply.
    String reply = text(send(genuine));
    assertTrue(reply.contains("Checkpoint inhibitors are a common type"), reply);
  }

  @Test
  void anOverlongTextGetsAKindReplyNotAnError() {
    String reply = text(send(TwilioRequests.sms(TwilioRequests.newNumber(),
        "please help ".repeat(150))));
    assertTrue(reply.contains("could not read that message"), reply);
    assertTrue(reply.contains("0808 800 4040"), reply);
  }

  @Test
  void aTextWithSymbolsAndAccentsIsVerifiedAndAnswered() {
    String reply = text(send(TwilioRequests.sms(TwilioRequests.newNumber(),
        "what are checkpoint inhibitors & <pd-1> drugs? café")));
    assertTrue(reply.contains("Checkpoint inhibitors"), reply);
  }

  @Test
  void otherContentTypesAreRefused() {
    given().contentType("application/json").body("{}")
        .header("X-Twilio-Signature", "x")
        .when().post(TwilioRequests.PATH).then()
        .statusCode(415);
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
