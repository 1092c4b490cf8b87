package org.helpline.staff.editor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.helpline.support.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live content: an editor changes the content directory and reloads. A valid change is
 * answered with at once; a broken one is refused with file and line and the bot keeps
 * answering with what it had.
 */
@QuarkusTest
@TestProfile(LiveContentDirectory.Profile.class)
class ContentReloadTest {

  private static final String OLD_TEXT = "Cytokines are proteins that your body makes naturally.";
  private static final String NEW_TEXT = "Cytokines are natural proteins made by your body.";

  @ConfigProperty(name = "helpline.content.dir")
  Path contentDir;

  private Path dialog;
  private String original;

  @BeforeEach
  void remember() throws IOException {
    dialog = contentDir.resolve("dialogs/cytokines.yml");
    original = Files.readString(dialog, StandardCharsets.UTF_8);
  }

  @AfterEach
  void restore() throws IOException {
    Files.writeString(dialog, original, StandardCharsets.UTF_8);
    reload().statusCode(200);
  }

  private static ValidatableResponse reload() {
    return given().auth().preemptive().basic("editor", "editor-test-pw")
        .when().post("/api/v1/staff/content/reload").then();
  }

  private static ValidatableResponse askAboutCytokines() {
    return given().contentType(ContentType.JSON).body(Map.of("text", "what are cytokines"))
        .when().post("/api/v1/chat").then().statusCode(200)
        .body("intent", equalTo("cytokines"));
  }

  private void edit(String from, String to) throws IOException {
    String text = Files.readString(dialog, StandardCharsets.UTF_8);
    assertNotEquals(text, text.replace(from, to), "the edit must change the file");
    Files.writeString(dialog, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private static int lineOf(String text, String needle) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle + " not found");
  }

  @Test
  void aChangedAnswerIsGivenAfterAReload() throws IOException {
    String before = askAboutCytokines().body("replies[0].text", containsString(OLD_TEXT))
        .extract().path("contentVersion");
    edit(OLD_TEXT, NEW_TEXT);

    String version = reload().statusCode(200)
        .contentType(ContentType.JSON)
        .body("intents", greaterThan(20))
        .body("examples", greaterThan(500))
        .body("trainingMillis", greaterThan(0))
        .body("dueForReview", empty())
        .body("awaitingReview.file", hasItem("dialogs/cytokines.yml"))
        .body("awaitingReview.message", everyItem(startsWith("awaiting clinical review")))
        .extract().path("version");

    assertNotEquals(before, version);
    askAboutCytokines()
        .body("replies[0].text", containsString(NEW_TEXT))
        .body("contentVersion", equalTo(version));
    // The development evaluation follows the running content.
    given().auth().preemptive().basic("editor", "editor-test-pw")
        .when().get("/api/v1/staff/evaluation").then().statusCode(200)
        .body("contentVersion", equalTo(version));
  }

  @Test
  void theLogSaysHowManyTextsAwaitClinicalReviewAsACountOnly() throws IOException {
    edit(OLD_TEXT, NEW_TEXT);
    List<String> logged;
    int awaiting;
    try (LogCapture capture = LogCapture.start()) {
      awaiting = reload().statusCode(200).extract().path("awaitingReview.size()");
      logged = capture.lines();
    }
    String line = logged.stream().filter(l -> l.contains("awaiting clinical review"))
        .findFirst().orElseThrow(() -> new AssertionError(String.join("\n", logged)));
    assertTrue(line.contains(awaiting + " content file(s) awaiting clinical review"), line);
    assertFalse(line.contains(".yml"), "a count, not the files: " + line);
  }

  @Test
  void brokenContentIsRefusedWithFileAndLineAndTheOldAnswersStay() throws IOException {
    String before = askAboutCytokines().extract().path("contentVersion");
    edit(OLD_TEXT, NEW_TEXT);
    edit("followUps: [immunotherapy_side_effects,",
        "followUps: [no_such_intent, immunotherapy_side_effects,");
    int line = lineOf(Files.readString(dialog, StandardCharsets.UTF_8), "no_such_intent");

    reload().statusCode(422)
        .contentType("application/problem+json")
        .body("status", equalTo(422))
        .body("detail", containsString("keeps running the content it had"))
        .body("problems.size()", equalTo(1))
        .body("problems[0].file", equalTo("dialogs/cytokines.yml"))
        .body("problems[0].line", equalTo(line))
        .body("problems[0].message", containsString("no_such_intent"));

    askAboutCytokines()
        .body("replies[0].text", containsString(OLD_TEXT))
        .body("replies[0].text", not(containsString(NEW_TEXT)))
        .body("contentVersion", equalTo(before));
  }

  @Test
  void anAnswerReviewedLongAgoIsReportedAsDueButStillRuns() throws IOException {
    // As a real review would: the date goes in and the answer is no longer awaiting review.
    Files.writeString(dialog, original + "reviewed: 2020-01-15\n", StandardCharsets.UTF_8);
    edit(OLD_TEXT, NEW_TEXT);
    int line = lineOf(Files.readString(dialog, StandardCharsets.UTF_8), "reviewed:");

    given().auth().preemptive().basic("admin", "admin-test-pw")
        .when().post("/api/v1/staff/content/reload").then().statusCode(200)
        .body("dueForReview.file", hasItem("dialogs/cytokines.yml"))
        .body("dueForReview.find { it.file == 'dialogs/cytokines.yml' }.line", equalTo(line))
        .body("dueForReview.find { it.file == 'dialogs/cytokines.yml' }.message",
            containsString("2020-01-15"))
        .body("awaitingReview.file", not(hasItem("dialogs/cytokines.yml")))
        .body("awaitingReview.file", hasItem("dialogs/greeting.yml"));
    askAboutCytokines().body("replies[0].text", containsString(NEW_TEXT))
        .body("source.reviewed", equalTo("2020-01-15"))
        .body("source.status", equalTo("reviewed"));
  }

  @Test
  void reloadsAtTheSameTimeRunOneAfterTheOther() throws Exception {
    edit(OLD_TEXT, NEW_TEXT);
    CompletableFuture<String> first = CompletableFuture.supplyAsync(
        () -> reload().statusCode(200).extract().path("version"));
    CompletableFuture<String> second = CompletableFuture.supplyAsync(
        () -> reload().statusCode(200).extract().path("version"));
    assertEquals(first.get(), second.get());
    askAboutCytokines().body("contentVersion", equalTo(first.get()))
        .body("replies[0].text", containsString(NEW_TEXT));
  }

  @Test
  void reloadingUnchangedContentKeepsTheRunningVersion() {
    String running = askAboutCytokines().extract().path("contentVersion");
    reload().statusCode(200).body("version", equalTo(running));
    askAboutCytokines().body("contentVersion", equalTo(running));
  }
}
