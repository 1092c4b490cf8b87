package org.helpline.staff;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.helpline.support.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff passwords never reach the log, neither from a failed nor from a successful sign-in,
 * with the security and HTTP categories logging at DEBUG. Everything logged while signing in
 * is captured: messages, their parameters and every exception in the chain.
 */
@QuarkusTest
@TestProfile(StaffCredentialsLogTest.VerboseSecurityLog.class)
class StaffCredentialsLogTest {

  private static final String WRONG = "Quokka-wrong-Passw0rd";
  private static final String RIGHT = "nurse-test-pw";
  private static final String UNKNOWN_USERS = "Quokka-unknown-Passw0rd";

  /** The categories that handle sign-in log everything they would log when debugging. */
  public static class VerboseSecurityLog implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.log.category.\"io.quarkus.security\".level", "DEBUG",
          "quarkus.log.category.\"io.quarkus.vertx.http\".level", "DEBUG",
          "quarkus.log.category.\"io.quarkus.elytron\".level", "DEBUG",
          "quarkus.log.category.\"org.helpline\".level", "DEBUG");
    }
  }

  private LogCapture capture;

  @BeforeEach
  void captureLogs() {
    capture = LogCapture.start();
  }

  @AfterEach
  void stopCapturing() {
    capture.close();
  }

  @Test
  void failedAndSuccessfulSignInsNeverLogThePassword() {
    given().auth().preemptive().basic("nurse", WRONG).when().get("/api/v1/staff/me")
        .then().statusCode(401);
    given().auth().preemptive().basic("nobody", UNKNOWN_USERS).when().get("/api/v1/staff/me")
        .then().statusCode(401);
    given().header("Authorization", "Basic " + base64(WRONG)).when().get("/api/v1/staff/me")
        .then().statusCode(401);
    given().auth().preemptive().basic("nurse", RIGHT).when().get("/api/v1/staff/me")
        .then().statusCode(200);
    given().auth().preemptive().basic("nurse", RIGHT).when().get("/api/v1/staff/handoffs")
        .then().statusCode(200);
    given().auth().preemptive().basic("editor", "editor-test-pw").when()
        .get("/api/v1/staff/handoffs").then().statusCode(403);
    // A turn, so the capture demonstrably sees what the application logs.
    given().contentType(ContentType.JSON).body("{\"text\":\"what is immunotherapy\"}")
        .when().post("/api/v1/chat").then().statusCode(200);

    List<String> logged = capture.lines();
    assertTrue(logged.stream().anyMatch(line -> line.contains("turn channel=web")),
        "the capture saw the application's log: " + logged);
    for (String secret : List.of(WRONG, RIGHT, UNKNOWN_USERS, "editor-test-pw",
        base64("nurse:" + WRONG), base64("nurse:" + RIGHT), base64(WRONG))) {
      for (String line : logged) {
        assertFalse(line.contains(secret), "a credential in the log: " + line);
      }
    }
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
