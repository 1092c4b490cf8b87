package org.helpline.channel.telegram;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;

/** Builds Telegram updates from the recorded ones, with fresh ids, and posts them. */
public final class TelegramUpdates {

  static final String PATH = "/webhooks/telegram";
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TelegramUpdates() {
  }

  /** A recorded update from {@code channels/telegram/}. */
  static ObjectNode recorded(String name) {
    String resource = "/channels/telegram/" + name;
    try (InputStream in = TelegramUpdates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh update id; Telegram's are unique per bot. */
  static long newUpdateId() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
  }

  /** A fresh user id, which is also the id of the private chat with that user. */
  public static long newUserId() {
    return ThreadLocalRandom.current().nextLong(5_000_000_000L, 7_000_000_000L);
  }

  /** The recorded text message, from this user, saying this. */
  public static ObjectNode text(long userId, String text) {
    ObjectNode update = recorded("text-message.json");
    update.put("update_id", newUpdateId());
    ObjectNode message = (ObjectNode) update.get("message");
    ((ObjectNode) message.get("from")).put("id", userId);
    ((ObjectNode) message.get("chat")).put("id", userId);
    message.put("text", text);
    return update;
  }

  /** The recorded button tap, by this user in their private chat, with this callback data. */
  public static ObjectNode tap(long userId, String data) {
    ObjectNode update = recorded("callback-query.json");
    update.put("update_id", newUpdateId());
    ObjectNode query = (ObjectNode) update.get("callback_query");
    ((ObjectNode) query.get("from")).put("id", userId);
    ((ObjectNode) query.get("message").get("chat")).put("id", userId);
    query.put("data", data);
    return update;
  }

  /** Posts an update with the given secret header (none when null). */
  public static ValidatableResponse post(Object update, String secret) {
    var request = given().contentType(ContentType.JSON).body(update.toString());
    if (secret != null) {
      request.header(SECRET_HEADER, secret);
    }
    return request.when().post(PATH).then();
  }
}
