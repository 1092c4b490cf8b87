package org.helpline.channel.meta;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Posts recorded Meta webhook bodies signed as Meta signs them, computed here with
 * javax.crypto, independently of the production code.
 */
public final class MetaRequests {

  public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetaRequests() {
  }

  /** A recorded body from {@code channels/<platform>/}. */
  public static ObjectNode recorded(String platform, String name) {
    String resource = "/channels/" + platform + "/" + name;
    try (InputStream in = MetaRequests.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code sha256=} and the lower-case hex HMAC-SHA256 of the body keyed with the secret. */
  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      StringBuilder hex = new StringBuilder("sha256=");
      for (byte b : mac.doFinal(body)) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf,
            16));
      }
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts exactly these bytes with this signature header (none when null). */
  public static ValidatableResponse post(String path, byte[] body, String signature) {
    var request = given().contentType("application/json").body(body);
    if (signature != null) {
      request.header(SIGNATURE_HEADER, signature);
    }
    return request.when().post(path).then();
  }

  /** Posts the body signed with the secret. */
  public static ValidatableResponse postSigned(String path, ObjectNode body, String secret) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    return post(path, bytes, sign(secret, bytes));
  }

  /** The reasons recorded for undelivered replies to the turn of this message key. */
  public static List<String> deliveryFailures(DataSource database, String channel,
      String messageKey) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT d.reason FROM delivery_failure d"
            + " JOIN turn t ON t.conversation_id = d.conversation_id AND t.seq = d.seq"
            + " WHERE d.channel = ? AND t.message_key = ?")) {
      ps.setString(1, channel);
      ps.setString(2, messageKey);
      List<String> reasons = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reasons.add(rs.getString(1));
        }
      }
      return reasons;
    }
  }
}
