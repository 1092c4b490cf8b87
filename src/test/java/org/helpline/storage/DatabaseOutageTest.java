package org.helpline.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpline.support.CuttableTcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A real PostgreSQL outage in the middle of a conversation, without root: the application
 * reaches PostgreSQL through a proxy that the test cuts (every connection closed, new ones
 * refused) and restores. While it is cut, the chat still escalates emergencies and gives the
 * helpline number (never a 500) and readiness is DOWN; once restored, readiness is UP and the
 * same conversation continues, stored, without a restart. Runs when HELPLINE_TEST_POSTGRES_URL
 * is set (.ci/run sets it).
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughProxy.class)
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
class DatabaseOutageTest {

  private static final String SCHEMA = "helpline_outage";
  private static final String PROXY = "org.helpline.test.outage-proxy";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** The PostgreSQL datasource, through the proxy, on a schema of its own. */
  public static class ThroughProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      String url = System.getenv(TestDatabases.POSTGRES_URL_ENV);
      if (url == null) {
        return Map.of();
      }
      URI server = URI.create(url.substring("jdbc:".length()));
      String query = server.getRawQuery() == null ? "" : server.getRawQuery() + "&";
      String proxied = "jdbc:postgresql://127.0.0.1:" + proxy() + server.getPath()
          + "?" + query + "currentSchema=" + SCHEMA;
      return Map.ofEntries(
          Map.entry("quarkus.datasource.embedded.active", "false"),
          Map.entry("quarkus.datasource.postgresql.active", "true"),
          Map.entry("quarkus.datasource.postgresql.jdbc.url", proxied),
          Map.entry("quarkus.datasource.postgresql.username", user(url)),
          Map.entry("quarkus.flyway.postgresql.schemas", SCHEMA),
          Map.entry("quarkus.flyway.postgresql.clean-disabled", "false"),
          Map.entry("quarkus.flyway.postgresql.clean-at-start", "true"),
          // Faster than production (application.properties explains those values), so the
          // test notices the outage and the recovery within seconds.
          Map.entry("quarkus.datasource.postgresql.jdbc.acquisition-timeout", "2S"),
          Map.entry("quarkus.datasource.postgresql.jdbc.login-timeout", "1S"),
          Map.entry("quarkus.datasource.postgresql.jdbc.background-validation-interval", "1S"),
          Map.entry("quarkus.datasource.postgresql.jdbc.foreground-validation-interval", "1S"));
    }
  }

  private static String user(String url) {
    for (String part : URI.create(url.substring("jdbc:".length())).getQuery().split("&")) {
      if (part.startsWith("user=")) {
        return part.substring("user=".length());
      }
    }
    return System.getProperty("user.name");
  }

  /** The proxy between the application and PostgreSQL, shared with the profile. */
  private static int proxy() {
    URI server = URI.create(System.getenv(TestDatabases.POSTGRES_URL_ENV)
        .substring("jdbc:".length()));
    return CuttableTcpProxy.shared(PROXY, server.getHost(),
        server.getPort() < 0 ? 5432 : server.getPort());
  }

  private static JsonPath say(String conversationId, String text) {
    String body = conversationId == null ? "{\"text\":\"" + text + "\"}"
        : "{\"conversationId\":\"" + conversationId + "\",\"text\":\"" + text + "\"}";
    return given().contentType("application/json").body(body)
        .when().post("/api/v1/chat")
        .then().statusCode(200).extract().jsonPath();
  }

  private static int readiness() {
    return given().when().get("/q/health/ready").then().extract().statusCode();
  }

  private static void awaitReadiness(int status) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (readiness() != status && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(status, readiness(), "readiness");
  }

  /** The stored turns of a conversation, read directly from PostgreSQL (not through the proxy). */
  private static List<String> storedIntents(String conversationId) throws SQLException {
    String url = System.getenv(TestDatabases.POSTGRES_URL_ENV);
    try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
        + "currentSchema=" + SCHEMA);
        PreparedStatement ps = c.prepareStatement(
            "SELECT seq, intent FROM turn WHERE conversation_id = ? ORDER BY seq")) {
      ps.setString(1, conversationId);
      List<String> intents = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          assertEquals(intents.size() + 1, rs.getInt(1), "turns numbered 1, 2, 3...");
          intents.add(rs.getString(2));
        }
      }
      return intents;
    }
  }

  @Test
  void anOutageKeepsPeopleSafeAndTheConversationContinuesAfterwards() throws Exception {
    awaitReadiness(200);
    JsonPath first = say(null, "what are checkpoint inhibitors");
    String id = first.getString("conversationId");
    assertEquals(1, first.getInt("turn"));
    assertEquals("checkpoint_inhibitors", first.getString("intent"));
    assertEquals(List.of("checkpoint_inhibitors"), storedIntents(id));

    CuttableTcpProxy.cut(PROXY);
    try {
      // An emergency escalates, at once and every time.
      for (int i = 0; i < 3; i++) {
        given().contentType("application/json")
            .body("{\"conversationId\":\"" + id + "\",\"text\":\"my wife has collapsed and is"
                + " not breathing\"}")
            .when().post("/api/v1/chat")
            .then().statusCode(200).body("action", equalTo("escalate"))
            .body("replies[0].text", containsString("999"));
      }
      // Asking for a person gives the helpline number; a question is still answered.
      given().contentType("application/json").body("{\"text\":\"i need a nurse\"}")
          .when().post("/api/v1/chat")
          .then().statusCode(200).body("action", equalTo("handoff"))
          .body("handoff.phone", equalTo("0808 800 4040"));
      JsonPath during = say(id, "what is immunotherapy");
      assertEquals("immunotherapy_what_is", during.getString("intent"));
      assertEquals(0, during.getInt("turn"), "nothing could be stored");
      awaitReadiness(503);
    } finally {
      CuttableTcpProxy.restore(PROXY);
    }

    awaitReadiness(200);
    JsonPath after = say(id, "what about side effects?");
    assertEquals(id, after.getString("conversationId"), "the same conversation continues");
    assertEquals(2, after.getInt("turn"));
    assertEquals("immunotherapy_side_effects", after.getString("intent"));
    assertEquals(List.of("checkpoint_inhibitors", "immunotherapy_side_effects"),
        storedIntents(id));
  }
}
