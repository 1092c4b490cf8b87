package org.helpline.staff.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every content endpoint asks for sign-in (401) and refuses the wrong role with a problem
 * document (403): nurses have no content endpoint; only editors change drafts, publish and
 * restore; only clinicians approve or return. Roles are checked before anything is looked up,
 * so an unknown draft or version is enough to show it.
 */
@QuarkusTest
class ContentAccessTest {

  private static final String DRAFT = "/api/v1/staff/content/drafts/"
      + "00000000-0000-0000-0000-000000000000";

  private static ValidatableResponse call(RequestSpecification request, String method,
      String path) {
    // Each with the body type it takes (a wrong one is refused first, with 415).
    RequestSpecification r = path.endsWith("/import")
        ? request.contentType("application/zip").body(new byte[] {1})
        : method.equals("PUT") ? request.contentType("text/plain").body("hello\n")
        : request.contentType("application/json").body("{}");
    return switch (method) {
      case "POST" -> r.when().post(path).then();
      case "PUT" -> r.when().put(path).then();
      case "DELETE" -> r.when().delete(path).then();
      default -> request.when().get(path).then();
    };
  }

  private static RequestSpecification as(String name) {
    return given().auth().preemptive().basic(name, name + "-test-pw");
  }

  /** Every content endpoint, with the role that may use it: read, editor or clinician. */
  private static final String ALL = """
      GET, /api/v1/staff/content/versions, read
      POST, /api/v1/staff/content/versions/1/restore, editor
      GET, /api/v1/staff/content/versions/1/export, read
      GET, /api/v1/staff/content/review-due, read
      POST, /api/v1/staff/content/reload, editor
      GET, /api/v1/staff/content/drafts, read
      POST, /api/v1/staff/content/drafts, editor
      POST, /api/v1/staff/content/drafts/import, editor
      GET, %1$s, read
      GET, %1$s/files/intents/greeting.txt, read
      PUT, %1$s/files/intents/greeting.txt, editor
      DELETE, %1$s/files/intents/greeting.txt, editor
      POST, %1$s/examples, editor
      GET, %1$s/diff, read
      POST, %1$s/chat, read
      GET, %1$s/evaluation, read
      POST, %1$s/submit, editor
      POST, %1$s/approve, clinician
      POST, %1$s/return, clinician
      POST, %1$s/publish, editor
      POST, %1$s/discard, editor
      """;

  @ParameterizedTest
  @CsvSource(textBlock = ALL)
  void withoutCredentialsEveryEndpointAsksToSignIn(String method, String path, String role) {
    call(given(), method, path.formatted(DRAFT)).statusCode(401);
  }

  @ParameterizedTest
  @CsvSource(textBlock = ALL)
  void theWrongRoleIsRefusedWithAProblem(String method, String path, String role) {
    String url = path.formatted(DRAFT);
    refused(call(as("nurse"), method, url));
    if (role.equals("editor")) {
      refused(call(as("clinician"), method, url));
    }
    if (role.equals("clinician")) {
      refused(call(as("editor"), method, url));
    }
  }

  private static void refused(ValidatableResponse response) {
    response.statusCode(403).contentType("application/problem+json")
        .body("status", equalTo(403));
  }

  @ParameterizedTest
  @CsvSource({"/api/v1/staff/content/versions, get", "/api/v1/staff/content/drafts, post",
      "/api/v1/staff/content/drafts/{id}/approve, post",
      "/api/v1/staff/content/drafts/{id}/files/{path}, put"})
  void theOpenApiDocumentListsTheEndpoint(String path, String method) {
    given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
        .body("paths.'" + path + "'." + method + ".tags", hasItem("staff"));
  }
}
