package org.helpline.conversation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.helpline.channel.telegram.TelegramUpdates;
import org.junit.jupiter.api.Test;

/**
 * A flood is slowed with 429 and Retry-After (or a kind pause message on messaging apps), but
 * an emergency always gets through. Real HTTP, real bot, low limits.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

  static final String SECRET = "rate-limit-telegram-secret-0123456789";

  /** Three messages a minute per conversation and per sender, eight per address. */
  public static class LowLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("helpline.rate-limit.per-conversation", "3",
          "helpline.rate-limit.per-client-address", "8",
          "helpline.rate-limit.per-sender", "3",
          "helpline.channels.telegram.secret-token", SECRET);
    }
  }

  private static ValidatableResponse chat(String conversationId, String text) {
    Map<String, String> body = conversationId == null ? Map.of("text", text)
        : Map.of("conversationId", conversationId, "text", text);
    return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/chat").then();
  }

  @Test
  void aFloodIsSlowedButAnEmergencyAlwaysGetsThrough() {
    // One conversation: the first message starts it, then two more fit in its bucket.
    String id = chat(null, "what is immunotherapy").statusCode(200)
        .extract().path("conversationId");
    chat(id, "what are checkpoint inhibitors").statusCode(200);
    chat(id, "what about side effects").statusCode(200);
    chat(id, "what is car t").statusCode(200);
    String retryAfter = chat(id, "what are cytokines")
        .statusCode(429)
        .contentType("application/problem+json")
        .body("status", equalTo(429))
        .body("detail", containsString("0808 800 4040"))
        .extract().header("Retry-After");
    assertTrue(Integer.parseInt(retryAfter) >= 1, retryAfter);

    // Over the limit, a person in crisis is still answered with the numbers.
    chat(id, "my dad has collapsed and isnt breathing")
        .statusCode(200)
        .body("action", equalTo("escalate"))
        .body("replies.text", hasItem(containsString("999")));
    chat(id, "i want to end my life")
        .statusCode(200)
        .body("action", equalTo("escalate"))
        .body("escalation.type", equalTo("self_harm"));

    // New conversations from the same address: the address's bucket (8) runs out too.
    int answered = 0;
    int refused = 0;
    for (int i = 0; i < 6; i++) {
      int status = chat(null, "what is a vaccine").extract().statusCode();
      answered += status == 200 ? 1 : 0;
      refused += status == 429 ? 1 : 0;
    }
    assertTrue(refused >= 1 && answered + refused == 6,
        "answered " + answered + ", refused " + refused);
    chat(null, "im having chest pains right now").statusCode(200)
        .body("action", equalTo("escalate"));
  }

  @Test
  void aMessagingSenderGetsAKindPauseInsteadOfAnError() {
    long user = TelegramUpdates.newUserId();
    for (int i = 0; i < 3; i++) {
      TelegramUpdates.post(TelegramUpdates.text(user, "what is immunotherapy"), SECRET)
          .statusCode(200).body("text", startsWith("Immunotherapy"));
    }
    TelegramUpdates.post(TelegramUpdates.text(user, "what are cytokines"), SECRET)
        .statusCode(200)
        .body("method", equalTo("sendMessage"))
        .body("text", containsString("wait a minute"))
        .body("text", containsString("0808 800 4040"))
        .body("text", containsString("999"));
    TelegramUpdates.post(TelegramUpdates.text(user, "i cant breathe"), SECRET)
        .statusCode(200)
        .body("text", containsString("999"))
        .body("text", not(containsString("wait a minute")));
  }
}
