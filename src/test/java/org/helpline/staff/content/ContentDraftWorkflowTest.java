package org.helpline.staff.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.helpline.support.SafetyEdits;
import org.junit.jupiter.api.Test;

/**
 * The whole sign-off of a content change over real HTTP, on the real content and model: an
 * editor drafts a change to an answer and adds an example, tries it, and submits; the editor
 * cannot approve; an author who is also a clinician cannot approve their own; a clinician
 * approves (dating the review of exactly the changed dialog); the editor publishes and the
 * public chat answers with the new text; restoring the earlier version brings the old one
 * back. Runs on an application and database of its own (its profile), because it changes the
 * live content.
 */
@QuarkusTest
@TestProfile(ContentDraftWorkflowTest.OwnApp.class)
class ContentDraftWorkflowTest {

  /** A profile of its own: another application start, another embedded database. */
  public static class OwnApp implements QuarkusTestProfile {
  }

  private static final String DRAFTS = "/api/v1/staff/content/drafts";
  private static final String DIALOG = "dialogs/cytokines.yml";
  private static final String OLD_TEXT = "Cytokines are proteins that your body makes naturally.";
  private static final String NEW_TEXT = "Cytokines are natural messenger proteins.";
  private static final String QUESTION = "what is a cytokine";
  private static final String SAFETY = "dialogs/_system/safety.yml";

  @Inject
  @DataSource("embedded")
  AgroalDataSource database;

  private static RequestSpecification as(String name) {
    return given().auth().preemptive().basic(name, name + "-test-pw");
  }

  private static String publicAnswer() {
    return given().contentType(ContentType.JSON).body("{\"text\":\"" + QUESTION + "\"}")
        .when().post("/api/v1/chat").then().statusCode(200)
        .extract().path("replies[0].text");
  }

  @Test
  void aChangeIsDraftedTriedApprovedPublishedAndRestored() throws SQLException {
    int live = as("editor").when().get("/api/v1/staff/content/versions").then()
        .statusCode(200).body("[0].live", equalTo(true)).extract().path("[0].version");
    assertTrue(publicAnswer().startsWith(OLD_TEXT));

    String id = as("editor").contentType(ContentType.JSON).body("{\"note\":\"Simpler words\"}")
        .when().post(DRAFTS).then().statusCode(201)
        .body("basedOn", equalTo(live)).body("status", equalTo("editing"))
        .body("author", equalTo("editor")).extract().path("id");

    String original = as("editor").when().get(DRAFTS + "/" + id + "/files/" + DIALOG).then()
        .statusCode(200).extract().asString();
    assertTrue(original.contains(OLD_TEXT));

    // A broken file is saved with its problem and place, and cannot be submitted.
    as("editor").contentType(ContentType.TEXT).body(original.replace("replies:", "replies: ["))
        .when().put(DRAFTS + "/" + id + "/files/" + DIALOG).then().statusCode(200)
        .body("problems.file", hasItem(DIALOG)).body("problems[0].line", notNullValue());
    as("editor").when().post(DRAFTS + "/" + id + "/submit").then().statusCode(422)
        .body("problems.file", hasItem(DIALOG));

    // The real change: the answer, and one more way of asking.
    as("editor").contentType(ContentType.TEXT).body(original.replace(OLD_TEXT, NEW_TEXT))
        .when().put(DRAFTS + "/" + id + "/files/" + DIALOG).then().statusCode(200)
        .body("problems", empty()).body("changes.path", hasItem(DIALOG));
    String examples = as("editor").when().get(DRAFTS + "/" + id + "/files/intents/cytokines.txt")
        .then().statusCode(200).extract().asString();
    as("editor").contentType(ContentType.TEXT)
        .body(examples + "what do cytokine treatments do in the body\n")
        .when().put(DRAFTS + "/" + id + "/files/intents/cytokines.txt").then().statusCode(200)
        .body("problems", empty()).body("changes.path", hasItem("intents/cytokines.txt"));

    // Tried before it is live: the draft answers with the new text, people still get the old.
    as("editor").contentType(ContentType.JSON).body("{\"text\":\"" + QUESTION + "\"}")
        .when().post(DRAFTS + "/" + id + "/chat").then().statusCode(200)
        .body("intent", equalTo("cytokines")).body("replies[0].text", startsWith(NEW_TEXT));
    assertTrue(publicAnswer().startsWith(OLD_TEXT));

    as("editor").contentType(ContentType.JSON).body("{}").when()
        .post(DRAFTS + "/" + id + "/submit").then().statusCode(200)
        .body("status", equalTo("submitted"));
    // Frozen while a clinician reads it.
    as("editor").contentType(ContentType.TEXT).body(original)
        .when().put(DRAFTS + "/" + id + "/files/" + DIALOG).then().statusCode(409);
    // An editor is not a clinician.
    as("editor").contentType(ContentType.JSON).body("{\"comment\":\"fine\"}")
        .when().post(DRAFTS + "/" + id + "/approve").then().statusCode(403);
    as("editor").when().post(DRAFTS + "/" + id + "/publish").then().statusCode(409);

    // The clinician reads the change side by side and approves it.
    as("clinician").when().get(DRAFTS + "/" + id + "/diff").then().statusCode(200)
        .body("files.path", equalTo(List.of(DIALOG, "intents/cytokines.txt")))
        .body("files[0].before", containsString(OLD_TEXT))
        .body("files[0].after", containsString(NEW_TEXT));
    as("clinician").contentType(ContentType.JSON).body("{\"comment\":\"Clear and correct\"}")
        .when().post(DRAFTS + "/" + id + "/approve").then().statusCode(200)
        .body("status", equalTo("approved")).body("reviewer", equalTo("clinician"))
        .body("reviewComment", equalTo("Clear and correct"));
    String approved = as("editor").when().get(DRAFTS + "/" + id + "/files/" + DIALOG).then()
        .statusCode(200).extract().asString();
    String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
    assertTrue(approved.contains("\nreviewed: " + today + "\n"), approved);
    assertTrue(approved.contains("\nreviewedBy: \"clinician\""), approved);
    // Only the dialog that changed is dated.
    String untouched = as("editor").when()
        .get(DRAFTS + "/" + id + "/files/dialogs/immune_system.yml").then().statusCode(200)
        .extract().asString();
    assertTrue(!untouched.contains("reviewedBy"), untouched);

    int published = as("editor").contentType(ContentType.JSON)
        .body("{\"note\":\"Simpler words for cytokines\"}")
        .when().post(DRAFTS + "/" + id + "/publish").then().statusCode(200)
        .extract().path("version");
    assertEquals(live + 1, published);
    assertTrue(publicAnswer().startsWith(NEW_TEXT));
    as("clinician").when().get("/api/v1/staff/content/versions").then().statusCode(200)
        .body("[0].version", equalTo(published)).body("[0].live", equalTo(true))
        .body("[0].approvedBy", equalTo("clinician")).body("[0].publishedBy", equalTo("editor"))
        .body("[0].note", equalTo("Simpler words for cytokines"))
        .body("[1].live", equalTo(false));
    as("editor").when().get(DRAFTS + "/" + id).then().body("status", equalTo("published"))
        .body("publishedVersion", equalTo(published));

    // One click back.
    as("editor").when().post("/api/v1/staff/content/versions/" + live + "/restore").then()
        .statusCode(200).body("live", equalTo(true));
    assertTrue(publicAnswer().startsWith(OLD_TEXT));

    List<String> actions = audit();
    for (String action : List.of("content_draft_create", "content_draft_save_file",
        "content_draft_submit", "content_draft_approve", "content_publish", "content_restore")) {
      assertTrue(actions.contains(action), action + " is not in the audit log: " + actions);
    }
  }

  @Test
  void anAuthorWhoIsAlsoAClinicianCannotApproveTheirOwnDraft() {
    String id = as("admin").contentType(ContentType.JSON).body("{}").when().post(DRAFTS)
        .then().statusCode(201).extract().path("id");
    String text = as("admin").when().get(DRAFTS + "/" + id + "/files/intents/greeting.txt")
        .then().statusCode(200).extract().asString();
    as("admin").contentType(ContentType.TEXT).body(text + "hiya there\n")
        .when().put(DRAFTS + "/" + id + "/files/intents/greeting.txt").then().statusCode(200)
        .body("problems", empty());
    as("admin").when().post(DRAFTS + "/" + id + "/submit").then().statusCode(200);
    as("admin").contentType(ContentType.JSON).body("{\"comment\":\"looks fine\"}")
        .when().post(DRAFTS + "/" + id + "/approve").then().statusCode(403)
        .body("type", equalTo("urn:helpline:problem:own-draft"));
    // Returned by a clinician with a comment, it can be changed again.
    as("clinician").contentType(ContentType.JSON).body("{}")
        .when().post(DRAFTS + "/" + id + "/return").then().statusCode(409);
    as("clinician").contentType(ContentType.JSON).body("{\"comment\":\"Say hello back too\"}")
        .when().post(DRAFTS + "/" + id + "/return").then().statusCode(200)
        .body("status", equalTo("editing")).body("reviewComment", equalTo("Say hello back too"));
    as("admin").when().post(DRAFTS + "/" + id + "/discard").then().statusCode(200)
        .body("status", equalTo("discarded"));
  }

  @Test
  void aDraftThatLowersSafetyRecallCannotBeSubmitted() {
    String id = as("editor").contentType(ContentType.JSON).body("{}").when().post(DRAFTS)
        .then().statusCode(201).extract().path("id");
    String safety = as("editor").when().get(DRAFTS + "/" + id + "/files/" + SAFETY).then()
        .statusCode(200).extract().asString();
    as("editor").contentType(ContentType.TEXT)
        .body(SafetyEdits.withoutPhrasesOfRule(safety, "self_harm"))
        .when().put(DRAFTS + "/" + id + "/files/" + SAFETY).then().statusCode(200)
        .body("problems", empty());
    as("editor").when().post(DRAFTS + "/" + id + "/submit").then().statusCode(422)
        .body("problems.file", hasItem("safety"))
        .body("problems[0].message", containsString("self_harm"));
    as("editor").when().get(DRAFTS + "/" + id + "/evaluation").then().statusCode(200)
        .body("safetyLowered", equalTo(true))
        .body("lostEscalations.category", hasItem("self_harm"));
    as("editor").when().get(DRAFTS + "/" + id).then().body("status", equalTo("editing"));
  }

  @Test
  void anUnrecognisedQuestionIsAddedToAnIntentWithOneAction() {
    String id = as("editor").contentType(ContentType.JSON).body("{}").when().post(DRAFTS)
        .then().statusCode(201).extract().path("id");
    String question = "is there a jab that teaches my immune cells to find the cancer";
    as("editor").contentType(ContentType.JSON)
        .body("{\"intent\":\"cancer_vaccines\",\"text\":\"" + question + "\"}")
        .when().post(DRAFTS + "/" + id + "/examples").then().statusCode(200)
        .body("problems", empty()).body("changes.path", equalTo(List.of(
            "intents/cancer_vaccines.txt")));
    String examples = as("editor").when()
        .get(DRAFTS + "/" + id + "/files/intents/cancer_vaccines.txt").then().statusCode(200)
        .extract().asString();
    assertTrue(examples.endsWith("\n" + question + "\n"), examples);
    as("editor").contentType(ContentType.JSON)
        .body("{\"intent\":\"cancer_vaccines\",\"text\":\"" + question.toUpperCase() + "\"}")
        .when().post(DRAFTS + "/" + id + "/examples").then().statusCode(409);
    as("editor").contentType(ContentType.JSON)
        .body("{\"intent\":\"no_such_intent\",\"text\":\"hello\"}")
        .when().post(DRAFTS + "/" + id + "/examples").then().statusCode(404);
  }

  @Test
  void everyEndpointNeedsSignInAndTheRightRole() {
    given().when().get("/api/v1/staff/content/versions").then().statusCode(401);
    given().when().post(DRAFTS).then().statusCode(401);
    as("nurse").when().get("/api/v1/staff/content/versions").then().statusCode(403);
    as("nurse").contentType(ContentType.JSON).body("{}").when().post(DRAFTS).then()
        .statusCode(403);
    as("clinician").contentType(ContentType.JSON).body("{}").when().post(DRAFTS).then()
        .statusCode(403);
    as("clinician").when().post("/api/v1/staff/content/versions/1/restore").then()
        .statusCode(403);
    as("editor").when().get(DRAFTS + "/no-such-draft").then().statusCode(404)
        .body("type", equalTo("urn:helpline:problem:unknown-content"));
  }

  @Test
  void badFilesAndPathsAreRefusedWithAProblemAndChangeNothing() {
    String id = as("editor").contentType(ContentType.JSON).body("{}").when().post(DRAFTS)
        .then().statusCode(201).extract().path("id");
    as("editor").contentType(ContentType.TEXT).body("hello\n").when()
        .put(DRAFTS + "/" + id + "/files/intents/../../etc/passwd").then()
        .statusCode(not(200));
    as("editor").contentType(ContentType.TEXT).body("hello\n").when()
        .put(DRAFTS + "/" + id + "/files/scripts/run.sh").then().statusCode(409)
        .body("type", equalTo("urn:helpline:problem:content-workflow"));
    as("editor").contentType(ContentType.TEXT).body("bad \u0007 bell\n").when()
        .put(DRAFTS + "/" + id + "/files/intents/greeting.txt").then().statusCode(400);
    as("editor").contentType(ContentType.TEXT).body("x".repeat(2_200_000)).when()
        .put(DRAFTS + "/" + id + "/files/intents/greeting.txt").then().statusCode(413);
    as("editor").when().get(DRAFTS + "/" + id).then().statusCode(200)
        .body("revision", equalTo(0)).body("changes", empty());
  }

  @Test
  void aVersionExportsAsAFileTreeAndImportsBackAndBadArchivesAreRefused() throws IOException {
    int live = as("editor").when().get("/api/v1/staff/content/versions").then()
        .statusCode(200).extract().path("find { it.live }.version");
    byte[] zip = as("clinician").when().get("/api/v1/staff/content/versions/" + live
        + "/export").then().statusCode(200).contentType("application/zip")
        .extract().asByteArray();
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertTrue(names.contains(DIALOG) && names.contains("intents/cytokines.txt")
        && names.contains(SAFETY), names.toString());

    // The same tree back: a valid draft that changes nothing.
    as("editor").contentType("application/zip").body(zip).when().post(DRAFTS + "/import")
        .then().statusCode(201).body("problems", empty()).body("changes", empty());
    // Not a zip, a zip with a path outside the content, a body over the upload limit.
    as("editor").contentType("application/zip").body("not a zip".getBytes())
        .when().post(DRAFTS + "/import").then().statusCode(422)
        .body("problems[0].message", containsString("zip"));
    ByteArrayOutputStream bad = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bad)) {
      out.putNextEntry(new ZipEntry("dialogs/../../etc/passwd.yml"));
      out.write("x".getBytes());
      out.closeEntry();
    }
    as("editor").contentType("application/zip").body(bad.toByteArray())
        .when().post(DRAFTS + "/import").then().statusCode(422)
        .body("problems[0].message", containsString("not a content file"));
    as("editor").contentType("application/zip").body(new byte[2_200_000])
        .when().post(DRAFTS + "/import").then().statusCode(413);
    as("editor").when().get("/api/v1/staff/content/versions").then()
        .body("find { it.live }.version", equalTo(live));
  }

  private List<String> audit() throws SQLException {
    List<String> actions = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT action FROM staff_audit");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        actions.add(rs.getString(1));
      }
    }
    return actions;
  }
}
