package org.helpline.storage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.helpline.staff.editor.ContentReloader;
import org.helpline.staff.editor.LiveContentDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The application on PostgreSQL shares what would otherwise stay in one instance: its rate
 * limits are rows every instance counts against (client addresses hashed), and a reload
 * signalled by another instance switches its content. Runs when HELPLINE_TEST_POSTGRES_URL is
 * set, on a schema of its own.
 */
@QuarkusTest
@TestProfile(SharedOverPostgresTest.OnPostgres.class)
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
class SharedOverPostgresTest {

  private static final String SCHEMA = "helpline_shared_test";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String OLD_TEXT = "Cytokines are proteins that your body makes naturally.";
  private static final String NEW_TEXT = "Cytokines are natural proteins made by your body.";

  /** PostgreSQL on a schema of its own, and a content directory of its own. */
  public static class OnPostgres implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      String url = System.getenv(TestDatabases.POSTGRES_URL_ENV);
      if (url == null) {
        return Map.of();
      }
      return Map.ofEntries(
          Map.entry("quarkus.datasource.embedded.active", "false"),
          Map.entry("quarkus.datasource.postgresql.active", "true"),
          Map.entry("quarkus.datasource.postgresql.jdbc.url", url
              + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA),
          Map.entry("quarkus.datasource.postgresql.username", user(url)),
          Map.entry("quarkus.flyway.postgresql.schemas", SCHEMA),
          Map.entry("quarkus.flyway.postgresql.clean-disabled", "false"),
          Map.entry("quarkus.flyway.postgresql.clean-at-start", "true"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(LiveContentDirectory.class));
    }
  }

  @ConfigProperty(name = "helpline.content.dir")
  Path contentDir;

  private static String user(String url) {
    String query = URI.create(url.substring("jdbc:".length())).getQuery();
    for (String part : query == null ? new String[0] : query.split("&")) {
      if (part.startsWith("user=")) {
        return part.substring("user=".length());
      }
    }
    return System.getProperty("user.name");
  }

  private static JsonPath say(String conversationId, String text) {
    Map<String, String> body = conversationId == null ? Map.of("text", text)
        : Map.of("conversationId", conversationId, "text", text);
    return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/chat")
        .then().statusCode(200).extract().jsonPath();
  }

  @Test
  void rateLimitsAreRowsThatKeepNoAddress() throws SQLException {
    String id = say(null, "what is immunotherapy").getString("conversationId");
    say(id, "what are the side effects");

    List<String> ids = bucketIds();
    assertTrue(ids.contains("c:" + id), ids.toString());
    assertTrue(ids.stream().anyMatch(k -> k.startsWith("a:") && k.length() == 66),
        "the address's bucket, under a 64-character keyed hash: " + ids);
    assertTrue(ids.stream().noneMatch(k -> k.contains("127.0.0.1") || k.contains("localhost")),
        "no address stored as it is: " + ids);
  }

  @Test
  void aReloadSignalledByAnotherInstanceSwitchesTheContent() throws Exception {
    Path dialog = contentDir.resolve("dialogs/cytokines.yml");
    String original = Files.readString(dialog, StandardCharsets.UTF_8);
    assertTrue(say(null, "what are cytokines").getString("replies[0].text").contains(OLD_TEXT));
    Files.writeString(dialog, original.replace(OLD_TEXT, NEW_TEXT), StandardCharsets.UTF_8);
    try (PostgresSignals otherInstance = new PostgresSignals(unpooled(), unpooled())) {
      otherInstance.publish(ContentReloader.TOPIC);
      await(() -> say(null, "what are cytokines").getString("replies[0].text")
          .contains(NEW_TEXT), "the new answer");
    } finally {
      Files.writeString(dialog, original, StandardCharsets.UTF_8);
    }
  }

  private static List<String> bucketIds() throws SQLException {
    String url = System.getenv(TestDatabases.POSTGRES_URL_ENV);
    try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
        + "currentSchema=" + SCHEMA);
        PreparedStatement ps = c.prepareStatement("SELECT id FROM rate_limit_bucket");
        ResultSet rs = ps.executeQuery()) {
      List<String> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      return ids;
    }
  }

  private static PGSimpleDataSource unpooled() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(System.getenv(TestDatabases.POSTGRES_URL_ENV));
    if (ds.getUser() == null) {
      ds.setUser(System.getProperty("user.name"));
    }
    return ds;
  }

  /** Waits until the condition holds, failing after a generous deadline. */
  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertTrue(condition.getAsBoolean(), "waited " + PATIENCE + " for " + what);
  }
}
